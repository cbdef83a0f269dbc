// The figures of a round, drawn with ImGui's draw lists: a ring's own priorities (round 1), the
// statement × ring heat map of support with each ring's shift (round 2), the consensus board
// (round 3). The same drawing serves the console and, in the stage fonts, the room. Colour never
// carries meaning alone: every cell and bar has its number, every status its word and mark, every
// ring column its name.
#include "ui/RingsView.hpp"

#include "core/Text.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

namespace plenary::ui {

using namespace plenary::core;

namespace {


// "▲ 12" / "▼ 8" / "= 0": a shift in percentage points, with its direction as a mark.
std::string shiftLabel(double delta) {
    const int points = static_cast<int>(std::lround(delta * 100.0));
    if (points > 0) return "▲" + std::to_string(points);
    if (points < 0) return "▼" + std::to_string(-points);
    return "=0";
}

// A sequential ramp for the heat map, one hue, readable on a projector in both themes.
ImVec4 heat(double share) {
    const float t = static_cast<float>(std::clamp(share, 0.0, 1.0));
    const ImVec4 low = palette::dark() ? ImVec4(0.16f, 0.18f, 0.22f, 1) : ImVec4(0.93f, 0.95f, 0.98f, 1);
    const ImVec4 high = palette::dark() ? ImVec4(0.30f, 0.55f, 0.95f, 1) : ImVec4(0.10f, 0.28f, 0.62f, 1);
    return ImVec4(low.x + (high.x - low.x) * t, low.y + (high.y - low.y) * t, low.z + (high.z - low.z) * t, 1);
}

void textAt(const ImVec2& at, const ImVec4& colour, const std::string& text) {
    ImGui::SetCursorScreenPos(at);
    widgets::textColoured(colour, text, false);
}

// A bar of `share` in `colour` with its label beside or inside it.
void bar(ImDrawList* draw, ImVec2 at, float width, float height, double share, const ImVec4& colour,
         const std::string& label) {
    const ImU32 frame = ImGui::GetColorU32(palette::chip());
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), frame, 0.1f * height);
    const float filled = width * static_cast<float>(std::clamp(share, 0.0, 1.0));
    if (filled > 0) draw->AddRectFilled(at, ImVec2(at.x + filled, at.y + height), ImGui::GetColorU32(colour), 0.1f * height);
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    // The label sits where it reads best: on the filled part if it fits there, else after it.
    const bool inside = filled >= size.x + 0.4f * height;
    const ImVec4 ink = inside ? palette::textOn(colour) : palette::text();
    const float x = inside ? at.x + 0.2f * height : std::min(at.x + filled + 0.2f * height, at.x + width - size.x);
    textAt(ImVec2(x, at.y + (height - size.y) / 2), ink, label);
}

// A ring's name over at most two lines, broken between words (never inside one: a word too long
// for the column is cut with "…").
void ringName(const ImVec2& at, const std::string& name, float width) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < name.size()) {
        const std::size_t space = name.find(' ', start);
        const std::size_t end = space == std::string::npos ? name.size() : space;
        if (end > start) words.push_back(name.substr(start, end - start));
        start = end + 1;
    }
    std::string first, second;
    std::size_t i = 0;
    for (; i < words.size(); ++i) {
        const std::string candidate = first.empty() ? words[i] : first + " " + words[i];
        if (!first.empty() && ImGui::CalcTextSize(candidate.c_str()).x > width) break;
        first = candidate;
    }
    for (; i < words.size(); ++i)
        second += (second.empty() ? "" : " ") + words[i];
    textAt(at, palette::text(), widgets::fitText(first, width));
    if (!second.empty())
        textAt(ImVec2(at.x, at.y + ImGui::GetTextLineHeight()), palette::text(), widgets::fitText(second, width));
}

