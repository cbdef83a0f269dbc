#pragma once

#include <string>
#include <string_view>

namespace plenary::exporting {

// A web address written with only characters that mean the same in every target (a Markdown
// autolink, an HTML href, a Word relationship): letters, digits and URL punctuation stay; spaces,
// quotes, angle brackets, backslashes, control and non-ASCII bytes are percent-encoded, as a
// browser would encode them on following the link. Leading and trailing spaces go.
std::string linkTarget(std::string_view url);

} // namespace plenary::exporting
