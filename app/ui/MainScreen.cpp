#include "ui/MainScreen.hpp"

#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <utility>

namespace plenary::ui {

namespace {

// Every shortcut, as F1 shows it.
const std::pair<const char*, const char*> kShortcuts[] = {
    {"PageDown / PageUp", "next / previous phase (what presentation clickers send)"},
    {"Ctrl+PageDown / Ctrl+PageUp", "next / previous dilemma"},
    {"Enter", "add what is typed on the capture line to the current phase"},
    {"Tab", "from the capture line to “who?”: type a name, Enter takes the first match"},
    {"Ctrl+L", "mark the last question open / closed"},
    {"Ctrl+D", "draft the result from what was captured (result phase)"},
    {"F5", "start / pause the timer"},
    {"F6", "reset the timer"},
    {"F7", "one more minute"},
    {"F9", "presentation mode on / off (Esc also leaves it)"},
    {"F11", "full screen on the chosen monitor"},
    {"Ctrl+Z / Ctrl+Y", "undo / redo any edit"},
    {"Ctrl+ + / Ctrl+ −", "larger / smaller text"},
    {"Ctrl+T", "light / dark theme"},
    {"F1", "this list"},
};

} // namespace

void MainScreen::draw() {
    handleShortcuts();
    switch (m_state.screen()) {
    case Screen::Library:
        m_library.draw();
        break;
    case Screen::Live:
        m_live.draw();
        break;
    case Screen::Setup:
        m_setup.draw();
        break;
    case Screen::Agenda:
        m_agenda.draw();
        break;
    }
    if (m_state.ui().showHelp) drawHelp();
    m_state.runLater();
}

void MainScreen::handleShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed(keys::F1)) m_state.ui().showHelp = !m_state.ui().showHelp;
    if (pressed(keys::F11)) m_state.requests().toggleFullscreen = true;
    if (!io.KeyCtrl) return;
    // Ctrl+Z / Ctrl+Y: while a field still has typing of its own to undo (or redo), the field
    // does it; otherwise they undo and redo edits of the workshop, and the field is let go first
    // so that its own undo never replays text that is no longer there.
    if (pressed(keys::Z) || pressed(keys::Y)) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        const bool redo = pressed(keys::Y) || io.KeyShift;
        const bool typing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
        const bool fieldHandles = typing && (redo ? g.InputTextState.GetRedoAvailCount() > 0
                                                  : g.InputTextState.GetUndoAvailCount() > 0);
        if (!fieldHandles) {
            ImGui::ClearActiveID();
            g.InputTextState.ID = 0;
            if (redo)
                m_state.redo();
            else
                m_state.undo();
        }
    }
    auto& settings = m_state.settings();
    const float before = settings.scale;
    if (pressed(keys::Equal) || pressed(keys::KeypadAdd))
        settings.scale = std::min(3.0f, settings.scale + 0.1f);
    if (pressed(keys::Minus) || pressed(keys::KeypadSubtract))
        settings.scale = std::max(0.5f, settings.scale - 0.1f);
    if (pressed(keys::T)) {
        settings.darkTheme = !settings.darkTheme;
        m_state.requests().rebuildFonts = true;
        m_state.saveSettings();
    }
    if (settings.scale != before) {
        m_state.requests().rebuildFonts = true;
        m_state.saveSettings();
    }
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
            for (const auto& [key, what] : kShortcuts)
                keyWidth = std::max(keyWidth, ImGui::CalcTextSize(key).x);
            ImGui::PopFont();
            ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, keyWidth + 0.5f * em);
            ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
            for (const auto& [key, what] : kShortcuts) {
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
            if (ImGui::BeginCombo("##monitor",
                                  m_state.ui().monitors[static_cast<std::size_t>(monitor)].c_str())) {
                for (std::size_t i = 0; i < m_state.ui().monitors.size(); ++i)
                    if (ImGui::Selectable((std::to_string(i + 1) + ". " + m_state.ui().monitors[i]).c_str(),
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
