// Presentation mode of a conference: the room's screen. The round and its timer in the stage
// fonts, then the round's figures across the whole width — in round 1 only the current ring's,
// so no ring sees another's work before the reveal. A slim line stays for the facilitator to add
// a statement.
#include "ui/RingsView.hpp"

#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace plenary::ui {

void RingsView::drawPresentation() {
    // Sizes are for a 1080-line screen; a smaller projector gets them in proportion (a child
    // window takes its parent's font scale).
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float scale = std::min(1.0f, viewport->WorkSize.y / (1080.0f * fonts().bodySize / 28.0f));
    ImGui::SetWindowFontScale(scale);
    drawHeader(true);
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float height = ImGui::GetContentRegionAvail().y - line;
    ImGui::BeginChild("room-figures", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    drawFigures(ImGui::GetContentRegionAvail().y, true);
    ImGui::EndChild();
    ImGui::BeginDisabled(m_state.readOnly());
    drawCaptureLine();
    ImGui::EndDisabled();
    ImGui::SetWindowFontScale(1.0f);
}

} // namespace plenary::ui
