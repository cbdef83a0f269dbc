#pragma once

#include "core/Model.hpp"

#include <string>

namespace plenary::exporting {

// The whole session in the interchange format of docs/json-format.md (cereal's JSON archive).
std::string sessionToJson(const core::SessionData& data);

} // namespace plenary::exporting
