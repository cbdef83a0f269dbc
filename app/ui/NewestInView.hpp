#pragma once

#include <cstddef>
#include <vector>

// A list the room reads grows at the bottom; what matters is the newest entry. Given each item's
// height, the first item to draw so that the newest ones fill `available`, with the older ones
// folded into one line ("12 earlier questions") of height `foldLine`. The newest item is always
// drawn, even if it alone is taller than the space.
namespace plenary::ui {

inline std::size_t firstInView(const std::vector<float>& heights, float available, float foldLine) {
    float total = 0.0f;
    for (const float h : heights)
        total += h;
    if (total <= available || heights.empty()) return 0;
    float used = foldLine;
    std::size_t first = heights.size();
    while (first > 0 && (first == heights.size() || used + heights[first - 1] <= available)) {
        used += heights[first - 1];
        --first;
    }
    return first;
}

} // namespace plenary::ui
