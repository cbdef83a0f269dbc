#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <imgui.h>

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace plenary::ui {

// The Social Olympics live screen: the round ribbon, the rings, the timer, the current ring's
// tally grid and capture line, and the figures of the round — the ring's own priorities in round
// 1, the statement × ring heat map with each ring's shift in round 2, the consensus board in
// round 3. While a round-1 ring is up, nothing of another ring is drawn, on the console or in
// presentation mode: the residents' opinion stays theirs until the reveal.
class RingsView : public View {
public:
    explicit RingsView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Rings"; }

protected:
    void drawContent() override;

private:
    // A screen too small for the grid and the figures side by side shows one, F3 the other.
    bool narrow() const;
    void drawHeader(bool room);
    void drawTallyPanel();
    void drawRoundRibbon(bool room);
    void drawRingChips(bool room);
    void drawTimerButtons();
    void drawCaptureLine();
    void restoreDraft();
    void drawMergeBar();
    // The tally grid (RingsViewGrid.cpp): typed with keys only.
    void drawGrid(float height);
    void handleGridKeys(const std::vector<const core::Statement*>& rows, int columns);
    void typeIntoCell(const std::vector<const core::Statement*>& rows, const std::string& typed);
    void finishCell();
    // The figures (RingsViewCharts.cpp), drawn in the console and, larger, for the room.
    void drawPriorities(float height, bool room);
    void drawHeatMap(float height, bool room);
    void drawBoard(float height, bool room);
    void drawFigures(float height, bool room);
    // Presentation mode (RingsViewPresentation.cpp).
    void drawPresentation();

    AppState& m_state;
    std::map<core::Id, std::string> m_captures; // the capture line's words, per ring
    bool m_focusCapture = false;
    bool m_showFigures = false;
    std::uint64_t m_draftOpening = 0; // the opening of a workshop the line was restored for
    float m_ribbonRight = 0.0f; // where the round chips stop, short of the timer
    // The grid's cursor and the cell being typed into.
    int m_row = 0;
    int m_column = 0;
    bool m_gridHasKeys = true;
    bool m_editing = false;
    std::string m_cellText;
    std::uint64_t m_cellStretch = 0;
    // The cell m_cellText was typed into: (round, ring, statement, level).
    std::tuple<int, core::Id, core::Id, int> m_cell{};
    bool m_scrollToCursor = false;
    // Round 3: the statement picked to merge into another (0: none).
    core::Id m_mergeFrom = 0;
};

} // namespace plenary::ui
