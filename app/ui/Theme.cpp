#include "ui/Theme.hpp"

#include "ui/Palette.hpp"

#include <imgui.h>

namespace plenary::ui {

void applyTheme(Theme theme, float fontSize) {
    palette::setDark(theme == Theme::Dark);
    ImGuiStyle style;
    if (theme == Theme::Light)
        ImGui::StyleColorsLight(&style);
    else
        ImGui::StyleColorsDark(&style);
    // A dropdown over a list must not let the list show through it.
    style.Colors[ImGuiCol_PopupBg].w = 1.0f;
    const float em = fontSize;
    style.WindowPadding = ImVec2(0.8f * em, 0.6f * em);
    style.FramePadding = ImVec2(0.4f * em, 0.2f * em);
    style.ItemSpacing = ImVec2(0.5f * em, 0.3f * em);
    style.ItemInnerSpacing = ImVec2(0.3f * em, 0.2f * em);
    style.CellPadding = ImVec2(0.3f * em, 0.15f * em);
    style.IndentSpacing = 1.2f * em;
    style.ScrollbarSize = 0.6f * em;
    style.GrabMinSize = 0.5f * em;
    style.WindowRounding = 0.0f;
    style.FrameRounding = 0.15f * em;
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = theme == Theme::Light ? 1.0f : 0.0f;
    if (theme == Theme::Light) {
        ImVec4* c = style.Colors;
        c[ImGuiCol_Text] = ImVec4(0.05f, 0.05f, 0.07f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.35f, 0.35f, 0.38f, 1.0f);
        c[ImGuiCol_WindowBg] = ImVec4(0.99f, 0.99f, 0.98f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.96f, 0.96f, 0.95f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.55f, 0.55f, 0.58f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.87f, 0.90f, 0.96f, 1.0f);
        c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.82f, 0.95f, 1.0f);
        c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.72f, 0.93f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.85f, 0.89f, 0.96f, 1.0f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.76f, 0.83f, 0.95f, 1.0f);
        c[ImGuiCol_HeaderActive] = ImVec4(0.64f, 0.75f, 0.93f, 1.0f);
        c[ImGuiCol_TableRowBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.035f);
    }
    style.ScaleAllSizes(1.0f);
    ImGui::GetStyle() = style;
}

} // namespace plenary::ui
