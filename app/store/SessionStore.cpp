#include "store/SessionStore.hpp"

#include "store/FileInspect.hpp"
#include "store/Rows.hpp"
#include "store/Schema.hpp"
#include "store/Search.hpp"
#include "store/UndoLog.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace plenary::store {

namespace fs = std::filesystem;
using core::Id;

namespace {

void configure(SQLite::Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    // A rollback journal (not WAL) keeps every committed edit inside the .plenary file itself.
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
    db.setBusyTimeout(2000);
}

StoreError wrap(const fs::path& path, const SQLite::Exception& e) {
    return StoreError(StoreErrorKind::Io, path.filename().string() + ": could not save: " + e.what());
}

} // namespace

// One user edit: an IMMEDIATE transaction plus its undo step. Destroyed without commit(), it
// rolls back, so a failed edit leaves neither data nor history behind.
class SessionStore::Edit {
public:
    Edit(SessionStore& store, const char* label)
        : m_db(*store.m_db), m_tx(m_db, SQLite::TransactionBehavior::IMMEDIATE) {
        m_step = beginUndoStep(m_db, label);
    }

    template <class T> Id insert(const T& item) {
        Row row = RowMap<T>::toRow(item);
        const auto& table = RowMap<T>::table();
        if (std::holds_alternative<std::int64_t>(row[0]) && std::get<std::int64_t>(row[0]) == 0)
            row[0] = nullptr;
        insertRow(m_db, table, row);
        const Id id = std::holds_alternative<std::nullptr_t>(row[0]) ? m_db.getLastInsertRowid()
                                                                     : std::get<std::int64_t>(row[0]);
        recordChange(m_db, m_step, m_seq++, table, id, std::nullopt, rowImage(m_db, table, id));
        return id;
    }

    void update(const TableDef& table, Id id, const Row& row) {
        auto before = rowImage(m_db, table, id);
        if (!before)
            throw StoreError(StoreErrorKind::Invalid,
                             std::string(table.name) + " " + std::to_string(id) + " does not exist");
        updateRow(m_db, table, id, row);
        auto after = rowImage(m_db, table, id);
        if (after == before) return; // nothing changed: nothing to undo
        recordChange(m_db, m_step, m_seq++, table, id, before, after);
    }

    void remove(const TableDef& table, Id id) {
        auto before = rowImage(m_db, table, id);
        if (!before) return;
        deleteRow(m_db, table, id);
        recordChange(m_db, m_step, m_seq++, table, id, before, std::nullopt);
    }

    SQLite::Database& db() { return m_db; }
    // An edit that changed nothing is rolled back: no empty undo step, and redo is kept.
    void commit() {
        if (m_seq > 0) m_tx.commit();
    }

private:
    SQLite::Database& m_db;
    SQLite::Transaction m_tx;
    Id m_step = 0;
    int m_seq = 0;
};

// Every edit has the same shape: refuse on a read-only file, run the body inside one Edit, and
// turn SQLite's exceptions into a one-line StoreError.
template <class F> auto SessionStore::runEdit(const char* label, F&& body) {
    requireWritable();
    try {
        Edit edit(*this, label);
        if constexpr (std::is_void_v<decltype(body(edit))>) {
            body(edit);
            edit.commit();
        } else {
            auto result = body(edit);
            edit.commit();
            return result;
        }
    } catch (const SQLite::Exception& e) {
        throw wrap(m_path, e);
    }
}

// Undo and redo replay recorded images rather than recording new ones: a plain transaction.
template <class F> bool SessionStore::replayHistory(F&& step) {
    requireWritable();
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        const bool done = step(*m_db);
        tx.commit();
        return done;
    } catch (const SQLite::Exception& e) {
        throw wrap(m_path, e);
    }
}

SessionStore::SessionStore(fs::path path, bool readOnly, FileLock lock)
    : m_path(std::move(path)), m_readOnly(readOnly), m_lock(std::move(lock)) {}

SessionStore::~SessionStore() {
    m_db.reset(); // close SQLite before the flock goes
}

