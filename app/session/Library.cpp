#include "session/Library.hpp"

#include "core/Text.hpp"
#include "store/LibraryIndex.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace plenary::session {

namespace fs = std::filesystem;

namespace {

// Absolute, normal and without a trailing "/", as a file's parent_path() is: "--in sessions/" is
// the folder of "sessions/a.plenary".
fs::path normalised(const fs::path& folder) {
    std::error_code ec;
    // Links resolved, as the index keeps its files' folders: one folder reached two ways is one.
    fs::path path = fs::weakly_canonical(fs::absolute(folder, ec), ec).lexically_normal();
    if (!path.has_filename() && path.has_parent_path() && path != path.root_path()) path = path.parent_path();
    return path;
}

bool sameText(const std::string& a, const std::string& b) {
    return core::foldForSearch(core::trim(a)) == core::foldForSearch(core::trim(b));
}

bool holds(const std::vector<std::string>& values, const std::string& wanted) {
    return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return sameText(v, wanted); });
}

// Newest first, then by title as people read it, then by file name, so two workshops with one
// title keep their places between scans.
bool newerFirst(const LibraryEntry& a, const LibraryEntry& b) {
    if (a.workshop.date != b.workshop.date) return a.workshop.date > b.workshop.date;
    if (const int c = core::compareForSorting(a.workshop.title, b.workshop.title); c != 0) return c < 0;
    return a.path < b.path;
}

std::vector<LibraryFacet> facetList(const std::map<std::string, int>& counts) {
    std::vector<LibraryFacet> list;
    for (const auto& [value, n] : counts)
        list.push_back({value, n});
    return list;
}

} // namespace

Library::Library(fs::path folder, fs::path indexLocation)
    : m_folders{normalised(folder)}, m_index(std::make_unique<store::LibraryIndex>(std::move(indexLocation))) {}

Library::~Library() = default;

bool Library::addFolder(const fs::path& folder) {
    std::error_code ec;
    const fs::path path = normalised(folder);
    if (!fs::is_directory(path, ec)) return false;
    for (const auto& known : m_folders)
        if (known == path || fs::equivalent(known, path, ec)) return false;
    m_folders.push_back(path);
    m_stale = true;
    return true;
}

bool Library::removeFolder(const fs::path& folder) {
    const auto found = std::find(m_folders.begin() + 1, m_folders.end(), normalised(folder));
    if (found == m_folders.end()) return false;
    m_folders.erase(found);
    m_stale = true;
    return true;
}

void Library::continueReading() {
    try {
        if (m_pending > 0 || m_index->changedElsewhere()) m_stale = true;
    } catch (const std::exception& e) {
        m_readProblem = e.what();
    }
}

void Library::useIndex(const fs::path& location) {
    m_index = std::make_unique<store::LibraryIndex>(location);
    m_entries.clear();
    m_fileIds.clear();
    m_entriesFor = 0;
    m_practicesFor = 0;
    m_stale = true;
}

