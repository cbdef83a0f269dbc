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
    // Presentation mode's own scale, for the back row (a slide's 24 pt body is ~48 px on 1080
    // lines); loaded only once presentation mode is used, since they cost atlas memory and time.
    ImFont* stageBody = nullptr;     // 48 px: what was captured
    ImFont* stageBold = nullptr;     // 48 px bold: the phase, practice titles
    ImFont* stageQuestion = nullptr; // 72 px bold: the dilemma question
    ImFont* stageTimer = nullptr;    // 200 px: the timer
    float bodySize = 28.0f;
    bool stage() const { return stageBody != nullptr; }
    std::string problem; // set when no system font was found and ImGui's own font is used
};

// Loads DejaVu Sans (or Noto Sans) with Latin + Latin Extended, Greek, Cyrillic, general
// punctuation and currency symbols, into the current ImGui context's atlas.
// With `stage`, presentation mode's fonts too.
Fonts& loadFonts(float scale, bool stage = false);
Fonts& fonts();

} // namespace plenary::ui
