#pragma once

#include <filesystem>

// Where Plenary keeps things on this machine (XDG base directories), and where its own data
// (templates, assets, example sessions) lives.
namespace plenary::session {

std::filesystem::path dataFolder();     // $XDG_DATA_HOME/plenary or ~/.local/share/plenary
std::filesystem::path configFolder();   // $XDG_CONFIG_HOME/plenary or ~/.config/plenary
std::filesystem::path sessionsFolder(); // dataFolder()/sessions

// The folder holding templates/, assets/ and sessions/: $PLENARY_HOME, else the source tree the
// program was built from, else next to the executable.
std::filesystem::path resourceFolder();

} // namespace plenary::session
