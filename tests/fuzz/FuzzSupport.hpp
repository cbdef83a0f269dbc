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

// A file of the repository (templates, examples), read once when a target starts.
inline std::string repoFile(const std::string& relative) {
    std::ifstream in(std::filesystem::path(PLENARY_SOURCE_DIR) / relative, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", relative.c_str());
        std::abort();
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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
