#pragma once

// The store's edit machinery, shared by the files that hold its edits by aggregate
// (StoreAgenda, StorePeople, StoreLive, StoreRings, StoreImport). Not for use outside app/store.
#include "store/Rows.hpp"
#include "store/SessionStore.hpp"
#include "store/Statements.hpp"
#include "store/UndoLog.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <type_traits>

namespace plenary::store {

StoreError saveError(const std::filesystem::path& path, const SQLite::Exception& e);

// One user edit: an IMMEDIATE transaction plus its undo step. Destroyed without commit(), it
// rolls back, so a failed edit leaves neither data nor history behind. Every row it touches is
// noted in the store's change set.
class SessionStore::Edit {
public:
    Edit(SessionStore& store, const char* label);

    template <class T> core::Id insert(const T& item) {
        Row row = RowMap<T>::toRow(item);
        if (std::holds_alternative<std::int64_t>(row[0]) && std::get<std::int64_t>(row[0]) == 0)
            row[0] = nullptr;
        return insertRow(RowMap<T>::table(), row);
    }
    core::Id insertRow(const TableDef& table, const Row& row);
    void update(const TableDef& table, core::Id id, const Row& row);
    template <class T> void update(const T& item) {
        update(RowMap<T>::table(), item.id, RowMap<T>::toRow(item));
    }
    void remove(const TableDef& table, core::Id id);

    SQLite::Database& db() { return m_db; }
    // An edit that changed nothing is rolled back: no empty undo step, and redo is kept.
    void commit();

private:
    void note(const TableDef& table, core::Id id, bool before, bool after);

    SessionStore& m_store;
    SQLite::Database& m_db;
    SQLite::Transaction m_tx;
    std::int64_t m_step = 0;
    int m_seq = 0;
    int m_recorded = 0;    // changes this edit recorded
    bool m_folded = false; // this edit continues the newest step (a stretch of typing)
};

// Every edit has the same shape: refuse on a read-only file, run the body inside one Edit, and
// turn SQLite's exceptions into a one-line StoreError.
template <class F> auto SessionStore::runEdit(const char* label, F&& body) {
    requireWritable();
    m_changes.clear();
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
        throw saveError(m_path, e);
    }
}

template <class T>
std::vector<T> SessionStore::selectAll(std::string_view where, core::Id param, std::string_view order) {
    std::string sql = selectSql(RowMap<T>::table());
    if (!where.empty()) sql += " WHERE " + std::string(where);
    sql += " ORDER BY " + std::string(order);
    Prepared st(*m_db, sql);
    if (!where.empty()) st->bind(1, param);
    std::vector<T> items;
    while (st->executeStep())
        items.push_back(RowMap<T>::fromColumns(*st));
    return items;
}

template <class T> std::optional<T> SessionStore::row(core::Id id) {
    auto rows = selectAll<T>("id = ?", id, "id");
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

template <class T>
core::Id SessionStore::addItem(T item, const char* label, std::string_view scope, core::Id scopeId) {
    return runEdit(label, [&](Edit& edit) {
        if constexpr (requires { item.position; }) {
            if (item.position == 0) {
                std::string sql =
                    "SELECT coalesce(max(position), 0) + 1 FROM " + std::string(RowMap<T>::table().name);
                if (!scope.empty()) sql += " WHERE " + std::string(scope) + " = ?";
                Prepared st(edit.db(), sql);
                if (!scope.empty()) st->bind(1, scopeId);
                st->executeStep();
                item.position = st->getColumn(0).getInt();
            }
        }
        return edit.insert(item);
    });
}

template <class T> void SessionStore::updateItem(const T& item, const char* label) {
    runEdit(label, [&](Edit& edit) { edit.update(item); });
}

} // namespace plenary::store