struct FontScope {
    explicit FontScope(ImFont* font) { ImGui::PushFont(font); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

ImFont* bodyFont(bool room) {
    const Fonts& f = fonts();
    return room && f.stage() ? f.stageBody : f.body;
}
ImFont* boldFont(bool room) {
    const Fonts& f = fonts();
    return room && f.stage() ? f.stageBold : f.bold;
}

} // namespace

void RingsView::drawFigures(float height, bool room) {
    const int round = m_state.worker().conference().round();
    if (round == 1)
        drawPriorities(height, room);
    else if (round == 2)
        drawHeatMap(height, room);
    else
        drawBoard(height, room);
}

// Round 1: the current ring's statements by its own support, and nothing of any other ring.
void RingsView::drawPriorities(float height, bool room) {
    auto& conference = m_state.worker().conference();
    const Ring* ring = conference.currentRing();
    if (!ring) return;
    const bool dots = conference.scale().dots;
    const FontScope font(bodyFont(room));
    {
        const FontScope bold(boldFont(room));
        widgets::textColoured(palette::fromHex(ring->colour), "Priorities of " + ring->name, false);
    }
    // The ring's own statements, ordered as the board ranks them in round 1.
    std::vector<const StatementResult*> ranked;
    for (const auto& r : conference.board(1).ranked) {
        const Statement* s = conference.statement(r.statement);
        if (s && s->ring == ring->id) ranked.push_back(&r);
    }
    if (ranked.empty()) {
        widgets::textColoured(palette::muted(), "No statements yet.");
        return;
    }
    const float em = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float barWidth = std::min(9.0f * em, width * 0.35f);
    const float lineHeight = 2.0f * ImGui::GetTextLineHeight() + 0.5f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float top = ImGui::GetCursorScreenPos().y;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const StatementResult& r = *ranked[i];
        const Statement* s = conference.statement(r.statement);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (at.y + lineHeight > top + height) {
            widgets::textColoured(palette::muted(), std::to_string(ranked.size() - i) + " more", false);
            break;
        }
        const RingResult* mine = nullptr;
        for (const auto& rr : r.rings)
            if (rr.ring == ring->id) mine = &rr;
        const double share = !mine ? 0.0 : dots ? mine->dotShare : mine->share;
        const std::string label = !mine ? "no votes" : dots ? std::to_string(mine->dots) + " dots" : percentText(share);
        bar(draw, ImVec2(at.x, at.y + 0.1f * em), barWidth, ImGui::GetTextLineHeight(), share,
            palette::fromHex(ring->colour), label);
        const float textX = at.x + barWidth + 0.5f * em;
        ImGui::SetCursorScreenPos(ImVec2(textX, at.y));
        widgets::textLines(palette::text(), std::to_string(i + 1) + ". " + s->text, at.x + width - textX, 2);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + lineHeight));
    }
}

