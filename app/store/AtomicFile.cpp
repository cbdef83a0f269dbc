#include "store/AtomicFile.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace plenary::store {

namespace fs = std::filesystem;

void writeFileAtomically(const fs::path& path, const std::string& text) {
    const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + path.string());
        out << text;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + path.string() + " (disk full?)");
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
    }
}

} // namespace plenary::store
