#include "store/SessionStore.hpp"

#include "store/FileInspect.hpp"
#include "store/JournalRecovery.hpp"
#include "store/ReadCopy.hpp"
#include "store/Schema.hpp"
#include "store/Statements.hpp"
#include "store/StoreEdit.hpp"

#include "core/Text.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace plenary::store {

namespace fs = std::filesystem;
using core::Id;

namespace {

void configure(SQLite::Database& db) {
    distrust(db);
    db.exec("PRAGMA foreign_keys = ON");
    // A rollback journal (not WAL) keeps every committed edit inside the .plenary file itself.
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
    db.setBusyTimeout(2000);
}

// A journal beside the file while another process holds SQLite's locks is a writer's edit in
// progress (a few milliseconds): copying the file then could catch it half-written. Wait for the
// commit; SQLite's own locking then keeps the reader and the writer apart. A journal with no
// writer behind it (killed, or a stray) is left to ReadCopy.
void waitForWriter(const fs::path& path) {
    using Clock = std::chrono::steady_clock;
    constexpr auto kPatience = std::chrono::seconds(3);
    const auto giveUp = Clock::now() + kPatience;
    const fs::path journal = path.string() + "-journal";
    std::error_code ec;
    while (fs::exists(journal, ec) && sqliteLockHeldElsewhere(path)) {
        if (Clock::now() > giveUp)
            throw StoreError(StoreErrorKind::AlreadyOpen,
                             path.filename().string() +
                                 " is busy: another program has been writing to it for 3 seconds; try again");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

} // namespace

StoreError saveError(const fs::path& path, const SQLite::Exception& e) {
    const std::string name = path.filename().string();
    // The plain words first: a status line too narrow for all of it still says what happened.
    if ((e.getErrorCode() & 0xFF) == SQLITE_FULL)
        return StoreError(StoreErrorKind::Io,
                          "Not saved: the disk is full — free some space, then try again (" + name + ")");
    if (const auto disk = diskProblem(e); !disk.empty())
        return StoreError(StoreErrorKind::Io, "Not saved: " + disk + " (" + name + ")");
    return StoreError(StoreErrorKind::Io, name + ": could not save: " + e.what());
}

SessionStore::Edit::Edit(SessionStore& store, const char* label)
    : m_store(store), m_db(*store.m_db), m_tx(m_db, SQLite::TransactionBehavior::IMMEDIATE) {
    const auto& typing = store.m_typing;
    if (typing.current != 0 && typing.current == typing.last && nextRedoStep(m_db) == 0 &&
        nextUndoStep(m_db) == typing.step) {
        m_step = typing.step;
        m_seq = nextChangeSeq(m_db, m_step);
        m_folded = true;
    } else {
        m_step = beginUndoStep(m_db, label);
    }
}

void SessionStore::Edit::commit() {
    if (m_recorded == 0) return;
    m_tx.commit();
    m_store.m_typing.last = m_store.m_typing.current;
    m_store.m_typing.step = m_step;
}

void SessionStore::Edit::note(const TableDef& table, Id id, bool before, bool after) {
    m_store.m_changes.push_back(RowChange{table.name, id, before, after});
}

Id SessionStore::Edit::insertRow(const TableDef& table, const Row& row) {
    store::insertRow(m_db, table, row);
    const Id id = std::holds_alternative<std::nullptr_t>(row[0]) ? m_db.getLastInsertRowid()
                                                                 : std::get<std::int64_t>(row[0]);
    recordChange(m_db, m_step, m_seq++, table, id, std::nullopt, rowImage(m_db, table, id));
    ++m_recorded;
    note(table, id, false, true);
    return id;
}

void SessionStore::Edit::update(const TableDef& table, Id id, const Row& row) {
    auto before = rowImage(m_db, table, id);
    if (!before)
        throw StoreError(StoreErrorKind::Invalid,
                         std::string(table.name) + " " + std::to_string(id) + " does not exist");
    updateRow(m_db, table, id, row);
    auto after = rowImage(m_db, table, id);
    if (after == before) return; // nothing changed: nothing to undo
    // Typing on in the same field: the step keeps the row as it was before the stretch began.
    if (!m_folded || !updateRecordedAfter(m_db, m_step, table, id, after))
        recordChange(m_db, m_step, m_seq++, table, id, before, after);
    ++m_recorded;
    note(table, id, true, true);
}

void SessionStore::Edit::remove(const TableDef& table, Id id) {
    auto before = rowImage(m_db, table, id);
    if (!before) return;
    deleteRow(m_db, table, id);
    recordChange(m_db, m_step, m_seq++, table, id, before, std::nullopt);
    ++m_recorded;
    note(table, id, true, false);
}

// Undo and redo replay recorded images rather than recording new ones: a plain transaction.
template <class F> bool SessionStore::replayHistory(F&& step) {
    requireWritable();
    m_changes.clear();
    m_typing.last = 0; // typing after an undo or redo starts a new step
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const bool done = step(*m_db, m_changes);
        tx.commit();
        return done;
    } catch (const SQLite::Exception& e) {
        throw saveError(m_path, e);
    }
}

SessionStore::SessionStore(fs::path path, bool readOnly, FileLock lock)
    : m_path(std::move(path)), m_readOnly(readOnly), m_lock(std::move(lock)) {}

SessionStore::~SessionStore() {
    m_statements.reset();
    m_db.reset(); // close SQLite before the flock goes
}

std::unique_ptr<SessionStore> SessionStore::open(const fs::path& original, OpenMode mode) {
    const bool readOnly = mode == OpenMode::ReadOnly;
    // Reading never writes: with a journal beside the file, a reader opens a private copy of both.
    requirePlainFile(original);
    // As `export -o` does: Plenary writes only to a plain file of its own name, never through a
    // link to somewhere else.
    std::error_code linkError;
    if (!readOnly && fs::is_symlink(fs::symlink_status(original, linkError)))
        throw StoreError(
            StoreErrorKind::ReadOnly,
            original.filename().string() +
                " is a link to another file; Plenary writes only to a plain file — open the file it "
                "points to (" +
                fs::read_symlink(original, linkError).string() + "), or this one with --read-only");
    std::unique_ptr<ReadCopy> copy;
    if (readOnly) waitForWriter(original);
    if (readOnly && ReadCopy::needed(original)) copy = std::make_unique<ReadCopy>(original);
    const fs::path& path = copy ? copy->path() : original;
    // The copy is ours: there an unfinished edit may be rolled back, to read what a writer would.
    inspectFile(path, copy ? OpenMode::ReadWrite : mode,
                copy ? InspectTarget::PrivateCopy : InspectTarget::OwnFile);
    FileLock lock;
    if (!readOnly) {
        lock = FileLock::tryLock(path);
        if (!lock.locked())
            throw StoreError(StoreErrorKind::AlreadyOpen,
                             path.filename().string() + " is already open in another Plenary window");
    }
    std::unique_ptr<SessionStore> store(new SessionStore(original, readOnly, std::move(lock)));
    store->m_copy = std::move(copy);
    try {
        store->m_db = std::make_unique<SQLite::Database>(path, readOnly ? SQLite::OPEN_READONLY
                                                                        : SQLite::OPEN_READWRITE);
        store->m_statements = std::make_unique<StatementCache>(*store->m_db);
        if (readOnly) {
            distrust(*store->m_db);
            store->m_db->exec("PRAGMA query_only = ON");
            store->m_db->setBusyTimeout(2000); // a reader waits for a writer's commit to end
        } else {
            configure(*store->m_db);
            migrate(*store->m_db);
        }
    } catch (const SQLite::Exception& e) {
        throw readFailure(original, e); // named as the person knows it, not as the private copy
    }
    return store;
}

std::unique_ptr<SessionStore> SessionStore::create(const fs::path& path, const core::SessionData& data) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw StoreError(StoreErrorKind::AlreadyExists,
                         path.string() + " already exists; choose another name");
    // Build the whole file under a temporary name, then link it into place: a half-written
    // session never appears under the real name, and an existing file is never replaced.
    const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    fs::remove(temp, ec);
    try {
        {
            SQLite::Database db(temp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            configure(db);
            migrate(db);
            StatementCache statements(db); // each table's INSERT (and its triggers) compiled once
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            insertRow(db, RowMap<core::Workshop>::table(), RowMap<core::Workshop>::toRow(data.workshop));
            auto insertAll = [&db](const auto& items) {
                for (const auto& item : items) {
                    using T = std::decay_t<decltype(item)>;
                    insertRow(db, RowMap<T>::table(), RowMap<T>::toRow(item));
                }
            };
            // Parents before children, so foreign keys hold at every insert.
            insertAll(data.rings);
            insertAll(data.people);
            insertAll(data.phases);
            insertAll(data.sessions);
            insertAll(data.dilemmas);
            insertAll(data.questions);
            insertAll(data.practices);
            insertAll(data.contributions);
            insertAll(data.phaseLog);
            insertAll(data.roundLog);
            // A statement may be merged into a later one: insert all, then set the merges.
            for (auto statement : data.statements) {
                statement.mergedInto = 0;
                insertRow(db, RowMap<core::Statement>::table(), RowMap<core::Statement>::toRow(statement));
            }
            for (const auto& statement : data.statements)
                if (statement.mergedInto != 0)
                    updateRow(db, RowMap<core::Statement>::table(), statement.id,
                              RowMap<core::Statement>::toRow(statement));
            insertAll(data.votes);
            tx.commit();
        }
        if (::link(temp.c_str(), path.c_str()) != 0) {
            const int error = errno;
            fs::remove(temp, ec);
            if (error == EEXIST)
                throw StoreError(StoreErrorKind::AlreadyExists,
                                 path.string() + " already exists; choose another name");
            throw StoreError(StoreErrorKind::Io,
                             "cannot create " + path.string() + ": " + std::strerror(error));
        }
        fs::remove(temp, ec);
    } catch (const SQLite::Exception& e) {
        fs::remove(temp, ec);
        const auto disk = diskProblem(e);
        if (!disk.empty())
            throw StoreError(StoreErrorKind::Io,
                             "cannot create " + path.string() + ": " + disk + "; nothing was written");
        throw StoreError(StoreErrorKind::Invalid, "cannot create " + path.string() + ": " + e.what());
    } catch (const StoreError&) { // a row refused (a text over the limit): no half-built file left
        fs::remove(temp, ec);
        throw;
    }
    return open(path, OpenMode::ReadWrite);
}

void SessionStore::requireWritable() const {
    if (m_readOnly)
        throw StoreError(StoreErrorKind::ReadOnly,
                         m_path.filename().string() + " is open read-only; nothing was changed");
}

core::SessionData SessionStore::load() {
    try {
        return loadAll();
    } catch (const SQLite::Exception& e) {
        throw readFailure(m_path, e);
    }
}

core::SessionData SessionStore::loadAll() {
    core::SessionData d;
    d.workshop = workshop();
    d.people = people();
    d.phases = phases();
    d.sessions = sessions();
    d.dilemmas = dilemmas();
    d.questions = selectAll<core::Question>("", 0, "id");
    d.practices = selectAll<core::Practice>("", 0, "id");
    d.contributions = contributions();
    d.phaseLog = selectAll<core::PhaseLogEntry>("", 0, "id");
    d.roundLog = selectAll<core::RoundLogEntry>("", 0, "id");
    d.rings = selectAll<core::Ring>("", 0, "position, id");
    d.statements = selectAll<core::Statement>("", 0, "position, id");
    d.votes = votes();
    return d;
}

core::Workshop SessionStore::workshop() {
    auto rows = selectAll<core::Workshop>("", 0, "id");
    if (rows.empty())
        throw StoreError(StoreErrorKind::Damaged, m_path.filename().string() + " has no workshop record");
    return rows.front();
}

// Sorted here rather than by an SQLite collation: the order (core::personBefore) is the core's,
// the one the open workshop keeps when it patches its snapshot, and a file stays readable by any
// sqlite3 without a custom collation. Each name is folded once, not once per comparison.
std::vector<core::Person> SessionStore::people() {
    auto rows = selectAll<core::Person>("", 0, "id");
    std::vector<std::pair<core::SortKey, core::Person>> keyed;
    keyed.reserve(rows.size());
    for (auto& person : rows)
        keyed.emplace_back(core::sortKey(person.name), std::move(person));
    // (name's key, id): exactly core::personBefore.
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (const auto c = a.first <=> b.first; c != 0) return c < 0;
        return a.second.id < b.second.id;
    });
    rows.clear();
    for (auto& [key, person] : keyed)
        rows.push_back(std::move(person));
    return rows;
}
std::vector<core::Phase> SessionStore::phases() {
    return selectAll<core::Phase>("", 0, "position");
}
std::vector<core::ThematicSession> SessionStore::sessions() {
    return selectAll<core::ThematicSession>("", 0, "position, id");
}
std::vector<core::Dilemma> SessionStore::dilemmas() {
    return selectAll<core::Dilemma>("", 0, "position, id");
}
std::vector<core::Question> SessionStore::questions(Id dilemma) {
    return selectAll<core::Question>("dilemma_id = ?", dilemma, "position, id");
}
std::vector<core::Practice> SessionStore::practices(Id dilemma) {
    return selectAll<core::Practice>("dilemma_id = ?", dilemma, "position, id");
}
std::vector<core::Contribution> SessionStore::contributions() {
    return selectAll<core::Contribution>("", 0, "kind, position, id");
}

