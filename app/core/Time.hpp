#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace plenary::core {

// Seconds since 1970 for an ISO 8601 UTC time as the file records it ("2026-11-22T10:15:00Z").
std::optional<std::int64_t> parseUtc(std::string_view text);

} // namespace plenary::core
