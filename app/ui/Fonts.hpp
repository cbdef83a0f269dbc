#pragma once

#include <string>

struct ImFont;

namespace plenary::ui {

// The fonts of the projector screen. Sizes follow PRODUCT.md §9 at 1920×1080 and scale with the
// display's content scale and the user's Ctrl +/− setting.
struct Fonts {
    ImFont* body = nullptr;    // 28 px: all ordinary text
    ImFont* bold = nullptr;    // 28 px bold: labels, names
    ImFont* heading = nullptr; // 40 px: the dilemma question, titles
    ImFont* timer = nullptr;   // 120 px: digits of the big timer
    float bodySize = 28.0f;
    std::string problem; // set when no system font was found and ImGui's own font is used
};

// Loads DejaVu Sans (or Noto Sans) with Latin + Latin Extended, Greek, Cyrillic, general
// punctuation and currency symbols, into the current ImGui context's atlas.
Fonts& loadFonts(float scale);
Fonts& fonts();

} // namespace plenary::ui
