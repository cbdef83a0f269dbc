#pragma once

namespace plenary::ui {

enum class Theme { Light, Dark };

// Light and high-contrast by default: projectors wash out dark themes. Paddings and roundings are
// set in multiples of the body font size.
void applyTheme(Theme theme, float fontSize);

} // namespace plenary::ui
