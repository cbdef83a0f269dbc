#include "ui/Shortcuts.hpp"

#include "core/Agenda.hpp"
#include "ui/AppState.hpp"
#include "ui/Keys.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace plenary::ui {

namespace {

// PageDown/PageUp move on wherever the keyboard is. What a field holds is saved first, into what
// it was typed for; a field the next phase may not show lets go of the keyboard, while the capture
// line and "who?" keep it, and their text, across phases.
void moveOn(AppState& state, void (session::LiveSession::*step)()) {
    state.flushTyping();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const auto& lines = state.ui().lineFields;
    if (g.ActiveId != 0 && std::find(lines.begin(), lines.end(), g.ActiveId) == lines.end()) {
        ImGui::ClearActiveID();
        g.InputTextState.ID = 0;
    }
    (state.live().*step)();
}

// Ctrl+Z / Ctrl+Y: while a field still has typing of its own to undo (or redo), the field does it;
// otherwise they undo and redo edits of the workshop, and the field is let go first so that its
// own undo never replays text that is no longer there.
void undoOrRedo(AppState& state, bool redo) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool typing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
    const bool fieldHandles = typing && (redo ? g.InputTextState.GetRedoAvailCount() > 0
                                              : g.InputTextState.GetUndoAvailCount() > 0);
    if (fieldHandles) return;
    state.flushTyping(); // what the field holds joins its stretch's step, and is undone with it
    ImGui::ClearActiveID();
    g.InputTextState.ID = 0;
    if (redo)
        state.redo();
    else
        state.undo();
}

void scale(AppState& state, float step) {
    auto& settings = state.settings();
    const float before = settings.scale;
    settings.scale = std::clamp(settings.scale + step, 0.5f, 3.0f);
    if (settings.scale == before) return;
    state.requests().rebuildFonts = true;
    state.saveSettings();
}

// The same keys on a conference's rings screen: a clicker steps ring by ring, round by round.
void stepConference(AppState& state, void (session::Conference::*step)()) {
    state.flushTyping();
    ImGui::ClearActiveID();
    ImGui::GetCurrentContext()->InputTextState.ID = 0;
    (state.worker().conference().*step)();
}

void toggleReport(AppState& state) {
    if (!state.workshop()) return;
    state.flushTyping();
    state.setScreen(state.screen() == "report" ? state.returnScreen() : "report");
}

