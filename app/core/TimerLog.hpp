#pragma once

#include "core/Time.hpp"

#include <string>

// How a timer's changes are written into its log entry (a phase's PhaseLogEntry, a round's
// RoundLogEntry: both keep startedAt, clockOffset and pausedAt), so that a restart shows exactly
// what was on screen. One place for both logs.
namespace plenary::core {

// Paused at `now`, or running again: the length of the pause is taken off the clock.
template <class Entry> void logPauseOrResume(Entry& entry, bool pausing, const std::string& now) {
    if (pausing) {
        entry.pausedAt = now;
    } else if (!entry.pausedAt.empty()) {
        const auto from = parseUtc(entry.pausedAt);
        const auto to = parseUtc(now);
        if (from && to && *to > *from) entry.clockOffset += static_cast<int>(*to - *from);
        entry.pausedAt.clear();
    }
}

// Back to the full time, paused at `now`.
template <class Entry> void logReset(Entry& entry, const std::string& now) {
    const auto started = parseUtc(entry.startedAt);
    const auto at = parseUtc(now);
    entry.clockOffset = started && at ? static_cast<int>(*at - *started) : 0;
    entry.pausedAt = now;
}

} // namespace plenary::core
