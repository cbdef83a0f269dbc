#include "ui/RingsView.hpp"

#include "core/PhaseTimer.hpp"
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

#include <algorithm>

namespace plenary::ui {

using namespace plenary::core;


void RingsView::restoreDraft() {
    // A conference opened (again): the line shows the statement that was being typed, for its ring.
    const auto* workshop = m_state.workshop();
    // Each opening has revisions of its own (a new workshop may reuse the old one's address).
    const std::uint64_t opening = workshop ? workshop->revision() >> 32 : 0;
    if (opening == m_draftOpening) return;
    m_draftOpening = opening;
    m_captures.clear();
    if (!workshop) return;
    const auto draft = workshop->captureDraft();
    if (draft.kind != CaptureDraft::kStatementDraft || draft.text.empty()) return;
    m_captures[draft.dilemma] = draft.text;
    m_state.worker().conference().goToRing(draft.dilemma);
}

void RingsView::drawContent() {
    auto& conference = m_state.worker().conference();
    if (!conference.active()) return;
    restoreDraft();
    if (m_state.ui().presentation) {
        drawPresentation();
        return;
    }
    if (ImGui::IsKeyPressed(keys::F2, false)) {
        m_focusCapture = true;
        m_gridHasKeys = false;
        m_showFigures = false;
    }
    if (ImGui::IsKeyPressed(keys::F3, false)) m_showFigures = !m_showFigures;
    drawLiveToolbar(m_state);
    drawHeader(false);
    const float em = ImGui::GetFontSize();
    if (conference.rings().empty()) {
        widgets::textWrapped("This conference has no rings yet: add them in the setup.");
        return;
    }
    // The grid on the left, the round's figures on the right; on a small screen one at a time.
    const float height = ImGui::GetContentRegionAvail().y;
    if (narrow()) {
        ImGui::BeginChild(m_showFigures ? "figures" : "tally", ImVec2(0, height), false);
        if (m_showFigures)
            drawFigures(ImGui::GetContentRegionAvail().y, false);
        else
            drawTallyPanel();
        ImGui::EndChild();
        return;
    }
    // Round 1's figures are one ring's list; later rounds need room for every ring's column.
    const float part = conference.round() == 1 ? 0.6f : 0.46f;
    const float left = std::max(20.0f * em, ImGui::GetContentRegionAvail().x * part);
    ImGui::BeginChild("tally", ImVec2(left, height), false);
    drawTallyPanel();
    ImGui::EndChild();
    ImGui::SameLine(0.0f, em);
    ImGui::BeginChild("figures", ImVec2(0, height), false);
    drawFigures(ImGui::GetContentRegionAvail().y, false);
    ImGui::EndChild();
}

// The statement line, round 3's merge line and the tally grid under them.
void RingsView::drawTallyPanel() {
    ImGui::BeginDisabled(m_state.readOnly());
    drawCaptureLine();
    ImGui::EndDisabled();
    if (m_state.worker().conference().round() >= 3) drawMergeBar();
    drawGrid(ImGui::GetContentRegionAvail().y);
}

bool RingsView::narrow() const {
    return ImGui::GetIO().DisplaySize.x < 58.0f * ImGui::GetFontSize();
}

// Round name, prompt and timer at the top; the rounds and the rings under them.
void RingsView::drawHeader(bool room) {
    auto& conference = m_state.worker().conference();
    const Fonts& f = fonts();
    ImFont* timerFont = room && f.stage() ? f.stageTimer : f.timer;
    ImFont* titleFont = room && f.stage() ? f.stageBold : f.heading;
    const float em = ImGui::GetFontSize();
    const ImVec2 top = ImGui::GetCursorPos();
    const double now = conference.now();
    const std::string clock = formatClock(conference.timer().remaining(now));
    ImGui::PushFont(timerFont);
    const float timerWidth = ImGui::CalcTextSize("+00:00").x;
    const float width = ImGui::CalcTextSize(clock.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - width);
    widgets::textColoured(palette::forTimer(conference.timer().colour(now)), clock, false);
    ImGui::PopFont();
    const ImVec2 afterTimer = ImGui::GetCursorPos();
    ImGui::SetCursorPos(top);
    ImGui::PushTextWrapPos(ImGui::GetWindowContentRegionMax().x - timerWidth - em);
    if (const auto* round = conference.currentRound()) {
        ImGui::PushFont(titleFont);
        widgets::textWrapped("Round " + std::to_string(round->number) + " · " + round->name);
        ImGui::PopFont();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", round->prompt.c_str());
        if (!room && ImGui::GetIO().DisplaySize.y >= 30.0f * em) widgets::textColoured(palette::muted(), round->prompt);
    }
    ImGui::PopTextWrapPos();
    // On a small screen the prompt is the title's tooltip and the buttons share the rounds' line.
    const bool compact = ImGui::GetIO().DisplaySize.y < 30.0f * em;
    m_ribbonRight = ImGui::GetWindowContentRegionMax().x - timerWidth - em; // short of the timer
    if (!room) {
        drawTimerButtons();
        if (compact) ImGui::SameLine(0.0f, em);
    }
    drawRoundRibbon(room);
    drawRingChips(room);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), afterTimer.y));
    ImGui::Spacing();
}

