// Recovering an unfinished edit (a hot journal) when a file is opened for writing: the file and its
// journal are backed up first, and put back byte for byte when the recovery does not give a sound
// file. When no backup can be made, the file is not opened for writing at all.
#include "store_test_util.hpp"

#include "store/SessionStore.hpp"
#include "store/StoreError.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace store_test;
using plenary::store::OpenMode;
using plenary::store::SessionStore;
using plenary::store::StoreError;
using plenary::store::StoreErrorKind;

namespace {

fs::path journalOf(const fs::path& path) {
    return path.string() + "-journal";
}

fs::path fileBackupOf(const fs::path& path) {
    return path.string() + ".before-recovery";
}

fs::path journalBackupOf(const fs::path& path) {
    return path.string() + ".before-recovery-journal";
}

// A writer process starts an edit whose changed pages spill into the file mid-transaction and is
// killed (SIGKILL) before it commits: the file and the hot journal a real crash leaves behind.
void killWriterMidEdit(const fs::path& path) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec("PRAGMA journal_mode = DELETE");
            db.exec("PRAGMA cache_size = 10"); // small, so changed pages spill into the file
            db.exec("BEGIN IMMEDIATE");
            db.exec("UPDATE questions SET text = text || ' (changed)'");
            ::raise(SIGKILL);
        } catch (...) {
        }
        ::_exit(2);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(fs::exists(journalOf(path)));
}

// A hot journal from another session file of the same page size: rolling it back writes that
// file's pages into `target`, which then fails its checks.
void foreignJournal(const fs::path& other, const fs::path& target) {
    killWriterMidEdit(other);
    fs::rename(journalOf(other), journalOf(target));
}

struct Snapshot {
    std::uint64_t file = 0;
    std::uint64_t journal = 0;
};

Snapshot snapshot(const fs::path& path) {
    return {fileHash(path), fileHash(journalOf(path))};
}

// While it lives, no file this process writes may grow past `bytes` (writes fail with EFBIG): a
// full disk that root cannot write past either.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        ::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_saved{};
    sighandler_t m_handler = SIG_DFL;
};

void checkUnchanged(const fs::path& path, const Snapshot& before) {
    CHECK(fileHash(path) == before.file);
    REQUIRE(fs::exists(journalOf(path)));
    CHECK(fileHash(journalOf(path)) == before.journal);
}

} // namespace

TEST_CASE("store: an edit cut off by a killed writer is rolled back on opening, with no backups left") {
    TempDir dir;
    const fs::path path = dir / "killed.plenary";
    SessionStore::create(path, exampleSession("urban-academy-education"));
    const auto before = SessionStore::open(path, OpenMode::ReadOnly)->load();
    const auto hashBefore = fileHash(path);
    killWriterMidEdit(path);
    REQUIRE(fileHash(path) != hashBefore); // the edit reached the file: there is something to undo

    // A reader neither recovers nor backs up: it reads a private copy.
    CHECK(SessionStore::open(path, OpenMode::ReadOnly)->load() == before);
    CHECK_FALSE(fs::exists(fileBackupOf(path)));
    CHECK_FALSE(fs::exists(journalBackupOf(path)));

    auto store = SessionStore::open(path);
    CHECK(store->integrityCheck() == "ok");
    CHECK(store->load() == before);
    CHECK_FALSE(fs::exists(journalOf(path)));
    CHECK_FALSE(fs::exists(fileBackupOf(path)));
    CHECK_FALSE(fs::exists(journalBackupOf(path)));
}

