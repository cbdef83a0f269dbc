#include "core/Snippet.hpp"

#include "core/Text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <set>

namespace plenary::core {

namespace {

bool isWordCode(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME) || // letters, marks
           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The words of a text as byte ranges; every non-word character separates.
std::vector<Word> wordsOf(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    bool inWord = false;
    Word current;
    while (i < text.size()) {
        utf8proc_int32_t code = 0;
        auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                       static_cast<utf8proc_ssize_t>(text.size() - i), &code);
        if (length <= 0) { // an invalid byte separates words
            length = 1;
            code = ' ';
        }
        const bool word = isWordCode(static_cast<char32_t>(code));
        if (word && !inWord) current.begin = i;
        if (!word && inWord) {
            current.end = i;
            words.push_back(current);
        }
        inWord = word;
        i += static_cast<std::size_t>(length);
    }
    if (inWord) {
        current.end = text.size();
        words.push_back(current);
    }
    return words;
}

// Folding may itself split a word ("l'Europe" is two already; a ligature stays one).
void addFoldedWords(std::string_view word, std::vector<std::string>& out) {
    const std::string folded = foldForSearch(word);
    for (const auto& w : wordsOf(folded))
        out.emplace_back(folded.substr(w.begin, w.end - w.begin));
}

std::string quoted(const std::string& word) {
    return '"' + word + '"'; // a folded word has no quote in it: '"' is not a word character
}

bool matches(const std::string& folded, const SearchTerms& terms) {
    for (std::size_t i = 0; i < terms.words.size(); ++i) {
        const auto& term = terms.words[i];
        if (folded == term) return true;
        if (terms.lastIsPrefix && i + 1 == terms.words.size() && folded.rfind(term, 0) == 0) return true;
    }
    return false;
}

const std::set<std::string>& commonWords() {
    static const std::set<std::string> words{
        "about", "after", "also", "because", "been", "before", "being", "between", "both", "could", "does",
        "doing", "done", "each", "even", "from", "have", "having", "here", "into", "just", "like", "made",
        "make", "many", "more", "most", "much", "must", "only", "other", "over", "same", "should", "some",
        "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "very", "want", "were", "what", "when", "where", "which", "while", "whom", "will",
        "with", "would", "your", "shall", "whose", "within", "without", "among", "still", "well"};
    return words;
}

} // namespace

SearchTerms searchTerms(std::string_view typed) {
    // A word typed twice asks nothing more; and a pasted page is searched by its first words, so
    // a query never costs more than a sentence does.
    constexpr std::size_t kMostTerms = 32;
    SearchTerms terms;
    std::vector<std::string> folded;
    const auto words = wordsOf(typed);
    for (std::size_t i = 0; i < words.size() && terms.words.size() < kMostTerms; ++i) {
        folded.clear();
        addFoldedWords(typed.substr(words[i].begin, words[i].end - words[i].begin), folded);
        for (auto& f : folded)
            if (std::find(terms.words.begin(), terms.words.end(), f) == terms.words.end() &&
                terms.words.size() < kMostTerms)
                terms.words.push_back(std::move(f));
    }
    // The last word is a beginning only while it is being typed, and only when it is the last
    // term (a repeat of an earlier word is not).
    terms.lastIsPrefix = !terms.words.empty() && !words.empty() && words.back().end == typed.size();
    if (terms.lastIsPrefix) {
        folded.clear();
        addFoldedWords(typed.substr(words.back().begin), folded);
        terms.lastIsPrefix = !folded.empty() && folded.back() == terms.words.back();
    }
    return terms;
}

std::string ftsQueryAll(const SearchTerms& terms) {
    std::string query;
    for (std::size_t i = 0; i < terms.words.size(); ++i) {
        if (i) query += ' ';
        query += quoted(terms.words[i]);
        if (terms.lastIsPrefix && i + 1 == terms.words.size()) query += '*';
    }
    return query;
}

std::string ftsQueryAny(const SearchTerms& terms) {
    std::string query;
    for (std::size_t i = 0; i < terms.words.size(); ++i) {
        if (i) query += " OR ";
        query += quoted(terms.words[i]);
    }
    return query;
}

SearchTerms significantWords(std::string_view text, std::size_t most) {
    SearchTerms terms;
    std::set<std::string> seen;
    std::vector<std::string> folded;
    for (const auto& w : wordsOf(text)) {
        folded.clear();
        addFoldedWords(text.substr(w.begin, w.end - w.begin), folded);
        for (auto& word : folded) {
            if (decodeUtf8(word).size() < 4 || commonWords().count(word) || !seen.insert(word).second) continue;
            terms.words.push_back(std::move(word));
            if (terms.words.size() == most) return terms;
        }
    }
    return terms;
}

std::string foldedForIndex(std::string_view text) {
    std::string out;
    std::vector<std::string> folded;
    for (const auto& w : wordsOf(text)) {
        folded.clear();
        addFoldedWords(text.substr(w.begin, w.end - w.begin), folded);
        for (const auto& word : folded) {
            if (!out.empty()) out += ' ';
            out += word;
        }
    }
    return out;
}

Snippet snippetFor(std::string_view text, const SearchTerms& terms, std::size_t wordsAround) {
    const auto words = wordsOf(text);
    std::vector<bool> hit(words.size(), false);
    std::size_t first = words.size();
    std::vector<std::string> folded;
    for (std::size_t i = 0; i < words.size(); ++i) {
        folded.clear();
        addFoldedWords(text.substr(words[i].begin, words[i].end - words[i].begin), folded);
        for (const auto& f : folded)
            if (matches(f, terms)) hit[i] = true;
        if (hit[i] && first == words.size()) first = i;
    }
    Snippet snippet;
    if (words.empty()) {
        snippet.text = std::string(text);
        return snippet;
    }
    if (first == words.size()) first = 0;
    // A few words before the first hit, the rest after it.
    const std::size_t before = wordsAround / 3;
    const std::size_t from = first > before ? first - before : 0;
    const std::size_t to = std::min(words.size(), from + wordsAround + 1); // words [from, to)
    const std::size_t beginByte = from == 0 ? 0 : words[from].begin;
    const std::size_t endByte = to == words.size() ? text.size() : words[to - 1].end;
    if (from > 0) snippet.text = "…";
    const std::size_t shift = snippet.text.size();
    snippet.text += text.substr(beginByte, endByte - beginByte);
    for (std::size_t i = from; i < to; ++i)
        if (hit[i]) snippet.marks.emplace_back(words[i].begin - beginByte + shift, words[i].end - beginByte + shift);
    if (to < words.size()) snippet.text += "…";
    // Line breaks inside a result line would break the list apart.
    std::replace(snippet.text.begin(), snippet.text.end(), '\n', ' ');
    std::replace(snippet.text.begin(), snippet.text.end(), '\r', ' ');
    std::replace(snippet.text.begin(), snippet.text.end(), '\t', ' ');
    return snippet;
}

std::string markedText(const Snippet& snippet, std::string_view open, std::string_view close) {
    std::string out;
    std::size_t at = 0;
    for (const auto& [begin, end] : snippet.marks) {
        out.append(snippet.text, at, begin - at);
        out += open;
        out.append(snippet.text, begin, end - begin);
        out += close;
        at = end;
    }
    out.append(snippet.text, at, std::string::npos);
    return out;
}

} // namespace plenary::core
