#include "ui/LiveView.hpp"
#include "ui/RecallPanel.hpp"

#include "core/Matching.hpp"
#include "core/ResultDraft.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "ui/Fonts.hpp"
#include "ui/LiveToolbar.hpp"
#include "ui/Keys.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

namespace plenary::ui {

using namespace plenary::core;

namespace {

// What Enter on the capture line adds, in a few words.
const char* kindName(CaptureKind kind) {
    switch (kind) {
    case CaptureKind::Question:
        return "question";
    case CaptureKind::Practice:
        return "practice";
    case CaptureKind::Reflection:
        return "reflection";
    case CaptureKind::Result:
        return "result line";
    case CaptureKind::Context:
        return "context line";
    }
    return "";
}

const char* captureHint(CaptureKind kind) {
    switch (kind) {
    case CaptureKind::Question:
        return "Type a question, Enter — Tab: who asked";
    case CaptureKind::Practice:
        return "An idea or practice, Enter — Tab: who";
    case CaptureKind::Reflection:
        return "A reflection note, Enter";
    case CaptureKind::Result:
        return "A line for the result, Enter";
    case CaptureKind::Context:
        return "Information on the dilemma, Enter";
    }
    return "";
}

} // namespace

void LiveView::restoreCaptureDraft() {
    // A workshop opened (again): the capture line shows what was on it, typed as what it was.
    const auto* workshop = m_state.workshop();
    // Each opening has revisions of its own (a new workshop may reuse the old one's address).
    const std::uint64_t opening = workshop ? workshop->revision() >> 32 : 0;
    if (opening == m_draftOpening) return;
    m_draftOpening = opening;
    m_capture.clear();
    m_typedAs.reset();
    if (!workshop) return;
    const auto draft = workshop->captureDraft();
    if (draft.text.empty()) return;
    m_capture = draft.text;
    if (draft.kind >= static_cast<int>(CaptureKind::Context) &&
        draft.kind <= static_cast<int>(CaptureKind::Result))
        m_typedAs = static_cast<CaptureKind>(draft.kind);
}

void LiveView::drawContent() {
    restoreCaptureDraft();
    if (m_state.ui().draftRequested) {
        m_state.ui().draftRequested = false;
        draftResult();
    }
    if (!m_state.ui().presentation) drawLiveToolbar(m_state);
    const float em = ImGui::GetFontSize();
    const auto& ui = m_state.ui();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ui.presentation) {
        if (!(ui.showRecall && ui.recallInPresentation)) {
            drawPresentation();
            return;
        }
        const float recall = ImGui::GetContentRegionAvail().x * 0.3f;
        ImGui::BeginChild("room", ImVec2(-recall - spacing, 0), false, ImGuiWindowFlags_NoScrollbar);
        drawPresentation();
        ImGui::EndChild();
        ImGui::SameLine();
        drawRecallPanel(m_state, recall, true);
        return;
    }
    const float sidebar = std::min(16.0f * em, ImGui::GetContentRegionAvail().x * 0.3f);
    drawAgenda(sidebar);
    ImGui::SameLine();
    const float recall = ui.showRecall ? std::min(24.0f * em, ImGui::GetContentRegionAvail().x * 0.3f) : 0.0f;
    ImGui::BeginChild("stage", ImVec2(ui.showRecall ? -recall - spacing : 0.0f, 0), false);
    drawStage();
    ImGui::EndChild();
    if (ui.showRecall) {
        ImGui::SameLine();
        drawRecallPanel(m_state, recall, false);
    }
}

