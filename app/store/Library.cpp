#include "store/Library.hpp"

#include "store/SessionStore.hpp"

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
    // Newest workshops first, then by title.
    std::sort(entries.begin(), entries.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        if (a.workshop.date != b.workshop.date) return a.workshop.date > b.workshop.date;
        return a.workshop.title < b.workshop.title;
    });
    return entries;
}

} // namespace plenary::store