std::unique_ptr<SessionStore> SessionStore::open(const fs::path& path, OpenMode mode) {
    inspectFile(path, mode);
    const bool readOnly = mode == OpenMode::ReadOnly;
    FileLock lock;
    if (!readOnly) {
        lock = FileLock::tryLock(path);
        if (!lock.locked())
            throw StoreError(StoreErrorKind::AlreadyOpen,
                             path.filename().string() + " is already open in another Plenary window");
    }
    std::unique_ptr<SessionStore> store(new SessionStore(path, readOnly, std::move(lock)));
    try {
        store->m_db = std::make_unique<SQLite::Database>(path, readOnly ? SQLite::OPEN_READONLY
                                                                        : SQLite::OPEN_READWRITE);
        if (readOnly) {
            store->m_db->exec("PRAGMA query_only = ON");
        } else {
            configure(*store->m_db);
            migrate(*store->m_db);
        }
    } catch (const SQLite::Exception& e) {
        throw StoreError(StoreErrorKind::Damaged, path.filename().string() + " is damaged: " + e.what());
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
        throw StoreError(StoreErrorKind::Invalid, "cannot create " + path.string() + ": " + e.what());
    }
    return open(path, OpenMode::ReadWrite);
}

void SessionStore::requireWritable() const {
    if (m_readOnly)
        throw StoreError(StoreErrorKind::ReadOnly,
                         m_path.filename().string() + " is open read-only; nothing was changed");
}

template <class T>
std::vector<T> SessionStore::selectAll(std::string_view where, Id param, std::string_view order) {
    std::string sql = selectSql(RowMap<T>::table());
    if (!where.empty()) sql += " WHERE " + std::string(where);
    sql += " ORDER BY " + std::string(order);
    SQLite::Statement st(*m_db, sql);
    if (!where.empty()) st.bind(1, param);
    std::vector<T> items;
    while (st.executeStep())
        items.push_back(RowMap<T>::fromColumns(st));
    return items;
}

core::SessionData SessionStore::load() {
    core::SessionData d;
    d.workshop = workshop();
    d.people = people();
    d.phases = phases();
    d.sessions = sessions();
    d.dilemmas = dilemmas();
    d.questions = selectAll<core::Question>("", 0, "dilemma_id, position, id");
    d.practices = selectAll<core::Practice>("", 0, "dilemma_id, position, id");
    d.contributions = contributions();
    d.phaseLog = selectAll<core::PhaseLogEntry>("", 0, "id");
    d.rings = selectAll<core::Ring>("", 0, "position, id");
    d.statements = selectAll<core::Statement>("", 0, "position, id");
    d.votes = selectAll<core::VoteTally>("", 0, "round, ring_id, statement_id, level");
    return d;
}

core::Workshop SessionStore::workshop() {
    auto rows = selectAll<core::Workshop>("", 0, "id");
    if (rows.empty())
        throw StoreError(StoreErrorKind::Damaged, m_path.filename().string() + " has no workshop record");
    return rows.front();
}