std::vector<core::VoteTally> SessionStore::votes() {
    return selectAll<core::VoteTally>("", 0, "round, ring_id, statement_id, level");
}

core::WorkshopCounts SessionStore::counts() {
    auto count = [this](const char* sql) { return m_db->execAndGet(sql).getInt(); };
    core::WorkshopCounts c;
    c.people = count("SELECT count(*) FROM people");
    c.sessions = count("SELECT count(*) FROM thematic_sessions");
    c.dilemmas = count("SELECT count(*) FROM dilemmas");
    c.questions = count("SELECT count(*) FROM questions");
    c.practices = count("SELECT count(*) FROM practices");
    c.contributions = count("SELECT count(*) FROM contributions");
    c.phaseLog = count("SELECT count(*) FROM phase_log");
    c.rings = count("SELECT count(*) FROM rings");
    c.statements = count("SELECT count(*) FROM statements");
    c.votes = count("SELECT count(*) FROM votes");
    c.undoSteps = count("SELECT count(*) FROM undo_step WHERE undone = 0");
    return c;
}

int SessionStore::schemaVersion() {
    return userVersion(*m_db);
}

std::string SessionStore::integrityCheck() {
    SQLite::Statement st(*m_db, "PRAGMA integrity_check");
    std::string first = st.executeStep() ? st.getColumn(0).getString() : "no answer";
    SQLite::Statement fk(*m_db, "PRAGMA foreign_key_check");
    if (first == "ok" && fk.executeStep())
        first = "broken reference in " + fk.getColumn(0).getString() + " row " + fk.getColumn(1).getString();
    return first;
}

