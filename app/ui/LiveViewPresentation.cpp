// Presentation mode: the room's screen. Its own type scale (ui/Fonts' stage fonts: captured text
// 48 px, the question 72 px, the timer 200 px on 1080 lines, in proportion on a smaller
// projector), the whole screen used, the newest entry always in view, practices as cards, and no
// control the room has to look at except a slim capture line for the facilitator at the bottom.
#include "ui/LiveView.hpp"

#include "core/PhaseTimer.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "ui/Fonts.hpp"
#include "ui/NewestInView.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace plenary::ui {

using namespace plenary::core;

namespace {

// The fonts of the room's screen (the console's, until presentation mode's are loaded).
struct StageFonts {
    ImFont* body;
    ImFont* bold;
    ImFont* question;
    ImFont* timer;
};

StageFonts stageFonts() {
    const Fonts& f = fonts();
    if (f.stage()) return {f.stageBody, f.stageBold, f.stageQuestion, f.stageTimer};
    return {f.body, f.bold, f.heading, f.timer};
}

// One entry of a list the room reads: wrapped text in one colour, after its number if it has one
// (wrapped lines then start under the text, not under the number).
struct Entry {
    std::string number;
    std::string text;
    ImVec4 colour;
};

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Draws the newest entries that fit in `height`, the older ones folded into one line.
void drawNewest(const std::vector<Entry>& entries, float height, const char* one, const char* many) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const bool numbered = !entries.empty() && !entries.front().number.empty();
    const float indent = numbered ? ImGui::CalcTextSize("000. ").x : 0.0f;
    std::vector<float> heights;
    heights.reserve(entries.size());
    for (const auto& e : entries) {
        const float wrap = e.number.empty() ? width : width - indent;
        heights.push_back(ImGui::CalcTextSize(e.text.c_str(), nullptr, false, wrap).y + spacing);
    }
    const std::size_t first = firstInView(heights, height, ImGui::GetTextLineHeightWithSpacing());
    if (first > 0) widgets::textColoured(palette::muted(), plural(first, one, many), false);
    for (std::size_t i = first; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (!e.number.empty()) {
            widgets::textColoured(palette::muted(), e.number, false);
            ImGui::SameLine(indent);
        }
        widgets::textColoured(e.colour, e.text);
    }
}

} // namespace

