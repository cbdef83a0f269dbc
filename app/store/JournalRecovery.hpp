#pragma once

#include <filesystem>
#include <functional>

namespace plenary::store {

// Rolls back the unfinished edit in the journal a killed writer left beside a session file, so that
// a recovery gone wrong can be undone. First the file and its journal are copied (and flushed to
// disk) to NAME.before-recovery and NAME.before-recovery-journal; then `recover` runs: it opens the
// file read-write, which makes SQLite play the journal back, and checks the result, throwing
// StoreError if the file is not sound. Then:
// - no backup possible (folder not writable, disk full, a name in the way): StoreError, nothing
//   was changed and no copy is left behind;
// - the check fails (Damaged) or anything else goes wrong: the journal and the file are put back
//   byte for byte, the copies are kept, and a Damaged StoreError says so;
// - any other refusal (another program's database, a newer Plenary): put back, copies removed, the
//   refusal passed on; busy (another program holds the file): passed on untouched;
// - success: the copies are removed (see JournalRecovery.cpp for why).
void recoverWithBackup(const std::filesystem::path& path, const std::function<void()>& recover);

// True when another process holds one of SQLite's locks on the file: a journal beside it then
// belongs to a live writer, not a killed one.
bool sqliteLockHeldElsewhere(const std::filesystem::path& path);

} // namespace plenary::store
