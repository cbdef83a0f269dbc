#include "ui/ContextLocal.hpp"

#include <vector>

namespace plenary::ui {

namespace {
std::vector<std::function<void(const ImGuiContext*)>>& releases() {
    static std::vector<std::function<void(const ImGuiContext*)>> list;
    return list;
}
} // namespace

void detail::onRelease(std::function<void(const ImGuiContext*)> release) {
    releases().push_back(std::move(release));
}

void releaseContext(const ImGuiContext* context) {
    for (const auto& release : releases())
        release(context);
}

} // namespace plenary::ui
