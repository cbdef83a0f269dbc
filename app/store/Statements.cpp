#include "store/Statements.hpp"

#include <mutex>

namespace plenary::store {

namespace {

// Connections with a cache. A connection is used by one thread at a time, but two files may be
// opened on two threads (the window opens its file while it creates the window).
std::mutex g_mutex;
std::unordered_map<const SQLite::Database*, StatementCache*>& caches() {
    static std::unordered_map<const SQLite::Database*, StatementCache*> map;
    return map;
}

} // namespace

StatementCache::StatementCache(SQLite::Database& db) : m_db(db) {
    std::lock_guard lock(g_mutex);
    caches()[&db] = this;
}

StatementCache::~StatementCache() {
    std::lock_guard lock(g_mutex);
    caches().erase(&m_db);
}

Prepared::Prepared(SQLite::Database& db, const std::string& sql) {
    StatementCache* cache = nullptr;
    {
        std::lock_guard lock(g_mutex);
        const auto found = caches().find(&db);
        if (found != caches().end()) cache = found->second;
    }
    if (cache) {
        auto& entry = cache->m_entries[sql];
        if (!entry.statement) entry.statement = std::make_unique<SQLite::Statement>(db, sql);
        if (!entry.inUse) {
            entry.inUse = true;
            m_inUse = &entry.inUse;
            m_statement = entry.statement.get();
            return;
        }
    }
    m_own = std::make_unique<SQLite::Statement>(db, sql);
    m_statement = m_own.get();
}

Prepared::~Prepared() {
    if (!m_inUse) return;
    try {
        m_statement->reset();
        m_statement->clearBindings();
    } catch (...) {
        // A failed step already reported its error; the statement is reset again on next use.
    }
    *m_inUse = false;
}

} // namespace plenary::store
