#pragma once

#include "ui/UiTrace.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Runs real views in an ImGui context without a window or GPU, feeds them mouse and keys, and
// lets tests see what was drawn (through ui/UiTrace): which items, where, and the text with its
// colour and size. Each harness has its own ImGui context and its own UI state (fonts, palette,
// trace, typing buffers), so nothing leaks from one test to the next.
namespace plenary::ui {

class Headless {
public:
    Headless(std::function<void()> drawFrame, int width = 1920, int height = 1080);
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frame(int count = 1);
    // Moves the mouse to the named item of the last frame and clicks it; false if not drawn.
    bool click(std::string_view item);
    struct Modifiers {
        bool ctrl = false;
        bool shift = false;
        bool alt = false;
    };
    void pressKey(int key, bool ctrl = false, bool shift = false);
    void pressKey(int key, Modifiers modifiers);
    void type(std::string_view utf8);
    // Presses the mouse on one item, moves over a few frames and lets go on another (drag and
    // drop); false if either was not drawn.
    bool drag(std::string_view from, std::string_view to);
    // Hovers an item and turns the mouse wheel (positive: up, as ImGui counts).
    bool wheel(std::string_view item, float steps);

    bool hasItem(std::string_view item) const;
    bool hasText(std::string_view needle) const; // some drawn text contains needle
    struct Rect {
        ImVec2 min;
        ImVec2 max;
    };
    std::optional<Rect> itemRect(std::string_view item) const;
    // Every drawn text containing needle, with where it was drawn, its colour and font size.
    std::vector<trace::Text> textItems(std::string_view needle) const;

private:
    std::function<void()> m_drawFrame;
    ImGuiContext* m_context = nullptr;
};

} // namespace plenary::ui
