#pragma once

#include "core/Consensus.hpp"
#include "core/Model.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

// The rapporteur's report, built once from a session (PRODUCT.md §6) and rendered by every export
// format (export/): what it says, in its order, with every figure already worked out. Renderers add
// only markup and escaping for their target; the words come from here. Text is plain UTF-8 as the
// file holds it, cleaned for a document (core::forDocument): no control characters but tab and
// line break, no invalid bytes. Anonymising is one transform of this model (anonymise()).
namespace plenary::core {

// One part of a person line, e.g. a presenter: "Sanne van Dijk, City of Amsterdam, Amsterdam (NL)".
struct ReportPerson {
    Id id = 0;
    std::string name;
    std::string role; // "Participant", "Facilitator", "Expert", "Rapporteur"
    std::string organisation;
    std::string city;
    std::string country;
    std::string ring; // Social Olympics: the ring's name, "" for none
    bool operator==(const ReportPerson&) const = default;
};

// "Name, Organisation, City (CC)", empty parts left out (core::presenterLine's style).
std::string personLine(const ReportPerson& person);

struct ReportQuestion {
    std::string text;
    bool open = true;
    std::string asker; // the asker's name, "" when not recorded
};

// The four good-practice criteria, in this order (YOUMIG).
inline constexpr const char* kCriteria[4] = {"Innovative", "Makes a difference", "Sustainable",
                                             "Replicable"};

struct ReportPractice {
    std::string title;
    std::string origin; // "City (CC)"
    std::string city;
    std::string country;
    std::string description;
    std::string link;   // as typed
    bool webLink = false; // http(s) or mailto: may be rendered as a link; anything else only as text
    std::string suggestedBy;
    bool criteria[4] = {false, false, false, false}; // in kCriteria's order
};

struct ReportDilemma {
    Id id = 0;
    int number = 0;       // "Question N", counted through the whole report
    std::string question; // core::questionText
    std::string session;  // the thematic session's title
    std::string status;   // "pending", "active", "done"
    ReportPerson presenter; // id 0 when nobody presents it
    std::string information;
    std::vector<ReportQuestion> questions;
    std::vector<ReportPractice> practices;
    std::string result; // this dilemma's own result text
};

// Dilemmas reported together: one on its own, or the members of a joint discussion, whose results
// are given once, as one "Result of the discussion".
struct ReportBlock {
    bool joint = false;
    std::vector<ReportDilemma> dilemmas;
    std::string result; // the members' results joined by a blank line
};

// An introduction or a wrap-up.
struct ReportContribution {
    std::string heading; // "Introduction" or "Wrap-up"
    std::string by;      // the speaker's name, "" when not recorded
    std::string title;
    std::string text;
};

struct ReportSection {
    std::string title;
    std::vector<ReportContribution> introductions; // given at the start of this session
    std::vector<ReportBlock> blocks;
    std::vector<ReportContribution> wrapUps;
};

// The annex: a dilemma's phase as it ran against its plan.
struct PhaseTiming {
    int dilemmaNumber = 0;
    Id dilemma = 0;
    std::string question;
    std::string phase; // the phase's name ("Open questions")
    int plannedSeconds = 0;
    int actualSeconds = 0; // the timer's reading when the phase ended (pauses left out)
};

struct OpenQuestionShare {
    int dilemmaNumber = 0;
    Id dilemma = 0;
    std::string question;
    int open = 0;
    int total = 0;
    double share = 0; // open / total; 0 when no question was asked
};

// ---- Social Olympics ----

struct ReportRing {
    Id id = 0;
    std::string name;
    std::string colour; // "#RRGGBB"
    std::vector<std::string> members; // names, in the people list's order; anonymised: each
                                      // stand-in once, "Participant from Delft (3)" for three
    int memberCount = 0;              // how many people the ring has
};

struct ReportStatement {
    Id id = 0;
    int number = 0; // as the rings screen numbers it
    std::string text;
    Id ring = 0;
    std::string ringName;
    Id mergedInto = 0;   // the statement it was merged into (0: none)
    int mergedNumber = 0; // that statement's number
};

// One ring's votes on one statement in one round (core::RingResult, named).
struct RingSupport {
    Id ring = 0;
    bool voted = false; // false: no vote from this ring (cells stay empty)
    int support = 0;    // votes on support levels; dots for dot voting
    int votes = 0;      // all votes cast; all the ring's dots in the round for dot voting
    double share = 0;   // support / votes (dot voting: the ring's dot share)
    double smoothed = 0;
    bool blocked = false;
};

struct SupportRow {
    Id statement = 0;
    int number = 0;
    std::string text;
    std::vector<RingSupport> rings; // one per ring, in the order of ReportConference::rings
};

struct ReportShift {
    int fromRound = 1;
    int toRound = 2;
    Id statement = 0;
    int number = 0;
    std::string text;
    Id ring = 0;
    std::string ringName;
    double from = 0;
    double to = 0;
    double delta = 0;
};

struct ConsensusRow {
    int rank = 0;
    Id statement = 0;
    int number = 0;
    std::string text;
    std::string status; // consensusStatus(): "reached", "blocked", "not reached", "no votes"
    double gac = 0;
    double divisiveness = 0;
    int totalSupport = 0; // dots for dot voting
    std::vector<RingSupport> rings; // one per ring, in the order of ReportConference::rings
};

struct ReportRound {
    int number = 0;
    std::string name;
    bool hasVotes = false;
    std::vector<SupportRow> support;    // the statements rated in the round, by number
    std::vector<ConsensusRow> ranking;  // core::rankRound, named
};

struct ReportTally {
    int round = 0;
    Id ring = 0;
    std::string ringName;
    Id statement = 0;
    std::string statementText;
    int level = 0;
    std::string levelName;
    int count = 0;
};

struct ReportConference {
    std::string scale;     // the scale's name
    bool dots = false;     // dot voting: shares are dot shares, no GAC
    double threshold = 0;  // GAC needed for consensus
    std::vector<ReportRing> rings;
    std::vector<ReportStatement> statements; // by ring, then position
    std::vector<ReportRound> rounds;         // every round of the conference, in order
    std::vector<ReportShift> shifts;         // from round 1 to each later round with votes
    int consensusRound = 0;                  // the last round with votes (0: none)
    std::vector<ReportTally> tallies;        // every count above 0: round, ring, statement, level
};

// ---- Tables (spreadsheet sheets, CSV files) ----

struct ReportCell {
    enum class Kind { Text, Integer, Decimal, Empty } kind = Kind::Empty;
    std::string text;
    double number = 0;
    int digits = 6; // decimals written for a Decimal

