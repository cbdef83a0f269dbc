// The library index: opening (or rebuilding) the cache, and refreshing it from the files.
#include "store/LibraryIndex.hpp"

#include "store/SessionStore.hpp"

#include "core/Text.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <set>

namespace plenary::store {

namespace fs = std::filesystem;

namespace {

// Raised whenever what the index keeps changes; an index of another version is rebuilt.
constexpr int kIndexVersion = 2;
constexpr std::int32_t kIndexApplicationId = 0x504C4E49; // "PLNI"

constexpr const char* kIndexSchema = R"SQL(
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    folder TEXT NOT NULL,
    time INTEGER NOT NULL,
    size INTEGER NOT NULL,
    problem TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    end_date TEXT NOT NULL DEFAULT '',
    venue TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL DEFAULT 0,
    sessions INTEGER NOT NULL DEFAULT 0,
    dilemmas INTEGER NOT NULL DEFAULT 0,
    questions INTEGER NOT NULL DEFAULT 0,
    practices INTEGER NOT NULL DEFAULT 0,
    contributions INTEGER NOT NULL DEFAULT 0,
    rings INTEGER NOT NULL DEFAULT 0,
    statements INTEGER NOT NULL DEFAULT 0,
    votes INTEGER NOT NULL DEFAULT 0,
    themes TEXT NOT NULL DEFAULT '',
    countries TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    ref INTEGER NOT NULL,
    dilemma INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_file ON items(file_id);
CREATE INDEX IF NOT EXISTS files_by_folder ON files(folder);
CREATE TABLE IF NOT EXISTS dilemmas (
    file_id INTEGER NOT NULL,
    ref INTEGER NOT NULL,
    question TEXT NOT NULL,
    session TEXT NOT NULL,
    place TEXT NOT NULL,
    PRIMARY KEY (file_id, ref)
);
CREATE TABLE IF NOT EXISTS practices (
    file_id INTEGER NOT NULL,
    ref INTEGER NOT NULL,
    dilemma INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    link TEXT NOT NULL,
    catalog TEXT NOT NULL,
    PRIMARY KEY (file_id, ref)
);
CREATE INDEX IF NOT EXISTS practices_by_dilemma ON practices(file_id, dilemma);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS dilemmas_fts USING fts5(folded, tokenize = 'unicode61 remove_diacritics 2');
)SQL";

std::string joined(const std::set<std::string>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : "\n") + v;
    return out;
}

std::string placeOf(const core::Person* person) {
    if (!person) return {};
    if (person->city.empty()) return person->country;
    return person->country.empty() ? person->city : person->city + " (" + person->country + ")";
}

// A folder as the index compares it with a file's parent: absolute, normal, no trailing "/".
std::string folderKey(const fs::path& folder) {
    std::error_code ec;
    // Links resolved: a folder reached through a link is the folder itself, listed once.
    fs::path path = fs::weakly_canonical(fs::absolute(folder, ec), ec).lexically_normal();
    if (!path.has_filename() && path.has_parent_path() && path != path.root_path()) path = path.parent_path();
    return path.string();
}

void removeCache(const fs::path& location) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(location.string() + suffix, ec);
}

} // namespace

LibraryIndex::LibraryIndex(fs::path location) : m_location(std::move(location)) {
    openDatabase();
}

LibraryIndex::~LibraryIndex() = default;

