#include "store/Schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace plenary::store {
namespace {

// Search rows are keyed rowid = id * 8 + kind, so triggers delete them by rowid, not by scan.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    template TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    end_date TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    description TEXT NOT NULL DEFAULT '',
    scale TEXT NOT NULL DEFAULT '',
    threshold REAL NOT NULL DEFAULT 0.6,
    dot_budget INTEGER NOT NULL DEFAULT 0,
    rounds INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE rings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT '#4A5568',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant',
    ring_id INTEGER REFERENCES rings(id)
);
CREATE TABLE phases (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    seconds INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE thematic_sessions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE dilemmas (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES thematic_sessions(id),
    position INTEGER NOT NULL DEFAULT 0,
    question TEXT NOT NULL DEFAULT '',
    presenter_id INTEGER REFERENCES people(id),
    information TEXT NOT NULL DEFAULT '',
    reflection TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending',
    joint_group INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX dilemmas_by_session ON dilemmas(session_id, position);
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    dilemma_id INTEGER NOT NULL REFERENCES dilemmas(id),
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    asker_id INTEGER REFERENCES people(id),
    is_open INTEGER NOT NULL DEFAULT 1,
    overridden INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_by_dilemma ON questions(dilemma_id, position);
CREATE TABLE practices (
    id INTEGER PRIMARY KEY,
    dilemma_id INTEGER NOT NULL REFERENCES dilemmas(id),
    position INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    suggested_by INTEGER REFERENCES people(id),
    link TEXT NOT NULL DEFAULT '',
    catalog TEXT NOT NULL DEFAULT '',
    innovative INTEGER NOT NULL DEFAULT 0,
    makes_difference INTEGER NOT NULL DEFAULT 0,
    sustainable INTEGER NOT NULL DEFAULT 0,
    replicable INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX practices_by_dilemma ON practices(dilemma_id, position);
CREATE TABLE contributions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    session_id INTEGER REFERENCES thematic_sessions(id),
    person_id INTEGER REFERENCES people(id),
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE phase_log (
    id INTEGER PRIMARY KEY,
    dilemma_id INTEGER NOT NULL REFERENCES dilemmas(id),
    phase TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL DEFAULT '',
    planned_seconds INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX phase_log_by_dilemma ON phase_log(dilemma_id);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    ring_id INTEGER REFERENCES rings(id),
    position INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    merged_into INTEGER REFERENCES statements(id)
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    round INTEGER NOT NULL,
    ring_id INTEGER NOT NULL REFERENCES rings(id),
    statement_id INTEGER NOT NULL REFERENCES statements(id),
    level INTEGER NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    UNIQUE (round, ring_id, statement_id, level)
);
CREATE TABLE undo_step (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE undo_change (
    step_id INTEGER NOT NULL REFERENCES undo_step(id),
    seq INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    before TEXT,
    after TEXT,
    PRIMARY KEY (step_id, seq)
);
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref UNINDEXED, body,
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER dilemmas_ai AFTER INSERT ON dilemmas BEGIN
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 1, 'dilemma', new.id,
        new.question || ' ' || new.information || ' ' || new.reflection || ' ' || new.result);
END;
CREATE TRIGGER dilemmas_ad AFTER DELETE ON dilemmas BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER dilemmas_au AFTER UPDATE OF question, information, reflection, result ON dilemmas BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 1, 'dilemma', new.id,
        new.question || ' ' || new.information || ' ' || new.reflection || ' ' || new.result);
END;
CREATE TRIGGER questions_ai AFTER INSERT ON questions BEGIN
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 2, 'question', new.id, new.text);
END;
CREATE TRIGGER questions_ad AFTER DELETE ON questions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;
CREATE TRIGGER questions_au AFTER UPDATE OF text ON questions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 2, 'question', new.id, new.text);
END;
CREATE TRIGGER practices_ai AFTER INSERT ON practices BEGIN
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 3, 'practice', new.id,
        new.title || ' ' || new.description || ' ' || new.city);
END;
CREATE TRIGGER practices_ad AFTER DELETE ON practices BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;
CREATE TRIGGER practices_au AFTER UPDATE OF title, description, city ON practices BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 3, 'practice', new.id,
        new.title || ' ' || new.description || ' ' || new.city);
END;
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 4, 'statement', new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;
CREATE TRIGGER statements_au AFTER UPDATE OF text ON statements BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index(rowid, kind, ref, body) VALUES (new.id * 8 + 4, 'statement', new.id, new.text);
END;
)SQL";

// Version 2: undo and redo find the newest step and the undone ones through an index, so an
// edit costs the same with 20,000 undo steps in the file as with none.
constexpr const char* kSchemaV2 = R"SQL(
CREATE INDEX undo_step_by_undone ON undo_step(undone, id);
)SQL";

