// Presentation mode of a conference: the room's screen. The round and its timer in the stage
// fonts, then the round's figures across the whole width — in round 1 only the current ring's,
// so no ring sees another's work before the reveal. A slim line stays for the facilitator to add
// a statement.
#include "ui/RingsView.hpp"

#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

namespace plenary::ui {

void RingsView::drawPresentation() {
    drawHeader(true);
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float height = ImGui::GetContentRegionAvail().y - line;
    ImGui::BeginChild("room-figures", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
    drawFigures(ImGui::GetContentRegionAvail().y, true);
    ImGui::EndChild();
    ImGui::BeginDisabled(m_state.readOnly());
    drawCaptureLine();
    ImGui::EndDisabled();
}

} // namespace plenary::ui
