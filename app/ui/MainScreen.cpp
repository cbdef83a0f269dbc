#include "ui/MainScreen.hpp"

#include "ui/Keys.hpp"

#include <imgui.h>

namespace plenary::ui {

void MainScreen::draw() {
    handleShortcuts();
    if (m_state.screen() == Screen::Library) m_library.draw();
    else m_agenda.draw();
}

void MainScreen::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    if (ImGui::IsKeyPressed(keys::Z, false)) {
        if (io.KeyShift) m_state.redo();
        else m_state.undo();
    } else if (ImGui::IsKeyPressed(keys::Y, false)) {
        m_state.redo();
    }
}

} // namespace plenary::ui
