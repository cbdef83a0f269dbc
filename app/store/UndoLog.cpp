#include "store/UndoLog.hpp"

#include "store/Clock.hpp"
#include "store/StoreError.hpp"

#include <SQLiteCpp/Statement.h>

#include "store/Statements.hpp"

#include <charconv>
#include <cmath>

namespace plenary::store {

namespace {

// Writes an image back: NULL deletes the row, otherwise the row is updated or re-inserted with
// its original id. Values are unpacked by SQLite's json_extract, keeping their types.
void applyImage(SQLite::Database& db, const TableDef& table, std::int64_t rowId,
                const std::optional<std::string>& image) {
    if (!image) {
        deleteRow(db, table, rowId);
        return;
    }
    Prepared exists(db, "SELECT 1 FROM " + std::string(table.name) + " WHERE id = ?");
    exists->bind(1, rowId);
    std::string sql;
    if (exists->executeStep()) {
        sql = "UPDATE " + std::string(table.name) + " SET ";
        for (std::size_t i = 1; i < table.columns.size(); ++i) {
            if (i > 1) sql += ", ";
            sql += std::string(table.columns[i]) + " = json_extract(?1, '$[" + std::to_string(i) + "]')";
        }
        sql += " WHERE id = ?2";
    } else {
        sql = "INSERT INTO " + std::string(table.name) + " (";
        std::string values;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (i) {
                sql += ", ";
                values += ", ";
            }
            sql += table.columns[i];
            values += i == 0 ? std::string("?2") : "json_extract(?1, '$[" + std::to_string(i) + "]')";
        }
        sql += ") VALUES (" + values + ")";
    }
    Prepared st(db, sql);
    st->bind(1, *image);
    st->bind(2, rowId);
    st->exec();
}

void replay(SQLite::Database& db, std::int64_t step, bool backwards, ChangeSet& changes) {
    Prepared st(
        db,
        std::string("SELECT tbl, row_id, before, after FROM undo_change WHERE step_id = ? ORDER BY seq ") +
            (backwards ? "DESC" : "ASC"));
    st->bind(1, step);
    while (st->executeStep()) {
        const auto* table = findTable(st->getColumn(0).getString());
        // The history is data from the file: only tables Plenary itself edits may be touched.
        if (!table) throw StoreError(StoreErrorKind::Damaged, "undo history names an unknown table");
        const int column = backwards ? 2 : 3;
        const int other = backwards ? 3 : 2;
        std::optional<std::string> image;
        if (!st->getColumn(column).isNull()) image = st->getColumn(column).getString();
        const std::int64_t rowId = st->getColumn(1).getInt64();
        applyImage(db, *table, rowId, image);
        changes.push_back(RowChange{table->name, rowId, !st->getColumn(other).isNull(), image.has_value()});
    }
}

} // namespace

std::int64_t beginUndoStep(SQLite::Database& db, const std::string& label) {
    // Undone steps are always the newest ones; the index on undone finds them without a scan.
    if (const std::int64_t firstUndone = nextRedoStep(db); firstUndone != 0) {
        Prepared changes(db, "DELETE FROM undo_change WHERE step_id >= ?");
        changes->bind(1, firstUndone);
        changes->exec();
        Prepared steps(db, "DELETE FROM undo_step WHERE id >= ?");
        steps->bind(1, firstUndone);
        steps->exec();
    }
    Prepared st(db, "INSERT INTO undo_step (label, created_at) VALUES (?, ?)");
    st->bind(1, label);
    st->bind(2, utcNow());
    st->exec();
    return db.getLastInsertRowid();
}

int nextChangeSeq(SQLite::Database& db, std::int64_t step) {
    Prepared st(db, "SELECT coalesce(max(seq) + 1, 0) FROM undo_change WHERE step_id = ?");
    st->bind(1, step);
    st->executeStep();
    return st->getColumn(0).getInt();
}

