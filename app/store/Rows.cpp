#include "store/Rows.hpp"

#include <SQLiteCpp/Database.h>

#include "store/Statements.hpp"

namespace plenary::store {
namespace {

using core::Id;

const TableDef kWorkshop{"workshop",
                         {"id", "title", "format", "template", "date", "end_date", "venue", "language",
                          "description", "scale", "threshold", "dot_budget", "rounds"}};
const TableDef kRings{"rings", {"id", "key", "name", "colour", "position"}};
const TableDef kPeople{"people", {"id", "name", "organisation", "city", "country", "role", "ring_id"}};
const TableDef kPhases{"phases", {"id", "key", "name", "prompt", "seconds", "position"}};
const TableDef kSessions{"thematic_sessions", {"id", "title", "position"}};
const TableDef kDilemmas{"dilemmas",
                         {"id", "session_id", "position", "question", "presenter_id", "information",
                          "reflection", "result", "status", "joint_group"}};
const TableDef kQuestions{"questions",
                          {"id", "dilemma_id", "position", "text", "asker_id", "is_open", "overridden"}};
const TableDef kPractices{"practices",
                          {"id", "dilemma_id", "position", "title", "description", "city", "country",
                           "suggested_by", "link", "catalog", "innovative", "makes_difference", "sustainable",
                           "replicable"}};
const TableDef kContributions{"contributions",
                              {"id", "kind", "session_id", "person_id", "title", "text", "position"}};
const TableDef kPhaseLog{"phase_log",
                         {"id", "dilemma_id", "phase", "started_at", "ended_at", "planned_seconds"}};
const TableDef kStatements{"statements", {"id", "ring_id", "position", "text", "merged_into"}};
const TableDef kVotes{"votes", {"id", "round", "ring_id", "statement_id", "level", "count"}};

// A reference of 0 ("none") is NULL in the file, so foreign keys hold.
Value ref(Id id) {
    return id == 0 ? Value{nullptr} : Value{static_cast<std::int64_t>(id)};
}
Value num(std::int64_t n) {
    return Value{n};
}
Value flag(bool b) {
    return Value{std::int64_t{b ? 1 : 0}};
}
Value text(const std::string& s) {
    return Value{s};
}
Value text(std::string_view s) {
    return Value{std::string(s)};
}

Id refAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).isNull() ? 0 : st.getColumn(i).getInt64();
}
std::string textAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).getString();
}
int intAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).getInt();
}
bool flagAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).getInt() != 0;
}

} // namespace

const std::vector<TableDef>& editableTables() {
    static const std::vector<TableDef> tables{kWorkshop,      kRings,    kPeople,     kPhases,
                                              kSessions,      kDilemmas, kQuestions,  kPractices,
                                              kContributions, kPhaseLog, kStatements, kVotes};
    return tables;
}

const TableDef* findTable(std::string_view name) {
    for (const auto& table : editableTables())
        if (table.name == name) return &table;
    return nullptr;
}

void bindRow(SQLite::Statement& st, const Row& row, int firstIndex) {
    int index = firstIndex;
    for (const auto& value : row) {
        std::visit(
            [&](const auto& v) {
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, std::nullptr_t>)
                    st.bind(index);
                else
                    st.bind(index, v);
            },
            value);
        ++index;
    }
}

std::string selectSql(const TableDef& table) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) sql += ", ";
        sql += table.columns[i];
    }
    sql += " FROM ";
    sql += table.name;
    return sql;
}

void insertRow(SQLite::Database& db, const TableDef& table, const Row& row) {
    std::string sql = "INSERT INTO " + std::string(table.name) + " (";
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) {
            sql += ", ";
            marks += ", ";
        }
        sql += table.columns[i];
        marks += "?";
    }
    sql += ") VALUES (" + marks + ")";
    Prepared st(db, sql);
    bindRow(*st, row);
    st->exec();
}

void updateRow(SQLite::Database& db, const TableDef& table, std::int64_t id, const Row& row) {
    std::string sql = "UPDATE " + std::string(table.name) + " SET ";
    for (std::size_t i = 1; i < table.columns.size(); ++i) {
        if (i > 1) sql += ", ";
        sql += std::string(table.columns[i]) + " = ?";
    }
    sql += " WHERE id = ?";
    Prepared st(db, sql);
    bindRow(*st, Row(row.begin() + 1, row.end()));
    st->bind(static_cast<int>(table.columns.size()), id);
    st->exec();
}

void deleteRow(SQLite::Database& db, const TableDef& table, std::int64_t id) {
    Prepared st(db, "DELETE FROM " + std::string(table.name) + " WHERE id = ?");
    st->bind(1, id);
    st->exec();
}

