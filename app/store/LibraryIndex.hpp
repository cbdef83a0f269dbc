#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"
#include "core/Snippet.hpp"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace plenary::store {

// One workshop file as the library index knows it: what the library lists without opening it.
struct IndexedFile {
    core::Id id = 0;
    std::filesystem::path path;
    std::string problem; // why the file could not be read; empty when it could
    core::Workshop workshop;
    core::WorkshopCounts counts;
    std::vector<std::string> themes;    // its thematic sessions' titles
    std::vector<std::string> countries; // of its people and practices (ISO codes)
};

// A text of some workshop that matched a search.
struct IndexHit {
    core::Id file = 0;
    std::string kind; // workshop | dilemma | question | practice | statement | contribution
    core::Id ref = 0; // the row's id in its workshop file
    core::Id dilemma = 0;
    std::string text; // as written
    double rank = 0;  // FTS5's bm25: lower is better
};

struct IndexedDilemma {
    core::Id file = 0;
    core::Id ref = 0;
    std::string question;
    std::string session; // the thematic session's title
    std::string place;   // the presenter's city and country, "Gdańsk (PL)"
    double rank = 0;     // for similar dilemmas
};

struct IndexedPractice {
    core::Id file = 0;
    core::Id ref = 0;
    core::Id dilemma = 0;
    std::string title;
    std::string description;
    std::string city;
    std::string country;
    std::string link;
    std::string catalog;
};

struct RefreshCount {
    int files = 0;   // workshop files in the folders
    int read = 0;    // (re)read because they are new or changed
    int removed = 0; // gone from the folders
    int pending = 0; // new or changed, left for the next refresh (the time given was up)
};

// The library's cache (the user's cache folder): every workshop file's header, counts and text,
// with a folded full-text index, refreshed by each file's time and size. Deleting it loses nothing:
// it is rebuilt from the files. A cache that is damaged or from another version is rebuilt too.
class LibraryIndex {
public:
    // An empty location keeps the index in memory (screenshots, tests).
    explicit LibraryIndex(std::filesystem::path location);
    ~LibraryIndex();
    LibraryIndex(const LibraryIndex&) = delete;
    LibraryIndex& operator=(const LibraryIndex&) = delete;

    // Brings the index up to date with the .plenary files of the folders (not their sub-folders).
    // With a budget (seconds), it stops reading files once the time is up (after one at least) and
    // says how many are left: a window reads a large new library over several frames.
    RefreshCount refresh(const std::vector<std::filesystem::path>& folders, double budgetSeconds = 0.0);
    // Changes whenever a refresh changed what the index holds.
    std::uint64_t generation() const { return m_generation; }
    // True when another program changed the cache since this one last looked (then a refresh
    // bumps the generation: the ids it handed out may mean other files now).
    bool changedElsewhere();

    std::vector<IndexedFile> files();
    // What search and similarDilemmas look at: the files of these folders (the index may hold
    // other folders' too, for other windows and commands). All folders until it is called.
    void showFolders(const std::vector<std::filesystem::path>& folders);
    // The best matches first, at most `limit`; every term must match.
    std::vector<IndexHit> search(const core::SearchTerms& terms, int limit);
    // Dilemmas whose text shares the most (and rarest) words, best first, from files other than
    // `exclude`.
    std::vector<IndexedDilemma> similarDilemmas(const core::SearchTerms& words,
                                                const std::filesystem::path& exclude, int limit);
    std::vector<IndexedDilemma> dilemmas();
    std::string dilemmaQuestion(core::Id file, core::Id dilemma); // "" when there is none
    std::vector<IndexedPractice> practices();
    std::vector<IndexedPractice> practicesOf(core::Id file, core::Id dilemma);

    // After a person was forgotten: no trace of removed text may stay in the cache's pages.
    void purge();
    const std::filesystem::path& location() const { return m_location; }
    // Why the cache folder could not be used (the index then lives in memory); empty when it could.
    const std::string& problem() const { return m_problem; }

private:
    void openDatabase();
    void createSchema();
    void forgetFile(core::Id file);
    void readFile(const std::filesystem::path& path, std::int64_t time, std::int64_t size);
    std::int64_t dataVersion();

    std::filesystem::path m_location;
    std::unique_ptr<SQLite::Database> m_db;
    std::string m_problem;
    std::uint64_t m_generation = 1;
    std::int64_t m_dataVersion = -1;
    bool m_foldersShown = false;
};

} // namespace plenary::store
