#include "ui/RecallPanel.hpp"

#include "ui/AppState.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

namespace plenary::ui {

namespace {

constexpr std::size_t kPracticesShown = 4;

std::string whereLine(const session::SimilarDilemma& d) {
    const auto& w = d.entry->workshop;
    std::string line = w.title;
    if (!w.date.empty()) line += " · " + w.date.substr(0, 4);
    if (!d.place.empty()) line += " · " + d.place;
    return line;
}

} // namespace

void drawRecallPanel(AppState& state, float width, bool forTheRoom) {
    const Fonts& f = fonts();
    ImFont* title = forTheRoom && f.stage() ? f.stageBold : f.bold;
    ImFont* body = forTheRoom && f.stage() ? f.stageBody : f.body;
    ImGui::BeginChild("recall", ImVec2(width, 0), true);
    ImGui::PushFont(body);
    const float em = ImGui::GetFontSize();
    widgets::textInFont(title, "Similar past dilemmas");
    if (!forTheRoom) widgets::textColoured(palette::muted(), "from the library · Ctrl+K hides", false);
    ImGui::Spacing();
    const auto& similar = state.worker().recall();
    if (similar.empty()) {
        widgets::textColoured(palette::muted(),
                              state.live().currentDilemma()
                                  ? "None in the library yet: past workshops with dilemmas like this one appear here."
                                  : "Pick a dilemma: past ones like it appear here.");
    }
    for (std::size_t i = 0; i < similar.size(); ++i) {
        const auto& d = similar[i];
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) {
            ImGui::Spacing();
            ImGui::Separator();
            ImGui::Spacing();
        }
        widgets::textInFont(title, d.question.empty() ? "(a dilemma with no question)" : d.question);
        widgets::textColoured(palette::muted(), whereLine(d));
        if (d.practices.empty()) widgets::textColoured(palette::muted(), "No practice was suggested.");
        for (std::size_t p = 0; p < d.practices.size() && p < kPracticesShown; ++p) {
            ImGui::Bullet();
            ImGui::SameLine(0.0f, 0.3f * em);
            widgets::textWrapped(d.practices[p]);
        }
        if (d.practices.size() > kPracticesShown)
            widgets::textColoured(palette::muted(),
                                  "and " + std::to_string(d.practices.size() - kPracticesShown) + " more", false);
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::EndChild();
}

} // namespace plenary::ui
