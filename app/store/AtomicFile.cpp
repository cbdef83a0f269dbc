#include "store/AtomicFile.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace plenary::store {

namespace fs = std::filesystem;

// What an export may never replace: a workshop (or any SQLite database), something that is not a
// plain file (a FIFO would block, a device would be written to), or a link to somewhere else.
void refuseExportTarget(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::symlink_status(path, ec);
    if (ec || !fs::exists(status)) return;
    const std::string name = path.string();
    if (fs::is_symlink(status))
        throw std::runtime_error(name + " is a link; Plenary writes only to a plain file of its own name");
    if (!fs::is_regular_file(status))
        throw std::runtime_error(name + " is not a plain file; nothing was written");
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    char header[16] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(header, sizeof header);
    const bool database = in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
    if (ext == ".plenary" || database)
        throw std::runtime_error(name +
                                 " is a workshop file (or another database); an export never replaces it");
}

namespace {

// Why a write failed, in plain words; errno as the failed call left it.
std::string writeProblem(int error) {
    if (error == ENOSPC || error == EDQUOT) return "the disk is full";
    if (error == EFBIG) return "the file would be larger than this system allows";
    if (error == 0) return "the disk refused it";
    return std::strerror(error);
}

} // namespace

void writeFileAtomically(const fs::path& path, const std::string& text) {
    writeFileAtomically(path, [&](const fs::path& temp) {
        errno = 0;
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + path.string() + ": " + writeProblem(errno));
        out << text;
        out.flush();
        if (out) out.close(); // a file system may report a full disk only when the file closes
        if (!out)
            throw std::runtime_error("cannot write " + path.string() + ": " + writeProblem(errno) +
                                     "; nothing was written");
    });
}

void writeFileAtomically(const fs::path& path, const std::function<void(const fs::path& temporary)>& write) {
    refuseExportTarget(path);
    const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    try {
        write(temp);
    } catch (...) {
        fs::remove(temp, ec); // a full disk or a failed writer leaves nothing half-written behind
        throw;
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
    }
}

} // namespace plenary::store
