#pragma once

#include <filesystem>
#include <string>

namespace plenary::store {

// Writes text to path through a temporary file and a rename, so a reader never sees half a file.
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

} // namespace plenary::store