void LiveView::drawPresentation() {
    auto& live = m_state.live();
    const auto& data = m_state.data();
    const StageFonts stage = stageFonts();
    // Sizes are for a 1080-line screen; a smaller projector gets them in proportion.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float fontScale = fonts().bodySize / 28.0f;
    ImGui::SetWindowFontScale(std::min(1.0f, viewport->WorkSize.y / (1080.0f * fontScale)));
    const auto members = live.currentMembers();
    if (members.empty()) {
        widgets::textInFont(stage.question,
                            data.dilemmas.empty() ? "No dilemmas yet" : "Pick a dilemma in the agenda");
        ImGui::SetWindowFontScale(1.0f);
        return;
    }
    ImGui::PushFont(stage.body);
    const float em = ImGui::GetFontSize();
    const float right = ImGui::GetWindowContentRegionMax().x;

    // The timer at the top right; the phase and the ribbon beside it.
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::PushFont(stage.timer);
    const double now = live.now();
    const std::string clock = formatClock(live.timer().remaining(now));
    const float timerWidth = std::max(ImGui::CalcTextSize(clock.c_str()).x, ImGui::CalcTextSize("+00:00").x);
    ImGui::SetCursorPosX(right - ImGui::CalcTextSize(clock.c_str()).x);
    widgets::textColoured(palette::forTimer(live.timer().colour(now)), clock, false);
    const float timerBottom = ImGui::GetCursorPosY();
    ImGui::PopFont();
    ImGui::SetCursorPos(top);
    ImGui::PushTextWrapPos(right - timerWidth - em);
    if (const auto* phase = live.currentPhase()) widgets::textInFont(stage.bold, phase->name);
    ImGui::PopTextWrapPos();
    drawPresentationRibbon(right - timerWidth - em);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), timerBottom));

    // The dilemma: its question as large as the room needs; joint ones a step smaller.
    for (const auto* d : members) {
        widgets::textInFont(members.size() > 1 ? stage.bold : stage.question, questionText(*d));
        if (const auto* presenter = findPerson(data, d->presenter)) {
            ImGui::PushFont(fonts().bold);
            widgets::textColoured(palette::muted(), widgets::fitText(presenterLine(*presenter), right),
                                  false);
            ImGui::PopFont();
        }
    }
    ImGui::Separator();

    // What was captured fills the screen down to the facilitator's slim line.
    const auto kind = live.captureKind();
    const float scale = ImGui::GetFontSize() / ImGui::GetFont()->FontSize; // the window's font scale
    const float line = ImGui::GetFrameHeightWithSpacing() / ImGui::GetFontSize() * fonts().bodySize * scale;
    float bottom =
        kind == CaptureKind::Result ? line + resultEditorHeight(fonts().bodySize * scale) + line : line;
    if (kind == CaptureKind::Practice && !m_catalogMatches.empty())
        bottom += static_cast<float>(m_catalogMatches.size() + 1) * line;
    const float listHeight = std::max(ImGui::GetContentRegionAvail().y - bottom, 4.0f * em);
    ImGui::BeginChild("room", ImVec2(0.0f, listHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float height = ImGui::GetContentRegionAvail().y;
    switch (kind) {
    case CaptureKind::Question:
    case CaptureKind::Reflection:
        drawRoomQuestions(height);
        break;
    case CaptureKind::Practice:
        drawPracticeCards(height);
        break;
    case CaptureKind::Result: {
        std::vector<Entry> paragraphs;
        for (const auto* d : members)
            for (const auto& p : nonEmptyLines(d->result))
                paragraphs.push_back({"", p, palette::text()});
        if (paragraphs.empty())
            drawPracticeCards(height);
        else
            drawNewest(paragraphs, height, "earlier paragraph", "earlier paragraphs");
        break;
    }
    case CaptureKind::Context:
        for (const auto* d : members)
            widgets::textWrapped(d->information);
        break;
    }
    ImGui::EndChild();
    ImGui::PopFont();

    // The facilitator's line, in the console's size: what is typed here is never thrown away.
    ImGui::BeginDisabled(m_state.readOnly());
    if (kind == CaptureKind::Result)
        drawResultEditor();
    else {
        drawCaptureLine();
        if (kind == CaptureKind::Practice) drawCatalogMatches();
    }
    ImGui::EndDisabled();
    ImGui::SetWindowFontScale(1.0f);
}

void LiveView::drawPresentationRibbon(float right) {
    // Chips the room reads, not buttons: nothing on the projector ever takes a focus ring.
    const auto& phases = m_state.live().phases();
    ImGui::PushFont(fonts().bold);
    const float em = ImGui::GetFontSize();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const std::string label = std::to_string(i + 1) + " " + phases[i].name;
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        if (i > 0) {
            ImGui::SameLine(0.0f, 0.3f * em);
            if (ImGui::GetCursorPosX() + size.x + 2.0f * pad.x > right) ImGui::NewLine();
        }
        const bool current = static_cast<int>(i) == m_state.live().phaseIndex();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 end(at.x + size.x + 2.0f * pad.x, at.y + size.y + 2.0f * pad.y);
        draw->AddRectFilled(at, end, ImGui::GetColorU32(current ? palette::accent() : palette::chip()),
                            ImGui::GetStyle().FrameRounding);
        ImGui::SetCursorScreenPos(ImVec2(at.x + pad.x, at.y + pad.y));
        widgets::textColoured(current ? palette::onAccent() : palette::text(), label, false);
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy(ImVec2(end.x - at.x, end.y - at.y));
    }
    ImGui::PopFont();
}