const std::vector<LibraryEntry>& Library::entries() {
    if (!m_stale) return m_entries;
    m_stale = false; // the rest when continueReading() asks
    std::vector<store::IndexedFile> files;
    try {
        const auto count = m_index->refresh(m_folders, m_budget);
        m_pending = count.pending;
        m_index->showFolders(m_folders);
        m_readProblem.clear();
        if (m_entriesFor == m_index->generation()) return m_entries;
        files = m_index->files();
    } catch (const std::exception& e) {
        // A screen is never stopped by its index: it shows what it had, and why it is not more.
        m_readProblem = std::string("the library index cannot be read: ") + e.what();
        return m_entries;
    }
    // Rebuilt whenever the index changed since the list was made (by this refresh or another).
    m_entriesFor = m_index->generation();
    std::vector<std::pair<LibraryEntry, core::Id>> list;
    for (auto& f : files) {
        // The index is shared with other windows and commands, which may list other folders.
        if (std::find(m_folders.begin(), m_folders.end(), f.path.parent_path()) == m_folders.end()) continue;
        LibraryEntry entry;
        entry.path = std::move(f.path);
        entry.workshop = std::move(f.workshop);
        entry.counts = f.counts;
        entry.problem = std::move(f.problem);
        entry.themes = std::move(f.themes);
        entry.countries = std::move(f.countries);
        list.emplace_back(std::move(entry), f.id);
    }
    // newerFirst's order, with each title folded once rather than at every comparison.
    std::vector<std::pair<core::SortKey, std::size_t>> keys;
    keys.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        keys.emplace_back(core::sortKey(list[i].first.workshop.title), i);
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
        const auto& x = list[a.second].first;
        const auto& y = list[b.second].first;
        if (x.workshop.date != y.workshop.date) return x.workshop.date > y.workshop.date;
        if (a.first != b.first) return a.first < b.first;
        return x.path < y.path;
    });
    m_entries.clear();
    m_fileIds.clear();
    m_entries.reserve(list.size());
    for (const auto& [key, i] : keys) {
        m_entries.push_back(std::move(list[i].first));
        m_fileIds.push_back(list[i].second);
    }
    // Titles compared as a reader sees them: "Spring school" and "spring school " are the same.
    std::map<std::string, int> titles;
    for (const auto& entry : m_entries)
        ++titles[core::foldForSearch(core::trim(entry.workshop.title))];
    for (auto& entry : m_entries)
        entry.titleShared = titles[core::foldForSearch(core::trim(entry.workshop.title))] > 1;
    return m_entries;
}

std::uint64_t Library::generation() {
    entries();
    return m_index->generation();
}

const LibraryEntry* Library::entryFor(core::Id file) const {
    const auto found = std::find(m_fileIds.begin(), m_fileIds.end(), file);
    return found == m_fileIds.end() ? nullptr : &m_entries[static_cast<std::size_t>(found - m_fileIds.begin())];
}

std::vector<const LibraryEntry*> Library::filtered(const LibraryFilter& filter) {
    std::vector<const LibraryEntry*> out;
    for (const auto& entry : entries()) {
        if (filter.format && (!entry.problem.empty() || entry.workshop.format != *filter.format)) continue;
        if (!filter.year.empty() && entry.year() != filter.year) continue;
        if (!filter.country.empty() && !holds(entry.countries, filter.country)) continue;
        if (!filter.theme.empty() && !holds(entry.themes, filter.theme)) continue;
        out.push_back(&entry);
    }
    auto byTitle = [](const LibraryEntry* a, const LibraryEntry* b) {
        if (const int c = core::compareForSorting(a->workshop.title, b->workshop.title); c != 0) return c < 0;
        return newerFirst(*a, *b);
    };
    switch (filter.sort) {
    case LibrarySort::Newest: break; // the entries' own order
    case LibrarySort::Oldest:
        std::stable_sort(out.begin(), out.end(), [](const LibraryEntry* a, const LibraryEntry* b) {
            return a->workshop.date != b->workshop.date ? a->workshop.date < b->workshop.date : newerFirst(*a, *b);
        });
        break;
    case LibrarySort::Title: std::stable_sort(out.begin(), out.end(), byTitle); break;
    case LibrarySort::Place:
        std::stable_sort(out.begin(), out.end(), [&](const LibraryEntry* a, const LibraryEntry* b) {
            // Workshops with no place last: a sort by place is for finding places.
            if (a->workshop.venue.empty() != b->workshop.venue.empty()) return b->workshop.venue.empty();
            if (const int c = core::compareForSorting(a->workshop.venue, b->workshop.venue); c != 0) return c < 0;
            return newerFirst(*a, *b);
        });
        break;
    }
    return out;
}

