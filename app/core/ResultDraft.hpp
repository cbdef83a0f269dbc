#pragma once

#include "core/Model.hpp"

#include <string>

namespace plenary::core {

// A first draft of "Result of the discussion" from what was captured for a dilemma (or a joint
// discussion): the practices suggested, with their origin, and the reflection. The rapporteur
// edits it; it is never written without being asked for.
std::string draftResult(const SessionData& data, Id dilemma);

} // namespace plenary::core
