#include "store/ReadCopy.hpp"

#include "store/StoreError.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>

namespace plenary::store {

namespace fs = std::filesystem;

namespace {
constexpr const char* kSideFiles[] = {"-journal", "-wal", "-shm"};
}

bool ReadCopy::needed(const fs::path& original) {
    std::error_code ec;
    for (const char* side : kSideFiles)
        if (fs::exists(original.string() + side, ec)) return true;
    // A file left in WAL mode makes even a reader create -wal and -shm files beside it (header
    // bytes 18 and 19 are 2 in WAL mode).
    std::ifstream in(original, std::ios::binary);
    char header[20] = {};
    in.read(header, sizeof header);
    return in.gcount() == 20 && (header[18] == 2 || header[19] == 2);
}

ReadCopy::ReadCopy(const fs::path& original) {
    static std::atomic<int> counter{0};
    std::error_code ec;
    m_folder = fs::temp_directory_path(ec) /
               ("plenary-read-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(m_folder, ec);
    m_path = m_folder / original.filename();
    fs::copy_file(original, m_path, fs::copy_options::overwrite_existing, ec);
    if (ec) {
        fs::remove_all(m_folder, ec);
        throw StoreError(StoreErrorKind::Io,
                         "cannot read " + original.filename().string() + ": " + ec.message());
    }
    for (const char* side : kSideFiles) {
        const fs::path from = original.string() + side;
        if (fs::exists(from, ec))
            fs::copy_file(from, m_path.string() + side, fs::copy_options::overwrite_existing, ec);
    }
}

ReadCopy::~ReadCopy() {
    std::error_code ec;
    fs::remove_all(m_folder, ec);
}

} // namespace plenary::store