LibraryFacets Library::facets() {
    std::map<std::string, int> years, countries;
    std::map<std::string, std::pair<std::string, int>> themes; // folded → shown, count
    for (const auto& entry : entries()) {
        if (!entry.problem.empty()) continue;
        if (!entry.year().empty()) ++years[entry.year()];
        for (const auto& c : entry.countries)
            ++countries[c];
        std::set<std::string> once;
        for (const auto& t : entry.themes) {
            const std::string key = core::foldForSearch(core::trim(t));
            if (!once.insert(key).second) continue;
            auto& [shown, n] = themes[key];
            if (shown.empty()) shown = core::trim(t);
            ++n;
        }
    }
    LibraryFacets facets;
    facets.years = facetList(years);
    std::reverse(facets.years.begin(), facets.years.end());
    facets.countries = facetList(countries);
    for (const auto& [key, value] : themes)
        facets.themes.push_back({value.first, value.second});
    std::stable_sort(facets.themes.begin(), facets.themes.end(),
                     [](const LibraryFacet& a, const LibraryFacet& b) { return a.workshops > b.workshops; });
    return facets;
}

LibrarySearch Library::search(std::string_view query, int limit) {
    LibrarySearch found;
    found.query = std::string(query);
    const auto terms = core::searchTerms(query);
    if (terms.empty()) return found;
    entries();
    std::vector<store::IndexHit> hits;
    try {
        hits = m_index->search(terms, limit);
    } catch (const std::exception& e) {
        m_readProblem = std::string("the library index cannot be searched: ") + e.what();
        return found;
    }
    found.more = static_cast<int>(hits.size()) >= limit;
    std::map<std::pair<core::Id, core::Id>, std::string> questions; // (file, dilemma) → question
    std::map<core::Id, std::size_t> groupOf;
    for (const auto& hit : hits) {
        const LibraryEntry* entry = entryFor(hit.file);
        if (!entry) continue;
        auto [at, added] = groupOf.try_emplace(hit.file, found.groups.size());
        if (added) found.groups.push_back(SearchGroup{entry, {}});
        SearchResult result{hit.kind, hit.ref, hit.dilemma, {}, core::snippetFor(hit.text, terms), hit.text};
        if (hit.kind == "question" || hit.kind == "practice") {
            const auto key = std::pair{hit.file, hit.dilemma};
            auto known = questions.find(key);
            if (known == questions.end()) {
                std::string question;
                try {
                    question = m_index->dilemmaQuestion(hit.file, hit.dilemma);
                } catch (const std::exception&) {
                }
                known = questions.emplace(key, std::move(question)).first;
            }
            result.context = known->second;
        }
        found.groups[at->second].results.push_back(std::move(result));
        ++found.results;
    }
    return found;
}

std::vector<SimilarDilemma> Library::similar(std::string_view text, const fs::path& current, int limit) {
    std::vector<SimilarDilemma> list;
    const auto words = core::significantWords(text);
    if (words.empty()) return list;
    entries();
    try {
        for (const auto& d : m_index->similarDilemmas(words, current, limit)) {
            SimilarDilemma similar{entryFor(d.file), d.ref, d.question, d.session, d.place, {}};
            if (!similar.entry) continue;
            for (const auto& p : m_index->practicesOf(d.file, d.ref))
                similar.practices.push_back(p.title);
            list.push_back(std::move(similar));
        }
    } catch (const std::exception& e) {
        m_readProblem = std::string("the library index cannot be read: ") + e.what();
        list.clear();
    }
    return list;
}

void Library::purgeIndex(const std::vector<fs::path>& alsoFolders) {
    auto folders = m_folders;
    for (const auto& folder : alsoFolders)
        if (std::find(folders.begin(), folders.end(), normalised(folder)) == folders.end())
            folders.push_back(normalised(folder));
    m_index->refresh(folders);
    m_stale = true;
    entries();
    m_index->purge();
}

const std::string& Library::indexProblem() const {
    return m_readProblem.empty() ? m_index->problem() : m_readProblem;
}

} // namespace plenary::session