bool updateRecordedAfter(SQLite::Database& db, std::int64_t step, const TableDef& table, std::int64_t rowId,
                         const std::optional<std::string>& after) {
    Prepared st(db, "UPDATE undo_change SET after = ? WHERE step_id = ? AND tbl = ? AND row_id = ?");
    if (after)
        st->bind(1, *after);
    else
        st->bind(1);
    st->bind(2, step);
    st->bind(3, std::string(table.name));
    st->bind(4, rowId);
    return st->exec() > 0;
}

std::optional<std::string> rowImage(SQLite::Database& db, const TableDef& table, std::int64_t id) {
    std::string sql = "SELECT json_array(";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i) sql += ", ";
        sql += table.columns[i];
    }
    sql += ")";
    for (const auto column : table.columns)
        sql += ", " + std::string(column);
    sql += " FROM " + std::string(table.name) + " WHERE id = ?";
    Prepared st(db, sql);
    st->bind(1, id);
    if (!st->executeStep()) return std::nullopt;
    std::string image = st->getColumn(0).getString();
    // json_array() writes a REAL with only 15 significant digits, so undo would not give back the
    // exact value (2/3, or a float from a slider); put in the shortest text that reads back exactly.
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const auto column = st->getColumn(static_cast<int>(i + 1));
        if (!column.isFloat() || !std::isfinite(column.getDouble())) continue;
        char digits[64];
        const auto written = std::to_chars(digits, digits + sizeof digits, column.getDouble());
        if (written.ec != std::errc{}) continue;
        Prepared exact(db, "SELECT json_replace(?1, ?2, json(?3))");
        exact->bind(1, image);
        exact->bind(2, "$[" + std::to_string(i) + "]");
        exact->bind(3, std::string(digits, written.ptr));
        if (exact->executeStep()) image = exact->getColumn(0).getString();
    }
    return image;
}

void recordChange(SQLite::Database& db, std::int64_t step, int seq, const TableDef& table, std::int64_t rowId,
                  const std::optional<std::string>& before, const std::optional<std::string>& after) {
    Prepared st(
        db, "INSERT INTO undo_change (step_id, seq, tbl, row_id, before, after) VALUES (?, ?, ?, ?, ?, ?)");
    st->bind(1, step);
    st->bind(2, seq);
    st->bind(3, std::string(table.name));
    st->bind(4, rowId);
    if (before)
        st->bind(5, *before);
    else
        st->bind(5);
    if (after)
        st->bind(6, *after);
    else
        st->bind(6);
    st->exec();
}

std::int64_t nextUndoStep(SQLite::Database& db) {
    Prepared st(db, "SELECT coalesce(max(id), 0) FROM undo_step WHERE undone = 0");
    st->executeStep();
    return st->getColumn(0).getInt64();
}

std::int64_t nextRedoStep(SQLite::Database& db) {
    Prepared st(db, "SELECT coalesce(min(id), 0) FROM undo_step WHERE undone = 1");
    st->executeStep();
    return st->getColumn(0).getInt64();
}

std::string stepLabel(SQLite::Database& db, std::int64_t step) {
    if (step == 0) return {};
    Prepared st(db, "SELECT label FROM undo_step WHERE id = ?");
    st->bind(1, step);
    return st->executeStep() ? st->getColumn(0).getString() : std::string{};
}

bool undoStep(SQLite::Database& db, ChangeSet& changes) {
    const auto step = nextUndoStep(db);
    if (step == 0) return false;
    replay(db, step, true, changes);
    Prepared st(db, "UPDATE undo_step SET undone = 1 WHERE id = ?");
    st->bind(1, step);
    st->exec();
    return true;
}

bool redoStep(SQLite::Database& db, ChangeSet& changes) {
    const auto step = nextRedoStep(db);
    if (step == 0) return false;
    replay(db, step, false, changes);
    Prepared st(db, "UPDATE undo_step SET undone = 0 WHERE id = ?");
    st->bind(1, step);
    st->exec();
    return true;
}

} // namespace plenary::store
