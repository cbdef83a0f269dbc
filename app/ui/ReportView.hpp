#pragma once

#include "ui/View.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::core {
struct Report;
}

namespace plenary::ui {

class AppState;

// One line of the preview: a heading, a paragraph, a bullet, a table row… in the report's order.
struct ReportItem {
    enum class Kind { Title, Meta, Section, Heading, Label, Paragraph, Bullet, Note, HeaderRow, Row };
    Kind kind = Kind::Paragraph;
    std::string text;               // what is drawn; a row's first cell
    std::vector<std::string> cells; // a row's other cells
    // What a search result can point at: a dilemma's heading, a statement ("" and 0: nothing).
    std::string anchorKind;
    std::int64_t anchor = 0;
};

// The report as a reader meets it, flattened for drawing (ReportViewItems.cpp).
std::vector<ReportItem> reportItems(const core::Report& report);

// The report preview (screen "report"): the rapporteur's report as every export renders it —
// the same model, the same order — with a switch to see the anonymised version, and Export….
// Only what is in view is drawn: a 1,000-dilemma report scrolls as smoothly as a short one.
class ReportView : public View {
public:
    explicit ReportView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Report"; }

protected:
    void drawContent() override;

private:
    void drawToolbar();
    void drawItem(std::size_t index, float left, float width);
    void measureTables();
    void scrollByKeys();
    void findTarget();
    void scrollToTarget(float top);

    AppState& m_state;
    bool m_anonymised = false;
    std::uint64_t m_generation = ~std::uint64_t(0);
    std::vector<ReportItem> m_items;
    std::vector<float> m_heights; // measured when drawn; 0 until then
    float m_width = 0.0f;
    float m_em = 0.0f;
    int m_toEnd = 0; // frames End still follows the end of the report
    // A search result being shown: its item is marked, and scrolled to while heights settle.
    std::size_t m_target = static_cast<std::size_t>(-1);
    int m_toTarget = 0;
    // Each table's column widths after the first (measured once per report and text size), and
    // for each item the table it belongs to (-1: none).
    struct Column {
        float wanted = 0.0f; // the widest cell, its head included
        float data = 0.0f;   // the widest cell below the head: what must not be cut
    };
    std::vector<std::vector<Column>> m_columns;
    std::vector<int> m_tableOf;
};

} // namespace plenary::ui
