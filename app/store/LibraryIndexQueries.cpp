// The library index's answers: the files, a search, similar dilemmas, the practices.
#include "store/LibraryIndex.hpp"

#include <SQLiteCpp/Statement.h>

namespace plenary::store {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find('\n', at);
        out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return out;
}

IndexedDilemma dilemmaFrom(SQLite::Statement& st) {
    IndexedDilemma d;
    d.file = st.getColumn(0).getInt64();
    d.ref = st.getColumn(1).getInt64();
    d.question = st.getColumn(2).getString();
    d.session = st.getColumn(3).getString();
    d.place = st.getColumn(4).getString();
    return d;
}

IndexedPractice practiceFrom(SQLite::Statement& st) {
    IndexedPractice p;
    p.file = st.getColumn(0).getInt64();
    p.ref = st.getColumn(1).getInt64();
    p.dilemma = st.getColumn(2).getInt64();
    p.title = st.getColumn(3).getString();
    p.description = st.getColumn(4).getString();
    p.city = st.getColumn(5).getString();
    p.country = st.getColumn(6).getString();
    p.link = st.getColumn(7).getString();
    p.catalog = st.getColumn(8).getString();
    return p;
}

constexpr const char* kPracticeColumns =
    "SELECT file_id, ref, dilemma, title, description, city, country, link, catalog FROM practices";

} // namespace

std::vector<IndexedFile> LibraryIndex::files() {
    std::vector<IndexedFile> files;
    SQLite::Statement st(*m_db, R"SQL(
        SELECT id, path, problem, title, format, date, end_date, venue, people, sessions, dilemmas, questions,
               practices, contributions, rings, statements, votes, themes, countries
        FROM files)SQL");
    while (st.executeStep()) {
        IndexedFile f;
        int n = 0;
        f.id = st.getColumn(n++).getInt64();
        f.path = st.getColumn(n++).getString();
        f.problem = st.getColumn(n++).getString();
        f.workshop.title = st.getColumn(n++).getString();
        f.workshop.format = core::formatFromKey(st.getColumn(n++).getString()).value_or(core::Format::UrbanAcademy);
        f.workshop.date = st.getColumn(n++).getString();
        f.workshop.endDate = st.getColumn(n++).getString();
        f.workshop.venue = st.getColumn(n++).getString();
        for (int* c : {&f.counts.people, &f.counts.sessions, &f.counts.dilemmas, &f.counts.questions,
                       &f.counts.practices, &f.counts.contributions, &f.counts.rings, &f.counts.statements,
                       &f.counts.votes})
            *c = st.getColumn(n++).getInt();
        f.themes = lines(st.getColumn(n++).getString());
        f.countries = lines(st.getColumn(n++).getString());
        files.push_back(std::move(f));
    }
    return files;
}

void LibraryIndex::showFolders(const std::vector<fs::path>& folders) {
    m_db->exec("DELETE FROM temp.shown");
    SQLite::Statement add(*m_db, "INSERT OR IGNORE INTO temp.shown (folder) VALUES (?)");
    for (const auto& folder : folders) {
        add.bind(1, folder.string());
        add.exec();
        add.reset();
    }
    m_foldersShown = true;
}

std::vector<IndexHit> LibraryIndex::search(const core::SearchTerms& terms, int limit) {
    std::vector<IndexHit> hits;
    const std::string query = core::ftsQueryAll(terms);
    if (query.empty()) return hits;
    // Only the shown folders' files, before the limit: another folder's matches never crowd them out.
    SQLite::Statement st(*m_db, m_foldersShown ? R"SQL(
        SELECT i.file_id, i.kind, i.ref, i.dilemma, i.text, items_fts.rank
        FROM items_fts JOIN items AS i ON i.id = items_fts.rowid JOIN files AS w ON w.id = i.file_id
        WHERE items_fts MATCH ? AND w.folder IN (SELECT folder FROM temp.shown)
        ORDER BY items_fts.rank LIMIT ?)SQL"
                                               : R"SQL(
        SELECT i.file_id, i.kind, i.ref, i.dilemma, i.text, f.rank
        FROM (SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ? ORDER BY rank LIMIT ?) AS f
        JOIN items AS i ON i.id = f.rowid ORDER BY f.rank)SQL");
    st.bind(1, query);
    st.bind(2, limit);
    while (st.executeStep()) {
        IndexHit hit;
        hit.file = st.getColumn(0).getInt64();
        hit.kind = st.getColumn(1).getString();
        hit.ref = st.getColumn(2).getInt64();
        hit.dilemma = st.getColumn(3).getInt64();
        hit.text = st.getColumn(4).getString();
        hit.rank = st.getColumn(5).getDouble();
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<IndexedDilemma> LibraryIndex::similarDilemmas(const core::SearchTerms& words, const fs::path& exclude,
                                                          int limit) {
    std::vector<IndexedDilemma> found;
    const std::string query = core::ftsQueryAny(words);
    if (query.empty()) return found;
    // The workshop's own dilemmas are left out before the limit: a big workshop has more dilemmas
    // like the one on screen than any room left for them would hold.
    SQLite::Statement st(*m_db, R"SQL(
        SELECT d.file_id, d.ref, d.question, d.session, d.place, f.rank
        FROM dilemmas_fts AS f
        JOIN items AS i ON i.id = f.rowid
        JOIN dilemmas AS d ON d.file_id = i.file_id AND d.ref = i.ref
        JOIN files AS w ON w.id = i.file_id
        WHERE dilemmas_fts MATCH ? AND w.path <> ?
          AND (? = 0 OR w.folder IN (SELECT folder FROM temp.shown))
        ORDER BY f.rank LIMIT ?)SQL");
    st.bind(1, query);
    std::error_code ec;
    const fs::path folder = fs::weakly_canonical(fs::absolute(exclude.parent_path(), ec), ec).lexically_normal();
    st.bind(2, exclude.empty() ? std::string() : (folder / exclude.filename()).string());
    st.bind(3, m_foldersShown ? 1 : 0);
    st.bind(4, limit);
    while (st.executeStep()) {
        auto d = dilemmaFrom(st);
        d.rank = st.getColumn(5).getDouble();
        found.push_back(std::move(d));
    }
    return found;
}

std::vector<IndexedDilemma> LibraryIndex::dilemmas() {
    std::vector<IndexedDilemma> all;
    SQLite::Statement st(*m_db, "SELECT file_id, ref, question, session, place FROM dilemmas");
    while (st.executeStep())
        all.push_back(dilemmaFrom(st));
    return all;
}

std::string LibraryIndex::dilemmaQuestion(core::Id file, core::Id dilemma) {
    SQLite::Statement st(*m_db, "SELECT question FROM dilemmas WHERE file_id = ? AND ref = ?");
    st.bind(1, file);
    st.bind(2, dilemma);
    return st.executeStep() ? st.getColumn(0).getString() : std::string();
}

std::vector<IndexedPractice> LibraryIndex::practices() {
    std::vector<IndexedPractice> all;
    SQLite::Statement st(*m_db, kPracticeColumns);
    while (st.executeStep())
        all.push_back(practiceFrom(st));
    return all;
}

std::vector<IndexedPractice> LibraryIndex::practicesOf(core::Id file, core::Id dilemma) {
    std::vector<IndexedPractice> all;
    SQLite::Statement st(*m_db, std::string(kPracticeColumns) + " WHERE file_id = ? AND dilemma = ? ORDER BY ref");
    st.bind(1, file);
    st.bind(2, dilemma);
    while (st.executeStep())
        all.push_back(practiceFrom(st));
    return all;
}

} // namespace plenary::store
