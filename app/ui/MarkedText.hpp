#pragma once

#include "core/Snippet.hpp"

#include <imgui.h>

namespace plenary::ui::widgets {

// A search result's words, wrapped at `width`, the matched ones in bold on a soft highlight, as
// the eye looks for them first. Ends on a new line.
void markedText(const core::Snippet& snippet, float width);

} // namespace plenary::ui::widgets
