#include "core/Time.hpp"

#include "core/Model.hpp"

#include <cstdio>
#include <string>

namespace plenary::core {

namespace {

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm), so no time-zone state is used.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

} // namespace

std::optional<std::int64_t> parseUtc(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    char zone = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &year, &month, &day, &hour, &minute, &second,
                    &zone) != 7 ||
        zone != 'Z')
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    return daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
           hour * 3600 + minute * 60 + second;
}

namespace {
template <class Entry> double elapsedOf(const Entry& entry, std::string_view now) {
    const auto started = parseUtc(entry.startedAt);
    const auto until = parseUtc(entry.pausedAt.empty() ? now : std::string_view(entry.pausedAt));
    if (!started || !until) return 0.0;
    return static_cast<double>(*until - *started - entry.clockOffset);
}
} // namespace

double timerElapsed(const PhaseLogEntry& entry, std::string_view now) {
    return elapsedOf(entry, now);
}
double timerElapsed(const RoundLogEntry& entry, std::string_view now) {
    return elapsedOf(entry, now);
}

} // namespace plenary::core
