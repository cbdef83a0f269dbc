// The text fields (Widgets.hpp): what is typed is saved as it is typed, a save that fails is
// tried again, and no text passes core's per-text limit.
#include "ui/Widgets.hpp"

#include "ui/ContextLocal.hpp"
#include "ui/UiTrace.hpp"

#include "core/Limits.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <atomic>
#include <unordered_map>
#include <utility>

namespace plenary::ui::widgets {

namespace {

// Esc would make ImGui put back the text a field had when it took the keyboard; a clicker's
// Esc/F5 button must not take a rapporteur's words with it. Esc leaves the field, words kept.
void keepWordsOnEscape(ImGuiID id) {
    if (ImGui::GetActiveID() == id && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        ImGui::ClearActiveID();
}

// Every text field keeps to core's per-text limit. A paste that would pass it keeps what fits and
// the rest is left out, with a message saying so; the words already in the field are never the
// ones cut. ImGui calls the edit callback before it writes the new text back, so `before` still
// holds the field's text as it was.
struct Limited {
    const std::string* before = nullptr;
    ImGuiInputTextCallback callback = nullptr; // the caller's own, if any
    void* user = nullptr;
    ImGuiInputTextFlags callerFlags = 0;
};

std::optional<std::string>& pendingNote() {
    return contextLocal<std::optional<std::string>>();
}

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Leaves in data's text only as much of what this edit inserted as fits the limit.
void cutToLimit(ImGuiInputTextCallbackData* data, std::string_view before) {
    const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    if (!core::textTooLong(now)) return;
    const std::size_t common = std::min(before.size(), now.size());
    std::size_t prefix = 0;
    while (prefix < common && before[prefix] == now[prefix])
        ++prefix;
    while (prefix > 0 && prefix < now.size() && continuation(now[prefix]))
        --prefix;
    std::size_t suffix = 0;
    while (suffix < common - prefix && before[before.size() - 1 - suffix] == now[now.size() - 1 - suffix])
        ++suffix;
    while (suffix > 0 && continuation(now[now.size() - suffix]))
        --suffix;
    const std::string_view inserted = now.substr(prefix, now.size() - prefix - suffix);
    const std::size_t kept =
        core::charCount(now.substr(0, prefix)) + core::charCount(now.substr(now.size() - suffix));
    const std::size_t room = kept < core::kMaxTextChars ? core::kMaxTextChars - kept : 0;
    const std::size_t keep = core::bytesOfFirstChars(inserted, room);
    if (keep == inserted.size()) return; // a deletion from a text that was over the limit already
    data->DeleteChars(static_cast<int>(prefix + keep), static_cast<int>(inserted.size() - keep));
    // The field's own undo remembers the insert at its full length: forget it rather than let
    // Ctrl+Z remove characters that are no longer there.
    auto& undo = ImGui::GetCurrentContext()->InputTextState.Stb.undostate;
    undo.undo_point = 0;
    undo.undo_char_point = 0;
    undo.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    undo.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    pendingNote() = core::textCutMessage();
}

int limitedCallback(ImGuiInputTextCallbackData* data) {
    auto& limited = *static_cast<Limited*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        cutToLimit(data, *limited.before);
        if (!(limited.callerFlags & ImGuiInputTextFlags_CallbackEdit)) return 0;
    }
    if (!limited.callback) return 0;
    data->UserData = limited.user;
    const int result = limited.callback(data);
    data->UserData = &limited;
    return result;
}

constexpr double kSaveAfterIdle = 0.5; // seconds after the last keystroke
constexpr double kSaveAtLeast = 1.0;   // seconds after the first unsaved keystroke, typing or not

struct Typing {
    std::string buffer; // what the field shows while it has the keyboard
    std::string saved;  // what the file has (the stored value, then each save)
    std::uint64_t stretch = 0;
    ImGuiID id = 0;
    bool pending = false; // typed since the last save
    bool unsaved = false; // the last save failed: the next one is made even with nothing new typed
    double lastKey = 0.0; // ImGui time of the last keystroke
    double unsavedSince = 0.0;
    int drawnInFrame = 0;
    SaveTyped save;

    // A keystroke (or new text) at `now`: it waits to be saved.
    void typed(double now) {
        if (!pending) unsavedSince = now;
        pending = true;
        lastKey = now;
    }
    // When the words typed so far must be saved: after a pause, or a second at most.
    double dueAt() const { return std::min(lastKey + kSaveAfterIdle, unsavedSince + kSaveAtLeast); }
    bool due(double now) const { return pending && now >= dueAt(); }

