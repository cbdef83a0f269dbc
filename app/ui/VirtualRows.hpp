#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace plenary::ui {

// A long list of rows of different heights (wrapped text, an opened editor) drawn so that a
// frame costs what is on screen: rows out of view are skipped by their height measured the last
// time they were drawn (or an estimate until then). Rebuild with reset() when the rows change.
class VirtualRows {
public:
    void reset(std::size_t count, float estimate) {
        m_heights.assign(count, estimate);
        m_estimate = estimate;
    }
    std::size_t size() const { return m_heights.size(); }
    // The next draw() scrolls row i into view if it is not (a row just added or moved there).
    void scrollTo(std::size_t i) { m_scrollTo = i; }

    // Calls drawRow(i) for every row at least partly in view, in order.
    template <class F> void draw(F&& drawRow) {
        const float top = ImGui::GetScrollY();
        const float bottom = top + ImGui::GetWindowHeight();
        float y = ImGui::GetCursorPosY();
        for (std::size_t i = 0; i < m_heights.size(); ++i) {
            const float height = m_heights[i];
            if (i == m_scrollTo) {
                m_scrollTo = kNone;
                // A third of the way down, so the rows around it are seen too.
                if (y < top || y + height > bottom)
                    ImGui::SetScrollY(std::max(0.0f, y - (bottom - top) / 3.0f));
            }
            if (y + height < top || y > bottom) {
                y += height;
                continue;
            }
            ImGui::SetCursorPosY(y);
            drawRow(i);
            const float after = ImGui::GetCursorPosY();
            m_heights[i] = after > y ? after - y : m_estimate;
            y = after;
        }
        ImGui::SetCursorPosY(y);
        ImGui::Dummy(ImVec2(0.0f, 0.0f)); // the list's full height, so the scroll bar is right
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<float> m_heights;
    std::size_t m_scrollTo = kNone;
    float m_estimate = 0.0f;
};

} // namespace plenary::ui
