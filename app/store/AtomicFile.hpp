#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace plenary::store {

// Writes text to path through a temporary file and a rename, so a reader never sees half a file.
// Never replaces a workshop file or any database, a link, a FIFO or a device (throws, one line).
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

// The same for a file a library writes by name (an Excel workbook): `write` is given the
// temporary path beside `path`, which is renamed over `path` once write returns. If write throws,
// the temporary file is removed and `path` is left as it was.
void writeFileAtomically(const std::filesystem::path& path,
                         const std::function<void(const std::filesystem::path& temporary)>& write);

// Throws, as writeFileAtomically would, when `path` must never be written over.
void refuseExportTarget(const std::filesystem::path& path);

} // namespace plenary::store
