#include "store/FileInspect.hpp"

#include "core/Model.hpp"

#include "store/JournalRecovery.hpp"
#include "store/Schema.hpp"
#include "store/StoreError.hpp"

#include <SQLiteCpp/Statement.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace plenary::store {

namespace fs = std::filesystem;

namespace {

std::string name(const fs::path& path) {
    return path.filename().string();
}

StoreError damaged(const fs::path& path, const std::string& detail) {
    return StoreError(StoreErrorKind::Damaged, name(path) + " is damaged (" + detail +
                                                   "); it was left untouched — open a backup copy");
}

std::uint32_t bigEndian(const unsigned char* p, int bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value = (value << 8) | p[i];
    return value;
}

// The 100-byte SQLite header tells us, without SQLite, whether the file is a database at all and
// whether it has been cut short. With a journal beside it, a writer may have been killed between
// writing the header's new page count and the pages themselves: the journal's rollback puts the
// size right, so the size is not judged then (the integrity check after recovery is).
void checkHeader(const fs::path& path, std::uintmax_t size, bool journal) {
    static constexpr char kMagic[] = "SQLite format 3";
    std::array<unsigned char, 100> header{};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    const bool magicOk = got >= 16 && std::memcmp(header.data(), kMagic, 16) == 0;
    if (!magicOk) {
        if (got > 0 && got < 16 && std::memcmp(header.data(), kMagic, got) == 0)
            throw damaged(path, "the file is cut short");
        throw StoreError(StoreErrorKind::NotDatabase,
                         name(path) + " is not a Plenary session file (not a database)");
    }
    if (got < header.size()) throw damaged(path, "the file is cut short");
    std::uint32_t pageSize = bigEndian(&header[16], 2);
    if (pageSize == 1) pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        throw damaged(path, "its header is corrupt");
    if (journal) return;
    if (size % pageSize != 0) throw damaged(path, "the file is cut short");
    // The page count in the header is valid only when its "version-valid-for" matches.
    const std::uint32_t pages = bigEndian(&header[28], 4);
    if (bigEndian(&header[92], 4) == bigEndian(&header[24], 4) && size < std::uintmax_t(pages) * pageSize)
        throw damaged(path, "the file is cut short");
}

// What any workshop could hold, many times over (PRODUCT.md's stress workshop at four times is
// 4,000 dilemmas, 80,000 questions, 8,000 practices; a CSV import may bring 100,000 people). A file
// beyond these is refused before it is read, so no file can make a command or the window read for
// minutes or fill the memory.
struct RowLimit {
    const char* table;
    std::int64_t most;
    int since = 1; // the schema version that made the table (an older file has none yet)
};
constexpr RowLimit kRowLimits[] = {
    {"workshop", 1},
    {"rings", 1000},
    {"people", 250000},
    {"phases", 1000},
    {"thematic_sessions", 20000},
    {"dilemmas", 50000},
    {"questions", 500000},
    {"practices", 200000},
    {"contributions", 50000},
    {"phase_log", 500000},
    {"round_log", 500000, 5},
    {"statements", 50000},
    {"votes", 1000000},
};

void checkSize(const fs::path& path, SQLite::Database& db) {
    const int version = userVersion(db);
    for (const auto& limit : kRowLimits) {
        if (version < limit.since) continue;
        // The table names are Plenary's own constants, never text from the file.
        SQLite::Statement count(db, std::string("SELECT count(*) FROM ") + limit.table);
        count.executeStep();
        const std::int64_t rows = count.getColumn(0).getInt64();
        if (rows > limit.most)
            throw StoreError(StoreErrorKind::Damaged,
                             name(path) + " holds more " + limit.table + " (" + std::to_string(rows) +
                                 ") than a workshop could (at most " + std::to_string(limit.most) +
                                 "), so it is not opened; it was left untouched");
    }
    // No room raises more hands than this (the tally grid refuses more): a larger count can only
    // come from a damaged or forged file, and its sums would overflow.
    SQLite::Statement most(db, "SELECT coalesce(max(count), 0) FROM votes");
    most.executeStep();
    if (most.getColumn(0).getInt64() > core::kMostVotes)
        throw StoreError(StoreErrorKind::Damaged, name(path) + " holds a vote count larger than any room (at most " +
                                                      std::to_string(core::kMostVotes) +
                                                      "), so it is not opened; it was left untouched");
}

void checkIdentity(const fs::path& path, SQLite::Database& db) {
    const auto appId = applicationId(db);
    const int version = userVersion(db);
    if (appId != kApplicationId)
        throw StoreError(StoreErrorKind::ForeignDatabase,
                         name(path) + " is a database of another program, not a Plenary session");
    if (version > kSchemaVersion)
        throw StoreError(StoreErrorKind::NewerVersion,
                         name(path) + " was saved by a newer Plenary (file version " +
                             std::to_string(version) + "; this one reads up to " +
                             std::to_string(kSchemaVersion) + ") — update Plenary to open it");
    if (version < 1) throw damaged(path, "its version number is not one Plenary writes");
    // Before anything runs: a file is data, never code. Views or triggers Plenary did not make
    // would run inside Plenary (a view that never ends, a trigger that rewrites an import).
    if (schemaOf(db) != expectedSchema(version))
        throw StoreError(
            StoreErrorKind::Damaged,
            name(path) + " contains parts Plenary did not make, so it is not opened; it was left untouched "
                         "(ask whoever sent it for the file again, or open a backup copy)");
    checkSize(path, db);
    SQLite::Statement check(db, "PRAGMA quick_check");
    const std::string verdict = check.executeStep() ? check.getColumn(0).getString() : std::string();
    if (verdict == "ok") return;
    // A page the disk would not give back ("unable to get the page. error code=266") is the disk's
    // failure, not damage to the file.
    const auto code = verdict.find("error code=");
    if (code != std::string::npos && (std::atoi(verdict.c_str() + code + 11) & 0xFF) == SQLITE_IOERR)
        throw StoreError(StoreErrorKind::Io, name(path) + " could not be read: the disk reported an error "
                                                          "(I/O error); it was left untouched");
    throw damaged(path, "the integrity check failed");
}

void openAndCheck(const fs::path& path, int flags) {
    try {
        SQLite::Database db(path, flags);
        distrust(db);
        db.setBusyTimeout(2000); // a reader waits for a writer's commit to end
        checkIdentity(path, db);
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xFF;
        if (code == SQLITE_NOTADB) throw damaged(path, "not readable as a database");
        throw readFailure(path, e); // busy, too long, or damaged
    }
}

} // namespace

