#pragma once

#include "store/ChangeSet.hpp"
#include "store/Rows.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>

// Undo history kept inside the session file: each step lists the rows it changed as JSON images
// (SQLite's json_array of the row's columns) before and after. Undo writes the before images back
// in reverse order; redo writes the after images in order. Runs inside the caller's transaction.
namespace plenary::store {

// Starts a step for a new edit; a new edit discards whatever could have been redone.
std::int64_t beginUndoStep(SQLite::Database& db, const std::string& label);

std::optional<std::string> rowImage(SQLite::Database& db, const TableDef& table, std::int64_t id);

void recordChange(SQLite::Database& db, std::int64_t step, int seq, const TableDef& table, std::int64_t rowId,
                  const std::optional<std::string>& before, const std::optional<std::string>& after);

// The next free position in a step (a stretch of typing adds to the step it began).
int nextChangeSeq(SQLite::Database& db, std::int64_t step);
// Sets the after image of the row's change already recorded in the step; false if there is none.
bool updateRecordedAfter(SQLite::Database& db, std::int64_t step, const TableDef& table, std::int64_t rowId,
                         const std::optional<std::string>& after);

std::int64_t nextUndoStep(SQLite::Database& db); // 0 if none
std::int64_t nextRedoStep(SQLite::Database& db); // 0 if none
std::string stepLabel(SQLite::Database& db, std::int64_t step);
// Each row written back is added to changes.
bool undoStep(SQLite::Database& db, ChangeSet& changes);
bool redoStep(SQLite::Database& db, ChangeSet& changes);

} // namespace plenary::store