    void flush() {
        pending = false;
        if (buffer == saved && !unsaved) return; // typed and taken back: nothing to save
        if (!save) { // words a failed save left with no field to save them: kept until it is drawn
            unsaved = true;
            return;
        }
        saved = buffer;
        unsaved = false;
        save(Typed{buffer, stretch, id});
    }
};

std::unordered_map<ImGuiID, Typing>& typingFields() {
    return contextLocal<std::unordered_map<ImGuiID, Typing>>(); // this window's fields only
}

} // namespace

std::uint64_t newStretch() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

void inputDurable(const char* label, const std::string& value, SaveTyped save, const char* hint,
                  float multilineHeight) {
    // A field with the keyboard keeps its own buffer; every other field shows the stored value.
    // Clicking from one field to another deactivates one and activates the other in the same
    // frame, so each needs its own buffer.
    auto& fields = typingFields();
    const ImGuiID id = ImGui::GetID(label);
    keepWordsOnEscape(id);
    auto found = fields.find(id);
    std::string local;
    std::string* target = &local;
    if (found != fields.end())
        target = &found->second.buffer;
    else
        local = value;
    Limited limited{target};
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackEdit;
    if (multilineHeight > 0.0f)
        ImGui::InputTextMultiline(label, target, ImVec2(-1.0f, multilineHeight), flags, limitedCallback,
                                  &limited);
    else
        ImGui::InputTextWithHint(label, hint ? hint : "", target, flags, limitedCallback, &limited);
    trace::item(label);
    if (hint && target->empty()) trace::text(hint); // what the field shows while it is empty
    const double now = ImGui::GetTime();
    if (ImGui::IsItemActivated() && found != fields.end() && found->second.unsaved) {
        found->second.saved = value; // words kept after a failed save: still waiting for their retry
    } else if (ImGui::IsItemActivated()) {
        Typing typing;
        typing.buffer = *target;
        typing.saved = value;
        typing.stretch = newStretch();
        typing.id = id;
        found = fields.insert_or_assign(id, std::move(typing)).first;
    }
    if (found == fields.end()) return;
    Typing& typing = found->second;
    typing.save = std::move(save); // the newest: it names the row as it is drawn now
    typing.drawnInFrame = ImGui::GetFrameCount();
    if (ImGui::IsItemEdited()) typing.typed(now);
    if (ImGui::IsItemDeactivated()) {
        typing.flush();
        fields.erase(found);
    } else if (typing.due(now)) {
        typing.flush();
    } else if (!ImGui::IsItemActive() && !typing.pending && !typing.unsaved) {
        fields.erase(found); // words kept after a failed save are in the file now: it shows the file
    }
}

void saveFailed(const Typed& typed) {
    if (!ImGui::GetCurrentContext() || typed.field == 0) return;
    auto& fields = typingFields();
    const auto [found, fresh] = fields.try_emplace(typed.field);
    Typing& typing = found->second;
    if (fresh) { // the field has let go of its words: it holds them again, and shows them
        typing.id = typed.field;
        typing.buffer = typed.text;
        typing.stretch = typed.stretch;
        typing.drawnInFrame = ImGui::GetFrameCount();
    }
    if (typing.buffer != typed.text) return; // typed on since: the next save carries the newer words
    typing.unsaved = true;
    const double now = ImGui::GetTime();
    typing.pending = true;
    typing.unsavedSince = now; // tried again in a second, not at every frame
    typing.lastKey = now + kSaveAtLeast;
}

void colourDurable(const char* label, const std::string& hex, SaveTyped save, std::string_view traceName) {
    auto& fields = typingFields();
    const ImGuiID id = ImGui::GetID(label);
    auto found = fields.find(id);
    // A colour from a file is data: anything that is not #RRGGBB shows grey until one is picked.
    const std::uint32_t rgb =
        core::parseHexColour(found != fields.end() ? found->second.buffer : hex).value_or(0x808080);
    float colour[3] = {static_cast<float>((rgb >> 16) & 0xFF) / 255.0f,
                       static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                       static_cast<float>(rgb & 0xFF) / 255.0f};
    const bool changed = ImGui::ColorEdit3(label, colour, ImGuiColorEditFlags_NoInputs);
    trace::item(traceName);
    // ColorEdit3 opens its picker as the popup "picker" under its own label.
    ImGui::PushID(label);
    const bool picking = ImGui::IsPopupOpen("picker");
    ImGui::PopID();
    const double now = ImGui::GetTime();
    if (changed) {
        if (found == fields.end()) {
            Typing typing;
            typing.saved = hex;
            typing.stretch = newStretch();
            typing.id = id;
            found = fields.insert_or_assign(id, std::move(typing)).first;
        }
        auto channel = [](float c) {
            return static_cast<std::uint32_t>(std::clamp(c, 0.0f, 1.0f) * 255.0f + 0.5f);
        };
        found->second.buffer =
            core::hexColour(channel(colour[0]) << 16 | channel(colour[1]) << 8 | channel(colour[2]));
        found->second.typed(now);
    }
    if (found == fields.end()) return;
    Typing& typing = found->second;
    typing.save = std::move(save);
    typing.drawnInFrame = ImGui::GetFrameCount();
    if (!picking) {
        typing.flush();
        fields.erase(found);
    } else if (typing.due(now)) {
        typing.flush();
    }
}

void keepUpDownKeys() {
    if (!ImGui::IsItemActive()) return;
    // What a multi-line field does for itself; cleared by ImGui when the keyboard moves on.
    ImGui::GetCurrentContext()->ActiveIdUsingNavDirMask |= (1u << ImGuiDir_Up) | (1u << ImGuiDir_Down);
}

void takeKeyboard(const char* label) {
    if (ImGui::GetActiveID() != ImGui::GetID(label)) ImGui::SetKeyboardFocusHere();
}

void keepTyped(const char* label, const std::string& text, SaveTyped save) {
    auto& fields = typingFields();
    const auto [found, fresh] = fields.try_emplace(ImGui::GetID(label));
    Typing& typing = found->second;
    const double now = ImGui::GetTime();
    if (fresh) typing.buffer = typing.saved = text; // what the file has when it comes on screen
    typing.id = found->first;
    if (text != typing.buffer) {
        typing.typed(now);
        typing.buffer = text;
    }
    typing.save = std::move(save);
    typing.drawnInFrame = ImGui::GetFrameCount();
    if (typing.due(now)) typing.flush();
}

void flushTyping() {
    if (!ImGui::GetCurrentContext()) return;
    for (auto& [id, typing] : typingFields())
        typing.flush();
}

void endTypingFrame() {
    auto& fields = typingFields();
    const int frame = ImGui::GetFrameCount();
    const double now = ImGui::GetTime();
    for (auto it = fields.begin(); it != fields.end();) {
        if (it->second.drawnInFrame == frame) {
            ++it;
            continue;
        }
        // A field gone from the screen saves its words; if that fails (a full disk: saveFailed
        // marks it), they are kept and tried again when due, never dropped with the field.
        if (!it->second.unsaved || it->second.due(now)) it->second.flush();
        if (it->second.unsaved) {
            ++it;
            continue;
        }
        it = fields.erase(it);
    }
}

std::optional<double> secondsToTypingSave() {
    if (!ImGui::GetCurrentContext()) return std::nullopt;
    std::optional<double> soonest;
    const double now = ImGui::GetTime();
    for (const auto& [id, typing] : typingFields()) {
        if (!typing.pending) continue;
        const double left = std::max(0.0, typing.dueAt() - now);
        soonest = soonest ? std::min(*soonest, left) : left;
    }
    return soonest;
}

bool inputText(const char* id, const char* hint, std::string* value, ImGuiInputTextFlags flags,
               std::string_view traceName, ImGuiInputTextCallback callback, void* user) {
    keepWordsOnEscape(ImGui::GetID(id));
    Limited limited{value, callback, user, flags};
    const bool result = ImGui::InputTextWithHint(id, hint, value, flags | ImGuiInputTextFlags_CallbackEdit,
                                                 limitedCallback, &limited);
    trace::item(traceName);
    return result;
}

bool inputMultiline(const char* id, std::string* value, const ImVec2& size, std::string_view traceName) {
    keepWordsOnEscape(ImGui::GetID(id));
    Limited limited{value};
    const bool result = ImGui::InputTextMultiline(id, value, size, ImGuiInputTextFlags_CallbackEdit,
                                                  limitedCallback, &limited);
    trace::item(traceName);
    return result;
}

std::optional<std::string> takeNote() {
    return std::exchange(pendingNote(), std::nullopt);
}

} // namespace plenary::ui::widgets
