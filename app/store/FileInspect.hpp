#pragma once

#include "store/OpenMode.hpp"

#include <filesystem>

namespace plenary::store {

// Checks that a file can be opened in the given mode without touching its bytes; throws StoreError
// with one of the distinct one-line messages (missing, not a database, another program's database,
// newer Plenary, damaged, read-only).
void inspectFile(const std::filesystem::path& path, OpenMode mode);

// True when the file or its folder cannot be written by us (a journal needs the folder too).
// Root ignores permission bits, so a file with no write bit at all also counts as read-only.
bool isReadOnlyFile(const std::filesystem::path& path);

} // namespace plenary::store
