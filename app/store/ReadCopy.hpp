#pragma once

#include <filesystem>

namespace plenary::store {

// A private copy of a session file and the journal beside it, in a temporary folder removed with
// it. A reader that finds a journal opens the copy: whatever SQLite does with the journal (roll an
// unfinished edit back) happens to the copy, and the file and its journal keep every byte.
class ReadCopy {
public:
    explicit ReadCopy(const std::filesystem::path& original);
    ~ReadCopy();
    ReadCopy(const ReadCopy&) = delete;
    ReadCopy& operator=(const ReadCopy&) = delete;
    const std::filesystem::path& path() const { return m_path; }

    // True when a journal (or WAL) lies beside the file: reading it directly could change it.
    static bool needed(const std::filesystem::path& original);

private:
    std::filesystem::path m_folder;
    std::filesystem::path m_path;
};

} // namespace plenary::store