std::vector<SearchHit> SessionStore::search(std::string_view query, int limit) {
    try {
        return searchIndex(*m_db, query, limit);
    } catch (const SQLite::Exception& e) {
        // SQLite's own words ("run 'rebuild'") name no file and a command Plenary does not have.
        if ((e.getErrorCode() & 0xFF) == SQLITE_INTERRUPT || !diskProblem(e).empty())
            throw readFailure(m_path, e);
        throw StoreError(StoreErrorKind::Damaged,
                         m_path.filename().string() +
                             ": its search index is damaged, so it cannot be searched "
                             "(the workshop itself can still be opened and exported)");
    }
}

void SessionStore::deleteItem(std::string_view table, Id id, const char* label) {
    runEdit(label, [&](Edit& edit) { edit.remove(*findTable(table), id); });
}

bool SessionStore::canUndo() {
    return !m_readOnly && nextUndoStep(*m_db) != 0;
}
bool SessionStore::canRedo() {
    return !m_readOnly && nextRedoStep(*m_db) != 0;
}
std::string SessionStore::undoLabel() {
    return stepLabel(*m_db, nextUndoStep(*m_db));
}
std::string SessionStore::redoLabel() {
    return stepLabel(*m_db, nextRedoStep(*m_db));
}

bool SessionStore::undo() {
    return replayHistory([](SQLite::Database& db, ChangeSet& changes) { return undoStep(db, changes); });
}

bool SessionStore::redo() {
    return replayHistory([](SQLite::Database& db, ChangeSet& changes) { return redoStep(db, changes); });
}

// The session layer reads single rows of every table it keeps in its snapshot.
template std::optional<core::Workshop> SessionStore::row(Id);
template std::optional<core::Person> SessionStore::row(Id);
template std::optional<core::Phase> SessionStore::row(Id);
template std::optional<core::ThematicSession> SessionStore::row(Id);
template std::optional<core::Dilemma> SessionStore::row(Id);
template std::optional<core::Question> SessionStore::row(Id);
template std::optional<core::Practice> SessionStore::row(Id);
template std::optional<core::Contribution> SessionStore::row(Id);
template std::optional<core::PhaseLogEntry> SessionStore::row(Id);
template std::optional<core::RoundLogEntry> SessionStore::row(Id);
template std::optional<core::Ring> SessionStore::row(Id);
template std::optional<core::Statement> SessionStore::row(Id);
template std::optional<core::VoteTally> SessionStore::row(Id);

} // namespace plenary::store
