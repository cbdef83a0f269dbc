#pragma once

#include "ui/UiTrace.hpp"

#include <functional>
#include <string>
#include <string_view>

// Runs real views in an ImGui context without a window or GPU, feeds them mouse and keys, and
// lets tests see what was drawn (through ui/UiTrace). One instance at a time.
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
    void pressKey(int key, bool ctrl = false, bool shift = false);
    void type(std::string_view utf8);

    bool hasItem(std::string_view item) const;
    bool hasText(std::string_view needle) const; // some drawn text contains needle

private:
    std::function<void()> m_drawFrame;
};

} // namespace plenary::ui
