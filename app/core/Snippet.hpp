#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What a search looks for, and the few words around a hit that a result list shows.
namespace plenary::core {

// The words of what a person typed, folded as the live type-ahead folds (core::foldForSearch):
// "Łódź" and "lodz" are the same word. While the last word is still being typed (no space after
// it) it matches as the beginning of a word.
struct SearchTerms {
    std::vector<std::string> words;
    bool lastIsPrefix = false;
    bool empty() const { return words.empty(); }
};
SearchTerms searchTerms(std::string_view typed);

// The FTS5 query for the terms, over a column that holds folded text: every word a quoted phrase
// (quotes, dashes and operators are plain text), all of them required. Empty for no terms.
std::string ftsQueryAll(const SearchTerms& terms);
// The same words, any of them (ranked by how many and how rare): for "texts like this one".
std::string ftsQueryAny(const SearchTerms& terms);

// The significant words of a text, for finding similar texts: folded, at least four letters, not a
// common English word, each once, at most `most` of them in the order they first appear.
SearchTerms significantWords(std::string_view text, std::size_t most = 24);

// Folded text for a full-text column: the words, folded, one space apart.
std::string foldedForIndex(std::string_view text);

// A stretch of the original text around its first matching word, with every matching word
// marked (byte ranges into `text`). Whole text when it is short.
struct Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> marks; // [begin, end) into text
};
Snippet snippetFor(std::string_view text, const SearchTerms& terms, std::size_t wordsAround = 12);

// The snippet with each mark wrapped, e.g. in "[" and "]" for a terminal.
std::string markedText(const Snippet& snippet, std::string_view open, std::string_view close);

} // namespace plenary::core
