#pragma once

#include "core/Model.hpp"

#include <optional>
#include <string_view>
#include <tuple>

// One description of each entity's fields: its column in the session file, its key in the JSON
// interchange format, the member it is, and how its value is written. The store's rows, the JSON
// import and the JSON export all read these lists, so adding a field touches one place.
namespace plenary::core::fields {

enum class Kind {
    Text,
    Country, // text, an ISO 3166 code: written upper case (core::countryCode) wherever it comes from
    Int,     // int
    Int64,   // a number that is not a reference (a joint-group number)
    Ref,     // an id of another row; 0 means "none" (NULL in the file)
    Real,
    Flag, // bool, stored 0/1
    Enum, // stored and written as its key text
};

template <class T, class M> struct Field {
    std::string_view column;
    std::string_view json; // empty: not part of the JSON format
    M T::*member;
    Kind kind;
    std::string_view (*toKey)(M) = nullptr;                  // Enum only
    std::optional<M> (*fromKey)(std::string_view) = nullptr; // Enum only
    std::string_view allowed = {};                           // Enum only: the keys, for messages
};

template <class T, class M>
constexpr Field<T, M> field(std::string_view column, std::string_view json, M T::*m, Kind kind) {
    return {column, json, m, kind};
}
template <class T, class M>
constexpr Field<T, M> enumField(std::string_view column, std::string_view json, M T::*m,
                                std::string_view (*toKey)(M), std::optional<M> (*fromKey)(std::string_view),
                                std::string_view allowed) {
    return {column, json, m, Kind::Enum, toKey, fromKey, allowed};
}

// Entity<T>: the table, how its row id is made, and its fields in column (and JSON) order. The
// row id is the "id" field where there is one; the workshop is always row 1 and a phase is
// identified by its position.
template <class T> struct Entity;

template <> struct Entity<Workshop> {
    static constexpr std::string_view table = "workshop";
    static Id rowId(const Workshop&) { return 1; }
    static constexpr auto list =
        std::make_tuple(field("title", "title", &Workshop::title, Kind::Text),
                        enumField("format", "format", &Workshop::format, formatKey, formatFromKey,
                                  "urban-academy, social-olympics"),
                        field("template", "template", &Workshop::templateKey, Kind::Text),
                        field("date", "date", &Workshop::date, Kind::Text),
                        field("end_date", "endDate", &Workshop::endDate, Kind::Text),
                        field("venue", "venue", &Workshop::venue, Kind::Text),
                        field("language", "language", &Workshop::language, Kind::Text),
                        field("description", "description", &Workshop::description, Kind::Text),
                        field("scale", "scale", &Workshop::scale, Kind::Text),
                        field("threshold", "threshold", &Workshop::threshold, Kind::Real),
                        field("dot_budget", "dotBudget", &Workshop::dotBudget, Kind::Int),
                        field("rounds", "rounds", &Workshop::rounds, Kind::Int));
};

template <> struct Entity<Person> {
    static constexpr std::string_view table = "people";
    static Id rowId(const Person& p) { return p.id; }
    static constexpr auto list =
        std::make_tuple(field("name", "name", &Person::name, Kind::Text),
                        field("organisation", "organisation", &Person::organisation, Kind::Text),
                        field("city", "city", &Person::city, Kind::Text),
                        field("country", "country", &Person::country, Kind::Country),
                        enumField("role", "role", &Person::role, roleKey, roleFromKey,
                                  "participant, facilitator, expert, rapporteur"),
                        field("ring_id", "ring", &Person::ring, Kind::Ref));
};

template <> struct Entity<Phase> {
    static constexpr std::string_view table = "phases";
    static Id rowId(const Phase& p) { return p.position; }
    static constexpr auto list = std::make_tuple(field("key", "key", &Phase::key, Kind::Text),
                                                 field("name", "name", &Phase::name, Kind::Text),
                                                 field("prompt", "prompt", &Phase::prompt, Kind::Text),
                                                 field("seconds", "seconds", &Phase::seconds, Kind::Int),
                                                 field("position", "position", &Phase::position, Kind::Int));
};

template <> struct Entity<ThematicSession> {
    static constexpr std::string_view table = "thematic_sessions";
    static Id rowId(const ThematicSession& s) { return s.id; }
    static constexpr auto list =
        std::make_tuple(field("title", "title", &ThematicSession::title, Kind::Text),
                        field("position", "position", &ThematicSession::position, Kind::Int));
};

template <> struct Entity<Dilemma> {
    static constexpr std::string_view table = "dilemmas";
    static Id rowId(const Dilemma& d) { return d.id; }
    static constexpr auto list =
        std::make_tuple(field("session_id", "session", &Dilemma::session, Kind::Ref),
                        field("position", "position", &Dilemma::position, Kind::Int),
                        field("question", "question", &Dilemma::question, Kind::Text),
                        field("presenter_id", "presenter", &Dilemma::presenter, Kind::Ref),
                        field("information", "information", &Dilemma::information, Kind::Text),
                        field("reflection", "reflection", &Dilemma::reflection, Kind::Text),
                        field("result", "result", &Dilemma::result, Kind::Text),
                        enumField("status", "status", &Dilemma::status, statusKey, statusFromKey,
                                  "pending, active, done, skipped"),
                        field("joint_group", "jointGroup", &Dilemma::jointGroup, Kind::Int64));
};

template <> struct Entity<Question> {
    static constexpr std::string_view table = "questions";
    static Id rowId(const Question& q) { return q.id; }
    static constexpr auto list =
        std::make_tuple(field("dilemma_id", "dilemma", &Question::dilemma, Kind::Ref),
                        field("position", "position", &Question::position, Kind::Int),
                        field("text", "text", &Question::text, Kind::Text),
                        field("asker_id", "asker", &Question::asker, Kind::Ref),
                        field("is_open", "open", &Question::open, Kind::Flag),
                        field("overridden", "overridden", &Question::overridden, Kind::Flag));
};

template <> struct Entity<Practice> {
    static constexpr std::string_view table = "practices";
    static Id rowId(const Practice& p) { return p.id; }
    static constexpr auto list =
        std::make_tuple(field("dilemma_id", "dilemma", &Practice::dilemma, Kind::Ref),
                        field("position", "position", &Practice::position, Kind::Int),
                        field("title", "title", &Practice::title, Kind::Text),
                        field("description", "description", &Practice::description, Kind::Text),
                        field("city", "city", &Practice::city, Kind::Text),
                        field("country", "country", &Practice::country, Kind::Country),
                        field("suggested_by", "suggestedBy", &Practice::suggestedBy, Kind::Ref),
                        field("link", "link", &Practice::link, Kind::Text),
                        field("catalog", "catalog", &Practice::catalog, Kind::Text),
                        field("innovative", "innovative", &Practice::innovative, Kind::Flag),
                        field("makes_difference", "makesDifference", &Practice::makesDifference, Kind::Flag),
                        field("sustainable", "sustainable", &Practice::sustainable, Kind::Flag),
                        field("replicable", "replicable", &Practice::replicable, Kind::Flag));
};

template <> struct Entity<Contribution> {
    static constexpr std::string_view table = "contributions";
    static Id rowId(const Contribution& c) { return c.id; }
    static constexpr auto list =
        std::make_tuple(enumField("kind", "kind", &Contribution::kind, contributionKey, contributionFromKey,
                                  "introduction, wrapup"),
                        field("session_id", "session", &Contribution::session, Kind::Ref),
                        field("person_id", "person", &Contribution::person, Kind::Ref),
                        field("title", "title", &Contribution::title, Kind::Text),
                        field("text", "text", &Contribution::text, Kind::Text),
                        field("position", "position", &Contribution::position, Kind::Int));
};

template <> struct Entity<PhaseLogEntry> {
    static constexpr std::string_view table = "phase_log";
    static Id rowId(const PhaseLogEntry& e) { return e.id; }
    static constexpr auto list =
        std::make_tuple(field("dilemma_id", "dilemma", &PhaseLogEntry::dilemma, Kind::Ref),
                        field("phase", "phase", &PhaseLogEntry::phase, Kind::Text),
                        field("started_at", "startedAt", &PhaseLogEntry::startedAt, Kind::Text),
                        field("ended_at", "endedAt", &PhaseLogEntry::endedAt, Kind::Text),
                        field("planned_seconds", "plannedSeconds", &PhaseLogEntry::plannedSeconds, Kind::Int),
                        field("clock_offset", "clockOffset", &PhaseLogEntry::clockOffset, Kind::Int),
                        field("paused_at", "pausedAt", &PhaseLogEntry::pausedAt, Kind::Text));
};

template <> struct Entity<RoundLogEntry> {
    static constexpr std::string_view table = "round_log";
    static Id rowId(const RoundLogEntry& e) { return e.id; }
    static constexpr auto list =
        std::make_tuple(field("round", "round", &RoundLogEntry::round, Kind::Int),
                        field("started_at", "startedAt", &RoundLogEntry::startedAt, Kind::Text),
                        field("ended_at", "endedAt", &RoundLogEntry::endedAt, Kind::Text),
                        field("planned_seconds", "plannedSeconds", &RoundLogEntry::plannedSeconds, Kind::Int),
                        field("clock_offset", "clockOffset", &RoundLogEntry::clockOffset, Kind::Int),
                        field("paused_at", "pausedAt", &RoundLogEntry::pausedAt, Kind::Text));
};

template <> struct Entity<Ring> {
    static constexpr std::string_view table = "rings";
    static Id rowId(const Ring& r) { return r.id; }
    static constexpr auto list = std::make_tuple(field("key", "key", &Ring::key, Kind::Text),
                                                 field("name", "name", &Ring::name, Kind::Text),
                                                 field("colour", "colour", &Ring::colour, Kind::Text),
                                                 field("position", "position", &Ring::position, Kind::Int));
};

template <> struct Entity<Statement> {
    static constexpr std::string_view table = "statements";
    static Id rowId(const Statement& s) { return s.id; }
    static constexpr auto list =
        std::make_tuple(field("ring_id", "ring", &Statement::ring, Kind::Ref),
                        field("position", "position", &Statement::position, Kind::Int),
                        field("text", "text", &Statement::text, Kind::Text),
                        field("merged_into", "mergedInto", &Statement::mergedInto, Kind::Ref));
};

// A tally's row id is the store's own (0: assigned on insert); the JSON format names a tally by
// its round, ring, statement and level, so it has no "id".
template <> struct Entity<VoteTally> {
    static constexpr std::string_view table = "votes";
    static Id rowId(const VoteTally& v) { return v.id; }
    static constexpr auto list =
        std::make_tuple(field("round", "round", &VoteTally::round, Kind::Int),
                        field("ring_id", "ring", &VoteTally::ring, Kind::Ref),
                        field("statement_id", "statement", &VoteTally::statement, Kind::Ref),
                        field("level", "level", &VoteTally::level, Kind::Int),
                        field("count", "count", &VoteTally::count, Kind::Int));
};

// Whether the entity's JSON object starts with its "id" (entities that have one).
template <class T> constexpr bool hasJsonId = requires(T t) {
    t.id;
}
&&!std::is_same_v<T, VoteTally>;

template <class T, class F> constexpr void forEach(F&& f) {
    std::apply([&](const auto&... each) { (f(each), ...); }, Entity<T>::list);
}

} // namespace plenary::core::fields
