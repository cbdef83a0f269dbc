#pragma once

#include <filesystem>

namespace plenary::store {

// An advisory lock (flock) held for as long as a Plenary window writes to a session file, so a
// second process gets "already open" instead of becoming a silent second writer. flock locks are
// independent of SQLite's own POSIX record locks, and the kernel drops them if the process dies.
class FileLock {
public:
    FileLock() = default;
    // Returns an unlocked FileLock (locked() == false) when another process holds the lock.
    static FileLock tryLock(const std::filesystem::path& path);
    ~FileLock();
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

    bool locked() const { return m_fd >= 0; }
    void release();

private:
    int m_fd = -1;
};

} // namespace plenary::store
