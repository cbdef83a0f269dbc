#include "support/FaultyVfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace plenary::test {

namespace {

// The switches, shared by every file the shim opened. Static, so a connection that outlived its
// test (it should not) finds the switches off rather than freed memory.
struct Faults {
    std::atomic<bool> full{false};
    std::atomic<std::int64_t> room{0};
    std::atomic<bool> failingReads{false};
    std::atomic<std::int64_t> goodReads{0};
    std::atomic<int> writesRefused{0};
    std::atomic<int> readsRefused{0};
    std::mutex names;
    std::string fullOnly;
    std::string readOnly;
};
Faults faults;

sqlite3_vfs* real = nullptr; // the default VFS before ours
sqlite3_vfs shim{};
bool active = false;

// Our file: the sqlite3_file SQLite sees, followed by the real VFS's own file structure.
struct File {
    sqlite3_file base;
    sqlite3_file* inner;
    const char* name; // SQLite keeps it valid until xClose (null for a temporary file)
};

sqlite3_file* inner(sqlite3_file* f) {
    return reinterpret_cast<File*>(f)->inner;
}

// Whether a switch concerns this file: checked at each call, so a switch set after the file was
// opened applies to it too.
bool concerns(sqlite3_file* f, const std::string Faults::*only) {
    const char* name = reinterpret_cast<File*>(f)->name;
    std::lock_guard lock(faults.names);
    const std::string& part = faults.*only;
    return part.empty() || (name && std::strstr(name, part.c_str()));
}

int xClose(sqlite3_file* f) {
    const int rc = inner(f)->pMethods->xClose(inner(f));
    f->pMethods = nullptr;
    return rc;
}
int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    if (faults.failingReads && concerns(f, &Faults::readOnly) && faults.goodReads-- <= 0) {
        ++faults.readsRefused;
        return SQLITE_IOERR_READ;
    }
    return inner(f)->pMethods->xRead(inner(f), buffer, amount, offset);
}
int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    if (faults.full && concerns(f, &Faults::fullOnly)) {
        sqlite3_int64 size = 0;
        if (inner(f)->pMethods->xFileSize(inner(f), &size) != SQLITE_OK) size = 0;
        const sqlite3_int64 growth = offset + amount - size;
        if (growth > 0 && (faults.room -= growth) < 0) {
            faults.room = 0;
            ++faults.writesRefused;
            return SQLITE_FULL;
        }
    }
    return inner(f)->pMethods->xWrite(inner(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return inner(f)->pMethods->xTruncate(inner(f), size);
}
int xSync(sqlite3_file* f, int flags) {
    return inner(f)->pMethods->xSync(inner(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return inner(f)->pMethods->xFileSize(inner(f), size);
}
int xLock(sqlite3_file* f, int level) {
    return inner(f)->pMethods->xLock(inner(f), level);
}
int xUnlock(sqlite3_file* f, int level) {
    return inner(f)->pMethods->xUnlock(inner(f), level);
}
int xCheckReservedLock(sqlite3_file* f, int* out) {
    return inner(f)->pMethods->xCheckReservedLock(inner(f), out);
}
int xFileControl(sqlite3_file* f, int op, void* arg) {
    return inner(f)->pMethods->xFileControl(inner(f), op, arg);
}
int xSectorSize(sqlite3_file* f) {
    return inner(f)->pMethods->xSectorSize(inner(f));
}
int xDeviceCharacteristics(sqlite3_file* f) {
    return inner(f)->pMethods->xDeviceCharacteristics(inner(f));
}
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return inner(f)->pMethods->xShmMap(inner(f), region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return inner(f)->pMethods->xShmLock(inner(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) {
    inner(f)->pMethods->xShmBarrier(inner(f));
}
int xShmUnmap(sqlite3_file* f, int deleteFlag) {
    return inner(f)->pMethods->xShmUnmap(inner(f), deleteFlag);
}
// Memory-mapped pages would bypass xRead: while reads fail, SQLite is told to read instead.
int xFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
    if (faults.failingReads || inner(f)->pMethods->iVersion < 3) {
        *out = nullptr;
        return SQLITE_OK;
    }
    return inner(f)->pMethods->xFetch(inner(f), offset, amount, out);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
    if (inner(f)->pMethods->iVersion < 3) return SQLITE_OK;
    return inner(f)->pMethods->xUnfetch(inner(f), offset, page);
}

const sqlite3_io_methods methods = {3,
                                    xClose,
                                    xRead,
                                    xWrite,
                                    xTruncate,
                                    xSync,
                                    xFileSize,
                                    xLock,
                                    xUnlock,
                                    xCheckReservedLock,
                                    xFileControl,
                                    xSectorSize,
                                    xDeviceCharacteristics,
                                    xShmMap,
                                    xShmLock,
                                    xShmBarrier,
                                    xShmUnmap,
                                    xFetch,
                                    xUnfetch};

int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* outFlags) {
    auto* file = reinterpret_cast<File*>(f);
    file->inner = reinterpret_cast<sqlite3_file*>(file + 1);
    file->name = name;
    file->base.pMethods = nullptr;
    const int rc = real->xOpen(real, name, file->inner, flags, outFlags);
    // SQLite calls xClose on our file when pMethods is set, even after a failed open: then the
    // real file must be closed through us as well.
    if (file->inner->pMethods) file->base.pMethods = &methods;
    return rc;
}
int xDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return real->xDelete(real, name, syncDir);
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return real->xAccess(real, name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return real->xFullPathname(real, name, size, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name) {
    return real->xDlOpen(real, name);
}
void xDlError(sqlite3_vfs*, int size, char* out) {
    real->xDlError(real, size, out);
}
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return real->xDlSym(real, handle, symbol);
}
void xDlClose(sqlite3_vfs*, void* handle) {
    real->xDlClose(real, handle);
}
int xRandomness(sqlite3_vfs*, int size, char* out) {
    return real->xRandomness(real, size, out);
}
int xSleep(sqlite3_vfs*, int micros) {
    return real->xSleep(real, micros);
}
int xCurrentTime(sqlite3_vfs*, double* out) {
    return real->xCurrentTime(real, out);
}
int xGetLastError(sqlite3_vfs*, int size, char* out) {
    return real->xGetLastError(real, size, out);
}
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return real->xCurrentTimeInt64(real, out);
}

} // namespace

FaultyVfs::FaultyVfs() {
    if (active) throw std::logic_error("one FaultyVfs at a time");
    heal();
    real = sqlite3_vfs_find(nullptr);
    if (!real || real->iVersion < 2) throw std::runtime_error("no default SQLite VFS to wrap");
    shim = sqlite3_vfs{};
    shim.iVersion = 2;
    shim.szOsFile = static_cast<int>(sizeof(File)) + real->szOsFile;
    shim.mxPathname = real->mxPathname;
    shim.zName = "plenary-faulty";
    shim.xOpen = xOpen;
    shim.xDelete = xDelete;
    shim.xAccess = xAccess;
    shim.xFullPathname = xFullPathname;
    shim.xDlOpen = xDlOpen;
    shim.xDlError = xDlError;
    shim.xDlSym = xDlSym;
    shim.xDlClose = xDlClose;
    shim.xRandomness = xRandomness;
    shim.xSleep = xSleep;
    shim.xCurrentTime = xCurrentTime;
    shim.xGetLastError = xGetLastError;
    shim.xCurrentTimeInt64 = xCurrentTimeInt64;
    if (sqlite3_vfs_register(&shim, 1) != SQLITE_OK) throw std::runtime_error("cannot register FaultyVfs");
    active = true;
    faults.writesRefused = 0;
    faults.readsRefused = 0;
}

FaultyVfs::~FaultyVfs() {
    heal();
    sqlite3_vfs_unregister(&shim);
    sqlite3_vfs_register(real, 1); // the default again
    active = false;
}

void FaultyVfs::fillDisk(std::int64_t roomBytes, const std::string& only) {
    std::lock_guard lock(faults.names);
    faults.fullOnly = only;
    faults.room = roomBytes;
    faults.full = true;
}

void FaultyVfs::failReads(std::int64_t goodReads, const std::string& only) {
    std::lock_guard lock(faults.names);
    faults.readOnly = only;
    faults.goodReads = goodReads;
    faults.failingReads = true;
}

void FaultyVfs::heal() {
    faults.full = false;
    faults.failingReads = false;
}

int FaultyVfs::writesRefused() const {
    return faults.writesRefused;
}

int FaultyVfs::readsRefused() const {
    return faults.readsRefused;
}

} // namespace plenary::test
