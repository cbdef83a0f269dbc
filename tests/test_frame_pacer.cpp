#include "ui/FramePacer.hpp"

#include <doctest/doctest.h>

#include <string>

using plenary::ui::FramePacer;

namespace {

// Builds frames as the window does after a wake-up; returns how many were shown.
int burst(FramePacer& pacer, std::uint64_t settlesOn, std::uint64_t first = 0) {
    int shown = 0;
    for (int i = 0; pacer.building() && i < 10; ++i)
        shown += pacer.frameBuilt(i == 0 && first != 0 ? first : settlesOn) ? 1 : 0;
    return shown;
}

} // namespace

TEST_CASE("ui: frame pacer shows the first settled frame, then nothing while the screen is still") {
    FramePacer pacer;
    CHECK(pacer.building());
    CHECK(burst(pacer, 42, 7) == 1); // layout settles on the second frame: one swap
    CHECK_FALSE(pacer.building());
    CHECK_FALSE(pacer.sleepFor(false, 0.5).has_value()); // no timer: sleep until an event
    // The mouse moves over nothing: frames are built but none is rendered.
    for (int i = 0; i < 5; ++i) {
        pacer.wake();
        CHECK(burst(pacer, 42) == 0);
    }
}

TEST_CASE("ui: frame pacer redraws once a second for a running timer, at the tick") {
    FramePacer pacer;
    burst(pacer, 1);
    double now = 0.0;
    int shown = 0;
    for (int second = 1; second <= 10; ++second) {
        const auto sleep = pacer.sleepFor(true, 1.0);
        REQUIRE(sleep.has_value());
        now += *sleep;
        pacer.wake();
        shown += burst(pacer, 100 + static_cast<std::uint64_t>(second));
    }
    CHECK(now == doctest::Approx(10.0));
    CHECK(shown == 10);
    CHECK(*pacer.sleepFor(true, 0.25) == doctest::Approx(0.25));
}

TEST_CASE("ui: frame pacer shows a click at once, even when the mouse stays still") {
    FramePacer pacer;
    burst(pacer, 1);
    // Press and release arrive; the first frame sees the press, the next the clicked state, and
    // the one after draws what the click did: shown in the same wake-up, without another event.
    pacer.wake();
    CHECK_FALSE(pacer.frameBuilt(2));
    CHECK_FALSE(pacer.frameBuilt(3));
    CHECK(pacer.frameBuilt(3));
    CHECK_FALSE(pacer.building());
}

TEST_CASE("ui: frame pacer redraws an unchanged frame after an expose, and looks again while unsettled") {
    FramePacer pacer;
    burst(pacer, 5);
    pacer.exposed();
    CHECK(burst(pacer, 5) == 1);
    // Something that changes every frame (a fading popup) is shown after a few frames, and the
    // window wakes again soon rather than sleeping with it half-drawn.
    pacer.wake();
    int shown = 0;
    for (std::uint64_t h = 10; pacer.building(); ++h)
        shown += pacer.frameBuilt(h) ? 1 : 0;
    CHECK(shown == 1);
    REQUIRE(pacer.sleepFor(false, 1.0).has_value());
    CHECK(*pacer.sleepFor(false, 1.0) == doctest::Approx(FramePacer::kUnsettledWait));
}

TEST_CASE("ui: frame pacer's hash tells draw data apart") {
    const std::string a = "vertices of one frame", b = "vertices of one framf";
    CHECK(plenary::ui::hashBytes(a.data(), a.size(), 1) == plenary::ui::hashBytes(a.data(), a.size(), 1));
    CHECK(plenary::ui::hashBytes(a.data(), a.size(), 1) != plenary::ui::hashBytes(b.data(), b.size(), 1));
    CHECK(plenary::ui::hashBytes(a.data(), 8, 1) != plenary::ui::hashBytes(a.data(), 9, 1));
}

// A dropdown opened by a click is hidden for its first frame while ImGui measures it: that frame
// draws the same as the one before, but is not the end of the click's effect.
TEST_CASE("ui: frame pacer keeps building while a window is appearing") {
    FramePacer pacer;
    burst(pacer, 5);
    pacer.wake();                           // the click
    CHECK_FALSE(pacer.frameBuilt(6));       // the button pressed
    CHECK_FALSE(pacer.frameBuilt(6, true)); // same pixels, but the dropdown is still hidden
    CHECK(pacer.building());
    CHECK_FALSE(pacer.frameBuilt(7)); // the dropdown appears
    CHECK(pacer.frameBuilt(7));       // settled: shown
    CHECK_FALSE(pacer.building());
}