// Round 2: every statement × every ring, the support share of the figures' round in each cell
// (darker is more support), its number, and how far the ring moved since round 1.
void RingsView::drawHeatMap(float height, bool room) {
    auto& conference = m_state.worker().conference();
    const auto& rings = conference.rings();
    if (rings.empty()) return;
    const int round = conference.figuresRound();
    const bool dots = conference.scale().dots;
    const FontScope font(bodyFont(room));
    const float top = ImGui::GetCursorScreenPos().y;
    const float em = ImGui::GetFontSize();
    const auto& statements = conference.statementsIn(2, 0);
    {
        const FontScope bold(fonts().bold); // a label: the console's size, the rows get the room
        widgets::text(round >= 2 ? (dots ? "Share of each ring's dots, round " : "Support per ring, round ") +
                                       std::to_string(round) + " (▲▼ since round 1)"
                                 : std::string(dots ? "Share of each ring's dots, round 1" : "Support per ring, round 1"));
    }
    const float width = ImGui::GetContentRegionAvail().x;
    // The console names statements by their number in the grid beside it; the room reads them.
    const float textWidth = room ? std::max(8.0f * em, width * 0.4f) : 2.4f * em;
    const float cell = std::min(7.0f * em, (width - textWidth) / static_cast<float>(rings.size()));
    const float line = ImGui::GetTextLineHeight();
    // The console's rows are two lines (each cell's share over its shift); the room's are one, so
    // every statement fits on its screen in the stage font.
    const int lines = room ? 1 : 2;
    const float rowHeight = static_cast<float>(lines) * line + 0.4f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The head: each ring's name in its colour, over a bar of that colour, and its top three.
    ImVec2 at = ImGui::GetCursorScreenPos();
    for (std::size_t c = 0; c < rings.size(); ++c) {
        const float x = at.x + textWidth + cell * static_cast<float>(c);
        const ImVec4 colour = palette::fromHex(rings[c].colour);
        draw->AddRectFilled(ImVec2(x + 0.1f * em, at.y), ImVec2(x + cell - 0.1f * em, at.y + 0.25f * em),
                            ImGui::GetColorU32(colour));
        {
            const FontScope small(fonts().bold); // ring names as labels, at the console's size
            ringName(ImVec2(x + 0.2f * em, at.y + 0.3f * em), rings[c].name, cell - 0.3f * em);
        }
    }
    // The head is labels in the console's bold, two lines high (a ring's name may take two).
    {
        const FontScope small(fonts().bold);
        const float label = ImGui::GetTextLineHeight();
        textAt(ImVec2(at.x, at.y + 0.3f * em + label), palette::muted(), "Statement");
        at.y += 0.3f * em + 2.0f * label + 0.3f * em;
    }
    ImGui::SetCursorScreenPos(at);
    // The room's screen folds what does not fit; the console scrolls.
    // Room for the folded line and the top priorities (two lines) under the rows.
    const float bottom = room ? top + height - 3.2f * ImGui::GetTextLineHeightWithSpacing() : 1e30f;
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const Statement& s = *statements[i];
        at = ImGui::GetCursorScreenPos();
        if (at.y + rowHeight > bottom) {
            widgets::textColoured(palette::muted(), std::to_string(statements.size() - i) + " more statements", false);
            break;
        }
        // The console scrolls through every statement: only the rows in view are drawn.
        if (!ImGui::IsRectVisible(at, ImVec2(at.x + width, at.y + rowHeight))) {
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + rowHeight));
            continue;
        }
        if (const Ring* from = conference.findRing(s.ring))
            draw->AddRectFilled(at, ImVec2(at.x + 0.25f * em, at.y + rowHeight - 0.1f * em),
                                ImGui::GetColorU32(palette::fromHex(from->colour)));
        ImGui::SetCursorScreenPos(ImVec2(at.x + 0.5f * em, at.y + 0.2f * em));
        widgets::textLines(palette::text(), room ? std::to_string(i + 1) + ". " + s.text : std::to_string(i + 1) + ".",
                           textWidth - 0.8f * em, lines);
        for (std::size_t c = 0; c < rings.size(); ++c) {
            const float x = at.x + textWidth + cell * static_cast<float>(c);
            const ImVec2 a(x + 0.05f * em, at.y), b(x + cell - 0.05f * em, at.y + rowHeight - 0.1f * em);
            const auto share = conference.share(round, s.id, rings[c].id);
            if (!share) {
                draw->AddRect(a, b, ImGui::GetColorU32(palette::chip()));
                textAt(ImVec2(a.x + 0.3f * em, at.y + 0.2f * em), palette::muted(), "–");
                continue;
            }
            const ImVec4 bg = heat(*share);
            draw->AddRectFilled(a, b, ImGui::GetColorU32(bg));
            std::string label = percentText(*share);
            const Shift* shift = round >= 2 ? conference.shift(round, s.id, rings[c].id) : nullptr;
            // The shift beside the share when the cell is wide enough, else under it.
            const bool beside = shift && (lines == 1 || ImGui::CalcTextSize((label + " ▲00").c_str()).x < cell - 0.4f * em);
            if (shift && beside) label += " " + shiftLabel(shift->delta);
            textAt(ImVec2(a.x + 0.2f * em, at.y + 0.2f * em), palette::textOn(bg), label);
            if (shift && !beside)
                textAt(ImVec2(a.x + 0.2f * em, at.y + 0.2f * em + line), palette::textOn(bg), shiftLabel(shift->delta));
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + rowHeight));
    }
    // Each ring's top priorities, by the number of their row.
    ImGui::Spacing();
    const std::string& tops = conference.topPriorities(round);
    if (!tops.empty()) widgets::textColoured(palette::muted(), "Top priorities — " + tops);
}

