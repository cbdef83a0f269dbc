#pragma once

#include "core/Model.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// The mapping between model structs and table rows. Every table has an integer `id` first, so one
// generic mechanism serves writes, undo images and reads.
namespace plenary::store {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Row = std::vector<Value>;

struct TableDef {
    std::string_view name;
    std::vector<std::string_view> columns; // columns[0] is "id"
};

// The tables an edit may touch; undo images name them, and are checked against this list.
const std::vector<TableDef>& editableTables();
const TableDef* findTable(std::string_view name);

void bindRow(SQLite::Statement& statement, const Row& row, int firstIndex = 1);

template <class T> struct RowMap;

#define PLENARY_ROW_MAP(Type)                                                                                \
    template <> struct RowMap<core::Type> {                                                                  \
        static const TableDef& table();                                                                      \
        static Row toRow(const core::Type& value);                                                           \
        static core::Type fromColumns(SQLite::Statement& statement);                                         \
    }

PLENARY_ROW_MAP(Workshop);
PLENARY_ROW_MAP(Ring);
PLENARY_ROW_MAP(Person);
PLENARY_ROW_MAP(Phase);
PLENARY_ROW_MAP(ThematicSession);
PLENARY_ROW_MAP(Dilemma);
PLENARY_ROW_MAP(Question);
PLENARY_ROW_MAP(Practice);
PLENARY_ROW_MAP(Contribution);
PLENARY_ROW_MAP(PhaseLogEntry);
PLENARY_ROW_MAP(RoundLogEntry);
PLENARY_ROW_MAP(Statement);
PLENARY_ROW_MAP(VoteTally);

#undef PLENARY_ROW_MAP

// "SELECT id, a, b FROM t" for a table's columns, in order.
std::string selectSql(const TableDef& table);

// Generic row writes; table and column names come from TableDef constants, values are bound.
// A NULL id in an insert lets SQLite assign one.
void insertRow(SQLite::Database& db, const TableDef& table, const Row& row);
void updateRow(SQLite::Database& db, const TableDef& table, std::int64_t id, const Row& row);
void deleteRow(SQLite::Database& db, const TableDef& table, std::int64_t id);

} // namespace plenary::store
