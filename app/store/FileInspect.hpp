#pragma once

#include "store/OpenMode.hpp"
#include "store/StoreError.hpp"

#include <SQLiteCpp/Exception.h>

#include <filesystem>

namespace plenary::store {

// Whose file is inspected: the person's own, where rolling back an unfinished edit is backed up
// first (JournalRecovery), or a reader's private copy (ReadCopy), thrown away after reading.
enum class InspectTarget { OwnFile, PrivateCopy };

// Checks that a file can be opened in the given mode; throws StoreError with one of the distinct
// one-line messages (missing, not a database, another program's database, newer Plenary, damaged,
// read-only). Its bytes change only when a writer finds a journal a killed writer left beside it:
// the unfinished edit is rolled back, or, if that fails, the file and journal are put back.
void inspectFile(const std::filesystem::path& path, OpenMode mode,
                 InspectTarget target = InspectTarget::OwnFile);

// Refuses, with one line, what is not a plain file: missing (or a link to nothing), a folder, a
// pipe or a device. Never opens it (opening a pipe would wait for a writer).
void requirePlainFile(const std::filesystem::path& path);

// The one-line message for SQLite failing while it reads a file: a statement interrupted because
// it ran too long (kStatementSeconds: a hostile or badly damaged file), the disk failing, or damage.
StoreError readFailure(const std::filesystem::path& path, const SQLite::Exception& e);

// The disk's part in a failure, in plain words ("the disk is full"); empty when SQLite failed for
// another reason. SQLite's own words ("disk I/O error") say nothing a facilitator can act on.
std::string diskProblem(const SQLite::Exception& e);

// True when the file or its folder cannot be written by us (a journal needs the folder too).
// Root ignores permission bits, so a file with no write bit at all also counts as read-only.
bool isReadOnlyFile(const std::filesystem::path& path);

} // namespace plenary::store
