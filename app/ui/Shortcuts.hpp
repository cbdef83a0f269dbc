#pragma once

#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::ui {

class AppState;

struct Chord {
    int key = 0; // ui/Keys.hpp
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
};

// One key of the program: what the F1 help and the README's key table list, and what it does.
// Keys sharing a `keys` label form one row of the help (e.g. "PageDown / PageUp").
struct Shortcut {
    Chord chord;
    std::string_view keys; // as the help and the README write it
    std::string_view what;
    std::string_view screen; // a screen id, or empty for everywhere
    // Empty when the focused field handles the key itself (Enter on the capture line, Tab).
    std::function<void(AppState&)> action;
};

// Every shortcut, in help order (registerShortcuts() in Shortcuts.cpp).
const std::vector<Shortcut>& shortcutRegistry();

// Runs the actions of the chords pressed this frame that apply to the screen on view. Called
// before any view draws, so an action may change the workshop at once.
void dispatchShortcuts(AppState& state);

// The help's rows: (keys, what), one per label, in order.
std::vector<std::pair<std::string_view, std::string_view>> helpRows();

} // namespace plenary::ui
