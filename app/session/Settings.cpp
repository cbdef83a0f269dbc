#include "session/Settings.hpp"

#include "core/JsonRead.hpp"
#include "store/AtomicFile.hpp"
#include "store/TemplateFiles.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace plenary::session {

namespace fs = std::filesystem;

Settings loadSettings(const fs::path& file, std::string* problem) {
    Settings settings;
    std::error_code ec;
    if (!fs::exists(file, ec)) return settings;
    try {
        core::JsonIn in(store::readTextFile(file, 1u << 20), file.string());
        in.readRoot([&](std::string_view key) {
            if (key == "monitor")
                in.read(settings.monitor);
            else if (key == "scale") {
                double scale = 1.0;
                in.read(scale);
                settings.scale = static_cast<float>(std::clamp(scale, 0.5, 3.0));
            } else if (key == "darkTheme")
                in.read(settings.darkTheme);
            else if (key == "lastFolder")
                in.read(settings.lastFolder);
            else if (key == "libraryFolders")
                in.read(settings.libraryFolders);
            else
                return false;
            return true;
        });
    } catch (const std::exception& e) {
        if (problem) *problem = std::string(e.what()) + " — using the default settings";
        return Settings{};
    }
    return settings;
}

void saveSettings(const fs::path& file, const Settings& settings) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out);
        ar(cereal::make_nvp("monitor", settings.monitor),
           cereal::make_nvp("scale", static_cast<double>(settings.scale)),
           cereal::make_nvp("darkTheme", settings.darkTheme),
           cereal::make_nvp("lastFolder", settings.lastFolder),
           cereal::make_nvp("libraryFolders", settings.libraryFolders));
    }
    // Written beside and renamed, so a crash never leaves half a settings file. A settings file
    // that cannot be written is no reason to stop a workshop: the choice lasts for this run.
    try {
        store::writeFileAtomically(file, out.str() + "\n");
    } catch (const std::exception&) {
    }
}

} // namespace plenary::session
