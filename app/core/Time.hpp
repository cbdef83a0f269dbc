#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace plenary::core {

// Seconds since 1970 for an ISO 8601 UTC time as the file records it ("2026-11-22T10:15:00Z").
std::optional<std::int64_t> parseUtc(std::string_view text);

struct PhaseLogEntry;
struct RoundLogEntry;

// How long the phase's timer has run at `now` (ISO 8601 UTC), as the log entry records it:
// paused time and a reset left out; 0 when the times cannot be read.
double timerElapsed(const PhaseLogEntry& entry, std::string_view now);
double timerElapsed(const RoundLogEntry& entry, std::string_view now);

} // namespace plenary::core