bool isReadOnlyFile(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return true;
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) return true;
    if (::access(path.c_str(), W_OK) != 0) return true;
    fs::path folder = path.parent_path();
    if (folder.empty()) folder = ".";
    return ::access(folder.c_str(), W_OK) != 0;
}

void requirePlainFile(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (fs::is_symlink(fs::symlink_status(path, ec)))
            throw StoreError(StoreErrorKind::Missing,
                             "cannot open " + path.string() + ": it is a link to a file that does not exist");
        throw StoreError(StoreErrorKind::Missing, "cannot open " + path.string() + ": no such file");
    }
    if (fs::is_directory(status))
        throw StoreError(StoreErrorKind::NotDatabase,
                         path.string() + " is a folder, not a Plenary session file");
    // Opening a pipe waits for a writer that may never come; a device never ends.
    if (!fs::is_regular_file(status))
        throw StoreError(StoreErrorKind::NotDatabase,
                         path.string() +
                             " is not a Plenary session file (it is a pipe or a device, not a file)");
}

void inspectFile(const fs::path& path, OpenMode mode, InspectTarget target) {
    requirePlainFile(path);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec || size == 0)
        throw StoreError(StoreErrorKind::NotDatabase,
                         name(path) + " is not a Plenary session file (it is empty)");
    const bool journal = fs::exists(path.string() + "-journal", ec);
    checkHeader(path, size, journal);
    const bool readOnly = isReadOnlyFile(path);
    // Only a writer recovers; a reader never gets here with a journal (it reads a copy).
    if (journal && mode == OpenMode::ReadWrite && target == InspectTarget::OwnFile) {
        if (readOnly)
            throw StoreError(StoreErrorKind::ReadOnly,
                             name(path) + " has an unfinished edit to recover, which needs write access to "
                                          "the file and its folder (for a backup copy first); open it with "
                                          "--read-only to see it as it was before that edit");
        // A journal left by a killed writer: opening read-write lets SQLite roll the unfinished
        // edit back, which is the recovery we want — with a way back if it goes wrong.
        recoverWithBackup(path, [&path] { openAndCheck(path, SQLite::OPEN_READWRITE); });
        return;
    }
    // A reader's private copy is thrown away afterwards: it is recovered without a backup.
    const bool recover = journal && !readOnly && mode == OpenMode::ReadWrite;
    openAndCheck(path, recover ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY);
    if (mode == OpenMode::ReadWrite && readOnly)
        throw StoreError(StoreErrorKind::ReadOnly,
                         name(path) + " is read-only; Plenary needs write access to record the workshop "
                                      "(copy it, or open it with --read-only)");
}

std::string diskProblem(const SQLite::Exception& e) {
    switch (e.getErrorCode() & 0xFF) {
    case SQLITE_FULL:
        return "the disk is full";
    case SQLITE_IOERR:
        return "the disk reported an error (I/O error)";
    default:
        return {};
    }
}

StoreError readFailure(const fs::path& path, const SQLite::Exception& e) {
    // Not damage: the file may be perfectly good, on a disk that failed to give it back.
    if (const auto disk = diskProblem(e); !disk.empty())
        return StoreError(StoreErrorKind::Io,
                          name(path) + " could not be read: " + disk + "; it was left untouched");
    const int code = e.getErrorCode() & 0xFF;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return StoreError(StoreErrorKind::AlreadyOpen,
                          name(path) + " is busy: another program is writing to it");
    if (code == SQLITE_INTERRUPT) {
        char seconds[16];
        std::snprintf(seconds, sizeof seconds, "%.0f", kStatementSeconds);
        return StoreError(StoreErrorKind::Damaged,
                          name(path) + " took too long to read (one step ran over " + seconds +
                              " seconds): it is damaged or made to hang Plenary; it was left untouched");
    }
    return damaged(path, e.what());
}

} // namespace plenary::store
