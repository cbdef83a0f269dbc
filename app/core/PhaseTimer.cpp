#include "core/PhaseTimer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace plenary::core {

void PhaseTimer::start(double now) {
    if (m_running) return;
    m_startedAt = now;
    m_running = true;
}

void PhaseTimer::pause(double now) {
    if (!m_running) return;
    m_elapsedBefore += now - m_startedAt;
    m_running = false;
}

void PhaseTimer::reset() {
    m_elapsedBefore = 0.0;
    m_running = false;
}

void PhaseTimer::setDuration(int seconds) {
    m_duration = seconds < 0 ? 0 : seconds;
}

double PhaseTimer::elapsed(double now) const {
    return m_elapsedBefore + (m_running ? now - m_startedAt : 0.0);
}

TimerColour PhaseTimer::colour(double now) const {
    const double left = remaining(now);
    if (left <= 0.0 && m_duration >= 0 && elapsed(now) > 0.0) return TimerColour::Overrun;
    if (m_duration <= 0) return TimerColour::Green;
    const double share = left / m_duration;
    if (share <= 0.05) return TimerColour::Red;
    if (share <= 0.20) return TimerColour::Orange;
    return TimerColour::Green;
}

double PhaseTimer::secondsToNextTick(double now) const {
    const double left = remaining(now);
    double wait = left - std::floor(left) + 0.01;
    if (wait < 0.02) wait += 1.0;
    return std::min(wait, 1.0);
}

double monotonicSeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string formatClock(double remainingSeconds) {
    const bool overrun = remainingSeconds < 0.0;
    // Time left counts down in whole seconds shown as soon as they start ("0:01" until zero);
    // an overrun counts up from "+0:00".
    const long total = overrun ? static_cast<long>(std::floor(-remainingSeconds))
                               : static_cast<long>(std::ceil(remainingSeconds));
    const long hours = total / 3600;
    const long minutes = (total / 60) % 60;
    const long seconds = total % 60;
    std::string text = overrun ? "+" : "";
    char buffer[32];
    if (hours > 0)
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", hours, minutes, seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%ld:%02ld", minutes, seconds);
    return text + buffer;
}

} // namespace plenary::core
