#include "ui/Widgets.hpp"

#include "ui/UiTrace.hpp"

#include "core/Limits.hpp"
#include "core/Text.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <utility>

namespace plenary::ui::widgets {

bool button(const char* label) {
    const bool pressed = ImGui::Button(label);
    trace::item(label);
    return pressed;
}

void flowNext(float width) {
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

bool selectable(const char* label, bool selected, const char* traceName, ImGuiSelectableFlags flags,
                const ImVec2& size) {
    const bool pressed = ImGui::Selectable(label, selected, flags, size);
    trace::item(traceName ? traceName : label);
    std::string_view visible(label);
    visible = visible.substr(0, visible.find("##"));
    if (!visible.empty()) trace::text(visible);
    return pressed;
}

void text(std::string_view full) {
    const std::string t = core::ellipsize(full, 300); // one line: never more than a screen wide
    ImGui::TextUnformatted(t.data(), t.data() + t.size());
    trace::text(t);
}

namespace {

// A paste of many kilobytes is stored whole, but nobody reads it from a projector; drawing it all
// would also overflow ImGui's 16-bit vertex indices. Show the start.
constexpr std::size_t kMaxShownChars = 1500;

std::string shown(std::string_view t) {
    if (t.size() <= kMaxShownChars) return std::string(t);
    return core::ellipsize(t, kMaxShownChars);
}

} // namespace

void textWrapped(std::string_view full) {
    const std::string t = shown(full);
    // Wrap at the window's edge unless the caller set a narrower margin (e.g. beside the timer).
    const bool callerWraps = ImGui::GetCurrentWindow()->DC.TextWrapPos >= 0.0f;
    if (!callerWraps) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(t.data(), t.data() + t.size());
    if (!callerWraps) ImGui::PopTextWrapPos();
    trace::text(t);
}

void textColoured(const ImVec4& colour, std::string_view t, bool wrapped) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (wrapped)
        textWrapped(t);
    else
        text(t);
    ImGui::PopStyleColor();
}

void textInFont(ImFont* font, std::string_view t, bool wrapped) {
    ImGui::PushFont(font);
    if (wrapped)
        textWrapped(t);
    else
        text(t);
    ImGui::PopFont();
}

} // namespace plenary::ui::widgets

namespace plenary::ui::widgets {

namespace {

// No glyph is narrower than about a fifth of the font size, so `lines` lines of `width` pixels
// show at most this many characters: a long text is measured only that far, and a statement of
// 100,000 characters costs a frame what a short one does.
std::string_view visiblePart(std::string_view text, float width, int lines) {
    const float narrowest = std::max(1.0f, 0.15f * ImGui::GetFontSize());
    const auto perLine = static_cast<std::size_t>(std::max(0.0f, width) / narrowest) + 2;
    return text.substr(0,
                       core::bytesOfFirstChars(text, static_cast<std::size_t>(std::max(1, lines)) * perLine));
}

} // namespace

std::string fitText(std::string_view full, float width) {
    const std::string_view text = visiblePart(full, width, 1);
    if (text.size() == full.size() && ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width)
        return std::string(text);
    // Binary search on the number of characters kept.
    // A text cut to its visible part always ends in "…", however narrow its characters.
    std::size_t low = 0, high = text.size() < full.size() ? core::charCount(text) - 1 : text.size();
    std::string best = "…";
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        const std::string candidate = core::ellipsize(text, mid);
        if (ImGui::CalcTextSize(candidate.c_str()).x <= width) {
            best = candidate;
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    return best;
}

std::string fitLines(std::string_view full, float width, int lines) {
    const float most = static_cast<float>(lines) * ImGui::GetTextLineHeight() + 1.0f;
    auto fits = [&](const std::string& t) {
        return ImGui::CalcTextSize(t.c_str(), nullptr, false, width).y <= most;
    };
    const std::string_view text = visiblePart(full, width, lines);
    if (text.size() == full.size()) {
        std::string whole(text);
        if (fits(whole)) return whole;
    }
    // A text cut to its visible part always ends in "…", however narrow its characters.
    std::size_t low = 0, high = text.size() < full.size() ? core::charCount(text) - 1 : text.size();
    std::string best = "…";
    while (low < high) {
        const std::size_t mid = (low + high + 1) / 2;
        const std::string candidate = core::ellipsize(text, mid);
        if (fits(candidate)) {
            best = candidate;
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    return best;
}

void textLines(const ImVec4& colour, std::string_view text, float width, int lines) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    textColoured(colour, fitLines(text, width, lines), true);
    ImGui::PopTextWrapPos();
}

} // namespace plenary::ui::widgets

namespace plenary::ui::widgets {

bool button(const char* label, std::string_view traceName) {
    const bool pressed = ImGui::Button(label);
    trace::item(traceName);
    return pressed;
}

bool smallButton(const char* label, std::string_view traceName) {
    const bool pressed = ImGui::SmallButton(label);
    trace::item(traceName);
    return pressed;
}

bool arrowButton(const char* id, ImGuiDir direction, std::string_view traceName) {
    const bool pressed = ImGui::ArrowButton(id, direction);
    trace::item(traceName);
    return pressed;
}

bool checkbox(const char* label, bool* value, std::string_view traceName) {
    const bool changed = ImGui::Checkbox(label, value);
    trace::item(traceName.empty() ? std::string_view(label) : traceName);
    return changed;
}

bool invisibleButton(const char* id, const ImVec2& size, std::string_view traceName) {
    const bool pressed = ImGui::InvisibleButton(id, size);
    trace::item(traceName);
    return pressed;
}

bool beginCombo(const char* id, const char* preview, std::string_view traceName) {
    const bool open = ImGui::BeginCombo(id, preview);
    trace::item(traceName);
    return open;
}

bool beginTabItem(const char* label, std::string_view traceName) {
    const bool open = ImGui::BeginTabItem(label);
    trace::item(traceName);
    return open;
}

bool treeNode(const char* label, std::string_view traceName) {
    const bool open = ImGui::TreeNode(label);
    trace::item(traceName);
    return open;
}

} // namespace plenary::ui::widgets
