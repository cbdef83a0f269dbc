#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct ImFont;

// Thin wrappers over ImGui widgets that also tell the test harness what was drawn.
namespace plenary::ui::widgets {

bool button(const char* label);
// The next item goes on this line when `width` still fits, else on the next: a toolbar that wraps
// on a small screen instead of running off it. buttonWidth() is a button's width for its label.
void flowNext(float width);
float buttonWidth(const char* label);
bool selectable(const char* label, bool selected, const char* traceName = nullptr,
                ImGuiSelectableFlags flags = 0, const ImVec2& size = ImVec2(0, 0));
void text(std::string_view text);        // one line, not wrapped
void textWrapped(std::string_view text); // wrapped at the window's edge
void textColoured(const ImVec4& colour, std::string_view text, bool wrapped = true);
void textInFont(ImFont* font, std::string_view text, bool wrapped = true);
// What a durable field saves: the text, and the stretch of typing it belongs to (saves of one
// stretch are one undo step).
struct Typed {
    std::string text;
    std::uint64_t stretch = 0;
    ImGuiID field = 0; // which field typed it (for saveFailed)
};
using SaveTyped = std::function<void(const Typed&)>;
// A save that did not reach the file (a full disk): the words stay on screen, also in a field that
// has since lost the keyboard, and are saved again on the usual schedule until a save succeeds.
void saveFailed(const Typed& typed);

// A text field whose words reach the file while they are typed: half a second after the last
// keystroke (and at least every second while typing goes on), when the field is left or is no
// longer drawn, and at once on flushTyping() (the window closing or losing focus, the workshop
// closing). Each save calls `save`, which is kept while the field has the keyboard.
void inputDurable(const char* label, const std::string& value, SaveTyped save, const char* hint = nullptr,
                  float multilineHeight = 0.0f);
// A colour swatch ("#RRGGBB") that opens ImGui's picker; what is picked is saved like typing: on
// the durable field's schedule while the picker is open, at once when it closes, and one picker
// session is one stretch (one undo step), however long the colour was dragged about.
void colourDurable(const char* label, const std::string& hex, SaveTyped save, std::string_view traceName);
// The last item, while it has the keyboard, keeps ↑ and ↓ for the view's own keys (Alt+↑/↓)
// instead of ImGui moving the keyboard to the widget above or below.
void keepUpDownKeys();
// The next item, drawn under label, takes the keyboard (unless it has it: its typing goes on).
void takeKeyboard(const char* label);
// Words kept in a view rather than in the file (the capture line before Enter), saved on the same
// schedule as a durable field's: called every frame the words are on screen, with their text now.
void keepTyped(const char* id, const std::string& text, SaveTyped save);
// A new stretch of typing (its saves are one undo step): for a view's own typing, a tally cell.
std::uint64_t newStretch();
// Every field with unsaved words saves now.
void flushTyping();
// After each frame: a field that was not drawn (another screen, a closed section) saves and lets go.
void endTypingFrame();
// Seconds until a field must save (the window wakes up then); none when nothing is waiting.
std::optional<double> secondsToTypingSave();

// Every other widget, traced under a name tests can find (click, query its rectangle).
bool button(const char* label, std::string_view traceName);
bool smallButton(const char* label, std::string_view traceName);
bool arrowButton(const char* id, ImGuiDir direction, std::string_view traceName);
bool checkbox(const char* label, bool* value, std::string_view traceName = {});
bool invisibleButton(const char* id, const ImVec2& size, std::string_view traceName);
bool beginCombo(const char* id, const char* preview, std::string_view traceName);
bool beginTabItem(const char* label, std::string_view traceName);
bool treeNode(const char* label, std::string_view traceName);
bool inputText(const char* id, const char* hint, std::string* value, ImGuiInputTextFlags flags,
               std::string_view traceName, ImGuiInputTextCallback callback = nullptr, void* user = nullptr);
bool inputMultiline(const char* id, std::string* value, const ImVec2& size, std::string_view traceName);
// Every text field above keeps to core::kMaxTextChars: what a paste brings beyond it is left out.
// The field's note about that, once, for the screen's message line (MainScreen shows it).
std::optional<std::string> takeNote();

// The text cut with "…" so that, in the current font, it fits in width pixels.
std::string fitText(std::string_view text, float width);
// The same for text wrapped at width: at most `lines` lines.
std::string fitLines(std::string_view text, float width, int lines);
// Draws text wrapped at width from the cursor, cut with "…" after `lines` lines.
void textLines(const ImVec4& colour, std::string_view text, float width, int lines);

} // namespace plenary::ui::widgets
