#pragma once

#include <string>
#include <string_view>
#include <vector>

// The vote scales of the Social Olympics format (PRODUCT.md §3). A tally names a level by its
// value; the scale says whether that level counts as support or as a block.
namespace plenary::core {

struct ScaleLevel {
    int value = 0;
    std::string label;
    bool support = false;
    bool block = false;
};

struct VoteScale {
    std::string key;
    std::string name;
    std::vector<ScaleLevel> levels;
    bool dots = false; // dot voting: counts are dots, ranked by total instead of consensus

    const ScaleLevel* level(int value) const; // nullptr if the value is not on this scale
    bool isSupport(int value) const;
    bool isBlock(int value) const;
};

// The built-in scales by key: "agreement", "fist-to-five", "gradients", "dots".
const VoteScale* findScale(std::string_view key); // nullptr if unknown
std::vector<std::string> scaleKeys();

} // namespace plenary::core