// Version 3: the phase timer is in the file (pauses, a reset, minutes added), so a restart shows
// exactly what was on screen.
constexpr const char* kSchemaV3 = R"SQL(
ALTER TABLE phase_log ADD COLUMN clock_offset INTEGER NOT NULL DEFAULT 0;
ALTER TABLE phase_log ADD COLUMN paused_at TEXT NOT NULL DEFAULT '';
)SQL";

// Version 4: the capture line's words before Enter are in the file (one row at most), so a crash
// in the middle of typing a question loses none of them.
constexpr const char* kSchemaV4 = R"SQL(
CREATE TABLE capture_draft (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    dilemma_id INTEGER NOT NULL DEFAULT 0,
    kind INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT ''
);
)SQL";

// Version 5: a Social Olympics conference's rounds as they ran (core::RoundLogEntry).
constexpr const char* kSchemaV5 = R"SQL(
CREATE TABLE round_log (
    id INTEGER PRIMARY KEY,
    round INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL DEFAULT '',
    planned_seconds INTEGER NOT NULL DEFAULT 0,
    clock_offset INTEGER NOT NULL DEFAULT 0,
    paused_at TEXT NOT NULL DEFAULT ''
);
)SQL";

struct Migration {
    int version;
    const char* sql;
};

// Append new migrations here; never edit a released one.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list{
        {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4}, {5, kSchemaV5}};
    return list;
}

} // namespace

int userVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

std::int32_t applicationId(SQLite::Database& db) {
    return db.execAndGet("PRAGMA application_id").getInt();
}

void migrate(SQLite::Database& db, int upTo) {
    for (const auto& migration : migrations()) {
        if (migration.version <= userVersion(db) || migration.version > upTo) continue;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        db.exec(migration.sql);
        // PRAGMA takes no bound parameters; the values are compile-time constants.
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(migration.version));
        tx.commit();
    }
}

std::vector<std::string> schemaOf(SQLite::Database& db) {
    std::vector<std::string> lines;
    SQLite::Statement st(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master");
    while (st.executeStep())
        lines.push_back(st.getColumn(0).getString() + " " + st.getColumn(1).getString() + " " +
                        st.getColumn(2).getString() + " " + st.getColumn(3).getString());
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> expectedSchema(int version) {
    // It depends on the version alone, and every open (each file of a library scan) asks for it:
    // built once per version, by running the migrations on an empty database in memory.
    static std::mutex guard;
    static std::map<int, std::vector<std::string>> built;
    const std::lock_guard lock(guard);
    if (const auto found = built.find(version); found != built.end()) return found->second;
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate(db, version);
    return built[version] = schemaOf(db);
}

void distrust(SQLite::Database& db) {
    // No direct writes to the schema or to shadow tables, and no text or blob larger than a
    // workshop could need. trusted_schema stays on: Plenary's own triggers keep the full-text
    // index, which SQLite allows only to a trusted schema — and a file whose schema is not exactly
    // Plenary's is refused before anything in it runs (inspectFile).
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_limit(db.getHandle(), SQLITE_LIMIT_LENGTH, 64 << 20);
    sqlite3_limit(db.getHandle(), SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
    boundStatementTime(db, kStatementSeconds);
}

namespace {

// When the statement now running started; SQLite hands it to both callbacks below and the
// connection's closing frees it.
struct StatementClock {
    std::chrono::steady_clock::time_point started;
    std::chrono::duration<double> limit;
};

int onTrace(unsigned type, void* context, void*, void*) {
    auto* clock = static_cast<StatementClock*>(context);
    if (type == SQLITE_TRACE_STMT)
        clock->started = std::chrono::steady_clock::now();
    else if (type == SQLITE_TRACE_CLOSE)
        delete clock;
    return 0;
}

int onProgress(void* context) {
    const auto* clock = static_cast<const StatementClock*>(context);
    return std::chrono::steady_clock::now() - clock->started > clock->limit ? 1 : 0;
}

} // namespace

void boundStatementTime(SQLite::Database& db, double seconds) {
    // A hostile file can still make a query slow (a huge table, a deep tree of pages): every
    // statement is timed, and one that runs too long is interrupted with SQLITE_INTERRUPT.
    auto* clock =
        new StatementClock{std::chrono::steady_clock::now(), std::chrono::duration<double>(seconds)};
    sqlite3_trace_v2(db.getHandle(), SQLITE_TRACE_STMT | SQLITE_TRACE_CLOSE, onTrace, clock);
    sqlite3_progress_handler(db.getHandle(), 10000, onProgress, clock);
}

} // namespace plenary::store
