#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::store {

// 'PLNR': identifies a Plenary session file (PRAGMA application_id).
inline constexpr std::int32_t kApplicationId = 0x504C4E52;
// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 5;

// Runs every migration newer than the file's user_version, each in its own transaction, so an
// interrupted upgrade leaves the file at the last complete version.
void migrate(SQLite::Database& db, int upTo = kSchemaVersion);

// Every table, index, trigger and view in the file, as sorted "type name table sql" lines.
std::vector<std::string> schemaOf(SQLite::Database& db);
// The schema this version of Plenary creates at that file version.
std::vector<std::string> expectedSchema(int version);

// A file may come from anyone: SQLite's defences for untrusted databases, on every connection,
// and no single statement may run longer than kStatementSeconds (it is interrupted instead).
void distrust(SQLite::Database& db);
inline constexpr double kStatementSeconds = 10.0;
// Interrupts any statement on this connection that runs longer than `seconds` (distrust() sets
// kStatementSeconds; tests set less). Call once per connection.
void boundStatementTime(SQLite::Database& db, double seconds);

int userVersion(SQLite::Database& db);
std::int32_t applicationId(SQLite::Database& db);

} // namespace plenary::store
