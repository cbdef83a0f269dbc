#include "session/Paths.hpp"

#include <cstdlib>

namespace plenary::session {

namespace fs = std::filesystem;

namespace {

fs::path xdg(const char* variable, const char* fallback) {
    if (const char* value = std::getenv(variable); value && *value == '/') return fs::path(value) / "plenary";
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / fallback / "plenary";
}

} // namespace

fs::path dataFolder() {
    return xdg("XDG_DATA_HOME", ".local/share");
}
fs::path configFolder() {
    return xdg("XDG_CONFIG_HOME", ".config");
}
fs::path cacheFolder() {
    return xdg("XDG_CACHE_HOME", ".cache");
}
fs::path sessionsFolder() {
    return dataFolder() / "sessions";
}

fs::path resourceFolder() {
    std::error_code ec;
    if (const char* home = std::getenv("PLENARY_HOME"); home && *home) return home;
    const fs::path source = PLENARY_SOURCE_DIR;
    if (fs::exists(source / "templates", ec)) return source;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
             dir = dir.parent_path())
            if (fs::exists(dir / "templates", ec)) return dir;
    }
    return source;
}

fs::path homeFolder() {
    const char* home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/");
}

fs::path expandHome(std::string_view typed) {
    return expandHome(typed, homeFolder());
}

fs::path expandHome(std::string_view typed, const fs::path& home) {
    const std::string path(typed);
    if (path == "~") return home;
    if (path.rfind("~/", 0) == 0) return home / path.substr(2);
    return fs::path(path);
}

} // namespace plenary::session
