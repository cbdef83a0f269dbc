#include "store/JournalRecovery.hpp"

#include "store/FileLock.hpp"
#include "store/StoreError.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

namespace plenary::store {

namespace fs = std::filesystem;

namespace {

std::string name(const fs::path& path) {
    return path.filename().string();
}

// A file descriptor that is closed on every way out.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

std::string lastError() {
    return std::strerror(errno);
}

// Copies the bytes of `from` into `to` (opened with O_CREAT and `flags`, with from's permissions)
// and flushes them to disk. Returns why it failed, or an empty string.
std::string copyBytes(const fs::path& from, const fs::path& to, int flags) {
    Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (in.get() < 0 || ::fstat(in.get(), &st) != 0) return lastError();
    Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | flags, st.st_mode & 0777));
    if (out.get() < 0) return lastError();
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return lastError();
        if (got == 0) break;
        for (ssize_t done = 0; done < got;) {
            const ssize_t put =
                ::write(out.get(), buffer.data() + done, static_cast<std::size_t>(got - done));
            if (put < 0 && errno == EINTR) continue;
            if (put < 0) return lastError(); // a full disk ends here
            done += put;
        }
    }
    // The copy must be on disk before SQLite starts rewriting the file.
    if (::fsync(out.get()) != 0 || ::close(out.release()) != 0) return lastError();
    return {};
}

// The folder's entries (new copies, a recreated journal) reach the disk too; best effort, since
// some file systems cannot sync a folder.
void syncFolder(const fs::path& path) {
    fs::path folder = path.parent_path();
    if (folder.empty()) folder = ".";
    Fd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
}

bool sameBytes(const fs::path& a, const fs::path& b) {
    std::ifstream inA(a, std::ios::binary);
    std::ifstream inB(b, std::ios::binary);
    if (!inA || !inB) return false;
    return std::equal(std::istreambuf_iterator<char>(inA), std::istreambuf_iterator<char>(),
                      std::istreambuf_iterator<char>(inB), std::istreambuf_iterator<char>());
}

// Makes `copy` an exact copy of `from`. Never writes over anything: a copy already there with the
// same bytes (left by an earlier recovery that was put back) is used as it is. Returns true when
// the copy was made now.
bool backUp(const fs::path& path, const fs::path& from, const fs::path& copy) {
    const std::string refused = name(path) + " has an unfinished edit to recover, but ";
    const std::string untouched = "; it was not opened for writing and is unchanged";
    std::error_code ec;
    const auto status = fs::symlink_status(copy, ec);
    if (fs::exists(status)) {
        if (fs::is_regular_file(status) && sameBytes(from, copy)) return false;
        throw StoreError(StoreErrorKind::Io, refused + name(copy) + " is in the way of its backup copy" +
                                                 untouched + " (move that aside and open it again)");
    }
    const std::string why = copyBytes(from, copy, O_EXCL);
    if (why.empty()) return true;
    fs::remove(copy, ec); // a half-made copy (disk full) is not left behind
    throw StoreError(StoreErrorKind::Io,
                     refused + "its backup copy could not be made (" + why + ")" + untouched);
}

// The journal goes back first: a crash between the two steps then leaves the recovered file with
// the journal beside it, which the next open plays back again to the same place, whereas the old
// file without its journal would be a half-made edit that nothing could undo.
void putBack(const fs::path& path, const fs::path& journal, const fs::path& fileCopy,
             const fs::path& journalCopy) {
    std::string why = copyBytes(journalCopy, journal, O_TRUNC);
    if (why.empty()) why = copyBytes(fileCopy, path, O_TRUNC);
    syncFolder(path);
    if (why.empty() && !(sameBytes(journalCopy, journal) && sameBytes(fileCopy, path)))
        why = "the bytes read back differ";
    if (!why.empty())
        throw StoreError(StoreErrorKind::Damaged,
                         name(path) +
                             ": the unfinished edit could not be recovered, and putting the file back "
                             "failed (" +
                             why + "); copy " + name(fileCopy) + " and " + name(journalCopy) + " back over " +
                             name(path) + " and " + name(journal) + " before opening it");
}

} // namespace

// True when another process holds one of SQLite's locks (POSIX record locks on the bytes from
// 0x40000000: pending, reserved, shared): the journal then belongs to a live writer, not a crashed
// one, and SQLite will not play it back. Asking (F_GETLK) takes no lock.
bool sqliteLockHeldElsewhere(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return false;
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0x40000000;
    probe.l_len = 512;
    return ::fcntl(fd.get(), F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
}

void recoverWithBackup(const fs::path& path, const std::function<void()>& recover) {
    // Another Plenary window must not write (or recover) the file while it is copied or put back.
    FileLock lock = FileLock::tryLock(path);
    if (!lock.locked())
        throw StoreError(StoreErrorKind::AlreadyOpen,
                         name(path) + " is already open in another Plenary window");
    if (sqliteLockHeldElsewhere(path)) {
        recover(); // a live writer's journal: nothing is rolled back, so nothing to back up
        return;
    }
    const fs::path journal = path.string() + "-journal";
    const fs::path fileCopy = path.string() + ".before-recovery";
    const fs::path journalCopy = path.string() + ".before-recovery-journal";
    std::error_code ec;
    const bool fileCopyMade = backUp(path, path, fileCopy);
    try {
        backUp(path, journal, journalCopy);
    } catch (const StoreError&) {
        if (fileCopyMade) fs::remove(fileCopy, ec);
        throw;
    }
    syncFolder(path);
    // Copies of a state that is gone once the recovery worked are no use, and left beside the file
    // they would be mistaken for a second session (or block the next recovery).
    const auto removeCopies = [&] {
        fs::remove(fileCopy, ec);
        fs::remove(journalCopy, ec);
    };
    const std::string lost = name(path) +
                             ": the unfinished edit in its journal could not be recovered; the file "
                             "was put back as it was, with its journal (backup copies are kept "
                             "next to it: " +
                             name(fileCopy) + ", " + name(journalCopy) + ")";
    try {
        recover();
    } catch (const StoreError& e) {
        // Busy: SQLite plays a journal back only under an exclusive lock, so the file was not
        // rolled back by us, and another program now holds it: writing old bytes would undo its work.
        if (e.kind() == StoreErrorKind::AlreadyOpen) {
            removeCopies();
            throw;
        }
        putBack(path, journal, fileCopy, journalCopy);
        if (e.kind() == StoreErrorKind::Damaged) throw StoreError(StoreErrorKind::Damaged, lost);
        removeCopies(); // refused for what it is (another program's, a newer Plenary's), not damage
        throw;
    } catch (const std::exception&) {
        putBack(path, journal, fileCopy, journalCopy);
        throw StoreError(StoreErrorKind::Damaged, lost);
    }
    removeCopies();
}

} // namespace plenary::store
