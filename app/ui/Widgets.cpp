#include "ui/Widgets.hpp"

#include "ui/ContextLocal.hpp"
#include "ui/UiTrace.hpp"

#include "core/Text.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <unordered_map>

namespace plenary::ui::widgets {

bool button(const char* label) {
    const bool pressed = ImGui::Button(label);
    trace::item(label);
    return pressed;
}

bool selectable(const char* label, bool selected, const char* traceName, ImGuiSelectableFlags flags) {
    const bool pressed = ImGui::Selectable(label, selected, flags);
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

std::string fitText(std::string_view text, float width) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width) return std::string(text);
    // Binary search on the number of characters kept.
    std::size_t low = 0, high = text.size();
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

} // namespace plenary::ui::widgets

namespace plenary::ui::widgets {

namespace {
struct Typing {
    std::string original; // the stored value when the field took the keyboard
    std::string buffer;
};
} // namespace

bool inputCommitted(const char* label, const std::string& value, std::string& committed, const char* hint,
                    float multilineHeight) {
    // A field being typed in keeps its own buffer until it commits; every other field shows the
    // stored value. Clicking from one field to another deactivates one and activates the other
    // in the same frame, so each needs its own buffer.
    auto& s_fields = contextLocal<std::unordered_map<ImGuiID, Typing>>(); // this window's fields only
    const ImGuiID id = ImGui::GetID(label);
    const auto found = s_fields.find(id);
    std::string local;
    std::string* target = &local;
    if (found != s_fields.end())
        target = &found->second.buffer;
    else
        local = value;
    if (multilineHeight > 0.0f)
        ImGui::InputTextMultiline(label, target, ImVec2(-1.0f, multilineHeight));
    else if (hint)
        ImGui::InputTextWithHint(label, hint, target);
    else
        ImGui::InputText(label, target);
    trace::item(label);
    if (ImGui::IsItemActivated()) s_fields[id] = Typing{value, *target};
    // Typed and then undone back to where it was is no edit (and must not undo an undo).
    const auto typing = s_fields.find(id);
    const bool changed = typing == s_fields.end() || *target != typing->second.original;
    const bool done = ImGui::IsItemDeactivatedAfterEdit() && changed;
    if (done) committed = *target;
    if (ImGui::IsItemDeactivated()) s_fields.erase(id);
    return done;
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

bool inputText(const char* id, const char* hint, std::string* value, ImGuiInputTextFlags flags,
               std::string_view traceName) {
    const bool result = ImGui::InputTextWithHint(id, hint, value, flags);
    trace::item(traceName);
    return result;
}

bool inputMultiline(const char* id, std::string* value, const ImVec2& size, std::string_view traceName) {
    const bool result = ImGui::InputTextMultiline(id, value, size);
    trace::item(traceName);
    return result;
}

} // namespace plenary::ui::widgets