void LiveView::drawTimer() {
    // The digits at the top right; their buttons go under the phase's prompt, beside them.
    auto& live = m_state.live();
    const double now = live.now();
    const std::string clock = formatClock(live.timer().remaining(now));
    ImGui::PushFont(fonts().timer);
    const float width = ImGui::CalcTextSize(clock.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
    widgets::textColoured(palette::forTimer(live.timer().colour(now)), clock, false);
    ImGui::PopFont();
}

void LiveView::drawTimerButtons() {
    auto& live = m_state.live();
    const char* toggle = live.timer().running() ? "Pause (F5)" : "Start (F5)";
    if (widgets::button(toggle)) live.toggleTimer();
    ImGui::SameLine();
    if (widgets::button("Reset")) live.resetTimer();
    ImGui::SameLine();
    if (widgets::button("+1 min")) live.addMinute();
}

void LiveView::drawPhaseRibbon() {
    auto& live = m_state.live();
    const auto& phases = live.phases();
    const float em = ImGui::GetFontSize();
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const std::string label =
            std::to_string(i + 1) + " " + phases[i].name + "##phase" + std::to_string(i);
        const float width =
            ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        // Chips that do not fit go on the next line instead of off the screen.
        if (i > 0) {
            ImGui::SameLine(0.0f, 0.3f * em);
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        const bool current = static_cast<int>(i) == live.phaseIndex();
        ImGui::PushStyleColor(ImGuiCol_Button, current ? palette::accent() : palette::chip());
        ImGui::PushStyleColor(ImGuiCol_Text, current ? palette::onAccent() : palette::text());
        // Clicking the running phase does nothing: it never restarts its clock by accident.
        if (widgets::button(label.c_str(), "phase:" + phases[i].key) && !m_state.ui().presentation &&
            !current) {
            const int index = static_cast<int>(i);
            m_state.later([this, index] { m_state.live().goToPhase(index); });
        }
        trace::text(phases[i].name);
        ImGui::PopStyleColor(2);
    }
}

void LiveView::drawStage() {
    auto& live = m_state.live();
    const auto& data = m_state.data();
    const auto members = live.currentMembers();
    if (members.empty()) {
        widgets::textInFont(fonts().heading,
                            data.dilemmas.empty() ? "No dilemmas yet" : "Pick a dilemma in the agenda");
        return;
    }
    const float em = ImGui::GetFontSize();
    // The timer sits at the top right; the phase ribbon and the dilemma fill the rest.
    const ImVec2 top = ImGui::GetCursorPos();
    drawTimer();
    const ImVec2 afterTimer = ImGui::GetCursorPos();
    ImGui::SetCursorPos(top);
    // The phase name and prompt wrap short of the timer, measured in the timer's own font.
    ImGui::PushFont(fonts().timer);
    const float timerWidth = ImGui::CalcTextSize("+00:00").x;
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - timerWidth - em);
    const auto* phase = live.currentPhase();
    if (phase) {
        ImGui::PushFont(fonts().bold);
        widgets::textWrapped(phase->name);
        ImGui::PopFont();
        widgets::textColoured(palette::muted(), phase->prompt);
    }
    ImGui::PopTextWrapPos();
    drawTimerButtons();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), afterTimer.y));
    drawPhaseRibbon();
    ImGui::Spacing();
    if (members.size() > 1) widgets::textColoured(palette::muted(), "Dilemmas discussed together");
    // On a small screen a long question must not push the capture line off it: past two lines
    // in the heading font it is drawn in the body's bold, and the presenter takes one line.
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto* d : members) {
        ImGui::PushFont(fonts().heading);
        const std::string question = questionText(*d);
        const bool fits = ImGui::CalcTextSize(question.c_str(), nullptr, false, width).y <=
                          2.0f * ImGui::GetTextLineHeight() + 1.0f;
        ImGui::PopFont();
        widgets::textInFont(fits && members.size() == 1 ? fonts().heading : fonts().bold, question);
        if (const auto* presenter = findPerson(data, d->presenter))
            widgets::textColoured(palette::muted(), widgets::fitText(presenterLine(*presenter), width),
                                  false);
        ImGui::Spacing();
    }
    ImGui::BeginDisabled(m_state.readOnly());
    if (live.captureKind() == CaptureKind::Result)
        drawResultEditor();
    else {
        drawCaptureLine();
        if (live.captureKind() == CaptureKind::Practice) drawCatalogMatches();
    }
    ImGui::EndDisabled();
    ImGui::Separator();
    drawCaptured();
}

void LiveView::submitCapture(const CatalogPractice* fromCatalog) {
    // Catalog entries live in the templates, which no edit replaces, so the pointer stays valid.
    m_state.later([this, text = m_capture, who = m_whoId, fromCatalog, as = m_typedAs] {
        if (m_state.live().capture(text, who, fromCatalog, as)) {
            // ImGui keeps its own copy of an active field's text; let go of the field before
            // emptying it, and the focus request below brings a fresh, empty one back.
            ImGui::ClearActiveID();
            ImGui::GetCurrentContext()->InputTextState.ID = 0; // its undo history is of text now gone
            m_capture.clear();
            m_who.clear();
            m_whoId = 0;
            if (auto* w = m_state.workshop()) w->saveCaptureDraft({}); // added: no longer a draft
        }
    });
    m_focusCapture = true;
}

