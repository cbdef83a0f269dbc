#include "ui/ReportView.hpp"

#include "core/Report.hpp"
#include "ui/AppState.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace plenary::ui {

using Kind = ReportItem::Kind;

void ReportView::drawToolbar() {
    if (widgets::button("← Back")) m_state.setScreen(m_state.returnScreen());
    ImGui::SameLine();
    if (widgets::button("Export… (Ctrl+E)", "export-dialog")) m_state.openExport();
    ImGui::SameLine();
    widgets::checkbox("Anonymised", &m_anonymised, "anonymised");
    ImGui::SameLine(0.0f, ImGui::GetFontSize());
    const float room = ImGui::GetContentRegionAvail().x;
    if (!m_state.message().empty())
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), widgets::fitText(m_state.message(), room),
                              false);
    else
        widgets::textColoured(palette::muted(),
                              widgets::fitText("The report as every export writes it (Web page, Word, Excel, CSV…)", room),
                              false);
}

void ReportView::drawItem(std::size_t index, float left, float width) {
    const ReportItem& item = m_items[index];
    const float em = ImGui::GetFontSize();
    switch (item.kind) {
    case Kind::Title:
        widgets::textInFont(fonts().heading, item.text);
        break;
    case Kind::Meta:
        widgets::textColoured(palette::muted(), item.text);
        break;
    case Kind::Section:
        ImGui::Dummy(ImVec2(0, 0.8f * em));
        ImGui::SetCursorPosX(left);
        widgets::textInFont(fonts().heading, item.text);
        ImGui::Separator();
        break;
    case Kind::Heading:
        ImGui::Dummy(ImVec2(0, 0.4f * em));
        ImGui::SetCursorPosX(left);
        widgets::textInFont(fonts().bold, item.text);
        break;
    case Kind::Label:
        ImGui::PushFont(fonts().bold);
        widgets::textColoured(palette::accent(), item.text);
        ImGui::PopFont();
        break;
    case Kind::Paragraph:
        widgets::textWrapped(item.text);
        break;
    case Kind::Bullet: {
        const float x = ImGui::GetCursorPosX();
        widgets::text("•");
        ImGui::SameLine(x + 1.0f * em);
        widgets::textWrapped(item.text);
        break;
    }
    case Kind::Note:
        widgets::textColoured(palette::muted(), item.text);
        break;
    case Kind::HeaderRow:
    case Kind::Row: {
        // A table row: each column as wide as its widest cell (up to a limit), the first column
        // (the statement, the question) takes what they leave.
        static const std::vector<Column> none;
        const auto& columns = m_tableOf[index] >= 0 ? m_columns[static_cast<std::size_t>(m_tableOf[index])] : none;
        float wanted = 0.0f;
        float data = 0.0f;
        for (const auto& c : columns) {
            wanted += c.wanted;
            data += c.data;
        }
        // The first column keeps at least 40 % of the row: heads are cut before figures are.
        const float room = 0.6f * width;
        const float t = wanted <= room ? 1.0f : (wanted > data ? std::clamp((room - data) / (wanted - data), 0.0f, 1.0f) : 0.0f);
        const auto columnWidth = [&](std::size_t i) {
            if (i >= columns.size()) return 6.0f * em;
            return columns[i].data + (columns[i].wanted - columns[i].data) * t;
        };
        float others = 0.0f;
        for (std::size_t i = 0; i < columns.size(); ++i)
            others += columnWidth(i);
        const float first = std::max(10.0f * em, width - others);
        float x = ImGui::GetCursorPosX();
        if (item.kind == Kind::HeaderRow) ImGui::PushFont(fonts().bold);
        widgets::text(widgets::fitText(item.text, first - 0.5f * em));
        x += first;
        for (std::size_t i = 0; i < item.cells.size(); ++i) {
            const float cell = columnWidth(i);
            ImGui::SameLine(x);
            widgets::text(widgets::fitText(item.cells[i], cell - 0.5f * em));
            x += cell;
        }
        if (item.kind == Kind::HeaderRow) ImGui::PopFont();
        break;
    }
    }
}

void ReportView::measureTables() {
    const float em = ImGui::GetFontSize();
    m_columns.clear();
    m_tableOf.assign(m_items.size(), -1);
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const auto& item = m_items[i];
        if (item.kind == Kind::HeaderRow) m_columns.emplace_back(item.cells.size());
        if (item.kind != Kind::HeaderRow && item.kind != Kind::Row) continue;
        if (m_columns.empty()) continue;
        m_tableOf[i] = static_cast<int>(m_columns.size()) - 1;
        auto& widths = m_columns.back();
        const bool head = item.kind == Kind::HeaderRow;
        if (head) ImGui::PushFont(fonts().bold);
        for (std::size_t c = 0; c < item.cells.size() && c < widths.size(); ++c) {
            const float w = std::min(ImGui::CalcTextSize(item.cells[c].c_str()).x + 1.0f * em, 11.0f * em);
            widths[c].wanted = std::max(widths[c].wanted, w);
            if (!head) widths[c].data = std::max(widths[c].data, w);
        }
        if (item.kind == Kind::HeaderRow) ImGui::PopFont();
    }
}

