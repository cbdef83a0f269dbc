#include "ui/UiTrace.hpp"

namespace plenary::ui::trace {
namespace {

struct State {
    bool on = false;
    std::vector<Item> items;
    std::vector<std::string> texts;
    std::vector<Item> lastItems;
    std::vector<std::string> lastTexts;
};

State& state() {
    static State s;
    return s;
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
    if (s.on) s.texts.emplace_back(t);
}

const std::vector<Item>& items() {
    return state().lastItems;
}
const std::vector<std::string>& texts() {
    return state().lastTexts;
}

} // namespace plenary::ui::trace
