#include "ui/FramePacer.hpp"

#include <algorithm>
#include <cstring>

namespace plenary::ui {

void FramePacer::wake() {
    m_building = true;
    m_burst = 0;
}

void FramePacer::exposed() {
    m_mustShow = true;
    wake();
}

bool FramePacer::frameBuilt(std::uint64_t hash, bool appearing) {
    ++m_burst;
    // ImGui settles hover, layout and a click's consequences within a frame or two.
    const bool settled = m_burst > 1 && hash == m_lastBuilt && !appearing;
    m_lastBuilt = hash;
    if (!settled && m_burst < kMaxBurst) return false;
    m_building = false;
    m_unsettled = !settled;
    if (!m_mustShow && hash == m_lastShown) return false;
    m_mustShow = false;
    m_lastShown = hash;
    return true;
}

std::optional<double> FramePacer::sleepFor(bool animating, double secondsToNextTick) const {
    if (m_building) return 0.0;
    if (m_unsettled) return animating ? std::min(kUnsettledWait, secondsToNextTick) : kUnsettledWait;
    if (animating) return secondsToNextTick;
    return std::nullopt;
}

std::uint64_t hashBytes(const void* data, std::size_t size, std::uint64_t seed) {
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
    auto mix = [](std::uint64_t h, std::uint64_t word) {
        h ^= word;
        h *= kMultiplier;
        return h ^ (h >> 29);
    };
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = mix(seed, size);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes + i, 8);
        h = mix(h, word);
    }
    if (i < size) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes + i, size - i);
        h = mix(h, word);
    }
    return h;
}

} // namespace plenary::ui