void ReportView::scrollByKeys() {
    // A reading screen: PageDown/PageUp (what a clicker sends), ↑/↓ and Home/End scroll it.
    if (m_state.overlayOpen() || ImGui::GetIO().WantTextInput) return;
    const float page = ImGui::GetWindowHeight() * 0.9f;
    const float line = 3.0f * ImGui::GetTextLineHeightWithSpacing();
    float y = ImGui::GetScrollY();
    if (ImGui::IsKeyPressed(keys::PageDown)) y += page;
    if (ImGui::IsKeyPressed(keys::PageUp)) y -= page;
    if (ImGui::IsKeyPressed(keys::Down)) y += line;
    if (ImGui::IsKeyPressed(keys::Up)) y -= line;
    if (ImGui::IsKeyPressed(keys::Home, false)) y = 0.0f;
    // The end moves as heights are measured on the way: End follows it for a few frames.
    if (ImGui::IsKeyPressed(keys::End, false)) m_toEnd = 8;
    if (m_toEnd > 0) {
        --m_toEnd;
        y = ImGui::GetScrollMaxY();
    }
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, std::max(0.0f, ImGui::GetScrollMaxY())));
}

// A search result asks for its dilemma (or statement); a question or a practice is found among the
// dilemma's lines by its words.
void ReportView::findTarget() {
    auto& wanted = m_state.ui().reportTarget;
    if (!wanted || m_items.empty()) return;
    const bool statement = wanted->kind == "statement";
    const std::string anchorKind = statement ? "statement" : "dilemma";
    const core::Id anchor = statement ? wanted->ref : wanted->dilemma;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].anchorKind != anchorKind || m_items[i].anchor != anchor) continue;
        m_target = i;
        if (wanted->kind == "question" || wanted->kind == "practice") {
            // The practice's line starts with its title, which starts the text that matched.
            const std::string start = wanted->text.substr(0, std::min<std::size_t>(wanted->text.size(), 24));
            for (std::size_t j = i + 1; j < m_items.size() && m_items[j].kind != ReportItem::Kind::Heading &&
                                        m_items[j].kind != ReportItem::Kind::Section;
                 ++j)
                if (m_items[j].kind == ReportItem::Kind::Bullet && m_items[j].text.rfind(start, 0) == 0) {
                    m_target = j;
                    break;
                }
        }
        m_toTarget = 8; // heights above it are guesses until drawn once
        break;
    }
    wanted.reset();
}

void ReportView::scrollToTarget(float top) {
    if (m_toTarget <= 0 || m_target >= m_items.size()) return;
    --m_toTarget;
    const float guess = ImGui::GetTextLineHeightWithSpacing();
    float y = top;
    for (std::size_t i = 0; i < m_target; ++i)
        y += m_heights[i] > 0.0f ? m_heights[i] : guess;
    ImGui::SetScrollY(std::max(0.0f, y - 3.0f * ImGui::GetFontSize()));
}

void ReportView::drawContent() {
    drawToolbar();
    ImGui::Separator();
    auto* workshop = m_state.workshop();
    if (!workshop) return;
    auto& preview = m_state.worker().reportPreview();
    const core::Report& report = preview.report(*workshop, m_anonymised);
    if (preview.generation() != m_generation || ImGui::GetFontSize() != m_em) {
        m_generation = preview.generation();
        m_em = ImGui::GetFontSize();
        m_items = reportItems(report);
        m_heights.assign(m_items.size(), 0.0f);
        measureTables();
        m_target = static_cast<std::size_t>(-1);
    }
    findTarget();
    ImGui::BeginChild("report-body", ImVec2(0, 0), false);
    const float em = ImGui::GetFontSize();
    scrollByKeys();
    // A reading column: long lines are hard to follow on a wide screen.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail - 1.0f * em, 64.0f * em);
    const float left = std::max(0.5f * em, (avail - width) / 2);
    if (width != m_width) {
        m_width = width; // wrapping changes every height
        std::fill(m_heights.begin(), m_heights.end(), 0.0f);
    }
    // Only the items in view are drawn; the others are space of the height they had when last
    // drawn (a guess of one line until then).
    const float top = ImGui::GetScrollY() - 4.0f * em;
    const float bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + 4.0f * em;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float guess = ImGui::GetTextLineHeightWithSpacing();
    float y = ImGui::GetCursorPosY();
    scrollToTarget(y);
    float skipped = 0.0f;
    ImGui::PushTextWrapPos(left + width);
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const float height = m_heights[i] > 0.0f ? m_heights[i] : guess;
        if (y + height < top || y > bottom) {
            skipped += height;
            y += height;
            continue;
        }
        if (skipped > 0.0f) {
            ImGui::Dummy(ImVec2(1.0f, std::max(0.0f, skipped - spacing)));
            skipped = 0.0f;
        }
        const float before = ImGui::GetCursorPosY();
        ImGui::SetCursorPosX(left);
        ImGui::PushID(static_cast<int>(i));
        drawItem(i, left, width);
        ImGui::PopID();
        m_heights[i] = ImGui::GetCursorPosY() - before;
        if (i == m_target) {
            // A bar in the margin marks the result that was clicked, without covering its words.
            const ImVec2 origin = ImGui::GetWindowPos();
            const float scroll = ImGui::GetScrollY();
            ImGui::GetWindowDrawList()->AddRectFilled(
                ImVec2(origin.x + left - 0.45f * em, origin.y + before - scroll),
                ImVec2(origin.x + left - 0.2f * em, origin.y + before + m_heights[i] - spacing - scroll),
                ImGui::GetColorU32(palette::accent()));
        }
        y = before + m_heights[i];
    }
    if (skipped > 0.0f) ImGui::Dummy(ImVec2(1.0f, std::max(0.0f, skipped - spacing)));
    ImGui::Dummy(ImVec2(1.0f, 2.0f * em)); // room below the last line
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace plenary::ui