std::vector<Shortcut> registerShortcuts() {
    using namespace keys;
    auto live = [](void (session::LiveSession::*step)()) { return [step](AppState& s) { moveOn(s, step); }; };
    // In the overview a clicker brings the live screen back and moves on there.
    auto fromOverview = [](void (session::LiveSession::*step)(), void (session::Conference::*ringStep)()) {
        return [step, ringStep](AppState& s) {
            if (s.worker().conference().active()) {
                s.setScreen("rings");
                stepConference(s, ringStep);
                return;
            }
            s.setScreen("live");
            moveOn(s, step);
        };
    };
    auto rings = [](void (session::Conference::*step)()) {
        return [step](AppState& s) { stepConference(s, step); };
    };
    return {
        {{PageDown},
         "PageDown / PageUp",
         "next / previous phase; in a conference, next / previous ring, then round (what presentation "
         "clickers send)",
         "live",
         live(&session::LiveSession::nextPhase)},
        {{PageDown}, "PageDown / PageUp", "", "rings", rings(&session::Conference::nextStep)},
        {{PageUp}, "PageDown / PageUp", "", "rings", rings(&session::Conference::previousStep)},
        {{PageUp}, "PageDown / PageUp", "", "live", live(&session::LiveSession::previousPhase)},
        {{PageDown},
         "PageDown / PageUp",
         "",
         "agenda",
         fromOverview(&session::LiveSession::nextPhase, &session::Conference::nextStep)},
        {{PageUp},
         "PageDown / PageUp",
         "",
         "agenda",
         fromOverview(&session::LiveSession::previousPhase, &session::Conference::previousStep)},
        {{PageDown, true},
         "Ctrl+PageDown / Ctrl+PageUp",
         "next / previous dilemma; in a conference, next / previous round",
         "live",
         live(&session::LiveSession::nextDilemma)},
        {{PageDown, true}, "Ctrl+PageDown / Ctrl+PageUp", "", "rings", rings(&session::Conference::nextRound)},
        {{PageUp, true}, "Ctrl+PageDown / Ctrl+PageUp", "", "rings", rings(&session::Conference::previousRound)},
        {{PageUp, true},
         "Ctrl+PageDown / Ctrl+PageUp",
         "",
         "live",
         live(&session::LiveSession::previousDilemma)},
        {{Enter}, "Enter", "add what is typed on the capture line to the current phase", "live", {}},
        {{Tab},
         "Tab",
         "from the capture line to “who?”: type a name, Enter takes the first match",
         "live",
         {}},
        {{Up},
         "0–9 · ← ↑ → ↓ · Enter · Tab",
         "in a conference's tally grid: type the count, move (Enter: down, Tab: right); Delete empties "
         "a cell",
         "rings",
         {}},
        {{PageDown},
         "PageDown / PageUp · ↑ ↓ · Home / End",
         "in the report preview: scroll by a page, a few lines, to the top or the end",
         "report",
         {}},
        {{F2}, "F2", "in a conference: type a new statement of the current ring (Esc: back to the grid)", "rings", {}},
        {{F3}, "F3", "in a conference on a small screen: the figures or the tally grid", "rings", {}},
        {{M},
         "M",
         "in round 3: merge the statement under the cursor into the next one M is pressed on",
         "rings",
         {}},
        {{L, true},
         "Ctrl+L",
         "mark the last question open / closed",
         "live",
         [](AppState& s) { s.live().toggleQuestionLabel(s.live().lastQuestion()); }},
        {{D, true},
         "Ctrl+D",
         "draft the result from what was captured (result phase)",
         "live",
         [](AppState& s) {
             if (s.live().captureKind() == core::CaptureKind::Result) s.ui().draftRequested = true;
         }},
        {{F5},
         "F5 / F6 / F7",
         "start or pause / reset / one more minute on the timer",
         "live",
         [](AppState& s) { s.live().toggleTimer(); }},
        {{F6}, "F5 / F6 / F7", "", "live", [](AppState& s) { s.live().resetTimer(); }},
        {{F7}, "F5 / F6 / F7", "", "live", [](AppState& s) { s.live().addMinute(); }},
        {{F5}, "F5 / F6 / F7", "", "rings", [](AppState& s) { s.worker().conference().toggleTimer(); }},
        {{F6}, "F5 / F6 / F7", "", "rings", [](AppState& s) { s.worker().conference().resetTimer(); }},
        {{F7}, "F5 / F6 / F7", "", "rings", [](AppState& s) { s.worker().conference().addMinute(); }},
        {{F9},
         "F9",
         "presentation mode on / off (Esc also leaves it)",
         "live",
         [](AppState& s) { s.ui().presentation = !s.ui().presentation; }},
        {{F9}, "F9", "", "rings", [](AppState& s) { s.ui().presentation = !s.ui().presentation; }},
        {{Escape},
         "Esc",
         "close this list or the export dialog; leave presentation mode; leave a field (what was typed is kept)",
         "",
         [](AppState& s) {
             if (s.ui().showHelp)
                 s.ui().showHelp = false;
             else if (s.ui().showExport)
                 s.ui().showExport = false;
             else
                 s.ui().presentation = false;
         }},
        {{F11},
         "F11",
         "full screen on the monitor chosen in this help",
         "",
         [](AppState& s) { s.requests().toggleFullscreen = true; }},
        {{Up, false, false, true},
         "Alt+↑ / Alt+↓",
         "in a dilemma's question (Set up): move it up / down",
         "setup",
         {}},
        {{Z, true},
         "Ctrl+Z / Ctrl+Y",
         "undo / redo any edit (the history is kept in the file)",
         "",
         [](AppState& s) { undoOrRedo(s, false); }},
        {{Y, true}, "Ctrl+Z / Ctrl+Y", "", "", [](AppState& s) { undoOrRedo(s, true); }},
        {{Z, true, true}, "Ctrl+Z / Ctrl+Y", "", "", [](AppState& s) { undoOrRedo(s, true); }},
        {{Equal, true},
         "Ctrl+ + / Ctrl+ −",
         "larger / smaller text",
         "",
         [](AppState& s) { scale(s, 0.1f); }},
        {{KeypadAdd, true}, "Ctrl+ + / Ctrl+ −", "", "", [](AppState& s) { scale(s, 0.1f); }},
        {{Minus, true}, "Ctrl+ + / Ctrl+ −", "", "", [](AppState& s) { scale(s, -0.1f); }},
        {{KeypadSubtract, true}, "Ctrl+ + / Ctrl+ −", "", "", [](AppState& s) { scale(s, -0.1f); }},
        {{T, true},
         "Ctrl+T",
         "light / dark theme",
         "",
         [](AppState& s) {
             s.settings().darkTheme = !s.settings().darkTheme;
             s.requests().rebuildFonts = true;
             s.saveSettings();
         }},
        {{K, true},
         "Ctrl+K",
         "similar past dilemmas from the library beside the live screen, on / off (in presentation "
         "mode: shown to the room too, or not)",
         "live",
         [](AppState& s) {
             auto& ui = s.ui();
             if (ui.presentation)
                 ui.recallInPresentation = ui.showRecall ? !ui.recallInPresentation : true;
             else
                 ui.showRecall = !ui.showRecall;
             if (ui.presentation && ui.recallInPresentation) ui.showRecall = true;
         }},
        {{F, true},
         "Ctrl+F",
         "search every workshop in the library",
         "",
         [](AppState& s) {
             s.flushTyping();
             s.setScreen("search");
         }},
        {{E, true},
         "Ctrl+E",
         "export the report: Web page to print, Word, Excel, CSV, Markdown or JSON, anonymised if asked",
         "",
         [](AppState& s) { s.openExport(); }},
        {{R, true},
         "Ctrl+R",
         "the report as it will be exported (Ctrl+R again: back)",
         "",
         [](AppState& s) { toggleReport(s); }},
        {{F1}, "F1", "this list", "", [](AppState& s) { s.ui().showHelp = !s.ui().showHelp; }},
    };
}

} // namespace

