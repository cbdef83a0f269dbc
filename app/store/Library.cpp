#include "store/Library.hpp"

#include "store/SessionStore.hpp"

#include "core/Text.hpp"

#include <algorithm>

namespace plenary::store {

namespace fs = std::filesystem;

std::vector<LibraryEntry> scanLibrary(const fs::path& folder) {
    std::vector<LibraryEntry> entries;
    std::error_code ec;
    for (const auto& item : fs::directory_iterator(folder, ec)) {
        if (item.path().extension() != ".plenary") continue;
        LibraryEntry entry;
        entry.path = item.path();
        try {
            auto session = SessionStore::open(item.path(), OpenMode::ReadOnly);
            entry.workshop = session->workshop();
            entry.counts = session->counts();
        } catch (const std::exception& e) {
            entry.problem = e.what();
            entry.workshop.title = item.path().stem().string();
        }
        entries.push_back(std::move(entry));
    }
    // Newest workshops first, then by title as people read it (the people list's order), then by
    // file name so two workshops with one title keep their places between scans.
    std::sort(entries.begin(), entries.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        if (a.workshop.date != b.workshop.date) return a.workshop.date > b.workshop.date;
        if (const int c = core::compareForSorting(a.workshop.title, b.workshop.title); c != 0) return c < 0;
        return a.path < b.path;
    });
    return entries;
}

} // namespace plenary::store