void LibraryIndex::openDatabase() {
    m_db.reset();
    if (!m_location.empty()) {
        // Two tries: the cache as it is, then (damaged, or another version's) a new one.
        for (int attempt = 0; attempt < 2 && !m_db; ++attempt) {
            try {
                std::error_code ec;
                fs::create_directories(m_location.parent_path(), ec);
                auto db = std::make_unique<SQLite::Database>(m_location, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
                db->setBusyTimeout(3000); // another Plenary window may be refreshing it
                db->exec("PRAGMA journal_mode = WAL");
                db->exec("PRAGMA synchronous = NORMAL");
                db->exec("PRAGMA secure_delete = ON"); // a forgotten name leaves no freed page behind
                const int version = db->execAndGet("PRAGMA user_version").getInt();
                const int app = db->execAndGet("PRAGMA application_id").getInt();
                if (version == 0 && app == 0 &&
                    db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0) {
                    m_db = std::move(db);
                    createSchema();
                } else if (version == kIndexVersion && app == kIndexApplicationId) {
                    db->execAndGet("SELECT count(*) FROM files"); // a damaged cache shows here
                    m_db = std::move(db);
                } else {
                    db.reset();
                    removeCache(m_location);
                }
            } catch (const SQLite::Exception& e) {
                m_db.reset();
                m_problem = e.what();
                // Only a damaged cache is removed: a busy one belongs to another window right now.
                const int code = e.getErrorCode() & 0xff;
                if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB) break;
                removeCache(m_location);
            } catch (const std::exception& e) {
                m_db.reset();
                m_problem = e.what();
                break;
            }
        }
        if (m_db) {
            m_problem.clear();
            m_db->exec("CREATE TEMP TABLE IF NOT EXISTS shown (folder TEXT PRIMARY KEY)");
            return;
        }
        m_problem = "the library index cannot be kept in " + m_location.parent_path().string() + " (" +
                    m_problem + "); it is rebuilt at each start";
    }
    m_db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    createSchema();
    m_db->exec("CREATE TEMP TABLE IF NOT EXISTS shown (folder TEXT PRIMARY KEY)");
}

void LibraryIndex::createSchema() {
    // Two programs may start on a new cache at once: the second finds the tables made.
    SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    m_db->exec(kIndexSchema);
    m_db->exec("PRAGMA user_version = " + std::to_string(kIndexVersion));
    m_db->exec("PRAGMA application_id = " + std::to_string(kIndexApplicationId));
    tx.commit();
}

RefreshCount LibraryIndex::refresh(const std::vector<fs::path>& folders, double budgetSeconds) {
    const auto started = std::chrono::steady_clock::now();
    auto timeUp = [&] {
        return budgetSeconds > 0.0 &&
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() > budgetSeconds;
    };
    struct Seen {
        std::int64_t time = 0;
        std::int64_t size = 0;
    };
    std::map<std::string, Seen> onDisk;
    std::set<std::string> listed; // the folders refreshed: only their files can have gone
    for (const auto& folder : folders) {
        std::error_code ec;
        listed.insert(folderKey(folder));
        fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
        for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() != ".plenary") continue;
            std::error_code statError;
            const std::string path = (fs::path(folderKey(folder)) / it->path().filename()).string();
            // A pipe, a device or a broken link is listed too, with the store's reason, and never
            // opened. It is kept as "no time, no size" and read again only when that changes (it
            // becomes a file, or its link a file): not at every refresh.
            const bool plain = it->is_regular_file(statError) && !statError;
            const auto time = plain ? it->last_write_time(statError) : fs::file_time_type();
            const auto size = plain ? it->file_size(statError) : 0;
            onDisk[path] = statError || !plain ? Seen{0, -1}
                                               : Seen{static_cast<std::int64_t>(time.time_since_epoch().count()),
                                                      static_cast<std::int64_t>(size)};
        }
    }
    RefreshCount count;
    count.files = static_cast<int>(onDisk.size());
    const bool elsewhere = changedElsewhere();
    auto run = [&] {
        std::map<std::string, std::pair<core::Id, Seen>> known;
        {
            SQLite::Statement st(*m_db, "SELECT id, path, time, size FROM files");
            while (st.executeStep())
                known[st.getColumn(1).getString()] = {st.getColumn(0).getInt64(),
                                                      Seen{st.getColumn(2).getInt64(), st.getColumn(3).getInt64()}};
        }
        SQLite::Transaction tx(*m_db);
        for (const auto& [path, entry] : known)
            if (!onDisk.count(path) && listed.count(fs::path(path).parent_path().string())) {
                forgetFile(entry.first);
                ++count.removed;
            }
        for (const auto& [path, seen] : onDisk) {
            const auto found = known.find(path);
            if (found != known.end() && found->second.second.time == seen.time &&
                found->second.second.size == seen.size)
                continue;
            if (count.read > 0 && timeUp()) {
                ++count.pending;
                continue;
            }
            if (found != known.end()) forgetFile(found->second.first);
            readFile(path, seen.time, seen.size);
            ++count.read;
        }
        tx.commit();
    };
    try {
        run();
    } catch (const SQLite::Exception& e) {
        // A damaged cache is rebuilt from the files; one that is busy (another window holding it
        // too long) or cannot be written is left alone, and this program keeps its own in memory.
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
            removeCache(m_location);
        } else {
            m_problem = "the library index in " + m_location.string() + " cannot be used now (" + e.what() +
                        "); this window keeps its own";
            m_location.clear();
        }
        openDatabase();
        count = RefreshCount{count.files, 0, 0, 0};
        run();
    }
    // Another window or command changed the cache since this one last looked: the ids it handed
    // out may name other files now.
    if (count.read || count.removed || elsewhere) ++m_generation;
    m_dataVersion = dataVersion();
    return count;
}

