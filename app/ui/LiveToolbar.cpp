#include "ui/LiveToolbar.hpp"

#include "ui/AppState.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

namespace plenary::ui {

void drawReportButtons(AppState& state) {
    if (widgets::button("Report")) {
        state.flushTyping();
        state.setScreen("report");
    }
    ImGui::SameLine();
    if (widgets::button("Export…")) state.openExport();
}

void drawLiveToolbar(AppState& state) {
    const float em = ImGui::GetFontSize();
    if (widgets::button("← Workshops")) state.later([&state] { state.closeSession(); });
    ImGui::SameLine();
    if (widgets::button("Set up")) state.setScreen("setup");
    ImGui::SameLine();
    if (widgets::button("Overview")) state.setScreen("agenda");
    ImGui::SameLine();
    drawReportButtons(state);
    ImGui::SameLine();
    if (state.screen() == "live") {
        // The archive beside the dilemma: a toggle, so its label says what a click does.
        if (widgets::button(state.ui().showRecall ? "Hide past (Ctrl+K)" : "Past dilemmas (Ctrl+K)", "recall"))
            state.ui().showRecall = !state.ui().showRecall;
        ImGui::SameLine();
    }
    if (widgets::button("Present (F9)")) state.ui().presentation = true;
    ImGui::SameLine();
    if (widgets::button("Shortcuts (F1)")) state.ui().showHelp = true;
    ImGui::SameLine(0.0f, em);
    const float room = ImGui::GetContentRegionAvail().x;
    if (!state.message().empty())
        widgets::textColoured(palette::forMessage(state.typedMessage()), widgets::fitText(state.message(), room),
                              false);
    else
        widgets::textColoured(palette::muted(), widgets::fitText(state.data().workshop.title, room), false);
}

} // namespace plenary::ui