const TableDef& RowMap<core::Workshop>::table() {
    return kWorkshop;
}
Row RowMap<core::Workshop>::toRow(const core::Workshop& w) {
    return {num(1),
            text(w.title),
            text(core::formatKey(w.format)),
            text(w.templateKey),
            text(w.date),
            text(w.endDate),
            text(w.venue),
            text(w.language),
            text(w.description),
            text(w.scale),
            Value{w.threshold},
            num(w.dotBudget),
            num(w.rounds)};
}
core::Workshop RowMap<core::Workshop>::fromColumns(SQLite::Statement& st) {
    core::Workshop w;
    w.title = textAt(st, 1);
    w.format = core::formatFromKey(textAt(st, 2)).value_or(core::Format::UrbanAcademy);
    w.templateKey = textAt(st, 3);
    w.date = textAt(st, 4);
    w.endDate = textAt(st, 5);
    w.venue = textAt(st, 6);
    w.language = textAt(st, 7);
    w.description = textAt(st, 8);
    w.scale = textAt(st, 9);
    w.threshold = st.getColumn(10).getDouble();
    w.dotBudget = intAt(st, 11);
    w.rounds = intAt(st, 12);
    return w;
}

const TableDef& RowMap<core::Ring>::table() {
    return kRings;
}
Row RowMap<core::Ring>::toRow(const core::Ring& r) {
    return {num(r.id), text(r.key), text(r.name), text(r.colour), num(r.position)};
}
core::Ring RowMap<core::Ring>::fromColumns(SQLite::Statement& st) {
    return core::Ring{st.getColumn(0).getInt64(), textAt(st, 1), textAt(st, 2), textAt(st, 3), intAt(st, 4)};
}

const TableDef& RowMap<core::Person>::table() {
    return kPeople;
}
Row RowMap<core::Person>::toRow(const core::Person& p) {
    return {num(p.id),    text(p.name),    text(p.organisation),
            text(p.city), text(p.country), text(core::roleKey(p.role)),
            ref(p.ring)};
}
core::Person RowMap<core::Person>::fromColumns(SQLite::Statement& st) {
    core::Person p;
    p.id = st.getColumn(0).getInt64();
    p.name = textAt(st, 1);
    p.organisation = textAt(st, 2);
    p.city = textAt(st, 3);
    p.country = textAt(st, 4);
    p.role = core::roleFromKey(textAt(st, 5)).value_or(core::Role::Participant);
    p.ring = refAt(st, 6);
    return p;
}

const TableDef& RowMap<core::Phase>::table() {
    return kPhases;
}
Row RowMap<core::Phase>::toRow(const core::Phase& p) {
    // A phase is identified by its position in the format.
    return {num(p.position), text(p.key), text(p.name), text(p.prompt), num(p.seconds), num(p.position)};
}
core::Phase RowMap<core::Phase>::fromColumns(SQLite::Statement& st) {
    return core::Phase{textAt(st, 1), textAt(st, 2), textAt(st, 3), intAt(st, 4), intAt(st, 5)};
}

const TableDef& RowMap<core::ThematicSession>::table() {
    return kSessions;
}
Row RowMap<core::ThematicSession>::toRow(const core::ThematicSession& s) {
    return {num(s.id), text(s.title), num(s.position)};
}
core::ThematicSession RowMap<core::ThematicSession>::fromColumns(SQLite::Statement& st) {
    return core::ThematicSession{st.getColumn(0).getInt64(), textAt(st, 1), intAt(st, 2)};
}

const TableDef& RowMap<core::Dilemma>::table() {
    return kDilemmas;
}
Row RowMap<core::Dilemma>::toRow(const core::Dilemma& d) {
    return {num(d.id),          ref(d.session),   num(d.position),
            text(d.question),   ref(d.presenter), text(d.information),
            text(d.reflection), text(d.result),   text(core::statusKey(d.status)),
            num(d.jointGroup)};
}
core::Dilemma RowMap<core::Dilemma>::fromColumns(SQLite::Statement& st) {
    core::Dilemma d;
    d.id = st.getColumn(0).getInt64();
    d.session = refAt(st, 1);
    d.position = intAt(st, 2);
    d.question = textAt(st, 3);
    d.presenter = refAt(st, 4);
    d.information = textAt(st, 5);
    d.reflection = textAt(st, 6);
    d.result = textAt(st, 7);
    d.status = core::statusFromKey(textAt(st, 8)).value_or(core::DilemmaStatus::Pending);
    d.jointGroup = st.getColumn(9).getInt64();
    return d;
}

