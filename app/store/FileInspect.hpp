#pragma once

// inspectFile() is declared in SessionStore.hpp; this header keeps the pieces it is made of.
#include "store/SessionStore.hpp"

namespace plenary::store {

// True when the file or its folder cannot be written by us (a journal needs the folder too).
// Root ignores permission bits, so a file with no write bit at all also counts as read-only.
bool isReadOnlyFile(const std::filesystem::path& path);

} // namespace plenary::store
