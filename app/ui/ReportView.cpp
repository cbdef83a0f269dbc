#include "ui/ReportView.hpp"

#include "core/Report.hpp"
#include "ui/AppState.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace plenary::ui {

using Kind = ReportItem::Kind;

void ReportView::drawToolbar() {
    if (widgets::button("← Back")) m_state.setScreen(m_state.returnScreen());
    ImGui::SameLine();
    if (widgets::button("Export… (Ctrl+E)", "export-dialog")) {
        m_state.ui().exportFile.clear();
        m_state.ui().showExport = true;
    }
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

void ReportView::drawItem(const ReportItem& item, float left, float width) {
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
        // A table row: the first cell takes what the others leave; each other cell the same width.
        const float cell = std::clamp(width * 0.55f / std::max<std::size_t>(1, item.cells.size()), 3.5f * em, 8.0f * em);
        const float first = std::max(8.0f * em, width - cell * static_cast<float>(item.cells.size()));
        const float x0 = ImGui::GetCursorPosX();
        if (item.kind == Kind::HeaderRow) ImGui::PushFont(fonts().bold);
        widgets::text(widgets::fitText(item.text, first - 0.5f * em));
        for (std::size_t i = 0; i < item.cells.size(); ++i) {
            ImGui::SameLine(x0 + first + cell * static_cast<float>(i));
            widgets::text(widgets::fitText(item.cells[i], cell - 0.3f * em));
        }
        if (item.kind == Kind::HeaderRow) ImGui::PopFont();
        break;
    }
    }
}

void ReportView::drawContent() {
    drawToolbar();
    ImGui::Separator();
    auto* workshop = m_state.workshop();
    if (!workshop) return;
    auto& preview = m_state.worker().reportPreview();
    const core::Report& report = preview.report(*workshop, m_anonymised);
    if (preview.generation() != m_generation) {
        m_generation = preview.generation();
        m_items = reportItems(report);
        m_heights.assign(m_items.size(), 0.0f);
    }
    ImGui::BeginChild("report-body", ImVec2(0, 0), false);
    const float em = ImGui::GetFontSize();
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
        drawItem(m_items[i], left, width);
        ImGui::PopID();
        m_heights[i] = ImGui::GetCursorPosY() - before;
        y = before + m_heights[i];
    }
    if (skipped > 0.0f) ImGui::Dummy(ImVec2(1.0f, std::max(0.0f, skipped - spacing)));
    ImGui::Dummy(ImVec2(1.0f, 2.0f * em)); // room below the last line
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

} // namespace plenary::ui
