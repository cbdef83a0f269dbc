#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace plenary::ui {

// Decides, without GLFW, when the window draws and how long it sleeps (PRODUCT.md §9: the
// program sleeps when nothing changes). After each wake-up (input, a timer tick, an expose) the
// window builds ImGui frames — cheap, CPU only — until two in a row draw the same, and renders
// and swaps only a settled frame that differs from the one on screen. So a click shows its
// effect at once, a running timer costs one redraw a second, and a still screen none.
class FramePacer {
public:
    static constexpr int kMaxBurst = 4;                // frames built per wake-up at most
    static constexpr double kUnsettledWait = 1.0 / 30; // something still moves: look again soon

    void wake();    // input or a tick: build frames again
    void exposed(); // the window was exposed or resized: show the next settled frame anyway
    bool building() const { return m_building; }

    // After a frame was built whose draw data hashes to `hash`: true when that frame is to be
    // rendered and swapped now. Once it returns with building() false, the window may sleep.
    // `appearing`: ImGui holds a window hidden this frame to measure it (a dropdown, a popup opening):
    // the next frame differs even though this one drew the same, so the frame is not settled.
    bool frameBuilt(std::uint64_t hash, bool appearing = false);

    // How long to sleep once done building: none means until the next event.
    std::optional<double> sleepFor(bool animating, double secondsToNextTick) const;

private:
    bool m_building = true; // the very first frames
    bool m_mustShow = true;
    bool m_unsettled = false;
    int m_burst = 0;
    std::uint64_t m_lastBuilt = 0;
    std::uint64_t m_lastShown = 0;
};

// A fast 64-bit hash of a byte range (not cryptographic), chained through `seed`.
std::uint64_t hashBytes(const void* data, std::size_t size, std::uint64_t seed);

} // namespace plenary::ui
