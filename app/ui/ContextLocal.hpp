#pragma once

#include <imgui.h>

#include <functional>
#include <unordered_map>

// State that belongs to one ImGui context (one window, one test harness) rather than to the
// process: the fonts, the palette, the trace, the typing buffers. Two harnesses never share it,
// and none of it outlives its context.
namespace plenary::ui {

namespace detail {
void onRelease(std::function<void(const ImGuiContext*)> release);
}

// Forgets everything kept for this context; called just before it is destroyed.
void releaseContext(const ImGuiContext* context);

template <class T> T& contextLocal() {
    static std::unordered_map<const ImGuiContext*, T> perContext;
    static const bool registered = [] {
        detail::onRelease([](const ImGuiContext* context) { perContext.erase(context); });
        return true;
    }();
    (void)registered;
    return perContext[ImGui::GetCurrentContext()];
}

} // namespace plenary::ui
