#pragma once

#include "ui/AgendaView.hpp"
#include "ui/AppState.hpp"
#include "ui/LibraryView.hpp"
#include "ui/LiveView.hpp"
#include "ui/SetupView.hpp"

namespace plenary::ui {

// The whole program's screen: picks the view for the current state, draws the shortcut help
// (F1) over it, and handles the shortcuts that work everywhere.
class MainScreen {
public:
    explicit MainScreen(AppState& state)
        : m_state(state), m_library(state), m_agenda(state), m_live(state), m_setup(state) {}
    void draw();

private:
    void handleShortcuts();
    void drawHelp();

    AppState& m_state;
    LibraryView m_library;
    AgendaView m_agenda;
    LiveView m_live;
    SetupView m_setup;
};

} // namespace plenary::ui
