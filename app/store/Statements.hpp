#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace plenary::store {

// Keeps the prepared statements of one open session file, so that an edit does not parse the
// same SQL again each time (a capture runs about eight statements). Owned by the store, after its
// connection, so every statement is finalised before the connection closes.
class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db);
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

private:
    friend class Prepared;
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool inUse = false;
    };
    SQLite::Database& m_db;
    std::unordered_map<std::string, Entry> m_entries;
};

// One statement for the duration of a use: borrowed from the connection's cache when it has one
// and the statement is free, otherwise prepared for this use alone. Reset when done.
class Prepared {
public:
    Prepared(SQLite::Database& db, const std::string& sql);
    ~Prepared();
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    SQLite::Statement& operator*() { return *m_statement; }
    SQLite::Statement* operator->() { return m_statement; }

private:
    SQLite::Statement* m_statement = nullptr;
    bool* m_inUse = nullptr;
    std::unique_ptr<SQLite::Statement> m_own;
};

} // namespace plenary::store
