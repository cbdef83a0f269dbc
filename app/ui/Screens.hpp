#pragma once

#include "core/Model.hpp"
#include "ui/View.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::ui {

class AppState;

// Which workshops a screen is for.
enum Serves : unsigned {
    kNoWorkshop = 1, // the library: nothing open
    kUrbanAcademy = 2,
    kSocialOlympics = 4,
};

// One screen of the program. Adding a screen is one entry in registerViews() (Screens.cpp) and
// its view; the command line's --view, the main screen and opening a workshop all read this.
struct ScreenEntry {
    std::string_view id; // also its --view name
    unsigned serves = 0; // Serves flags
    unsigned opens = 0;  // the formats a workshop opens in this screen
    std::function<std::unique_ptr<View>(AppState&)> make;
};

const std::vector<ScreenEntry>& screenRegistry();

// The screen to show: `wanted` if it serves what is open, else the one the format opens in.
std::string_view resolveScreen(std::string_view wanted, std::optional<core::Format> open);

// What --view accepts: every screen, and "help" (the shortcut list over the opening screen).
std::vector<std::string> viewNames();

} // namespace plenary::ui