void LiveView::drawRoomQuestions(float height) {
    const auto& agenda = m_state.workshop()->agenda();
    std::vector<Entry> entries;
    int number = 0;
    for (const auto* q : m_state.live().questions()) {
        std::string text = ellipsize(q->text, 600);
        if (const auto* asker = agenda.person(q->asker)) text += " — " + asker->name;
        // A closed question is the facilitator's business: the room sees it only a little quieter.
        entries.push_back(
            {std::to_string(++number) + ".", std::move(text), q->open ? palette::text() : palette::muted()});
    }
    // While the presenter reflects, the notes come last: they are the newest.
    if (m_state.live().captureKind() == CaptureKind::Reflection)
        for (const auto* d : m_state.live().currentMembers())
            for (const auto& p : nonEmptyLines(d->reflection))
                entries.push_back({"", p, palette::accent()});
    if (entries.empty()) {
        widgets::textColoured(palette::muted(), "No questions yet.");
        return;
    }
    drawNewest(entries, height, "earlier question", "earlier questions");
}

void LiveView::drawPracticeCards(float height) {
    const auto& agenda = m_state.workshop()->agenda();
    const auto list = m_state.live().practices();
    if (list.empty()) {
        widgets::textColoured(palette::muted(), "No ideas or practices yet.");
        return;
    }
    // Two cards a row, newest last; the rows that do not fit fold into one line above.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float em = ImGui::GetFontSize();
    const float gap = 0.6f * em;
    const float cardWidth = (ImGui::GetContentRegionAvail().x - gap) / 2.0f;
    const float inner = cardWidth - 2.0f * 0.5f * em;
    struct Card {
        std::string title, details; // details: where it was done · who suggested it
        float height = 0.0f;
    };
    std::vector<Card> cards;
    for (const auto* p : list) {
        Card card{ellipsize(p->title, 200), originLine(p->city, p->country)};
        if (const auto* by = agenda.person(p->suggestedBy))
            card.details += (card.details.empty() ? "" : " · ") + by->name;
        ImGui::PushFont(stageFonts().bold);
        card.height = ImGui::CalcTextSize(card.title.c_str(), nullptr, false, inner).y;
        ImGui::PopFont();
        if (!card.details.empty()) card.height += ImGui::GetTextLineHeight();
        card.height += 2.0f * 0.4f * em;
        cards.push_back(std::move(card));
    }
    std::vector<float> rows;
    for (std::size_t i = 0; i < cards.size(); i += 2)
        rows.push_back(std::max(cards[i].height, i + 1 < cards.size() ? cards[i + 1].height : 0.0f) + gap);
    const std::size_t firstRow = firstInView(rows, height, ImGui::GetTextLineHeightWithSpacing());
    if (firstRow > 0)
        widgets::textColoured(palette::muted(), plural(firstRow * 2, "earlier practice", "earlier practices"),
                              false);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (std::size_t row = firstRow; row < rows.size(); ++row) {
        const ImVec2 rowAt = ImGui::GetCursorScreenPos();
        for (std::size_t column = 0; column < 2; ++column) {
            const std::size_t i = row * 2 + column;
            if (i >= cards.size()) break;
            const Card& card = cards[i];
            const ImVec2 at(rowAt.x + static_cast<float>(column) * (cardWidth + gap), rowAt.y);
            draw->AddRectFilled(at, ImVec2(at.x + cardWidth, at.y + rows[row] - gap),
                                ImGui::GetColorU32(palette::chip()), style.FrameRounding * 2.0f);
            ImGui::SetCursorScreenPos(ImVec2(at.x + 0.5f * em, at.y + 0.4f * em));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
            widgets::textInFont(stageFonts().bold, card.title);
            ImGui::PopTextWrapPos();
            if (!card.details.empty()) {
                // A new line starts at the window's edge: put it back inside the card.
                ImGui::SetCursorScreenPos(ImVec2(at.x + 0.5f * em, ImGui::GetCursorScreenPos().y));
                widgets::textColoured(palette::muted(), widgets::fitText(card.details, inner), false);
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(rowAt.x, rowAt.y + rows[row]));
    }
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
}

} // namespace plenary::ui
