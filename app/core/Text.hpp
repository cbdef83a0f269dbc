#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Small UTF-8 helpers shared by the importers and the views.
namespace plenary::core {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t firstInvalidUtf8(std::string_view text);

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view text);

// For a terminal: control characters (escape sequences could set the title or write the
// clipboard), and line breaks, become U+FFFD or a space; invalid UTF-8 becomes U+FFFD.
std::string forTerminal(std::string_view text);

// For a document (a report, an export): valid UTF-8 whatever the file held — invalid bytes become
// U+FFFD — without control characters other than tab and line break (an escape sequence in a
// report would act on whichever terminal it is printed to).
std::string forDocument(std::string_view text);

// For an exchange format (JSON): valid UTF-8 — invalid bytes become U+FFFD — without NUL; every
// other character, control characters included, is kept.
std::string forExchange(std::string_view text);

// Cuts text to at most maxChars characters without splitting a character; adds "…" when cut.
std::string ellipsize(std::string_view text, std::size_t maxChars);

// The lines of a text that hold something, trimmed (a reflection or a result is one entry a line).
std::vector<std::string> nonEmptyLines(std::string_view text);

} // namespace plenary::core

namespace plenary::core {

// UTF-8 decoding that never fails: an invalid byte becomes U+FFFD.
std::vector<char32_t> decodeUtf8(std::string_view text);
void appendUtf8(std::string& out, char32_t code);
// Lower case in every script (Unicode's simple mapping, by utf8proc).
char32_t toLower(char32_t c);
// Case-folded, without diacritics, for matching what people type: "lodz" matches "Łódź",
// "αθηνα" matches "Αθήνα", "ecole" matches "école" typed with a combining accent.
std::string foldForSearch(std::string_view text);

// How names and titles are shown in order: as people read them, not by bytes. The folded key
// (foldForSearch: case and diacritics gone, ł→l, ß→ss, æ→ae …) decides, so "Bálint" comes before
// "Birgit" and "Åsa" before "Zoë"; texts that fold alike are ordered by their bytes, so the
// order is total and the same on every machine. Fold once with sortKey() when sorting many.
struct SortKey {
    std::string folded;
    std::string original;
    auto operator<=>(const SortKey&) const = default;
};
SortKey sortKey(std::string_view text);
// <0, 0 or >0, as sortKey(a) <=> sortKey(b).
int compareForSorting(std::string_view a, std::string_view b);

} // namespace plenary::core
