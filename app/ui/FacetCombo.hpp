#pragma once

#include "session/Library.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plenary::ui::widgets {

// A filter's choices (the library's and the practices' screens): "any" first, then each value with
// how many workshops (or practices) have it. `chosen` is empty for "any".
void facetCombo(const char* id, const char* any, std::string& chosen, const std::vector<session::LibraryFacet>& facets,
                float width, std::string_view traceName);

} // namespace plenary::ui::widgets
