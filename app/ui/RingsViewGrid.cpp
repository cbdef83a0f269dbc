// The tally grid: per statement, the count for each level of the scale, typed with keys only —
// digits into the cell under the cursor, arrows, Enter (down), Tab (right). Each keystroke is in
// the file at once; the keystrokes typed into one cell are one undo step.
#include "ui/RingsView.hpp"

#include "core/Rounds.hpp"
#include "core/Text.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace plenary::ui {

using namespace plenary::core;

namespace {

// What a column's head says: the level's number where the label starts with it ("3 — will
// support"), else the label ("agree"); the full label is the head's tooltip.
std::string shortLabel(const ScaleLevel& level, const VoteScale& scale) {
    if (scale.dots) return "dots";
    if (!level.label.empty() && level.label[0] >= '0' && level.label[0] <= '9') return std::to_string(level.value);
    if (scale.key == "gradients") return std::to_string(level.value);
    return level.label;
}


} // namespace

void RingsView::finishCell() {
    m_editing = false;
    m_cellText.clear();
    m_cellStretch = 0;
}

void RingsView::typeIntoCell(const std::vector<const Statement*>& rows, const std::string& typed) {
    auto& conference = m_state.worker().conference();
    const auto& levels = conference.scale().levels;
    if (rows.empty() || m_column >= static_cast<int>(levels.size()) || m_row >= static_cast<int>(rows.size()))
        return;
    const Id statement = rows[static_cast<std::size_t>(m_row)]->id;
    const int level = levels[static_cast<std::size_t>(m_column)].value;
    if (!m_editing) m_cellStretch = widgets::newStretch();
    // The count is written as typed, into the round and ring on screen when it was typed (a click
    // on a ring chip in the same frame runs first); what cannot be a count is refused.
    m_state.later([this, statement, level, typed, stretch = m_cellStretch, round = conference.round(),
                   ring = conference.ring()] {
        auto& c = m_state.worker().conference();
        if (c.setCount(round, ring, statement, level, typed, stretch)) {
            m_editing = true;
            m_cellText = typed;
            m_cell = {c.round(), c.ring(), statement, level};
        }
    });
}

void RingsView::handleGridKeys(const std::vector<const Statement*>& rows, int columns) {
    const ImGuiIO& io = ImGui::GetIO();
    auto& conference = m_state.worker().conference();
    const int rowCount = static_cast<int>(rows.size());
    auto move = [&](int dRow, int dColumn) {
        finishCell();
        m_row = std::clamp(m_row + dRow, 0, std::max(0, rowCount - 1));
        m_column = std::clamp(m_column + dColumn, 0, std::max(0, columns - 1));
        m_scrollToCursor = true;
    };
    if (io.KeyCtrl || io.KeyAlt) return; // the program's shortcuts
    if (ImGui::IsKeyPressed(keys::Down)) move(1, 0);
    if (ImGui::IsKeyPressed(keys::Up)) move(-1, 0);
    if (ImGui::IsKeyPressed(keys::Right)) move(0, 1);
    if (ImGui::IsKeyPressed(keys::Left)) move(0, -1);
    if (ImGui::IsKeyPressed(keys::Enter, false) || ImGui::IsKeyPressed(keys::KeypadEnter, false)) move(1, 0);
    if (ImGui::IsKeyPressed(keys::Tab)) {
        // Tab runs along a row and on to the next one (Shift+Tab back).
        finishCell();
        int at = m_row * columns + m_column + (io.KeyShift ? -1 : 1);
        at = std::clamp(at, 0, std::max(0, rowCount * columns - 1));
        m_row = at / std::max(1, columns);
        m_column = at % std::max(1, columns);
        m_scrollToCursor = true;
    }
    if (ImGui::IsKeyPressed(keys::Home, false)) move(0, -columns);
    if (ImGui::IsKeyPressed(keys::End, false)) move(0, columns);
    if (rows.empty()) return;
    const Id statement = rows[static_cast<std::size_t>(std::min(m_row, rowCount - 1))]->id;
    const auto& levels = conference.scale().levels;
    if (m_column >= static_cast<int>(levels.size())) return;
    const int level = levels[static_cast<std::size_t>(m_column)].value;
    if (ImGui::IsKeyPressed(keys::Delete, false)) {
        finishCell();
        typeIntoCell(rows, "0");
    }
    if (ImGui::IsKeyPressed(keys::Backspace)) {
        std::string text = m_editing ? m_cellText : std::to_string(conference.count(statement, level));
        if (!text.empty()) text.pop_back();
        typeIntoCell(rows, text);
    }
    if (ImGui::IsKeyPressed(keys::M, false) && conference.round() >= 3) {
        if (m_mergeFrom == 0)
            m_mergeFrom = statement;
        else {
            const Id from = m_mergeFrom;
            m_mergeFrom = 0;
            m_state.later([this, from, statement] { m_state.worker().conference().merge(from, statement); });
        }
    }
    if (ImGui::IsKeyPressed(keys::Escape, false)) {
        m_mergeFrom = 0;
        finishCell();
    }
    // Typed characters: digits make the count; anything else is offered to the rules, which refuse
    // it with a message ("-", "x"), and the cell keeps its count. The characters of one frame go
    // in together: the cell's text is only updated once the count is saved, after the frame.
    std::string typed = m_editing ? m_cellText : std::string{};
    bool any = false;
    for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
        const ImWchar c = io.InputQueueCharacters[i];
        if ((c == 'm' || c == 'M') && conference.round() >= 3) continue; // merge, above; before round 3 a letter like any other
        if (c < 32) continue;
        appendUtf8(typed, static_cast<char32_t>(c));
        any = true;
    }
    if (any) typeIntoCell(rows, typed);
}

