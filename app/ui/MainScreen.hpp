#pragma once

#include "ui/AgendaView.hpp"
#include "ui/AppState.hpp"
#include "ui/LibraryView.hpp"

namespace plenary::ui {

// The whole program's screen: picks the view for the current state and handles the shortcuts
// that work everywhere (undo, redo).
class MainScreen {
public:
    explicit MainScreen(AppState& state) : m_state(state), m_library(state), m_agenda(state) {}
    void draw();

private:
    void handleShortcuts();

    AppState& m_state;
    LibraryView m_library;
    AgendaView m_agenda;
};

} // namespace plenary::ui
