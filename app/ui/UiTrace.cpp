#include "ui/UiTrace.hpp"

#include "ui/ContextLocal.hpp"

namespace plenary::ui::trace {
namespace {

struct State {
    bool on = false;
    std::vector<Item> items;
    std::vector<Text> texts;
    std::vector<Item> lastItems;
    std::vector<Text> lastTexts;
    std::vector<std::string> lastStrings;
};

State& state() {
    return contextLocal<State>();
}

} // namespace

void enable(bool on) {
    state().on = on;
}
bool enabled() {
    return state().on;
}

void endFrame() {
    auto& s = state();
    if (!s.on) return;
    s.lastItems = std::move(s.items);
    s.lastTexts = std::move(s.texts);
    s.lastStrings.clear();
    for (const auto& t : s.lastTexts)
        s.lastStrings.push_back(t.text);
    s.items.clear();
    s.texts.clear();
}

void item(std::string_view name) {
    auto& s = state();
    if (!s.on) return;
    s.items.push_back(Item{std::string(name), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

void text(std::string_view t) {
    auto& s = state();
    if (!s.on) return;
    s.texts.push_back(Text{std::string(t), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                           ImGui::GetStyleColorVec4(ImGuiCol_Text), ImGui::GetFontSize()});
}

const std::vector<Item>& items() {
    return state().lastItems;
}
const std::vector<std::string>& texts() {
    return state().lastStrings;
}
const std::vector<Text>& textItems() {
    return state().lastTexts;
}

} // namespace plenary::ui::trace