std::vector<core::Person> SessionStore::people() {
    return selectAll<core::Person>("", 0, "name COLLATE NOCASE, id");
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

Counts SessionStore::counts() {
    auto count = [this](const char* sql) { return m_db->execAndGet(sql).getInt(); };
    Counts c;
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
    return searchIndex(*m_db, query, limit);
}

template <class T> Id SessionStore::addItem(T item, const char* label, std::string_view scope, Id scopeId) {
    return runEdit(label, [&](Edit& edit) {
        if constexpr (requires { item.position; }) {
            if (item.position == 0) {
                std::string sql =
                    "SELECT coalesce(max(position), 0) + 1 FROM " + std::string(RowMap<T>::table().name);
                if (!scope.empty()) sql += " WHERE " + std::string(scope) + " = ?";
                SQLite::Statement st(edit.db(), sql);
                if (!scope.empty()) st.bind(1, scopeId);
                st.executeStep();
                item.position = st.getColumn(0).getInt();
            }
        }
        return edit.insert(item);
    });
}

template <class T> void SessionStore::updateItem(const T& item, const char* label) {
    runEdit(label, [&](Edit& edit) { edit.update(RowMap<T>::table(), item.id, RowMap<T>::toRow(item)); });
}

void SessionStore::deleteItem(std::string_view table, Id id, const char* label) {
    runEdit(label, [&](Edit& edit) { edit.remove(*findTable(table), id); });
}

void SessionStore::updateWorkshop(const core::Workshop& w) {
    runEdit("Edit workshop", [&](Edit& edit) {
        edit.update(RowMap<core::Workshop>::table(), 1, RowMap<core::Workshop>::toRow(w));
    });
}

void SessionStore::updatePhase(const core::Phase& phase) {
    runEdit("Change phase", [&](Edit& edit) {
        SQLite::Statement st(edit.db(), "SELECT id FROM phases WHERE key = ?");
        st.bind(1, phase.key);
        if (!st.executeStep()) throw StoreError(StoreErrorKind::Invalid, "no phase \"" + phase.key + "\"");
        const Id id = st.getColumn(0).getInt64();
        Row row = RowMap<core::Phase>::toRow(phase);
        row[0] = id;
        edit.update(RowMap<core::Phase>::table(), id, row);
    });
}

Id SessionStore::addPerson(core::Person person) {
    return addItem(std::move(person), "Add person", "", 0);
}
void SessionStore::updatePerson(const core::Person& person) {
    updateItem(person, "Edit person");
}

void SessionStore::deletePerson(Id id) {
    runEdit("Remove person", [&](Edit& edit) {
        // Keep what the person said; it is no longer attributed to anyone.
        for (auto d : selectAll<core::Dilemma>("presenter_id = ?", id, "id")) {
            d.presenter = 0;
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        }
        for (auto q : selectAll<core::Question>("asker_id = ?", id, "id")) {
            q.asker = 0;
            edit.update(RowMap<core::Question>::table(), q.id, RowMap<core::Question>::toRow(q));
        }
        for (auto p : selectAll<core::Practice>("suggested_by = ?", id, "id")) {
            p.suggestedBy = 0;
            edit.update(RowMap<core::Practice>::table(), p.id, RowMap<core::Practice>::toRow(p));
        }
        for (auto c : selectAll<core::Contribution>("person_id = ?", id, "id")) {
            c.person = 0;
            edit.update(RowMap<core::Contribution>::table(), c.id, RowMap<core::Contribution>::toRow(c));
        }
        edit.remove(RowMap<core::Person>::table(), id);
    });
}

Id SessionStore::addSession(core::ThematicSession session) {
    return addItem(std::move(session), "Add thematic session", "", 0);
}
void SessionStore::updateSession(const core::ThematicSession& session) {
    updateItem(session, "Edit thematic session");
}

void SessionStore::deleteSession(Id id) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (!selectAll<core::Dilemma>("session_id = ?", id, "id").empty())
        throw StoreError(StoreErrorKind::Invalid,
                         "this thematic session still holds dilemmas; move or delete them first");
    runEdit("Remove thematic session", [&](Edit& edit) {
        for (auto c : selectAll<core::Contribution>("session_id = ?", id, "id")) {
            c.session = 0;
            edit.update(RowMap<core::Contribution>::table(), c.id, RowMap<core::Contribution>::toRow(c));
        }
        edit.remove(RowMap<core::ThematicSession>::table(), id);
    });
}

Id SessionStore::addDilemma(core::Dilemma dilemma) {
    const Id session = dilemma.session;
    return addItem(std::move(dilemma), "Add dilemma", "session_id", session);
}
void SessionStore::updateDilemma(const core::Dilemma& dilemma) {
    updateItem(dilemma, "Edit dilemma");
}

void SessionStore::deleteDilemma(Id id) {
    runEdit("Remove dilemma", [&](Edit& edit) {
        // Children first: undo replays the step backwards, restoring the dilemma before them.
        for (const auto& q : selectAll<core::Question>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::Question>::table(), q.id);
        for (const auto& p : selectAll<core::Practice>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::Practice>::table(), p.id);
        for (const auto& e : selectAll<core::PhaseLogEntry>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::PhaseLogEntry>::table(), e.id);
        const auto self = selectAll<core::Dilemma>("id = ?", id, "id");
        edit.remove(RowMap<core::Dilemma>::table(), id);
        // A joint discussion left with one dilemma is no joint discussion.
        if (!self.empty() && self.front().jointGroup != 0) {
            auto rest = selectAll<core::Dilemma>("joint_group = ?", self.front().jointGroup, "id");
            if (rest.size() == 1) {
                rest.front().jointGroup = 0;
                edit.update(RowMap<core::Dilemma>::table(), rest.front().id,
                            RowMap<core::Dilemma>::toRow(rest.front()));
            }
        }
    });
}

Id SessionStore::addQuestion(core::Question question) {
    const Id dilemma = question.dilemma;
    return addItem(std::move(question), "Add question", "dilemma_id", dilemma);
}
void SessionStore::updateQuestion(const core::Question& question) {
    updateItem(question, "Edit question");
}
void SessionStore::deleteQuestion(Id id) {
    deleteItem("questions", id, "Remove question");
}