void RingsView::drawTimerButtons() {
    auto& conference = m_state.worker().conference();
    if (widgets::button(conference.timer().running() ? "Pause (F5)" : "Start (F5)", "timer-toggle"))
        m_state.later([this] { m_state.worker().conference().toggleTimer(); });
    ImGui::SameLine();
    // Edits of the file run after the frame, never while the screen draws from it.
    if (widgets::button("Reset", "timer-reset")) m_state.later([this] { m_state.worker().conference().resetTimer(); });
    ImGui::SameLine();
    if (widgets::button("+1 min", "timer-minute")) m_state.later([this] { m_state.worker().conference().addMinute(); });
    if (narrow()) {
        ImGui::SameLine(0.0f, ImGui::GetFontSize());
        if (widgets::button(m_showFigures ? "Grid (F3)" : "Figures (F3)", "show-figures")) m_showFigures = !m_showFigures;
    }
}

// The rounds as chips: the current one filled. The room sees them as labels, never as buttons.
void RingsView::drawRoundRibbon(bool room) {
    auto& conference = m_state.worker().conference();
    const float em = ImGui::GetFontSize();
    bool first = true;
    for (const auto& round : conference.rounds()) {
        const bool current = round.number == conference.round();
        const std::string label = std::to_string(round.number) + " " + round.name;
        // A chip that would run into the timer goes on the next line.
        const float width = ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        if (!first) ImGui::SameLine(0.0f, 0.3f * em);
        if (ImGui::GetCursorPosX() > ImGui::GetStyle().WindowPadding.x && ImGui::GetCursorPosX() + width > m_ribbonRight)
            ImGui::NewLine();
        first = false;
        ImGui::PushStyleColor(ImGuiCol_Button, current ? palette::accent() : palette::chip());
        ImGui::PushStyleColor(ImGuiCol_Text, current ? palette::onAccent() : palette::text());
        if (room) {
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, current ? palette::accent() : palette::chip());
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, current ? palette::accent() : palette::chip());
            ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
        }
        const std::string id = label + "##round" + std::to_string(round.number);
        if (widgets::button(id.c_str(), "round:" + std::to_string(round.number)) && !room && !current) {
            const int number = round.number;
            m_state.later([this, number] { m_state.worker().conference().goToRound(number); });
        }
        trace::text(label);
        if (room) {
            ImGui::PopItemFlag();
            ImGui::PopStyleColor(2);
        }
        ImGui::PopStyleColor(2);
    }
}

