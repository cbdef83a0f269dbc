#include "store/Rows.hpp"

#include "core/Fields.hpp"
#include "core/Limits.hpp"

#include <SQLiteCpp/Database.h>

#include "store/Statements.hpp"
#include "store/StoreError.hpp"

namespace plenary::store {
namespace {

using core::Id;

// A reference of 0 ("none") is NULL in the file, so foreign keys hold.
Value ref(Id id) {
    return id == 0 ? Value{nullptr} : Value{static_cast<std::int64_t>(id)};
}
Value num(std::int64_t n) {
    return Value{n};
}
Value flag(bool b) {
    return Value{std::int64_t{b ? 1 : 0}};
}
Value text(const std::string& s) {
    return Value{s};
}
Value text(std::string_view s) {
    return Value{std::string(s)};
}

Id refAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).isNull() ? 0 : st.getColumn(i).getInt64();
}
std::string textAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).getString();
}
bool flagAt(SQLite::Statement& st, int i) {
    return st.getColumn(i).getInt() != 0;
}

} // namespace

const std::vector<TableDef>& editableTables() {
    static const std::vector<TableDef> tables{
        RowMap<core::Workshop>::table(),        RowMap<core::Ring>::table(),
        RowMap<core::Person>::table(),          RowMap<core::Phase>::table(),
        RowMap<core::ThematicSession>::table(), RowMap<core::Dilemma>::table(),
        RowMap<core::Question>::table(),        RowMap<core::Practice>::table(),
        RowMap<core::Contribution>::table(),    RowMap<core::PhaseLogEntry>::table(),
        RowMap<core::Statement>::table(),       RowMap<core::VoteTally>::table(),
        RowMap<core::RoundLogEntry>::table()};
    return tables;
}

const TableDef* findTable(std::string_view name) {
    for (const auto& table : editableTables())
        if (table.name == name) return &table;
    return nullptr;
}

void bindRow(SQLite::Statement& st, const Row& row, int firstIndex) {
    int index = firstIndex;
    for (const auto& value : row) {
        std::visit(
            [&](const auto& v) {
                using V = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<V, std::nullptr_t>)
                    st.bind(index);
                else
                    st.bind(index, v);
            },
            value);
        ++index;
    }
}

std::string selectSql(const TableDef& table) {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) sql += ", ";
        sql += table.columns[i];
    }
    sql += " FROM ";
    sql += table.name;
    return sql;
}

namespace {

// The last guard of core's per-text limit (the readers and the screens keep to it first): a row
// is refused whole, naming the field, rather than stored with a text no screen can show.
void checkTexts(const TableDef& table, const Row& row) {
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i)
        if (const auto* text = std::get_if<std::string>(&row[i]); text && core::textTooLong(*text))
            throw StoreError(StoreErrorKind::Invalid, std::string(table.name) + "." +
                                                          std::string(table.columns[i]) + ": " +
                                                          core::textTooLongMessage(*text));
}

} // namespace

void insertRow(SQLite::Database& db, const TableDef& table, const Row& row) {
    checkTexts(table, row);
    std::string sql = "INSERT INTO " + std::string(table.name) + " (";
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) {
            sql += ", ";
            marks += ", ";
        }
        sql += table.columns[i];
        marks += "?";
    }
    sql += ") VALUES (" + marks + ")";
    Prepared st(db, sql);
    bindRow(*st, row);
    st->exec();
}

void updateRow(SQLite::Database& db, const TableDef& table, std::int64_t id, const Row& row) {
    // A text over the limit that the row already holds (a file from before the limit) is kept as
    // it is: a change of status or place must still go through. Only a new long text is refused.
    for (std::size_t i = 1; i < row.size() && i < table.columns.size(); ++i) {
        const auto* text = std::get_if<std::string>(&row[i]);
        if (!text || !core::textTooLong(*text)) continue;
        Prepared stored(db, "SELECT " + std::string(table.columns[i]) + " FROM " + std::string(table.name) +
                                " WHERE id = ?");
        stored->bind(1, id);
        if (stored->executeStep() && stored->getColumn(0).getString() == *text) continue;
        throw StoreError(StoreErrorKind::Invalid, std::string(table.name) + "." + std::string(table.columns[i]) +
                                                      ": " + core::textTooLongMessage(*text));
    }
    std::string sql = "UPDATE " + std::string(table.name) + " SET ";
    for (std::size_t i = 1; i < table.columns.size(); ++i) {
        if (i > 1) sql += ", ";
        sql += std::string(table.columns[i]) + " = ?";
    }
    sql += " WHERE id = ?";
    Prepared st(db, sql);
    bindRow(*st, Row(row.begin() + 1, row.end()));
    st->bind(static_cast<int>(table.columns.size()), id);
    st->exec();
}

