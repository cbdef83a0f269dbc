#pragma once

// Faults on demand for the fault suites: a full disk or a failing disk under SQLite (FaultyVfs),
// and a full disk under plain file writes (FileSizeLimit).
#include <sys/resource.h>

#include <csignal>
#include <cstdint>
#include <string>

namespace plenary::test {

// While it lives, SQLite's default VFS is a thin shim over the one before it ("unix"), so every
// database the program opens without naming a VFS (SQLiteCpp's default) — workshop files, the
// library index cache — goes through it. The switches start off; a test turns them on and off.
// One at a time. Databases opened through it must be closed before it is destroyed.
class FaultyVfs {
public:
    FaultyVfs();
    ~FaultyVfs();
    FaultyVfs(const FaultyVfs&) = delete;
    FaultyVfs& operator=(const FaultyVfs&) = delete;

    // A full disk: once `roomBytes` more bytes have been added to files, every write that would
    // make a file longer fails with SQLITE_FULL (as ENOSPC does: rewriting pages already there
    // still works, so SQLite can roll an edit back). Only files whose name contains `only`, when
    // given (".plenary" spares the library index cache).
    void fillDisk(std::int64_t roomBytes = 0, const std::string& only = {});
    // A failing disk: after `goodReads` more reads, every read fails with SQLITE_IOERR_READ. Only
    // files whose name contains `only`, when given.
    void failReads(std::int64_t goodReads = 0, const std::string& only = {});
    void heal(); // both switches off

    int writesRefused() const; // since construction: proof a test's fault really happened
    int readsRefused() const;
};

// A full disk for plain file writes (exports, and the plenary processes a test starts, which
// inherit it): no file can grow past `bytes` — a write beyond fails (EFBIG) instead of the process
// being killed (SIGXFSZ is ignored). Restores both on destruction.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_before);
        rlimit lowered = m_before;
        lowered.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lowered);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_before);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_before{};
    void (*m_handler)(int) = nullptr;
};

} // namespace plenary::test
