#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// presenterLine and the other shared wording live in core/Wording; included here so code that
// knows only the model still finds them.
#include "core/Wording.hpp"

// The domain model of one workshop (PRODUCT.md §2–§3). Plain values: the store maps them to
// SQLite rows, the JSON interchange maps them to objects. An id of 0 means "none".
namespace plenary::core {

using Id = std::int64_t;

enum class Format { UrbanAcademy, SocialOlympics };

std::string_view formatKey(Format format);
std::optional<Format> formatFromKey(std::string_view key);

enum class Role { Participant, Facilitator, Expert, Rapporteur };

std::string_view roleKey(Role role);
std::optional<Role> roleFromKey(std::string_view key);

enum class DilemmaStatus { Pending, Active, Done, Skipped };

std::string_view statusKey(DilemmaStatus status);
std::optional<DilemmaStatus> statusFromKey(std::string_view key);

enum class ContributionKind { Introduction, WrapUp };

std::string_view contributionKey(ContributionKind kind);
std::optional<ContributionKind> contributionFromKey(std::string_view key);

struct Workshop {
    std::string title;
    Format format = Format::UrbanAcademy;
    std::string templateKey;
    std::string date;    // ISO 8601 date, e.g. 2019-03-14
    std::string endDate; // empty for a one-day workshop
    std::string venue;
    std::string language = "en";
    std::string description;
    // Social Olympics settings, copied from the template so the file is self-contained.
    std::string scale;
    double threshold = 0.6;
    int dotBudget = 0;
    int rounds = 0;
    bool operator==(const Workshop&) const = default;
};

struct Person {
    Id id = 0;
    std::string name;
    std::string organisation;
    std::string city;
    std::string country; // ISO 3166 alpha-2, e.g. "DE"
    Role role = Role::Participant;
    Id ring = 0;
    bool operator==(const Person&) const = default;
};

// The one order of the people list, wherever it is built (a fresh load, a snapshot patched in
// place): by name as people read it (core::compareForSorting), then by id.
bool personBefore(const Person& a, const Person& b);

// A country as the file keeps it: an ISO 3166 code is upper case however it was typed ("nl" is
// "NL"); spaces around it go. Applied by the store to every person and practice it writes.
std::string countryCode(std::string_view typed);

// One phase of the Urban Academy format, copied from the template into the file.
struct Phase {
    std::string key; // present | questions | reflection | ideas | result
    std::string name;
    std::string prompt;
    int seconds = 0;
    int position = 0;
    bool operator==(const Phase&) const = default;
};

struct ThematicSession {
    Id id = 0;
    std::string title;
    int position = 0;
    bool operator==(const ThematicSession&) const = default;
};

struct Dilemma {
    Id id = 0;
    Id session = 0;
    int position = 0;
    std::string question;
    Id presenter = 0;
    std::string information;
    std::string reflection;
    std::string result;
    DilemmaStatus status = DilemmaStatus::Pending;
    Id jointGroup = 0; // dilemmas sharing a non-zero group are discussed together
    bool operator==(const Dilemma&) const = default;
};

struct Question {
    Id id = 0;
    Id dilemma = 0;
    int position = 0;
    std::string text;
    Id asker = 0;
    bool open = true;
    bool overridden = false; // the facilitator changed the classifier's label
    bool operator==(const Question&) const = default;
};

struct Practice {
    Id id = 0;
    Id dilemma = 0;
    int position = 0;
    std::string title;
    std::string description;
    std::string city;
    std::string country;
    Id suggestedBy = 0;
    std::string link;
    std::string catalog; // id of a practice-catalog entry, empty if none
    // The four good-practice criteria (YOUMIG).
    bool innovative = false;
    bool makesDifference = false;
    bool sustainable = false;
    bool replicable = false;
    bool operator==(const Practice&) const = default;
};

struct Contribution {
    Id id = 0;
    ContributionKind kind = ContributionKind::Introduction;
    Id session = 0; // 0: the whole module
    Id person = 0;
    std::string title;
    std::string text;
    int position = 0;
    bool operator==(const Contribution&) const = default;
};

// The capture line's words before Enter, kept in the file so that a crash loses none of them:
// the text, what it was typed as (a CaptureKind's value) and for which dilemma. Not part of the
// workshop's record, its report or its undo history. In a Social Olympics conference the line
// types a statement: kind is kStatementDraft and `dilemma` holds the ring it is for.
struct CaptureDraft {
    static constexpr int kStatementDraft = 100;
    Id dilemma = 0;
    int kind = 0;
    std::string text;
    bool operator==(const CaptureDraft&) const = default;
};

struct PhaseLogEntry {
    Id id = 0;
    Id dilemma = 0;
    std::string phase;
    std::string startedAt;  // ISO 8601 UTC
    std::string endedAt;    // empty while the phase runs
    int plannedSeconds = 0; // with the minutes added during the phase
    // The big timer as it was on screen, so a restart shows it again: seconds to take off the
    // time since startedAt (pauses, a reset; negative when a phase entered again goes on), and
    // when it was paused ('' while it runs).
    int clockOffset = 0;
    std::string pausedAt;
    bool operator==(const PhaseLogEntry&) const = default;
};

// One round of a Social Olympics conference as it ran: when it started and ended, and its timer
// as it was on screen (as PhaseLogEntry keeps a phase's), so a restart shows the round and the
// clock exactly where they were. The open entry (no endedAt) is where the conference is.
struct RoundLogEntry {
    Id id = 0;
    int round = 1;
    std::string startedAt;
    std::string endedAt;
    int plannedSeconds = 0;
    int clockOffset = 0;
    std::string pausedAt;
    bool operator==(const RoundLogEntry&) const = default;
};

struct Ring {
    Id id = 0;
    std::string key;
    std::string name;
    std::string colour; // #RRGGBB
    int position = 0;
    bool operator==(const Ring&) const = default;
};

struct Statement {
    Id id = 0;
    Id ring = 0; // the ring that drafted it
    int position = 0;
    std::string text;
    Id mergedInto = 0;
    bool operator==(const Statement&) const = default;
};

// A count of raised hands (or dots) for one level of the scale. The id is the file's row id; the
// JSON format names a tally by round, ring, statement and level instead, so an import assigns it.
// No room raises more hands than this on one level: a count beyond it is refused wherever it comes
// from (the tally grid, a JSON import, a file), so no sum of counts can overflow.
inline constexpr int kMostVotes = 100000;

struct VoteTally {
    Id id = 0;
    int round = 1;
    Id ring = 0;
    Id statement = 0;
    int level = 0;
    int count = 0;
    bool operator==(const VoteTally&) const = default;
};

// A whole workshop in memory: what JSON import/export and the reports work on.
struct SessionData {
    Workshop workshop;
    std::vector<Person> people;
    std::vector<Phase> phases;
    std::vector<ThematicSession> sessions;
    std::vector<Dilemma> dilemmas;
    std::vector<Question> questions;
    std::vector<Practice> practices;
    std::vector<Contribution> contributions;
    std::vector<PhaseLogEntry> phaseLog;
    std::vector<Ring> rings;
    std::vector<Statement> statements;
    std::vector<VoteTally> votes;
    std::vector<RoundLogEntry> roundLog;
    bool operator==(const SessionData&) const = default;
};

const Person* findPerson(const SessionData& data, Id id);

} // namespace plenary::core
