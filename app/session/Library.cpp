#include "session/Library.hpp"

#include "core/Text.hpp"
#include "store/Library.hpp"

#include <map>

namespace plenary::session {

const std::vector<LibraryEntry>& Library::entries() {
    if (m_scanned) return m_entries;
    m_scanned = true;
    m_entries.clear();
    for (auto& entry : store::scanLibrary(m_folder))
        m_entries.push_back(LibraryEntry{std::move(entry.path), std::move(entry.workshop), entry.counts,
                                         std::move(entry.problem)});
    // Titles compared as a reader sees them: "Spring school" and "spring school " are the same.
    std::map<std::string, int> titles;
    for (const auto& entry : m_entries)
        ++titles[core::foldForSearch(core::trim(entry.workshop.title))];
    for (auto& entry : m_entries)
        entry.titleShared = titles[core::foldForSearch(core::trim(entry.workshop.title))] > 1;
    return m_entries;
}

} // namespace plenary::session