// The rings, each in its colour with its name (the colour never speaks alone). In round 1 the
// room sees only the current ring's chip.
void RingsView::drawRingChips(bool room) {
    auto& conference = m_state.worker().conference();
    const float em = ImGui::GetFontSize();
    const float right = ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    for (const auto& ring : conference.rings()) {
        const bool current = ring.id == conference.ring();
        if (room && conference.round() == 1 && !current) continue;
        const std::string label = ring.name + " (" + std::to_string(conference.members(ring.id)) + ")";
        const float width = ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
        if (!first) {
            ImGui::SameLine(0.0f, 0.3f * em);
            if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
        }
        first = false;
        const ImVec4 colour = palette::fromHex(ring.colour);
        // The current ring is filled in its colour; the others are outlined in it.
        ImGui::PushStyleColor(ImGuiCol_Button, current ? colour : palette::chip());
        ImGui::PushStyleColor(ImGuiCol_Text, current ? palette::textOn(colour) : palette::text());
        ImGui::PushStyleColor(ImGuiCol_Border, colour);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.12f * em);
        const std::string id = label + "##ring" + std::to_string(ring.id);
        if (widgets::button(id.c_str(), "ring:" + std::to_string(ring.id)) && !room && !current) {
            const Id which = ring.id;
            m_state.later([this, which] {
                finishCell();
                m_state.worker().conference().goToRing(which);
            });
        }
        trace::text(label);
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(3);
    }
}

void RingsView::drawCaptureLine() {
    auto& conference = m_state.worker().conference();
    const Ring* ring = conference.currentRing();
    if (!ring) return;
    const std::string hint = "A statement of " + ring->name + ", Enter — F2 here, Esc: back to the grid";
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (m_focusCapture) {
        ImGui::SetKeyboardFocusHere();
        m_focusCapture = false;
    }
    // Each ring's words on the line are its own: the next ring neither sees them nor adds them.
    std::string& capture = m_captures[ring->id];
    const bool entered = widgets::inputText("##statement", hint.c_str(), &capture,
                                            ImGuiInputTextFlags_EnterReturnsTrue, "statement");
    if (ImGui::IsItemActive()) m_gridHasKeys = false;
    if (ImGui::IsItemDeactivated() && !entered) m_gridHasKeys = true; // Esc or a click elsewhere
    if (entered && !core::trim(capture).empty()) {
        m_state.later([this, text = capture, id = ring->id] {
            if (m_state.worker().conference().addStatement(text) != 0) {
                ImGui::ClearActiveID();
                ImGui::GetCurrentContext()->InputTextState.ID = 0;
                m_captures[id].clear();
                if (auto* w = m_state.workshop()) w->saveCaptureDraft({}); // added: no longer a draft
            }
        });
        m_focusCapture = true;
    }
    // Words on the line before Enter reach the file too (as the Urban Academy line's do), with
    // the ring they are for: a crash loses none of them.
    widgets::keepTyped(
        ("##statement-draft" + std::to_string(ring->id)).c_str(), capture,
        [this, ring = ring->id](const widgets::Typed& typed) {
            m_state.later(
                [this, typed, draft = CaptureDraft{ring, CaptureDraft::kStatementDraft, typed.text}] {
                    auto* w = m_state.workshop();
                    if (w && !w->saveCaptureDraft(draft)) widgets::saveFailed(typed);
                });
        });
}

// Round 3: pick a statement in the grid (M), then the one it duplicates (M again on it).
void RingsView::drawMergeBar() {
    auto& conference = m_state.worker().conference();
    if (m_mergeFrom == 0) {
        widgets::textColoured(palette::muted(), "M on a statement: merge it into another (Ctrl+Z takes it back)");
        return;
    }
    const Statement* from = conference.statement(m_mergeFrom);
    if (!from) {
        m_mergeFrom = 0;
        return;
    }
    widgets::textColoured(palette::warning(),
                          "Merging “" + ellipsize(from->text, 40) + "” — M on the statement it duplicates, Esc: cancel");
}

} // namespace plenary::ui
