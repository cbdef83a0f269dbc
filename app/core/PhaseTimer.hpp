#pragma once

#include <string>

// The big timer of a phase. Pure: the caller passes the current time in seconds (any monotonic
// clock), so tests and the headless harness control time.
namespace plenary::core {

enum class TimerColour { Green, Orange, Red, Overrun };

class PhaseTimer {
public:
    explicit PhaseTimer(int seconds = 0) : m_duration(seconds) {}

    void start(double now);
    void pause(double now);
    void toggle(double now) { running() ? pause(now) : start(now); }
    void reset(); // back to the full duration, paused
    void setDuration(int seconds);
    void addSeconds(int seconds) { setDuration(m_duration + seconds); }

    bool running() const { return m_running; }
    int duration() const { return m_duration; }
    double elapsed(double now) const;
    double remaining(double now) const { return m_duration - elapsed(now); } // negative: overrun
    // Green; orange at 20 % left; red at 5 % left; overrun once time is up.
    TimerColour colour(double now) const;
    // How long until the digits shown change (at most a second): when a sleeping screen wakes.
    double secondsToNextTick(double now) const;

private:
    int m_duration = 0;
    double m_elapsedBefore = 0.0; // seconds accumulated before the current run
    double m_startedAt = 0.0;
    bool m_running = false;
};

// Seconds of the system's monotonic clock: what the live screens run their timers on (tests give
// them a clock of their own).
double monotonicSeconds();

// "7:05" for time left, "+1:05" for an overrun; hours when needed ("1:02:03").
std::string formatClock(double remainingSeconds);

} // namespace plenary::core
