#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

// What the views drew in the last frame, recorded for the headless test harness: named items
// with their rectangles, and the text shown with where, in what colour and at what size. Kept per
// ImGui context; off (and free) in the real program.
namespace plenary::ui::trace {

struct Item {
    std::string name;
    ImVec2 min;
    ImVec2 max;
};

struct Text {
    std::string text;
    ImVec2 min;
    ImVec2 max;
    ImVec4 colour;
    float fontSize = 0.0f;
};

void enable(bool on);
bool enabled();
void endFrame();                  // called by the frame driver after each frame
void item(std::string_view name); // the last ImGui item, under this name
void text(std::string_view text); // the last ImGui item showed this text
const std::vector<Item>& items(); // of the last complete frame
const std::vector<std::string>& texts();
const std::vector<Text>& textItems();

} // namespace plenary::ui::trace
