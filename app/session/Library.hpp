#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::session {

// One workshop file as the library lists it. A file that cannot be read is still listed, with
// the reason, so a damaged workshop is visible rather than silently missing.
struct LibraryEntry {
    std::filesystem::path path;
    core::Workshop workshop;
    core::WorkshopCounts counts;
    std::string problem;      // empty when the file opened fine
    bool titleShared = false; // another file has the same title: the file name tells them apart
};

// The folder of workshop files. Read when first asked for (a program started on one file does
// not open every other one first), and again after refresh().
class Library {
public:
    explicit Library(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    const std::filesystem::path& folder() const { return m_folder; }
    const std::vector<LibraryEntry>& entries();
    void refresh() { m_scanned = false; }

private:
    std::filesystem::path m_folder;
    std::vector<LibraryEntry> m_entries;
    bool m_scanned = false;
};

} // namespace plenary::session