void LiveView::cursorToEndIfFocused() {
    // A field focused by the program, not by a click, continues its text: the cursor goes to the
    // end (ImGui leaves it at the start, where typing would go before the words already there).
    if (!m_focusRequested || !ImGui::IsItemActivated()) return;
    m_focusRequested = false;
    ImGuiInputTextState& state = ImGui::GetCurrentContext()->InputTextState;
    if (state.ID != ImGui::GetItemID()) return;
    state.Stb.cursor = state.Stb.select_start = state.Stb.select_end = state.CurLenW;
}

void LiveView::takeIdleKeyboard(const char* field) {
    // The capture line (and the result editor in its phase) is always ready: when no field has
    // had the keyboard for two frames (one frame is how long Tab takes to hand it on), it takes it
    // — but not while the mouse is on something, since the focus lands a frame later and would
    // steal that click.
    m_idleFrames = ImGui::IsAnyItemActive() ? 0 : m_idleFrames + 1;
    const ImGuiIO& io = ImGui::GetIO();
    const ImGuiID hovered = ImGui::GetCurrentContext()->HoveredIdPreviousFrame;
    const bool mouseBusy = (hovered != 0 && hovered != ImGui::GetID(field)) || ImGui::IsAnyMouseDown() ||
                           io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f;
    // A window over the screen (the export dialog, the help) keeps the keyboard for itself.
    if ((m_focusCapture || m_idleFrames >= 2) && !mouseBusy && !m_state.overlayOpen()) {
        ImGui::SetKeyboardFocusHere();
        m_focusCapture = false;
        m_focusRequested = true;
    }
}

void LiveView::drawCaptureLine() {
    const float em = ImGui::GetFontSize();
    const auto kind = m_state.live().captureKind();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 9.0f * em);
    takeIdleKeyboard("##capture");
    m_captureId = ImGui::GetID("##capture");
    // ↑/↓ on the line pick a catalog match (the line keeps the keyboard); Enter then adds it.
    const bool picking = kind == CaptureKind::Practice && !m_catalogMatches.empty();
    // (ImGui reads the history flag when the line takes the keyboard: always set, ↑/↓ never move
    // the keyboard off the line.)
    const bool entered =
        widgets::inputText("##capture", captureHint(kind), &m_capture,
                           ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                           "capture", &LiveView::onCaptureHistory, this);
    cursorToEndIfFocused();
    // The line remembers what its text was typed as: moving to another phase does not change
    // what Enter makes of it, and the line says so.
    if (m_capture.empty())
        m_typedAs.reset();
    else if (!m_typedAs)
        m_typedAs = kind;
    if (entered) {
        const bool picked = picking && m_catalogPick >= 0 &&
                            m_catalogPick < static_cast<int>(m_catalogMatches.size()) &&
                            m_catalogFor == m_capture;
        submitCapture(picked ? m_catalogMatches[static_cast<std::size_t>(m_catalogPick)] : nullptr);
        m_catalogPick = -1;
    }
    // Words on the line before Enter reach the file too: a crash loses none of them.
    widgets::keepTyped(
        "##capture-draft", m_capture,
        [this, dilemma = m_state.live().dilemma(),
         as = m_typedAs.value_or(kind)](const widgets::Typed& typed) {
            m_state.later(
                [this, typed, draft = core::CaptureDraft{dilemma, static_cast<int>(as), typed.text}] {
                    auto* w = m_state.workshop();
                    if (w && !w->saveCaptureDraft(draft)) widgets::saveFailed(typed);
                });
        });
    if (m_typedAs && *m_typedAs != kind) {
        ImGui::SameLine();
        widgets::textColoured(palette::warning(), std::string("adds a ") + kindName(*m_typedAs), false);
    } else if (kind == CaptureKind::Question && !m_capture.empty()) {
        const auto verdict = m_state.live().classify(m_capture);
        ImGui::SameLine();
        widgets::textColoured(verdict.open ? palette::good() : palette::warning(),
                              verdict.open ? "open" : "closed", false);
    }
    ImGui::SameLine();
    drawWhoField();
}

