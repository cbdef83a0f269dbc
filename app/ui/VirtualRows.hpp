#pragma once

#include <imgui.h>

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

    // Calls drawRow(i) for every row at least partly in view, in order.
    template <class F> void draw(F&& drawRow) {
        const float top = ImGui::GetScrollY();
        const float bottom = top + ImGui::GetWindowHeight();
        float y = ImGui::GetCursorPosY();
        for (std::size_t i = 0; i < m_heights.size(); ++i) {
            const float height = m_heights[i];
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
    std::vector<float> m_heights;
    float m_estimate = 0.0f;
};

} // namespace plenary::ui