// Round 3: the ranked list with its consensus status, GAC, divisiveness and each ring's support as
// a bar in the ring's colour; for dot voting each ring's dots and its share.
void RingsView::drawBoard(float height, bool room) {
    auto& conference = m_state.worker().conference();
    const auto& rings = conference.rings();
    const int round = conference.figuresRound();
    const bool dots = conference.scale().dots;
    const auto& ranked = conference.board(round).ranked;
    const FontScope font(bodyFont(room));
    const float top = ImGui::GetCursorScreenPos().y;
    const float em = ImGui::GetFontSize();
    {
        const FontScope bold(fonts().bold); // a label: the console's size, the rows get the room
        widgets::text((dots ? "Dots, round " : "Consensus, round ") + std::to_string(round) +
                      (dots ? "" : " — threshold " + percentText(conference.threshold())));
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float rankWidth = 1.8f * em;
    // The console marks the status (✓ ✗); the room reads the word too.
    const float statusWidth = dots ? 0.0f : 1.4f * em;
    // GAC over divisiveness in the console; the room reads GAC (its rows are one line).
    const float numberWidth = dots ? 3.0f * em : room ? 2.8f * em : 4.6f * em;
    const float ringWidth = std::clamp(width * 0.45f / std::max<std::size_t>(1, rings.size()), 2.6f * em,
                                       room ? 3.4f * em : 5.0f * em);
    const float textWidth = std::max(5.0f * em, width - rankWidth - statusWidth - numberWidth -
                                                    ringWidth * static_cast<float>(rings.size()));
    const float line = ImGui::GetTextLineHeight();
    const int lines = room ? 1 : 2;
    const float rowHeight = room ? line + 0.3f * em : 2.0f * line + 0.4f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float ringsX = at.x + rankWidth + statusWidth + textWidth + numberWidth;
    float label = 0;
    {
        const FontScope small(fonts().bold);
        label = ImGui::GetTextLineHeight();
        const float y = at.y + 0.3f * em + label; // on the head's second line, over the rows
        textAt(ImVec2(at.x + rankWidth + statusWidth, y), palette::muted(), "Statement");
        textAt(ImVec2(at.x + rankWidth + statusWidth + textWidth, y), palette::muted(), dots ? "dots" : "GAC");
    }
    for (std::size_t c = 0; c < rings.size(); ++c) {
        const float x = ringsX + ringWidth * static_cast<float>(c);
        draw->AddRectFilled(ImVec2(x + 0.1f * em, at.y), ImVec2(x + ringWidth - 0.1f * em, at.y + 0.25f * em),
                            ImGui::GetColorU32(palette::fromHex(rings[c].colour)));
        const FontScope small(fonts().bold); // ring names as labels, at the console's size
        ringName(ImVec2(x + 0.1f * em, at.y + 0.3f * em), rings[c].name, ringWidth - 0.2f * em);
    }
    at.y += 0.3f * em + 2.0f * label + 0.3f * em;
    // Room for the folded line and the legend under the rows.
    const float bottom = room ? top + height - 2.2f * ImGui::GetTextLineHeightWithSpacing() : 1e30f;
    // Counted over every statement, the folded ones too.
    const auto reached =
        std::count_if(ranked.begin(), ranked.end(), [](const StatementResult& r) { return r.reached; });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const StatementResult& r = ranked[i];
        if (at.y + rowHeight > bottom) {
            textAt(at, palette::muted(), std::to_string(ranked.size() - i) + " more statements");
            at.y += rowHeight;
            break;
        }
        const Statement* s = conference.statement(r.statement);
        if (!s) continue;
        if (!ImGui::IsRectVisible(at, ImVec2(at.x + width, at.y + rowHeight))) { // only the rows in view
            at.y += rowHeight;
            continue;
        }
        // A statement that reached consensus is marked with a band, a mark and a word.
        if (r.reached)
            draw->AddRectFilled(at, ImVec2(at.x + width, at.y + rowHeight - 0.1f * em),
                                ImGui::GetColorU32(ImVec4(palette::good().x, palette::good().y, palette::good().z, 0.18f)));
        textAt(ImVec2(at.x, at.y + 0.2f * em), palette::muted(), std::to_string(r.rank) + ".");
        if (!dots) {
            const char* status = !r.hasVotes ? "–" : r.reached ? "✓" : r.blocked ? "✗" : "·";
            const ImVec4 colour = r.reached ? palette::good() : r.blocked ? palette::danger() : palette::muted();
            textAt(ImVec2(at.x + rankWidth, at.y + 0.2f * em), colour, status);
        }
        const int number = conference.number(s->id);
        std::string text = (number != 0 ? std::to_string(number) + ". " : std::string{}) + s->text;
        if (const int merged = conference.mergedCount(s->id); merged > 0)
            text += " (+" + std::to_string(merged) + " merged)";
        ImGui::SetCursorScreenPos(ImVec2(at.x + rankWidth + statusWidth, at.y + 0.2f * em));
        widgets::textLines(palette::text(), text, textWidth - 0.5f * em, lines);
        char gac[24], divisive[24];
        std::snprintf(gac, sizeof gac, dots ? "%.0f" : room ? "%.2f" : "GAC %.2f", dots ? double(r.totalDots) : r.gac);
        std::snprintf(divisive, sizeof divisive, "div. %.2f", r.divisiveness);
        const float numbersX = at.x + rankWidth + statusWidth + textWidth;
        textAt(ImVec2(numbersX, at.y + 0.2f * em), palette::text(), r.hasVotes || dots ? gac : "–");
        if (!dots && r.hasVotes && !room) textAt(ImVec2(numbersX, at.y + 0.2f * em + line), palette::muted(), divisive);
        for (std::size_t c = 0; c < rings.size(); ++c) {
            const float x = ringsX + ringWidth * static_cast<float>(c);
            const RingResult* rr = nullptr;
            for (const auto& each : r.rings)
                if (each.ring == rings[c].id) rr = &each;
            if (!rr) {
                textAt(ImVec2(x + 0.2f * em, at.y + 0.2f * em), palette::muted(), "–");
                continue;
            }
            // The number over a bar of the ring's colour: the bar shows it, the number says it.
            const double share = dots ? rr->dotShare : rr->share;
            const std::string figure = (dots ? std::to_string(rr->dots) : percentText(share)) + (rr->blocked ? " ✗" : "");
            textAt(ImVec2(x + 0.2f * em, at.y + 0.05f * em), rr->blocked ? palette::danger() : palette::text(), figure);
            // Under the digits (which have no descenders), so the row stays one line high.
            const float barTop = at.y + line - (room ? 0.08f : -0.1f) * em;
            const ImVec2 a(x + 0.2f * em, barTop), b(x + ringWidth - 0.2f * em, barTop + (room ? 0.2f : 0.3f) * em);
            draw->AddRectFilled(a, b, ImGui::GetColorU32(palette::chip()));
            draw->AddRectFilled(a, ImVec2(a.x + (b.x - a.x) * static_cast<float>(std::clamp(share, 0.0, 1.0)), b.y),
                                ImGui::GetColorU32(palette::fromHex(rings[c].colour)));
        }
        at.y += rowHeight;
    }
    ImGui::SetCursorScreenPos(at);
    // The marks' meaning, so that no colour has to carry it.
    if (!dots)
        widgets::textColoured(palette::muted(), "✓ " + std::to_string(reached) + " of " + std::to_string(ranked.size()) +
                                                    " reached consensus (every ring ≥ " + percentText(conference.threshold()) +
                                                    ", no block) · ✗ blocked");
}

} // namespace plenary::ui
