#include "store/Search.hpp"

#include <SQLiteCpp/Statement.h>

namespace plenary::store {

namespace {
// Spaces and control characters separate words; a NUL inside a quoted phrase would end the query
// text early for FTS5 ("unterminated string").
bool isSeparator(char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '\x7f';
}
} // namespace

std::string ftsQuery(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (isSeparator(c)) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else if (c != '"') {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::string query;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) query += ' ';
        query += '"' + words[i] + '"';
    }
    const bool typingLastWord = !text.empty() && !isSeparator(text.back());
    if (!words.empty() && typingLastWord) query += '*';
    return query;
}

std::vector<SearchHit> searchIndex(SQLite::Database& db, std::string_view text, int limit) {
    std::vector<SearchHit> hits;
    const std::string query = ftsQuery(text);
    if (query.empty()) return hits;
    SQLite::Statement st(db, R"SQL(
        SELECT s.kind, s.ref,
               CASE s.kind WHEN 'dilemma' THEN s.ref
                           WHEN 'question' THEN (SELECT dilemma_id FROM questions WHERE id = s.ref)
                           WHEN 'practice' THEN (SELECT dilemma_id FROM practices WHERE id = s.ref)
                           ELSE 0 END,
               snippet(search_index, 2, '[', ']', '…', 16)
        FROM search_index AS s WHERE search_index MATCH ? ORDER BY rank LIMIT ?)SQL");
    st.bind(1, query);
    st.bind(2, limit);
    while (st.executeStep()) {
        SearchHit hit;
        hit.kind = st.getColumn(0).getString();
        hit.ref = st.getColumn(1).getInt64();
        hit.dilemma = st.getColumn(2).isNull() ? 0 : st.getColumn(2).getInt64();
        hit.snippet = st.getColumn(3).getString();
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace plenary::store