void RingsView::drawGrid(float height) {
    auto& conference = m_state.worker().conference();
    const Ring* ring = conference.currentRing();
    if (!ring) return;
    const auto& rows = conference.statements();
    const VoteScale& scale = conference.scale();
    const int columns = static_cast<int>(scale.levels.size());
    const float em = ImGui::GetFontSize();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID gridId = window->GetID("##tally-grid");

    // What is being typed belongs to one cell of one ring's grid in one round. When the cursor's
    // cell is another (PageDown to the next ring or round) or holds another count (Ctrl+Z), the
    // next digit starts a new count instead of going on from the old one.
    if (m_editing) {
        const int row = std::clamp(m_row, 0, std::max(0, static_cast<int>(rows.size()) - 1));
        std::string why;
        const auto typedCount = parseCount(m_cellText, why);
        const bool same =
            !rows.empty() && m_column < columns &&
            m_cell == std::tuple{conference.round(), ring->id, rows[static_cast<std::size_t>(row)]->id,
                                 scale.levels[static_cast<std::size_t>(m_column)].value};
        if (!same || !typedCount || conference.count(std::get<2>(m_cell), std::get<3>(m_cell)) != *typedCount)
            finishCell();
    }

    // The grid has the keyboard unless a field took it. It holds ImGui's active id so that arrows
    // and Tab move its cursor instead of ImGui's keyboard navigation.
    if (g.ActiveId != 0 && g.ActiveId != gridId) m_gridHasKeys = false;
    const bool keys = m_gridHasKeys && !m_state.readOnly() && !m_state.overlayOpen();
    // The rows may be fewer than last frame (a merge, another ring or round): the cursor first.
    m_row = std::clamp(m_row, 0, std::max(0, static_cast<int>(rows.size()) - 1));
    m_column = std::clamp(m_column, 0, std::max(0, columns - 1));
    if (keys) {
        if (g.ActiveId == 0) ImGui::SetActiveID(gridId, window);
        if (g.ActiveId == gridId) {
            g.ActiveIdUsingNavDirMask = ~0u;
            g.ActiveIdUsingNavInputMask = ~0u;
            g.ActiveIdUsingKeyInputMask = ~0ull;
            g.ActiveIdAllowOverlap = true; // the mouse still reaches every button on the screen
            ImGui::KeepAliveID(gridId);
            handleGridKeys(rows, columns);
        }
    } else if (g.ActiveId == gridId) {
        ImGui::ClearActiveID();
    }
    m_row = std::clamp(m_row, 0, std::max(0, static_cast<int>(rows.size()) - 1));
    m_column = std::clamp(m_column, 0, std::max(0, columns - 1));

    // Column widths: each level as wide as its head (at least 2.6 em), then votes and support.
    std::vector<float> widths;
    for (const auto& level : scale.levels)
        widths.push_back(std::max(2.6f * em, ImGui::CalcTextSize(shortLabel(level, scale).c_str()).x + 0.8f * em));
    const float votesWidth = 3.2f * em;
    const float shareWidth = scale.dots ? 0.0f : 3.6f * em;
    float cellsWidth = votesWidth + shareWidth;
    for (float w : widths)
        cellsWidth += w;
    const float full = ImGui::GetContentRegionAvail().x;
    const float textWidth = std::max(6.0f * em, full - cellsWidth);
    // Two lines of the statement per row: enough to tell statements apart, same height for all.
    const float rowHeight = 2.0f * ImGui::GetTextLineHeight() + 0.5f * em;
    const float cellHeight = ImGui::GetTextLineHeight() + 0.5f * em;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 line = ImGui::GetColorU32(palette::chip());

    // The head: the levels, support marked ✓ and block ✗ (the mark, not only the colour).
    const ImVec2 head = ImGui::GetCursorScreenPos();
    widgets::textColoured(palette::muted(), widgets::fitText(ring->name + " · " + scale.name, textWidth - 0.5f * em), false);
    float x = head.x + textWidth;
    for (int c = 0; c < columns; ++c) {
        const auto& level = scale.levels[static_cast<std::size_t>(c)];
        std::string label = shortLabel(level, scale);
        if (!scale.dots && level.support) label += "✓";
        if (level.block) label += "✗";
        const ImVec4 colour = level.block ? palette::danger() : level.support ? palette::good() : palette::muted();
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        ImGui::SetCursorScreenPos(ImVec2(x + (widths[static_cast<std::size_t>(c)] - w) / 2, head.y));
        widgets::textColoured(colour, label, false);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", level.label.c_str());
        x += widths[static_cast<std::size_t>(c)];
    }
    ImGui::SetCursorScreenPos(ImVec2(x, head.y));
    widgets::textColoured(palette::muted(), "votes", false);
    if (!scale.dots) {
        ImGui::SetCursorScreenPos(ImVec2(x + votesWidth, head.y));
        widgets::textColoured(palette::muted(), "support", false);
    }
    ImGui::SetCursorScreenPos(ImVec2(head.x, head.y + cellHeight));

    const auto& warnings = conference.warnings();
    const float footer = cellHeight * (1.0f + 2.0f * static_cast<float>(warnings.size())) + 0.5f * em;
    ImGui::BeginChild("grid-rows", ImVec2(0, std::max(2.0f * rowHeight, height - cellHeight - footer)), false);
    draw = ImGui::GetWindowDrawList();
    if (rows.empty())
        widgets::textColoured(palette::muted(), conference.round() == 1
                                                    ? "No statements yet: type the ring's first on the line above."
                                                    : "No statements yet.");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), rowHeight);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Statement& s = *rows[static_cast<std::size_t>(r)];
            const ImVec2 at = ImGui::GetCursorScreenPos();
            // Later rounds rate every ring's statements: a bar in the drafting ring's colour.
            if (conference.round() > 1)
                if (const Ring* from = conference.findRing(s.ring))
                    draw->AddRectFilled(at, ImVec2(at.x + 0.25f * em, at.y + rowHeight - 0.15f * em),
                                        ImGui::GetColorU32(palette::fromHex(from->colour)));
            // Round 1 numbers a ring's own list; later rounds keep each statement's one number, the
            // same as in the heat map and on the board (a merge leaves a gap, not a renumbering).
            const int number = conference.round() == 1 ? r + 1 : conference.number(s.id);
            std::string text = std::to_string(number) + ". " + s.text;
            // Provenance: what was merged into it, named in the tooltip with its ring.
            std::string tooltip = s.text;
            if (conference.mergedCount(s.id) > 0) {
                const auto merged = mergedInto(m_state.data(), s.id);
                text += " (+" + std::to_string(merged.size()) + " merged)";
                for (const Statement* m : merged) {
                    const Ring* from = conference.findRing(m->ring);
                    tooltip += "\n  merged: " + m->text + (from ? " (" + from->name + ")" : "");
                }
            }
            if (s.mergedInto != 0) text += " (merged)"; // rounds 1–2 show it; round 3 rates its target
            const bool picked = s.id == m_mergeFrom;
            ImGui::SetCursorScreenPos(ImVec2(at.x + 0.5f * em, at.y + 0.2f * em));
            widgets::textLines(picked ? palette::warning() : palette::text(), text, textWidth - 1.0f * em, 2);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip.c_str());
            const float cellTop = at.y + (rowHeight - cellHeight) / 2;
            float cx = at.x + textWidth;
            for (int c = 0; c < columns; ++c) {
                const int level = scale.levels[static_cast<std::size_t>(c)].value;
                const float w = widths[static_cast<std::size_t>(c)];
                const ImVec2 a(cx + 0.1f * em, cellTop), b(cx + w - 0.1f * em, cellTop + cellHeight - 0.1f * em);
                const bool cursor = r == m_row && c == m_column;
                draw->AddRect(a, b, line, 0.15f * em);
                ImGui::SetCursorScreenPos(a);
                const std::string cellId = "cell:" + std::to_string(s.id) + ":" + std::to_string(level);
                if (widgets::invisibleButton(("##" + cellId).c_str(), ImVec2(b.x - a.x, b.y - a.y), cellId)) {
                    finishCell();
                    m_row = r;
                    m_column = c;
                    m_gridHasKeys = true;
                }
                const int n = conference.count(s.id, level);
                std::string shown = cursor && m_editing ? m_cellText : (n == 0 ? "" : std::to_string(n));
                if (cursor && keys) {
                    draw->AddRect(a, b, ImGui::GetColorU32(palette::accent()), 0.15f * em, 0, 0.15f * em);
                    if (m_editing) shown += "|";
                }
                if (!shown.empty()) {
                    const float tw = ImGui::CalcTextSize(shown.c_str()).x;
                    ImGui::SetCursorScreenPos(ImVec2((a.x + b.x - tw) / 2, cellTop + 0.2f * em));
                    widgets::textColoured(palette::text(), shown, false);
                }
                cx += w;
            }
            // N and the support share, read-only.
            const int votes = conference.votesOn(conference.round(), ring->id, s.id);
            ImGui::SetCursorScreenPos(ImVec2(cx + 0.4f * em, cellTop + 0.2f * em));
            widgets::textColoured(palette::muted(), votes == 0 ? "–" : std::to_string(votes), false);
            if (!scale.dots) {
                const auto share = conference.share(conference.round(), s.id, ring->id);
                ImGui::SetCursorScreenPos(ImVec2(cx + votesWidth + 0.4f * em, cellTop + 0.2f * em));
                widgets::textColoured(palette::muted(), share ? percentText(*share) : "–", false);
            }
            if (r == m_row && m_scrollToCursor) {
                ImGui::SetScrollHereY(0.5f);
                m_scrollToCursor = false;
            }
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + rowHeight));
        }
    }
    clipper.End();
    ImGui::EndChild();

    // The ring's totals per level, and what the counts warn about (never a block).
    const auto& totals = conference.totals();
    const int all = totals.empty() ? 0 : totals.back();
    const ImVec2 foot = ImGui::GetCursorScreenPos();
    widgets::textColoured(palette::muted(), widgets::fitText("Total of " + ring->name, textWidth - 0.5f * em), false);
    x = foot.x + textWidth;
    for (int c = 0; c < columns; ++c) {
        const std::string t = std::to_string(totals[static_cast<std::size_t>(c)]);
        const float w = widths[static_cast<std::size_t>(c)];
        ImGui::SetCursorScreenPos(ImVec2(x + (w - ImGui::CalcTextSize(t.c_str()).x) / 2, foot.y));
        widgets::textColoured(palette::muted(), t, false);
        x += w;
    }
    ImGui::SetCursorScreenPos(ImVec2(x + 0.4f * em, foot.y));
    widgets::textColoured(palette::muted(), std::to_string(all), false);
    ImGui::SetCursorScreenPos(ImVec2(foot.x, foot.y + cellHeight));
    for (const auto& w : warnings)
        widgets::textColoured(palette::warning(), "⚠ " + w);
}

} // namespace plenary::ui