void deleteRow(SQLite::Database& db, const TableDef& table, std::int64_t id) {
    Prepared st(db, "DELETE FROM " + std::string(table.name) + " WHERE id = ?");
    st->bind(1, id);
    st->exec();
}

namespace {

template <class T> TableDef makeTable() {
    TableDef table{core::fields::Entity<T>::table, {"id"}};
    core::fields::forEach<T>([&](const auto& f) { table.columns.push_back(f.column); });
    return table;
}

template <class T> Row rowOf(const T& item) {
    using core::fields::Kind;
    Row row;
    const Id id = core::fields::Entity<T>::rowId(item);
    row.push_back(id == 0 ? Value{nullptr} : num(id));
    core::fields::forEach<T>([&](const auto& f) {
        const auto& value = item.*f.member;
        using M = std::decay_t<decltype(value)>;
        // Every write of a row (an edit, an import, a new file) is made here, so a country code
        // is normalised once for all of them.
        if constexpr (std::is_same_v<M, std::string>)
            row.push_back(text(f.kind == Kind::Country ? core::countryCode(value) : value));
        else if constexpr (std::is_same_v<M, double>)
            row.emplace_back(std::in_place_type<double>, value);
        else if constexpr (std::is_same_v<M, bool>)
            row.push_back(flag(value));
        else if constexpr (std::is_enum_v<M>)
            row.push_back(text(f.toKey(value)));
        else if (f.kind == Kind::Ref)
            row.push_back(ref(static_cast<Id>(value)));
        else
            row.push_back(num(static_cast<std::int64_t>(value)));
    });
    return row;
}

// Columns are read in the order selectSql() lists them: the descriptor's order.
template <class T> T fromStatement(SQLite::Statement& st) {
    using core::fields::Kind;
    T item{};
    if constexpr (requires { item.id; }) item.id = refAt(st, 0);
    int column = 1;
    core::fields::forEach<T>([&](const auto& f) {
        auto& value = item.*f.member;
        using M = std::decay_t<decltype(value)>;
        const int i = column++;
        if constexpr (std::is_same_v<M, std::string>)
            value = textAt(st, i);
        else if constexpr (std::is_same_v<M, double>)
            value = st.getColumn(i).getDouble();
        else if constexpr (std::is_same_v<M, bool>)
            value = flagAt(st, i);
        else if constexpr (std::is_enum_v<M>)
            value = f.fromKey(textAt(st, i)).value_or(M{}); // an unknown key reads as the default
        else if (f.kind == Kind::Ref)
            value = static_cast<M>(refAt(st, i));
        else
            value = static_cast<M>(st.getColumn(i).getInt64());
    });
    return item;
}

} // namespace

#define PLENARY_ROW_MAP_IMPL(Type)                                                                           \
    const TableDef& RowMap<core::Type>::table() {                                                            \
        static const TableDef def = makeTable<core::Type>();                                                 \
        return def;                                                                                          \
    }                                                                                                        \
    Row RowMap<core::Type>::toRow(const core::Type& value) {                                                 \
        return rowOf(value);                                                                                 \
    }                                                                                                        \
    core::Type RowMap<core::Type>::fromColumns(SQLite::Statement& statement) {                               \
        return fromStatement<core::Type>(statement);                                                         \
    }

PLENARY_ROW_MAP_IMPL(Workshop)
PLENARY_ROW_MAP_IMPL(Ring)
PLENARY_ROW_MAP_IMPL(Person)
PLENARY_ROW_MAP_IMPL(Phase)
PLENARY_ROW_MAP_IMPL(ThematicSession)
PLENARY_ROW_MAP_IMPL(Dilemma)
PLENARY_ROW_MAP_IMPL(Question)
PLENARY_ROW_MAP_IMPL(Practice)
PLENARY_ROW_MAP_IMPL(Contribution)
PLENARY_ROW_MAP_IMPL(PhaseLogEntry)
PLENARY_ROW_MAP_IMPL(RoundLogEntry)
PLENARY_ROW_MAP_IMPL(Statement)
PLENARY_ROW_MAP_IMPL(VoteTally)

#undef PLENARY_ROW_MAP_IMPL

} // namespace plenary::store
