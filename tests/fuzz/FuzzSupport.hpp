#pragma once

// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp). Each target defines LLVMFuzzerTestOneInput;
// built with clang's -fsanitize=fuzzer it is a libFuzzer program (scripts/fuzz.sh), built with the
// normal compiler and Replay.cpp it replays the checked-in corpus in the normal test run.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::fuzz {

// A whole file's bytes (empty when it cannot be read).
inline std::string fileBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A file of the repository (templates, examples), read once when a target starts.
inline std::string repoFile(const std::string& relative) {
    const auto path = std::filesystem::path(PLENARY_SOURCE_DIR) / relative;
    if (!std::filesystem::is_regular_file(path)) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", relative.c_str());
        std::abort();
    }
    return fileBytes(path);
}

// A broken promise of the code under test: say which, and stop as a crash would (libFuzzer saves
// the input; the replay test fails).
[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "fuzz: %s\n", what);
    std::abort();
}

// The input cut at NUL bytes into texts, so one input fills many fields. Never empty.
inline std::vector<std::string> texts(std::string_view data) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= data.size(); ++i) {
        if (i == data.size() || data[i] == '\0') {
            out.emplace_back(data.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

} // namespace plenary::fuzz
