#include "ui/MainScreen.hpp"

#include "ui/Fonts.hpp"
#include "ui/Screens.hpp"
#include "ui/Shortcuts.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace plenary::ui {

MainScreen::MainScreen(AppState& state) : m_state(state) {
    for (const auto& screen : screenRegistry())
        m_views[screen.id] = screen.make(state);
}

void MainScreen::draw() {
    dispatchShortcuts(m_state);
    if (const auto view = m_views.find(m_state.screen()); view != m_views.end()) view->second->draw();
    if (m_state.ui().showHelp) drawHelp();
    m_export.draw();
    widgets::endTypingFrame(); // a field that went from the screen keeps its words
    if (auto note = widgets::takeNote()) m_state.setMessage(session::warning(std::move(*note)));
    m_state.runLater();
}

void MainScreen::drawHelp() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x / 2,
                                   viewport->WorkPos.y + viewport->WorkSize.y / 2),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x - 2 * em, 44.0f * em), 0));
    if (ImGui::Begin("Shortcuts", &m_state.ui().showHelp,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoResize)) {
        if (ImGui::BeginTable("keys", 2)) {
            float keyWidth = 0.0f;
            ImGui::PushFont(fonts().bold);
            const auto rows = helpRows();
            for (const auto& [key, what] : rows)
                keyWidth = std::max(keyWidth, ImGui::CalcTextSize(key.data(), key.data() + key.size()).x);
            ImGui::PopFont();
            ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, keyWidth + 0.5f * em);
            ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
            for (const auto& [key, what] : rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::PushFont(fonts().bold);
                widgets::text(key);
                ImGui::PopFont();
                ImGui::TableSetColumnIndex(1);
                widgets::textWrapped(what);
            }
            ImGui::EndTable();
        }
        if (m_state.ui().monitors.size() > 1) {
            ImGui::AlignTextToFramePadding();
            widgets::text("F11 uses monitor:");
            ImGui::SameLine();
            auto& monitor = m_state.settings().monitor;
            monitor = std::clamp(monitor, 0, static_cast<int>(m_state.ui().monitors.size()) - 1);
            ImGui::SetNextItemWidth(14.0f * em);
            if (widgets::beginCombo("##monitor",
                                    m_state.ui().monitors[static_cast<std::size_t>(monitor)].c_str(),
                                    "monitor")) {
                for (std::size_t i = 0; i < m_state.ui().monitors.size(); ++i)
                    if (widgets::selectable((std::to_string(i + 1) + ". " + m_state.ui().monitors[i]).c_str(),
                                            static_cast<int>(i) == monitor)) {
                        monitor = static_cast<int>(i);
                        m_state.saveSettings();
                    }
                ImGui::EndCombo();
            }
        }
        if (widgets::button("Close (F1)")) m_state.ui().showHelp = false;
    }
    ImGui::End();
}

} // namespace plenary::ui
