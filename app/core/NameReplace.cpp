#include "core/NameReplace.hpp"

#include "core/Text.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace plenary::core {

namespace {

// The length of the UTF-8 sequence starting at `at` (continuation bytes included).
std::size_t sequenceLength(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        ++end;
    return end - at;
}

char32_t codeAt(std::string_view text, std::size_t at) {
    const auto codes = decodeUtf8(text.substr(at, sequenceLength(text, at)));
    return codes.empty() ? U' ' : codes.front();
}

// The code point that ends just before `at` (at > 0), read backwards over continuation bytes.
char32_t codeBefore(std::string_view text, std::size_t at) {
    std::size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    const auto codes = decodeUtf8(text.substr(start, at - start));
    return codes.empty() ? U' ' : codes.front();
}

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The words of a text: maximal runs of word characters, as byte ranges.
std::vector<Span> wordsOf(std::string_view text) {
    std::vector<Span> words;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequenceLength(text, i);
        const bool word = isWordChar(codeAt(text, i));
        if (word && !inWord) words.push_back({i, i});
        if (word) words.back().end = i + length;
        inWord = word;
        i += length;
    }
    return words;
}

// What stands between two words of a name, as it must stand in the text: spaces and line breaks
// of any kind and number are alike, and so are the typewriter and the typographic apostrophe.
std::string gapKey(std::string_view gap) {
    std::string key;
    for (const char32_t c : decodeUtf8(gap)) {
        if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0') continue;
        appendUtf8(key, c == U'\u2019' ? U'\'' : c);
    }
    return key;
}

bool startsSentence(std::string_view text, std::size_t at) {
    while (at > 0) {
        const char c = text[at - 1];
        if (c == '\n' || c == '.' || c == '!' || c == '?') return true;
        if (c != ' ' && c != '\t' && c != '\r') return false;
        --at;
    }
    return true;
}

} // namespace

bool isWordChar(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_ME) || // letters, marks
           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO) || c == '_';
}

std::vector<std::string> nameParts(const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : name + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    const auto looksLikeName = [](const std::string& w) {
        const auto codes = decodeUtf8(w);
        return codes.size() >= 3 && codes.back() != U'.' &&
               utf8proc_category(static_cast<utf8proc_int32_t>(codes[0])) == UTF8PROC_CATEGORY_LU;
    };
    // "Dr." or "Prof." is a title, not the person: the name starts after it.
    while (!words.empty() && words.front().back() == '.')
        words.erase(words.begin());
    std::vector<std::string> parts;
    if (words.size() < 2) return parts; // a one-word name is replaced as the whole name
    if (looksLikeName(words[0])) parts.push_back(words[0]);
    for (std::size_t from = 1; from < words.size(); ++from) {
        std::string tail;
        for (std::size_t i = from; i < words.size(); ++i)
            tail += (i == from ? "" : " ") + words[i];
        if (from + 1 < words.size() || looksLikeName(tail)) parts.push_back(tail);
    }
    return parts;
}

std::string nameKey(std::string_view name) {
    std::string single;
    for (const char c : trim(name)) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space && !single.empty() && single.back() == ' ') continue;
        single += space ? ' ' : c;
    }
    return foldForSearch(single);
}

void NameReplacer::add(const std::string& name, const std::string& replacement) {
    addEntry(name, replacement, false);
}

void NameReplacer::keep(const std::string& name) {
    if (m_match == NameMatch::Folded) addEntry(name, {}, true);
}

void NameReplacer::addEntry(const std::string& name, const std::string& replacement, bool keep) {
    if (name.empty()) return;
    if (m_match == NameMatch::Exact) {
        if (!m_seen.insert(name).second) return;
        m_byFirstByte[static_cast<unsigned char>(name[0])].push_back({name, {}, {}, replacement, keep});
        return;
    }
    Entry entry{name, {}, {}, replacement, keep};
    const auto words = wordsOf(name);
    if (words.empty()) return; // no letter or digit: nothing a whole-word match could find
    std::string key;
    for (std::size_t i = 0; i < words.size(); ++i) {
        entry.words.push_back(
            foldForSearch(std::string_view(name).substr(words[i].begin, words[i].end - words[i].begin)));
        key += entry.words.back() + '\n';
        if (i + 1 < words.size()) {
            entry.gaps.push_back(
                gapKey(std::string_view(name).substr(words[i].end, words[i + 1].begin - words[i].end)));
            key += entry.gaps.back() + '\n';
        }
    }
    if (!m_seen.insert(key).second) return;
    m_byFirstWord[entry.words.front()].push_back(std::move(entry));
}

