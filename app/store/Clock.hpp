#pragma once

#include <string>

namespace plenary::store {

// The current time as ISO 8601 UTC ("2026-11-22T10:15:00Z"), as session files record times.
std::string utcNow();

} // namespace plenary::store
