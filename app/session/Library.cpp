#include "session/Library.hpp"

#include "store/Library.hpp"

namespace plenary::session {

const std::vector<LibraryEntry>& Library::entries() {
    if (m_scanned) return m_entries;
    m_scanned = true;
    m_entries.clear();
    for (auto& entry : store::scanLibrary(m_folder))
        m_entries.push_back(LibraryEntry{std::move(entry.path), std::move(entry.workshop), entry.counts,
                                         std::move(entry.problem)});
    return m_entries;
}

} // namespace plenary::session