TEST_CASE("store: a recovery that leaves the file damaged puts the file and its journal back") {
    TempDir dir;
    const fs::path path = dir / "victim.plenary";
    const fs::path other = dir / "other.plenary";
    SessionStore::create(path, exampleSession("social-olympics-renewal"));
    SessionStore::create(other, exampleSession("urban-academy-education"));
    foreignJournal(other, path);
    const auto before = snapshot(path);

    for (int round = 0; round < 2; ++round) { // a second try finds the same file and the same answer
        CAPTURE(round);
        std::string message;
        try {
            SessionStore::open(path);
            FAIL("opening should have failed");
        } catch (const StoreError& e) {
            CHECK(e.kind() == StoreErrorKind::Damaged);
            message = e.what();
        }
        INFO(message);
        CHECK(message.find("victim.plenary") != std::string::npos);
        CHECK(message.find("could not be recovered") != std::string::npos);
        CHECK(message.find("put back as it was") != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
        checkUnchanged(path, before);
        // The backups are kept, exact copies of what was there.
        REQUIRE(fs::exists(fileBackupOf(path)));
        REQUIRE(fs::exists(journalBackupOf(path)));
        CHECK(fileHash(fileBackupOf(path)) == before.file);
        CHECK(fileHash(journalBackupOf(path)) == before.journal);
    }
}

TEST_CASE("store: without room for a backup the file is not opened for writing and stays as it was") {
    TempDir dir;
    SUBCASE("the backup name is taken") {
        // Works for root too, which ignores permission bits. The journal's backup fails after the
        // file's was made: that first copy must not be left behind.
        const fs::path path = dir / "blocked.plenary";
        SessionStore::create(path, exampleSession("urban-academy-education"));
        killWriterMidEdit(path);
        fs::create_directory(journalBackupOf(path));
        const auto before = snapshot(path);
        try {
            SessionStore::open(path);
            FAIL("opening should have failed");
        } catch (const StoreError& e) {
            const std::string message = e.what();
            INFO(message);
            CHECK(message.find("blocked.plenary") != std::string::npos);
            CHECK(message.find("backup") != std::string::npos);
            CHECK(message.find('\n') == std::string::npos);
        }
        checkUnchanged(path, before);
        CHECK_FALSE(fs::exists(fileBackupOf(path)));
        CHECK(fs::is_directory(journalBackupOf(path)));
        // A reader still gets the recovered contents from its private copy.
        CHECK(SessionStore::open(path, OpenMode::ReadOnly)->integrityCheck() == "ok");
        checkUnchanged(path, before);
    }
    SUBCASE("the disk is full") {
        const fs::path path = dir / "full.plenary";
        SessionStore::create(path, exampleSession("urban-academy-education"));
        killWriterMidEdit(path);
        const auto before = snapshot(path);
        std::string message;
        {
            FileSizeLimit full(fs::file_size(path) / 2); // the file's copy stops half way
            try {
                SessionStore::open(path);
                FAIL("opening should have failed");
            } catch (const StoreError& e) {
                message = e.what();
            }
        }
        INFO(message);
        CHECK(message.find("full.plenary") != std::string::npos);
        CHECK(message.find("backup copy could not be made") != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
        checkUnchanged(path, before);
        CHECK_FALSE(fs::exists(fileBackupOf(path))); // the half-made copy is gone
        CHECK_FALSE(fs::exists(journalBackupOf(path)));
    }
    SUBCASE("the folder cannot be written") {
        if (::geteuid() == 0) {
            MESSAGE("running as root, which ignores folder permissions: the other subcases fail the backup");
            return;
        }
        const fs::path path = dir / "locked.plenary";
        SessionStore::create(path, exampleSession("urban-academy-education"));
        killWriterMidEdit(path);
        const auto before = snapshot(path);
        fs::permissions(dir.path(), fs::perms(0555), fs::perm_options::replace);
        try {
            SessionStore::open(path);
            FAIL("opening should have failed");
        } catch (const StoreError& e) {
            const std::string message = e.what();
            INFO(message);
            CHECK(e.kind() == StoreErrorKind::ReadOnly);
            CHECK(message.find("locked.plenary has an unfinished edit") != std::string::npos);
            CHECK(message.find('\n') == std::string::npos);
        }
        fs::permissions(dir.path(), fs::perms::owner_all, fs::perm_options::add);
        checkUnchanged(path, before);
        CHECK_FALSE(fs::exists(fileBackupOf(path)));
        CHECK_FALSE(fs::exists(journalBackupOf(path)));
    }
}
