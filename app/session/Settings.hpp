#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plenary::session {

// The user's preferences, kept in the config folder (XDG) as settings.json, never in the working
// directory. A missing or broken file gives the defaults; it never stops the program.
struct Settings {
    int monitor = 0;    // 0: the monitor the window is on; n: the n-th monitor for F11
    float scale = 1.0f; // Ctrl +/−, on top of the display's own scale
    bool darkTheme = false;
    std::string lastFolder;
    std::vector<std::string> libraryFolders; // more folders of workshops, beside the data folder
    bool operator==(const Settings&) const = default;
};

Settings loadSettings(const std::filesystem::path& file, std::string* problem = nullptr);
void saveSettings(const std::filesystem::path& file, const Settings& settings);

} // namespace plenary::session
