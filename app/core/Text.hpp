#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Small UTF-8 helpers shared by the importers and the views.
namespace plenary::core {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t firstInvalidUtf8(std::string_view text);

// Cuts text to at most maxChars characters without splitting a character; adds "…" when cut.
std::string ellipsize(std::string_view text, std::size_t maxChars);

} // namespace plenary::core
