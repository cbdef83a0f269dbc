#include "ui/Palette.hpp"

#include "core/Wording.hpp"

#include "ui/ContextLocal.hpp"

namespace plenary::ui::palette {

using plenary::ui::contextLocal;
namespace {
struct Choice {
    bool dark = false;
};
// The theme of the current window or harness.
bool& darkChoice() {
    return contextLocal<Choice>().dark;
}
} // namespace

void setDark(bool isDark) {
    darkChoice() = isDark;
}
bool dark() {
    return darkChoice();
}

ImVec4 text() {
    return darkChoice() ? ImVec4(0.95f, 0.95f, 0.95f, 1.0f) : ImVec4(0.05f, 0.05f, 0.07f, 1.0f);
}
ImVec4 muted() {
    return darkChoice() ? ImVec4(0.70f, 0.72f, 0.75f, 1.0f) : ImVec4(0.33f, 0.34f, 0.37f, 1.0f);
}
ImVec4 accent() {
    return darkChoice() ? ImVec4(0.25f, 0.50f, 0.90f, 1.0f) : ImVec4(0.10f, 0.30f, 0.65f, 1.0f);
}
ImVec4 onAccent() {
    return ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
}
ImVec4 chip() {
    return darkChoice() ? ImVec4(0.22f, 0.24f, 0.28f, 1.0f) : ImVec4(0.88f, 0.90f, 0.94f, 1.0f);
}
ImVec4 good() {
    return darkChoice() ? ImVec4(0.35f, 0.80f, 0.45f, 1.0f) : ImVec4(0.05f, 0.45f, 0.15f, 1.0f);
}
ImVec4 warning() {
    return darkChoice() ? ImVec4(1.00f, 0.65f, 0.20f, 1.0f) : ImVec4(0.75f, 0.35f, 0.00f, 1.0f);
}
ImVec4 danger() {
    return darkChoice() ? ImVec4(1.00f, 0.40f, 0.35f, 1.0f) : ImVec4(0.75f, 0.08f, 0.05f, 1.0f);
}

ImVec4 forMessage(const session::Message& message) {
    switch (message.level) {
    case session::Message::Level::Error:
        return danger();
    case session::Message::Level::Warning:
        return warning();
    case session::Message::Level::Info:
        break;
    }
    return good();
}

ImVec4 forTimer(core::TimerColour colour) {
    switch (colour) {
    case core::TimerColour::Green:
        return good();
    case core::TimerColour::Orange:
        return warning();
    case core::TimerColour::Red:
    case core::TimerColour::Overrun:
        return danger();
    }
    return good();
}

ImVec4 fromHex(const std::string& hex) {
    const auto rgb = core::parseHexColour(hex);
    if (!rgb) return ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
    return ImVec4(((*rgb >> 16) & 0xFF) / 255.0f, ((*rgb >> 8) & 0xFF) / 255.0f, (*rgb & 0xFF) / 255.0f, 1.0f);
}

ImVec4 textOn(const ImVec4& background) {
    // Relative luminance (sRGB weights, close enough for choosing black or white).
    const float luminance = 0.2126f * background.x + 0.7152f * background.y + 0.0722f * background.z;
    return luminance > 0.5f ? ImVec4(0.05f, 0.05f, 0.05f, 1.0f) : ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
}

} // namespace plenary::ui::palette