Id SessionStore::addPractice(core::Practice practice) {
    const Id dilemma = practice.dilemma;
    return addItem(std::move(practice), "Add practice", "dilemma_id", dilemma);
}
void SessionStore::updatePractice(const core::Practice& practice) {
    updateItem(practice, "Edit practice");
}
void SessionStore::deletePractice(Id id) {
    deleteItem("practices", id, "Remove practice");
}

Id SessionStore::addContribution(core::Contribution contribution) {
    return addItem(std::move(contribution), "Add contribution", "", 0);
}
void SessionStore::updateContribution(const core::Contribution& c) {
    updateItem(c, "Edit contribution");
}
void SessionStore::deleteContribution(Id id) {
    deleteItem("contributions", id, "Remove contribution");
}

Id SessionStore::addPhaseLog(core::PhaseLogEntry entry) {
    return addItem(std::move(entry), "Start phase", "", 0);
}
void SessionStore::updatePhaseLog(const core::PhaseLogEntry& entry) {
    updateItem(entry, "End phase");
}

Id SessionStore::addRing(core::Ring ring) {
    return addItem(std::move(ring), "Add ring", "", 0);
}
void SessionStore::updateRing(const core::Ring& ring) {
    updateItem(ring, "Edit ring");
}
Id SessionStore::addStatement(core::Statement statement) {
    return addItem(std::move(statement), "Add statement", "", 0);
}
void SessionStore::updateStatement(const core::Statement& statement) {
    updateItem(statement, "Edit statement");
}

void SessionStore::setVote(const core::VoteTally& vote) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (vote.count < 0) throw StoreError(StoreErrorKind::Invalid, "a vote count cannot be negative");
    runEdit("Count votes", [&](Edit& edit) {
        SQLite::Statement st(
            edit.db(),
            "SELECT id FROM votes WHERE round = ? AND ring_id = ? AND statement_id = ? AND level = ?");
        st.bind(1, vote.round);
        st.bind(2, vote.ring);
        st.bind(3, vote.statement);
        st.bind(4, vote.level);
        const auto& table = RowMap<core::VoteTally>::table();
        if (st.executeStep()) {
            const Id id = st.getColumn(0).getInt64();
            if (vote.count == 0) {
                edit.remove(table, id);
            } else {
                Row row = RowMap<core::VoteTally>::toRow(vote);
                row[0] = id;
                edit.update(table, id, row);
            }
        } else if (vote.count > 0) {
            edit.insert(vote);
        }
    });
}

int SessionStore::importCsv(const core::CsvImport& batch) {
    return runEdit("Import CSV", [&](Edit& edit) {
        int added = 0;
        auto findId = [&](const char* sql, const std::string& key) -> Id {
            SQLite::Statement st(edit.db(), sql);
            st.bind(1, key);
            return st.executeStep() ? st.getColumn(0).getInt64() : 0;
        };
        auto nextPosition = [&](const char* sql, Id scope) {
            SQLite::Statement st(edit.db(), sql);
            if (scope != 0) st.bind(1, scope);
            st.executeStep();
            return st.getColumn(0).getInt();
        };
        auto person = [&](const core::Person& p) -> Id {
            if (p.name.empty()) return 0;
            if (const Id id = findId("SELECT id FROM people WHERE name = ? COLLATE NOCASE", p.name))
                return id;
            ++added;
            core::Person fresh = p;
            fresh.id = 0;
            return edit.insert(fresh);
        };
        for (const auto& p : batch.people)
            person(p);
        for (const auto& d : batch.dilemmas) {
            Id session = findId("SELECT id FROM thematic_sessions WHERE title = ?", d.session);
            if (session == 0) {
                core::ThematicSession s{
                    0, d.session,
                    nextPosition("SELECT coalesce(max(position), 0) + 1 FROM thematic_sessions", 0)};
                session = edit.insert(s);
                ++added;
            }
            core::Dilemma dilemma;
            dilemma.session = session;
            dilemma.question = d.question;
            dilemma.information = d.information;
            dilemma.presenter = person(d.presenter);
            dilemma.position = nextPosition(
                "SELECT coalesce(max(position), 0) + 1 FROM dilemmas WHERE session_id = ?", session);
            edit.insert(dilemma);
            ++added;
        }
        return added;
    });
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
    return replayHistory([](SQLite::Database& db) { return undoStep(db); });
}

bool SessionStore::redo() {
    return replayHistory([](SQLite::Database& db) { return redoStep(db); });
}

