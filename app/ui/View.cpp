#include "ui/View.hpp"

#include <imgui.h>

namespace plenary::ui {

void View::draw() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin(name(), nullptr, flags)) drawContent();
    ImGui::End();
}

} // namespace plenary::ui
