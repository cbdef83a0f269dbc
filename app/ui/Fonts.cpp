#include "ui/Fonts.hpp"

#include <imgui.h>

#include <array>
#include <filesystem>

namespace plenary::ui {

namespace {

Fonts g_fonts;

// Every range PRODUCT.md §9 names: Latin with all European diacritics, Greek, Cyrillic,
// typographic punctuation (– — ‘ ’ “ ” …), € and arrows/symbols used by the views.
const ImWchar kRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
    0x0100, 0x024F, // Latin Extended-A and -B (ł ź ė ő ş ğ ı)
    0x0370, 0x03FF, // Greek
    0x0400, 0x052F, // Cyrillic + supplement
    0x1E00, 0x1EFF, // Latin Extended Additional (Vietnamese, Welsh…)
    0x2000, 0x206F, // General punctuation
    0x20A0, 0x20CF, // Currency symbols (€)
    0x2100, 0x214F, // Letterlike symbols (№, ™)
    0x2190, 0x21FF, // Arrows
    0x2200, 0x22FF, // Math operators (−)
    0x2500, 0x25FF, // Box drawing, geometric shapes (● ▶)
    0x2600, 0x26FF, // Misc symbols (✓ lives at 0x2713 below)
    0x2713, 0x2717, // check marks
    0,
};
const ImWchar kTimerRanges[] = {0x0020, 0x003A, 0x2212, 0x2212, 0x002B, 0x002B, 0};

const char* firstExisting(std::initializer_list<const char*> paths) {
    std::error_code ec;
    for (const char* path : paths)
        if (std::filesystem::exists(path, ec)) return path;
    return nullptr;
}

} // namespace

Fonts& fonts() {
    return g_fonts;
}

Fonts& loadFonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_fonts = Fonts{};
    g_fonts.bodySize = 28.0f * scale;
    const char* regular = firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                         "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"});
    const char* bold = firstExisting({"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                      "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
    if (!bold) bold = regular;
    if (!regular) {
        // Never fail to start: ImGui's built-in font covers ASCII only, and we say so.
        ImFontConfig config;
        config.SizePixels = g_fonts.bodySize;
        g_fonts.body = g_fonts.bold = g_fonts.heading = g_fonts.timer = io.Fonts->AddFontDefault(&config);
        g_fonts.problem = "DejaVu Sans was not found (install fonts-dejavu-core): only plain ASCII will show";
        return g_fonts;
    }
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    g_fonts.body = io.Fonts->AddFontFromFileTTF(regular, g_fonts.bodySize, &config, kRanges);
    g_fonts.bold = io.Fonts->AddFontFromFileTTF(bold, g_fonts.bodySize, &config, kRanges);
    g_fonts.heading = io.Fonts->AddFontFromFileTTF(bold, 40.0f * scale, &config, kRanges);
    ImFontConfig timerConfig;
    timerConfig.OversampleH = 1;
    g_fonts.timer = io.Fonts->AddFontFromFileTTF(bold, 120.0f * scale, &timerConfig, kTimerRanges);
    io.FontDefault = g_fonts.body;
    io.Fonts->Build();
    return g_fonts;
}

} // namespace plenary::ui
