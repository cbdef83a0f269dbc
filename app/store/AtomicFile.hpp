#pragma once

#include <filesystem>
#include <string>

namespace plenary::store {

// Writes text to path through a temporary file and a rename, so a reader never sees half a file.
// Never replaces a workshop file or any database, a link, a FIFO or a device (throws, one line).
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

} // namespace plenary::store
