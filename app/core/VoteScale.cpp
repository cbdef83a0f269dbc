#include "core/VoteScale.hpp"

namespace plenary::core {
namespace {

const std::vector<VoteScale>& builtInScales() {
    // Function-local static: built once, thread-safe, and findScale can hand out stable pointers.
    static const std::vector<VoteScale> scales{
        {"agreement",
         "Agreement",
         {{1, "agree", true, false}, {2, "pass", false, false}, {3, "disagree", false, false}},
         false},
        {"fist-to-five",
         "Fist to five",
         {{0, "0 — block", false, true},
          {1, "1 — serious concerns", false, false},
          {2, "2 — concerns to discuss", false, false},
          {3, "3 — will support", true, false},
          {4, "4 — good idea", true, false},
          {5, "5 — full support", true, false}},
         false},
        // Kaner's gradients of agreement: 6 ("don't like but will support") still counts as
        // support, 4 (abstain) and 5 (more discussion) are cast votes that are not support.
        {"gradients",
         "Gradients of agreement",
         {{1, "endorse", true, false},
          {2, "agree with minor point", true, false},
          {3, "support with reservations", true, false},
          {4, "abstain", false, false},
          {5, "more discussion needed", false, false},
          {6, "don't like but will support", true, false},
          {7, "serious disagreement", false, false},
          {8, "veto", false, true}},
         false},
        {"dots", "Dot voting", {{1, "dot", true, false}}, true},
    };
    return scales;
}

} // namespace

const ScaleLevel* VoteScale::level(int value) const {
    for (const auto& l : levels)
        if (l.value == value) return &l;
    return nullptr;
}

bool VoteScale::isSupport(int value) const {
    const ScaleLevel* l = level(value);
    return l && l->support;
}

bool VoteScale::isBlock(int value) const {
    const ScaleLevel* l = level(value);
    return l && l->block;
}

const VoteScale* findScale(std::string_view key) {
    for (const auto& scale : builtInScales())
        if (scale.key == key) return &scale;
    return nullptr;
}

std::vector<std::string> scaleKeys() {
    std::vector<std::string> keys;
    for (const auto& scale : builtInScales())
        keys.push_back(scale.key);
    return keys;
}

} // namespace plenary::core
