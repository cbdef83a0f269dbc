#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// The sizes Plenary takes in, decided once (docs/json-format.md and docs/csv-import.md, "Limits"),
// with the one wording of each refusal. Anything larger is refused whole with one line naming the
// limit, before the heavy work: never a hang, never half an import.
namespace plenary::core {

// One text (a dilemma's information, a result, a question, a statement, a name): about 15,000
// words, far more than a rapporteur ever writes, small enough that every screen stays fast.
inline constexpr std::size_t kMaxTextChars = 100'000;
// A session JSON file. The largest workshop Plenary is built for (4× the stress session of
// PRODUCT.md §10) exports to 36 MB and must come back whole; a 50 MB workshop imports in ~13 s.
inline constexpr std::size_t kMaxJsonBytes = 64u << 20;
// A CSV file, and its rows (participants, dilemmas or statements) after the header.
inline constexpr std::size_t kMaxCsvBytes = 16u << 20;
inline constexpr std::size_t kMaxCsvRows = 10'000;

// "12,345,678": counts in messages, grouped as people read them.
std::string groupedNumber(std::size_t n);
// "64 MB", "47.7 MB", "900 KB": a size as a person says it.
std::string byteSize(std::size_t bytes);

// Characters (code points) of UTF-8 text.
std::size_t charCount(std::string_view text);
// Longer than kMaxTextChars characters (measured only when its bytes could be).
bool textTooLong(std::string_view text);
// The bytes of the longest start of text with at most maxChars characters (never half a character).
std::size_t bytesOfFirstChars(std::string_view text, std::size_t maxChars);

// "the text is 10,485,760 characters long; a text may have at most 100,000 characters"
std::string textTooLongMessage(std::string_view text);
// What a field says after it kept only what fits.
std::string textCutMessage();
// "file is too large (70 MB; the limit is 64 MB)"
std::string fileTooLargeMessage(std::size_t bytes, std::size_t limit);
// "more than 10,000 rows; a CSV import takes at most 10,000 rows — split the file"
std::string tooManyRowsMessage();

} // namespace plenary::core