const TableDef& RowMap<core::Question>::table() {
    return kQuestions;
}
Row RowMap<core::Question>::toRow(const core::Question& q) {
    return {num(q.id),    ref(q.dilemma), num(q.position),   text(q.text),
            ref(q.asker), flag(q.open),   flag(q.overridden)};
}
core::Question RowMap<core::Question>::fromColumns(SQLite::Statement& st) {
    return core::Question{st.getColumn(0).getInt64(),
                          refAt(st, 1),
                          intAt(st, 2),
                          textAt(st, 3),
                          refAt(st, 4),
                          flagAt(st, 5),
                          flagAt(st, 6)};
}

const TableDef& RowMap<core::Practice>::table() {
    return kPractices;
}
Row RowMap<core::Practice>::toRow(const core::Practice& p) {
    return {num(p.id),           ref(p.dilemma),    num(p.position),    text(p.title),
            text(p.description), text(p.city),      text(p.country),    ref(p.suggestedBy),
            text(p.link),        text(p.catalog),   flag(p.innovative), flag(p.makesDifference),
            flag(p.sustainable), flag(p.replicable)};
}
core::Practice RowMap<core::Practice>::fromColumns(SQLite::Statement& st) {
    core::Practice p;
    p.id = st.getColumn(0).getInt64();
    p.dilemma = refAt(st, 1);
    p.position = intAt(st, 2);
    p.title = textAt(st, 3);
    p.description = textAt(st, 4);
    p.city = textAt(st, 5);
    p.country = textAt(st, 6);
    p.suggestedBy = refAt(st, 7);
    p.link = textAt(st, 8);
    p.catalog = textAt(st, 9);
    p.innovative = flagAt(st, 10);
    p.makesDifference = flagAt(st, 11);
    p.sustainable = flagAt(st, 12);
    p.replicable = flagAt(st, 13);
    return p;
}

const TableDef& RowMap<core::Contribution>::table() {
    return kContributions;
}
Row RowMap<core::Contribution>::toRow(const core::Contribution& c) {
    return {num(c.id),      text(core::contributionKey(c.kind)),
            ref(c.session), ref(c.person),
            text(c.title),  text(c.text),
            num(c.position)};
}
core::Contribution RowMap<core::Contribution>::fromColumns(SQLite::Statement& st) {
    core::Contribution c;
    c.id = st.getColumn(0).getInt64();
    c.kind = core::contributionFromKey(textAt(st, 1)).value_or(core::ContributionKind::Introduction);
    c.session = refAt(st, 2);
    c.person = refAt(st, 3);
    c.title = textAt(st, 4);
    c.text = textAt(st, 5);
    c.position = intAt(st, 6);
    return c;
}

const TableDef& RowMap<core::PhaseLogEntry>::table() {
    return kPhaseLog;
}
Row RowMap<core::PhaseLogEntry>::toRow(const core::PhaseLogEntry& e) {
    return {num(e.id),         ref(e.dilemma),  text(e.phase),
            text(e.startedAt), text(e.endedAt), num(e.plannedSeconds)};
}
core::PhaseLogEntry RowMap<core::PhaseLogEntry>::fromColumns(SQLite::Statement& st) {
    return core::PhaseLogEntry{
        st.getColumn(0).getInt64(), refAt(st, 1), textAt(st, 2), textAt(st, 3), textAt(st, 4), intAt(st, 5)};
}

const TableDef& RowMap<core::Statement>::table() {
    return kStatements;
}
Row RowMap<core::Statement>::toRow(const core::Statement& s) {
    return {num(s.id), ref(s.ring), num(s.position), text(s.text), ref(s.mergedInto)};
}
core::Statement RowMap<core::Statement>::fromColumns(SQLite::Statement& st) {
    return core::Statement{st.getColumn(0).getInt64(), refAt(st, 1), intAt(st, 2), textAt(st, 3),
                           refAt(st, 4)};
}

const TableDef& RowMap<core::VoteTally>::table() {
    return kVotes;
}
Row RowMap<core::VoteTally>::toRow(const core::VoteTally& v) {
    // The row id is assigned by the store (see SessionStore::setVote); 0 here means "new".
    return {nullptr, num(v.round), ref(v.ring), ref(v.statement), num(v.level), num(v.count)};
}
core::VoteTally RowMap<core::VoteTally>::fromColumns(SQLite::Statement& st) {
    return core::VoteTally{intAt(st, 1), refAt(st, 2), refAt(st, 3), intAt(st, 4), intAt(st, 5)};
}

} // namespace plenary::store
