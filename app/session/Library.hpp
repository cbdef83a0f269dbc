#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"
#include "core/Snippet.hpp"
#include "core/Templates.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plenary::store {
class LibraryIndex;
}

namespace plenary::session {

// One workshop file as the library lists it. A file that cannot be read is still listed, with
// the reason, so a damaged workshop is visible rather than silently missing.
struct LibraryEntry {
    std::filesystem::path path;
    core::Workshop workshop;
    core::WorkshopCounts counts;
    std::string problem;      // empty when the file opened fine
    bool titleShared = false; // another file has the same title: the file name tells them apart
    std::vector<std::string> themes;    // thematic sessions' titles
    std::vector<std::string> countries; // of its people and practices
    std::string year() const { return workshop.date.size() >= 4 ? workshop.date.substr(0, 4) : std::string(); }
};

enum class LibrarySort { Newest, Oldest, Title, Place };

// What the library shows: every criterion left empty (or unset) lets every workshop through.
struct LibraryFilter {
    std::optional<core::Format> format;
    std::string year;
    std::string country;
    std::string theme;
    LibrarySort sort = LibrarySort::Newest;
    bool operator==(const LibraryFilter&) const = default;
};

// The values the filters offer, from what the library holds, each with how many workshops have it.
struct LibraryFacet {
    std::string value;
    int workshops = 0;
};
struct LibraryFacets {
    std::vector<LibraryFacet> years; // newest first
    std::vector<LibraryFacet> countries;
    std::vector<LibraryFacet> themes; // most workshops first
};

// A text that matched, where it is, and the words around the match.
struct SearchResult {
    std::string kind; // workshop | dilemma | question | practice | statement | contribution
    core::Id ref = 0;
    core::Id dilemma = 0;
    std::string context; // for a question or practice: its dilemma's question
    core::Snippet snippet;
    std::string text; // the whole text that matched
};
struct SearchGroup {
    const LibraryEntry* entry = nullptr;
    std::vector<SearchResult> results; // best first
};
struct LibrarySearch {
    std::string query;
    std::vector<SearchGroup> groups; // the workshop with the best match first
    int results = 0;
    bool more = false; // the limit was reached: there may be more matches
};

// One practice across every workshop: where it was suggested, how often, for which dilemmas.
struct PracticeUse {
    const LibraryEntry* entry = nullptr;
    core::Id practice = 0;
    core::Id dilemma = 0;
    std::string dilemmaQuestion;
};
struct PracticeSummary {
    std::string title;
    std::string description;
    std::string city;
    std::string country;
    std::string link;
    std::string theme;                                // the catalog entry's theme, when matched
    std::optional<core::CatalogPractice> catalog;      // the catalog entry, when matched
    std::vector<PracticeUse> uses;                     // one per suggestion
    int workshops = 0;                                 // distinct workshops among the uses
};
struct PracticeFilter {
    std::string theme;
    std::string country;
    std::string text; // words in the title, place or description
    bool operator==(const PracticeFilter&) const = default;
};

// A past dilemma like the one on screen, and what was suggested for it.
struct SimilarDilemma {
    const LibraryEntry* entry = nullptr;
    core::Id dilemma = 0;
    std::string question;
    std::string session;
    std::string place;
    std::vector<std::string> practices; // titles, in the order suggested
};

// The folders of workshop files, through the library index (store/LibraryIndex): listing, search,
// practices and similar dilemmas all come from it, so a library of 500 files is as quick as one of
// five. Read when first asked for, and again after refresh().
class Library {
public:
    // An empty indexLocation keeps the index in memory.
    explicit Library(std::filesystem::path folder, std::filesystem::path indexLocation = {});
    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;

    // Where new workshops go; the first of folders().
    const std::filesystem::path& folder() const { return m_folders.front(); }
    const std::vector<std::filesystem::path>& folders() const { return m_folders; }
    // More folders; false (and nothing changes) when it is no folder or already listed.
    bool addFolder(const std::filesystem::path& folder);
    bool removeFolder(const std::filesystem::path& folder); // never the first

    // The index kept at another place from now on (the bench's warm one; an empty path: memory).
    void useIndex(const std::filesystem::path& location);
    const std::vector<LibraryEntry>& entries();
    void refresh() { m_stale = true; }
    // A window reads new or changed files for at most this long at a time (0: all at once, as the
    // command line and tests do); pending() says how many are still to read, and continueReading()
    // reads the next ones. A screen calls it once per frame before it looks at the entries: the
    // entries (and what points into them) stay as they are until then.
    void setRefreshBudget(double seconds) { m_budget = seconds; }
    int pending() const { return m_pending; }
    // Also when another window or command changed the shared index.
    void continueReading();
    std::vector<const LibraryEntry*> filtered(const LibraryFilter& filter);
    LibraryFacets facets();

    LibrarySearch search(std::string_view query, int limit = 200);
    const std::vector<PracticeSummary>& practices(const std::vector<core::CatalogPractice>& catalog);
    std::vector<const PracticeSummary*> filteredPractices(const std::vector<core::CatalogPractice>& catalog,
                                                          const PracticeFilter& filter);
    // Past dilemmas from other workshops than `current` whose text is most like `text`.
    std::vector<SimilarDilemma> similar(std::string_view text, const std::filesystem::path& current, int limit = 5);

    // Changes whenever what the library holds changed.
    std::uint64_t generation();
    // After forgetting a person: the index rereads the changed files (of its folders and of
    // `alsoFolders`) and keeps no trace of what they held.
    void purgeIndex(const std::vector<std::filesystem::path>& alsoFolders = {});
    // Why the index could not be kept in the cache folder; empty when it could.
    const std::string& indexProblem() const;
    // What the last answer could not read (a damaged or busy index): it gave nothing rather than
    // stop the screen. Empty when it read fine.
    const std::string& readProblem() const { return m_readProblem; }

private:
    const LibraryEntry* entryFor(core::Id file) const;

    std::vector<std::filesystem::path> m_folders;
    std::unique_ptr<store::LibraryIndex> m_index;
    std::vector<LibraryEntry> m_entries;
    std::vector<core::Id> m_fileIds; // the index's id of each entry
    bool m_stale = true;
    std::string m_readProblem;
    double m_budget = 0.0;
    int m_pending = 0;
    std::uint64_t m_entriesFor = 0; // the index generation m_entries were made for
    std::uint64_t m_practicesFor = 0; // the generation m_practices were built for
    std::vector<PracticeSummary> m_practices;
};

} // namespace plenary::session
