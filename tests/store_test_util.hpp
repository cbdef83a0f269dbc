#pragma once

// Helpers shared by the store tests (test_store_*.cpp, test_migrations.cpp): a temporary folder
// per test, byte hashes of files, example sessions and a small way to run a helper process.
#include "core/Model.hpp"
#include "core/SessionJson.hpp"
#include "store/SessionStore.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace store_test {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("plenary-store-test-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(counter++) + "-" + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    fs::path operator/(const std::string& name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline std::string readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// FNV-1a over the file's bytes.
inline std::uint64_t fileHash(const fs::path& path) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : readBytes(path)) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

inline bool hasSideFiles(const fs::path& path) {
    return fs::exists(path.string() + "-journal") || fs::exists(path.string() + "-wal") ||
           fs::exists(path.string() + "-shm");
}

inline plenary::core::SessionData exampleSession(const std::string& name) {
    const fs::path file = fs::path(PLENARY_SOURCE_DIR) / "sessions" / "examples" / (name + ".json");
    return plenary::core::parseSessionJson(readBytes(file), file.filename().string());
}

// A workshop with one thematic session and one dilemma (ids 1 and 1).
inline plenary::core::SessionData smallSession() {
    plenary::core::SessionData data;
    data.workshop.title = "Kill test workshop";
    data.workshop.date = "2024-05-02";
    data.sessions.push_back({1, "Housing", 1});
    plenary::core::Dilemma dilemma;
    dilemma.id = 1;
    dilemma.session = 1;
    dilemma.position = 1;
    dilemma.question = "How do we keep newcomers housed?";
    data.dilemmas.push_back(dilemma);
    return data;
}

struct ProcessResult {
    int exitCode = -1; // -1 when it did not exit normally
    std::string out;
    std::string err;
};

// Runs a program to completion; its stdout and stderr go through files in `scratch`.
inline ProcessResult runProcess(const std::vector<std::string>& args, const fs::path& scratch) {
    const fs::path outFile = scratch / "process-stdout.txt";
    const fs::path errFile = scratch / "process-stderr.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    for (const auto& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ProcessResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readBytes(outFile);
    result.err = readBytes(errFile);
    return result;
}

} // namespace store_test