Id SessionStore::switchPhase(const PhaseSwitch& change) {
    return runEdit(change.label.c_str(), [&](Edit& edit) {
        if (change.endEntry != 0) {
            for (auto entry : selectAll<core::PhaseLogEntry>("id = ?", change.endEntry, "id")) {
                entry.endedAt = change.endedAt;
                edit.update(RowMap<core::PhaseLogEntry>::table(), entry.id,
                            RowMap<core::PhaseLogEntry>::toRow(entry));
            }
        }
        for (const auto& d : change.dilemmas)
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        Id started = 0;
        if (change.start) {
            core::PhaseLogEntry entry = *change.start;
            entry.id = 0;
            started = edit.insert(entry);
        }
        return started;
    });
}

void SessionStore::moveSession(Id session, int index) {
    runEdit("Reorder thematic sessions", [&](Edit& edit) {
        auto sessions = selectAll<core::ThematicSession>("", 0, "position, id");
        const auto it =
            std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) { return s.id == session; });
        if (it == sessions.end()) throw StoreError(StoreErrorKind::Invalid, "no such thematic session");
        const auto moved = *it;
        sessions.erase(it);
        index = std::clamp(index, 0, static_cast<int>(sessions.size()));
        sessions.insert(sessions.begin() + index, moved);
        int position = 1;
        for (auto& s : sessions) {
            if (s.position != position) {
                s.position = position;
                edit.update(RowMap<core::ThematicSession>::table(), s.id,
                            RowMap<core::ThematicSession>::toRow(s));
            }
            ++position;
        }
    });
}

void SessionStore::moveDilemma(Id dilemma, Id session, int index) {
    runEdit("Move dilemma", [&](Edit& edit) {
        auto all = selectAll<core::Dilemma>("id = ?", dilemma, "id");
        if (all.empty()) throw StoreError(StoreErrorKind::Invalid, "no such dilemma");
        if (selectAll<core::ThematicSession>("id = ?", session, "id").empty())
            throw StoreError(StoreErrorKind::Invalid, "no such thematic session");
        auto moved = all.front();
        const Id from = moved.session;
        auto renumber = [&](std::vector<core::Dilemma>& list, Id inSession) {
            int position = 1;
            for (auto& d : list) {
                if (d.position != position || d.session != inSession) {
                    d.position = position;
                    d.session = inSession;
                    edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
                }
                ++position;
            }
        };
        auto target = selectAll<core::Dilemma>("session_id = ?", session, "position, id");
        std::erase_if(target, [&](const auto& d) { return d.id == dilemma; });
        index = std::clamp(index, 0, static_cast<int>(target.size()));
        target.insert(target.begin() + index, moved);
        renumber(target, session);
        if (from != session) {
            auto source = selectAll<core::Dilemma>("session_id = ?", from, "position, id");
            renumber(source, from);
        }
    });
}

void SessionStore::joinDilemmas(const std::vector<Id>& ids) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (ids.size() < 2)
        throw StoreError(StoreErrorKind::Invalid, "pick at least two dilemmas to discuss together");
    runEdit("Discuss dilemmas together", [&](Edit& edit) {
        const Id group =
            edit.db().execAndGet("SELECT coalesce(max(joint_group), 0) + 1 FROM dilemmas").getInt64();
        // Joining a dilemma that is already in a discussion brings its partners along.
        std::vector<Id> members(ids.begin(), ids.end());
        for (const Id id : ids)
            for (const auto& d : selectAll<core::Dilemma>("id = ?", id, "id"))
                if (d.jointGroup != 0)
                    for (const auto& partner :
                         selectAll<core::Dilemma>("joint_group = ?", d.jointGroup, "id"))
                        members.push_back(partner.id);
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        for (const Id id : members)
            for (auto d : selectAll<core::Dilemma>("id = ?", id, "id")) {
                d.jointGroup = group;
                edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
            }
    });
}

void SessionStore::splitDilemma(Id dilemma) {
    runEdit("Discuss separately", [&](Edit& edit) {
        auto self = selectAll<core::Dilemma>("id = ?", dilemma, "id");
        if (self.empty() || self.front().jointGroup == 0) return;
        const Id group = self.front().jointGroup;
        auto clear = [&](core::Dilemma d) {
            d.jointGroup = 0;
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        };
        clear(self.front());
        const auto rest = selectAll<core::Dilemma>("joint_group = ?", group, "id");
        if (rest.size() == 1) clear(rest.front());
    });
}

} // namespace plenary::store
