#pragma once

#include <filesystem>
#include <string>
#include <vector>

// Running the real plenary binary from tests, and scratch folders that clean up after themselves.
namespace plenary::test {

struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs program with args, no shell; environment extras are NAME=VALUE strings added to ours.
RunResult run(const std::string& program, const std::vector<std::string>& args,
              const std::vector<std::string>& environment = {});

// A fresh folder, removed with what it holds; in `base` when given (see memoryFolder()).
class TempDir {
public:
    explicit TempDir(const std::filesystem::path& base = {});
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// A folder in memory where there is one (/dev/shm), else the system's temporary folder: for tests
// that make thousands of durable edits and check what is in the file, not how durably.
std::filesystem::path memoryFolder();

std::string readFile(const std::filesystem::path& path);
// Every byte of a database file and of the WAL or journal beside it (where a removed text could
// still be).
std::string bytesWithJournal(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);

} // namespace plenary::test
