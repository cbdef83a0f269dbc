#include "ui/Fonts.hpp"

#include "ui/ContextLocal.hpp"

#include <imgui.h>

#include <array>
#include <filesystem>

namespace plenary::ui {

namespace {

// Every script PRODUCT.md §9 names — Latin with all European diacritics, Greek, Cyrillic,
// typographic punctuation (– — ‘ ’ “ ” …) and € — and, of the wide symbol blocks, only the
// symbols the views draw: each glyph costs atlas build time and memory at start-up.
const ImWchar kRanges[] = {
    0x0020, 0x00FF, // Basic Latin + Latin-1 Supplement
    0x0100, 0x024F, // Latin Extended-A and -B (ł ź ė ő ş ğ ı)
    0x02BC, 0x02BC, // modifier apostrophe ʼ
    0x0370, 0x03FF, // Greek
    0x0400, 0x052F, // Cyrillic + supplement
    0x1E00, 0x1EFF, // Latin Extended Additional (Welsh ŵ ẁ, German ẞ, Vietnamese)
    0x2000, 0x206F, // General punctuation
    0x20A0, 0x20CF, // Currency symbols (€)
    0x2116, 0x2116, // №
    0x2122, 0x2122, // ™
    0x2190, 0x2193, // ← ↑ → ↓
    0x2212, 0x2212, // − (minus)
    0x2261, 0x2261, // ≡ (drag handle)
    0x2265, 0x2265, // ≥ (the consensus threshold)
    0x25B2, 0x25B2, // ▲
    0x25B6, 0x25B6, // ▶
    0x25BC, 0x25BC, // ▼
    0x25CB, 0x25CB, // ○
    0x25CF, 0x25CF, // ●
    0x26A0, 0x26A0, // ⚠ (a tally grid's warning)
    0x2713, 0x2713, // ✓
    0x2717, 0x2717, // ✗ (a block, a blocked statement)
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
    return contextLocal<Fonts>(); // each window or harness has its own
}

Fonts& loadFonts(float scale, bool stage) {
    Fonts& g_fonts = fonts();
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight; // no empty half atlas
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
        if (stage)
            g_fonts.stageBody = g_fonts.stageBold = g_fonts.stageQuestion = g_fonts.stageTimer = g_fonts.body;
        g_fonts.problem = "DejaVu Sans was not found (install fonts-dejavu-core): only plain ASCII will show";
        return g_fonts;
    }
    // At 28 px and more, horizontal oversampling adds nothing visible but doubles the atlas.
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    g_fonts.body = io.Fonts->AddFontFromFileTTF(regular, g_fonts.bodySize, &config, kRanges);
    g_fonts.bold = io.Fonts->AddFontFromFileTTF(bold, g_fonts.bodySize, &config, kRanges);
    g_fonts.heading = io.Fonts->AddFontFromFileTTF(bold, 40.0f * scale, &config, kRanges);
    ImFontConfig timerConfig;
    timerConfig.OversampleH = 1;
    g_fonts.timer = io.Fonts->AddFontFromFileTTF(bold, 120.0f * scale, &timerConfig, kTimerRanges);
    if (stage) {
        g_fonts.stageBody = io.Fonts->AddFontFromFileTTF(regular, 48.0f * scale, &config, kRanges);
        g_fonts.stageBold = io.Fonts->AddFontFromFileTTF(bold, 48.0f * scale, &config, kRanges);
        g_fonts.stageQuestion = io.Fonts->AddFontFromFileTTF(bold, 72.0f * scale, &config, kRanges);
        g_fonts.stageTimer = io.Fonts->AddFontFromFileTTF(bold, 200.0f * scale, &timerConfig, kTimerRanges);
    }
    io.FontDefault = g_fonts.body;
    io.Fonts->Build();
    return g_fonts;
}

} // namespace plenary::ui