std::int64_t LibraryIndex::dataVersion() {
    // SQLite's data_version changes when another connection commits, and only then.
    return m_db->execAndGet("PRAGMA data_version").getInt64();
}

bool LibraryIndex::changedElsewhere() {
    return dataVersion() != m_dataVersion;
}

void LibraryIndex::forgetFile(core::Id file) {
    for (const char* sql : {"DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE file_id = ?)",
                            "DELETE FROM dilemmas_fts WHERE rowid IN (SELECT id FROM items WHERE file_id = ? "
                            "AND kind = 'dilemma')",
                            "DELETE FROM items WHERE file_id = ?", "DELETE FROM dilemmas WHERE file_id = ?",
                            "DELETE FROM practices WHERE file_id = ?", "DELETE FROM files WHERE id = ?"}) {
        SQLite::Statement st(*m_db, sql);
        st.bind(1, file);
        st.exec();
    }
}

void LibraryIndex::readFile(const fs::path& path, std::int64_t time, std::int64_t size) {
    core::SessionData data;
    core::WorkshopCounts counts;
    std::string problem;
    try {
        auto session = SessionStore::open(path, OpenMode::ReadOnly);
        data = session->load();
        counts = session->counts();
    } catch (const std::exception& e) {
        // A disk that failed once, or a writer busy right now, says nothing lasting about the
        // file: it is read again at the next refresh, not listed as unreadable until it changes.
        if (const auto* store = dynamic_cast<const StoreError*>(&e))
            if (store->kind() == StoreErrorKind::Io || store->kind() == StoreErrorKind::AlreadyOpen)
                time = std::numeric_limits<std::int64_t>::min();
        problem = core::trim(e.what());
        if (problem.empty()) problem = "cannot be read";
        data = {};
        data.workshop.title = path.stem().string();
    }
    std::set<std::string> themes;
    std::set<std::string> countries;
    for (const auto& s : data.sessions)
        if (!core::trim(s.title).empty()) themes.insert(core::trim(s.title));
    for (const auto& p : data.people)
        if (!p.country.empty()) countries.insert(p.country);
    for (const auto& p : data.practices)
        if (!p.country.empty()) countries.insert(p.country);

    SQLite::Statement file(*m_db, R"SQL(
        INSERT INTO files (path, folder, time, size, problem, title, format, date, end_date, venue, people, sessions,
                           dilemmas, questions, practices, contributions, rings, statements, votes, themes, countries)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))SQL");
    const auto& w = data.workshop;
    int n = 1;
    file.bind(n++, path.string());
    file.bind(n++, path.parent_path().string());
    file.bind(n++, static_cast<std::int64_t>(time));
    file.bind(n++, static_cast<std::int64_t>(size));
    file.bind(n++, problem);
    file.bind(n++, w.title);
    file.bind(n++, std::string(problem.empty() ? core::formatKey(w.format) : ""));
    file.bind(n++, w.date);
    file.bind(n++, w.endDate);
    file.bind(n++, w.venue);
    for (const int c : {counts.people, counts.sessions, counts.dilemmas, counts.questions, counts.practices,
                        counts.contributions, counts.rings, counts.statements, counts.votes})
        file.bind(n++, c);
    file.bind(n++, joined(themes));
    file.bind(n++, joined(countries));
    file.exec();
    const core::Id fileId = m_db->getLastInsertRowid();

    SQLite::Statement item(*m_db, "INSERT INTO items (file_id, kind, ref, dilemma, text) VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement fts(*m_db, "INSERT INTO items_fts (rowid, folded) VALUES (?, ?)");
    SQLite::Statement dilemmaFts(*m_db, "INSERT INTO dilemmas_fts (rowid, folded) VALUES (?, ?)");
    auto add = [&](const char* kind, core::Id ref, core::Id dilemma, const std::string& text) {
        if (core::trim(text).empty()) return;
        item.bind(1, fileId);
        item.bind(2, kind);
        item.bind(3, ref);
        item.bind(4, dilemma);
        item.bind(5, text);
        item.exec();
        item.reset();
        const core::Id row = m_db->getLastInsertRowid();
        const std::string folded = core::foldedForIndex(text);
        fts.bind(1, row);
        fts.bind(2, folded);
        fts.exec();
        fts.reset();
        if (std::string_view(kind) == "dilemma") {
            dilemmaFts.bind(1, row);
            dilemmaFts.bind(2, folded);
            dilemmaFts.exec();
            dilemmaFts.reset();
        }
    };
    if (!problem.empty()) return;
    add("workshop", 0, 0, core::trim(w.title + "\n" + w.venue + "\n" + w.description));
    std::map<core::Id, std::string> sessionTitles;
    for (const auto& s : data.sessions)
        sessionTitles[s.id] = s.title;
    SQLite::Statement dilemmaRow(*m_db, "INSERT INTO dilemmas (file_id, ref, question, session, place) VALUES (?, ?, ?, ?, ?)");
    for (const auto& d : data.dilemmas) {
        std::string text = d.question;
        for (const auto* part : {&d.information, &d.reflection, &d.result})
            if (!core::trim(*part).empty()) text += "\n" + *part;
        add("dilemma", d.id, d.id, text);
        dilemmaRow.bind(1, fileId);
        dilemmaRow.bind(2, d.id);
        dilemmaRow.bind(3, d.question);
        dilemmaRow.bind(4, sessionTitles[d.session]);
        dilemmaRow.bind(5, placeOf(core::findPerson(data, d.presenter)));
        dilemmaRow.exec();
        dilemmaRow.reset();
    }
    for (const auto& q : data.questions)
        add("question", q.id, q.dilemma, q.text);
    SQLite::Statement practice(*m_db, R"SQL(
        INSERT INTO practices (file_id, ref, dilemma, title, description, city, country, link, catalog)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))SQL");
    for (const auto& p : data.practices) {
        std::string text = p.title;
        if (!core::trim(p.description).empty()) text += " — " + p.description;
        if (!core::trim(p.city).empty()) text += " (" + p.city + ")";
        add("practice", p.id, p.dilemma, text);
        int k = 1;
        practice.bind(k++, fileId);
        practice.bind(k++, p.id);
        practice.bind(k++, p.dilemma);
        for (const auto* s : {&p.title, &p.description, &p.city, &p.country, &p.link, &p.catalog})
            practice.bind(k++, *s);
        practice.exec();
        practice.reset();
    }
    for (const auto& s : data.statements)
        add("statement", s.id, 0, s.text);
    for (const auto& c : data.contributions)
        add("contribution", c.id, 0, core::trim(c.title + "\n" + c.text));
}

void LibraryIndex::purge() {
    m_db->exec("INSERT INTO items_fts (items_fts) VALUES ('optimize')");
    m_db->exec("INSERT INTO dilemmas_fts (dilemmas_fts) VALUES ('optimize')");
    if (m_location.empty()) return;
    // A checkpoint another program's reading holds back leaves old pages in the WAL: said, not hidden.
    auto checkpoint = [this] {
        SQLite::Statement st(*m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
        if (st.executeStep() && st.getColumn(0).getInt() != 0)
            throw std::runtime_error("the library index is being read by another Plenary window or command; "
                                     "close it and forget again to clean the index");
    };
    checkpoint();
    m_db->exec("VACUUM");
    checkpoint();
}

} // namespace plenary::store