    static ReportCell ofText(std::string text);
    static ReportCell ofInteger(std::int64_t value);
    static ReportCell ofDecimal(double value, int digits = 6);
    static ReportCell empty();
    // The cell as a CSV or a preview writes it: text as is, a decimal with `digits` digits and a
    // point ("0.666667"), whatever the locale.
    std::string display() const;
};

struct ReportTable {
    std::string key;   // file and sheet name: "questions" → questions.csv
    std::string title; // "Questions asked"
    std::vector<std::string> columns;
    std::vector<std::vector<ReportCell>> rows;
};

// ---- The report ----

struct Report {
    Format format = Format::UrbanAcademy;
    bool anonymised = false;
    std::string title;
    std::string dates; // "2019-03-14" or "2019-03-14 – 2019-03-15"
    std::string venue;
    std::string description;
    std::vector<HeaderLine> header; // facilitator(s), expert(s), rapporteur(s)
    std::vector<ReportPerson> people; // the people list (left out when anonymised)

    // Urban Academy
    std::vector<ReportContribution> introduction;
    std::vector<ReportSection> sections;
    std::vector<ReportContribution> wrapUps; // for the whole module
    std::vector<PhaseTiming> timings;
    std::vector<OpenQuestionShare> openShares;

    // Social Olympics
    ReportConference conference;
};

Report buildReport(const SessionData& data);

// The same report with people's names replaced by their role and city ("Expert from Brussels",
// "Participant"), everywhere: in person fields and inside any free text that mentions a captured
// name (the whole name, or a first or last name only one person has). The people list is dropped.
Report anonymise(Report report);

// "Participant from Essen", "Expert" (no city).
std::string anonymousName(const ReportPerson& person);

// A number with `digits` decimals and a point, whatever the locale, and never "-0.00":
// decimalText(2.0 / 3, 2) → "0.67".
std::string decimalText(double value, int digits);

// "9 members: Annelies de Graaf, Esra Kaya, …" (every member), "1 member: …", "no members listed".
std::string membersLine(const ReportRing& ring);

// "reached", "blocked", "not reached", "no votes".
std::string consensusStatus(const StatementResult& result);
// One ring's support in a cell of a table: "67%", "87% ✗" when the ring blocked, "–" when it
// did not vote.
std::string supportText(const RingSupport& cell);
// Seconds as the timer shows them: "12:05", "1:02:03"; a negative time gets a minus sign.
std::string durationText(int seconds);
// Shift points, delta × 100 rounded: "▲ 12", "▼ 5", "0".
std::string shiftText(double delta);

// The legends every rendering of a round puts under its figures, worded once.
// "▲ more, ▼ less support than in round 1, in points of share."
std::string shiftLegend(int fromRound);
// What GAC and divisiveness are.
inline constexpr const char* kConsensusLegend =
    "GAC: the product of the rings' smoothed support. Divisiveness: the gap between the most and the least "
    "supportive ring.";
inline constexpr const char* kNoVotesInRound = "No votes were recorded in this round.";

// The status with the rings screen's mark, so it reads without colour: "✓ reached", "✗ blocked",
// "· not reached", "– no votes".
std::string markedStatus(std::string_view status);

// The report's tables, in the order a reader meets them. Urban Academy: dilemmas, questions,
// practices, phase-timings, people (not when anonymised). Social Olympics: statements, votes,
// ring-support, ranking, shift, people (not when anonymised).
std::vector<ReportTable> reportTables(const Report& report);
// Every table key any report may have, of either format (for cleaning a folder of tables).
std::vector<std::string> reportTableKeys();

// Every text of the report, for transforms and checks (anonymise, tests that look for a name).
void forEachText(Report& report, const std::function<void(std::string&)>& visit);

} // namespace plenary::core