const std::vector<Shortcut>& shortcutRegistry() {
    static const std::vector<Shortcut> shortcuts = registerShortcuts();
    return shortcuts;
}

void dispatchShortcuts(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    const std::string_view screen = state.screen();
    for (const auto& shortcut : shortcutRegistry()) {
        if (!shortcut.action) continue;
        if (!shortcut.screen.empty() && shortcut.screen != screen) continue;
        const Chord& c = shortcut.chord;
        if (c.ctrl != io.KeyCtrl || c.alt != io.KeyAlt) continue;
        // Shift is part of a chord only where it says so (Ctrl+Shift+Z); elsewhere it is ignored.
        if (c.shift && !io.KeyShift) continue;
        if (!c.shift && c.ctrl && io.KeyShift && c.key == keys::Z) continue;
        if (ImGui::IsKeyPressed(c.key, false)) shortcut.action(state);
    }
}

std::vector<std::pair<std::string_view, std::string_view>> helpRows() {
    std::vector<std::pair<std::string_view, std::string_view>> rows;
    for (const auto& shortcut : shortcutRegistry()) {
        const bool seen =
            std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.first == shortcut.keys; });
        if (!seen) rows.emplace_back(shortcut.keys, shortcut.what);
    }
    return rows;
}

} // namespace plenary::ui
