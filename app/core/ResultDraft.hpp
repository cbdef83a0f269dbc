#pragma once

#include "core/Model.hpp"

#include <string>

namespace plenary::core {

// A first draft of "Result of the discussion" from what was captured for a dilemma (or a joint
// discussion): the practices suggested, with their origin, and the reflection. The rapporteur
// edits it; it is never written without being asked for.
std::string draftResult(const SessionData& data, Id dilemma);

// What a result becomes when a draft is asked for: the draft itself when nothing is written yet;
// otherwise what the rapporteur wrote stays first and the draft is added below it (never replaced;
// the same draft is not added twice).
std::string withDraft(const std::string& written, const std::string& draft);

} // namespace plenary::core
