#pragma once

#include <filesystem>
#include <string_view>

// Where Plenary keeps things on this machine (XDG base directories), and where its own data
// (templates, assets, example sessions) lives.
namespace plenary::session {

std::filesystem::path dataFolder();     // $XDG_DATA_HOME/plenary or ~/.local/share/plenary
std::filesystem::path configFolder();   // $XDG_CONFIG_HOME/plenary or ~/.config/plenary
std::filesystem::path sessionsFolder(); // dataFolder()/sessions
std::filesystem::path cacheFolder();    // $XDG_CACHE_HOME/plenary or ~/.cache/plenary: nothing only there

// The folder holding templates/, assets/ and sessions/: $PLENARY_HOME, else the source tree the
// program was built from, else next to the executable.
std::filesystem::path resourceFolder();

// The user's home folder ($HOME); "/" when it is not set.
std::filesystem::path homeFolder();

// A typed path with "~" or "~/…" at its start read as the home folder, as a shell would; other
// paths (also "~name") are returned as typed.
std::filesystem::path expandHome(std::string_view typed);
std::filesystem::path expandHome(std::string_view typed, const std::filesystem::path& home);

} // namespace plenary::session