void LiveView::drawWhoField() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(std::max(5.0f * em, ImGui::GetContentRegionAvail().x));
    m_whoField = ImGui::GetID("##who");
    const bool entered =
        widgets::inputText("##who", "who?", &m_who, ImGuiInputTextFlags_EnterReturnsTrue, "who");
    m_state.ui().lineFields = {m_captureId, m_whoField};
    const bool active = ImGui::IsItemActive();
    const auto matches = matchPeople(m_state.data().people, m_who, 6);
    if (entered) {
        // Enter in the who field takes the best match and adds the capture.
        m_whoId = m_who.empty() || matches.empty() ? 0 : matches.front()->id;
        submitCapture();
        return;
    }
    if (active && !m_who.empty()) {
        ImGui::BeginTooltip();
        // Two people may share a name: the organisation tells them apart.
        for (const auto* person : matches)
            widgets::text(person->organisation.empty() ? person->name
                                                       : person->name + " — " + person->organisation);
        if (matches.empty()) widgets::textColoured(palette::muted(), "nobody by that name", false);
        ImGui::EndTooltip();
        m_whoId = matches.empty() ? 0 : matches.front()->id;
    }
    if (m_who.empty()) m_whoId = 0;
}

int LiveView::onCaptureHistory(ImGuiInputTextCallbackData* data) {
    auto* view = static_cast<LiveView*>(data->UserData);
    const int count = static_cast<int>(view->m_catalogMatches.size());
    if (data->EventKey == ImGuiKey_DownArrow)
        view->m_catalogPick = std::min(view->m_catalogPick + 1, count - 1);
    if (data->EventKey == ImGuiKey_UpArrow) view->m_catalogPick = std::max(view->m_catalogPick - 1, -1);
    return 0;
}

void LiveView::drawCatalogMatches() {
    // Matched again only when the typed text changes, not every frame.
    if (m_catalogFor != m_capture) {
        m_catalogMatches = matchCatalog(m_state.resources().catalog, m_capture, 4);
        m_catalogFor = m_capture;
        m_catalogPick = -1;
    }
    const auto& matches = m_catalogMatches;
    if (matches.empty()) return;
    widgets::textColoured(palette::muted(),
                          "From the practice catalog (↑/↓ and Enter, or click, to add):", false);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const auto* entry = matches[i];
        const std::string origin = originLine(entry->city, entry->country);
        std::string label = entry->title + (origin.empty() ? "" : " — " + origin);
        label = widgets::fitText(label, ImGui::GetContentRegionAvail().x) + "##catalog" + entry->id;
        const bool picked = static_cast<int>(i) == m_catalogPick;
        if (widgets::selectable(label.c_str(), picked, ("catalog:" + entry->id).c_str()))
            submitCapture(entry);
    }
}

void LiveView::draftResult() {
    auto& live = m_state.live();
    // What was typed is saved first, so the draft never swallows it (and undo brings it back);
    // the editor then lets go of the keyboard and shows the file's text.
    widgets::flushTyping();
    m_state.runLater();
    ImGui::ClearActiveID();
    ImGui::GetCurrentContext()->InputTextState.ID = 0;
    live.addDraftToResult();
}

float LiveView::resultEditorHeight(float lineHeight) const {
    // The editor grows with its text (ImGui's editor does not wrap: the text is also shown
    // wrapped above it), from three lines to twelve.
    const auto* dilemma = m_state.live().currentDilemma();
    const std::string_view text = dilemma ? std::string_view(dilemma->result) : std::string_view{};
    const auto lines = static_cast<float>(std::count(text.begin(), text.end(), '\n') + 2);
    return std::clamp(lines, 3.0f, 12.0f) * lineHeight + 2.0f * ImGui::GetStyle().FramePadding.y;
}

void LiveView::drawResultEditor() {
    if (widgets::button("Draft from what was captured (Ctrl+D)")) m_state.later([this] { draftResult(); });
    const auto* dilemma = m_state.live().currentDilemma();
    if (!dilemma) return;
    // Saved while it is typed (widgets::inputDurable), always into the dilemma it was typed for.
    const core::Id id = dilemma->id;
    ImGui::PushID(static_cast<int>(id));
    if (!m_state.readOnly()) takeIdleKeyboard("##result"); // typing lands here without a click
    widgets::inputDurable(
        "##result", dilemma->result,
        [this, id](const widgets::Typed& typed) {
            m_state.later([this, id, typed] {
                if (!m_state.live().setResult(typed.text, id, typed.stretch)) widgets::saveFailed(typed);
            });
        },
        nullptr, resultEditorHeight(ImGui::GetFontSize()));
    cursorToEndIfFocused();
    trace::item("result");
    ImGui::PopID();
}

} // namespace plenary::ui