void NameReplacer::finish() {
    for (auto& [byte, list] : m_byFirstByte)
        std::stable_sort(list.begin(), list.end(),
                         [](const Entry& a, const Entry& b) { return a.name.size() > b.name.size(); });
    for (auto& [word, list] : m_byFirstWord)
        std::stable_sort(list.begin(), list.end(),
                         [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

bool NameReplacer::apply(std::string& text) const {
    if (text.empty()) return false;
    return m_match == NameMatch::Exact ? applyExact(text) : applyFolded(text);
}

bool NameReplacer::applyExact(std::string& text) const {
    if (m_byFirstByte.empty()) return false;
    std::string out;
    bool changed = false;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto it = m_byFirstByte.find(static_cast<unsigned char>(text[i]));
        if (it != m_byFirstByte.end() && (i == 0 || !isWordChar(codeBefore(text, i)))) {
            const Entry* hit = nullptr;
            for (const auto& e : it->second) {
                if (text.compare(i, e.name.size(), e.name) != 0) continue;
                const std::size_t end = i + e.name.size();
                if (end < text.size() && isWordChar(codeAt(text, end))) continue;
                hit = &e;
                break;
            }
            if (hit) {
                out.append(text, copied, i - copied);
                out += hit->replacement;
                i += hit->name.size();
                copied = i;
                changed = true;
                continue;
            }
        }
        ++i;
    }
    if (!changed) return false;
    out.append(text, copied, std::string::npos);
    text = std::move(out);
    return true;
}

bool NameReplacer::applyFolded(std::string& text) const {
    if (m_byFirstWord.empty()) return false;
    const std::string_view view(text);
    const auto words = wordsOf(view);
    std::vector<std::string> folded;
    folded.reserve(words.size());
    for (const auto& w : words)
        folded.push_back(foldForSearch(view.substr(w.begin, w.end - w.begin)));
    const auto matches = [&](const Entry& e, std::size_t at) {
        if (at + e.words.size() > words.size()) return false;
        for (std::size_t j = 0; j < e.words.size(); ++j) {
            if (folded[at + j] != e.words[j]) return false;
            if (j + 1 < e.words.size() &&
                gapKey(view.substr(words[at + j].end, words[at + j + 1].begin - words[at + j].end)) !=
                    e.gaps[j])
                return false;
        }
        return true;
    };
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    for (std::size_t i = 0; i < words.size();) {
        const auto it = m_byFirstWord.find(folded[i]);
        const Entry* hit = nullptr;
        if (it != m_byFirstWord.end())
            for (const auto& e : it->second)
                if (matches(e, i)) {
                    hit = &e;
                    break;
                }
        if (!hit) {
            ++i;
            continue;
        }
        const std::size_t begin = words[i].begin;
        const std::size_t end = words[i + hit->words.size() - 1].end;
        i += hit->words.size();
        if (hit->keep) continue;
        std::string replacement = hit->replacement;
        const bool capital =
            utf8proc_category(static_cast<utf8proc_int32_t>(codeAt(view, begin))) == UTF8PROC_CATEGORY_LU;
        if (capital && startsSentence(view, begin) && !replacement.empty() && replacement[0] >= 'a' &&
            replacement[0] <= 'z')
            replacement[0] = static_cast<char>(replacement[0] - 'a' + 'A');
        out.append(text, copied, begin - copied);
        out += replacement;
        copied = end;
        changed = true;
    }
    if (!changed) return false;
    out.append(text, copied, std::string::npos);
    text = std::move(out);
    return true;
}

} // namespace plenary::core
