#include "core/Text.hpp"

#include <utf8.h>
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <iterator>

namespace plenary::core {

// Valid runs are decoded by utfcpp; each byte of an invalid sequence becomes U+FFFD, at exactly
// the offsets firstInvalidUtf8() reports, so the two can never disagree.
std::vector<char32_t> decodeUtf8(std::string_view text) {
    std::vector<char32_t> out;
    out.reserve(text.size());
    const char* it = text.data();
    const char* const end = text.data() + text.size();
    while (it != end) {
        const char* bad = utf8::find_invalid(it, end);
        utf8::unchecked::utf8to32(it, bad, std::back_inserter(out));
        if (bad == end) break;
        out.push_back(0xFFFD);
        it = bad + 1;
    }
    return out;
}

void appendUtf8(std::string& out, char32_t code) {
    if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    utf8::unchecked::append(static_cast<std::uint32_t>(code), std::back_inserter(out));
}

char32_t toLower(char32_t c) {
    if (c > 0x10FFFF) return c;
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

std::size_t firstInvalidUtf8(std::string_view text) {
    const char* bad = utf8::find_invalid(text.data(), text.data() + text.size());
    return bad == text.data() + text.size() ? std::string_view::npos
                                            : static_cast<std::size_t>(bad - text.data());
}

std::string forTerminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : decodeUtf8(text)) {
        if (c == '\t' || c == '\n' || c == '\r')
            out += ' ';
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
            appendUtf8(out, 0xFFFD);
        else
            appendUtf8(out, c);
    }
    return out;
}

std::string forDocument(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : decodeUtf8(text)) {
        if (c == '\t' || c == '\n')
            out += static_cast<char>(c);
        else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
            continue;
        else
            appendUtf8(out, c);
    }
    return out;
}

std::string forExchange(std::string_view text) {
    if (firstInvalidUtf8(text) == std::string_view::npos && text.find('\0') == std::string_view::npos)
        return std::string(text); // the usual case, without decoding
    std::string out;
    out.reserve(text.size());
    for (const char32_t c : decodeUtf8(text))
        if (c != 0) appendUtf8(out, c);
    return out;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string ellipsize(std::string_view text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars == maxChars) return std::string(text.substr(0, i)) + "…";
        ++chars;
    }
    return std::string(text);
}

} // namespace plenary::core

namespace plenary::core {

namespace {

// Letters that Unicode does not decompose into a base letter and a mark, typed without it.
std::string_view plainLetters(char32_t c) {
    switch (c) {
    case U'ł':
        return "l";
    case U'ø':
        return "o";
    case U'đ':
    case U'ð':
        return "d";
    case U'ħ':
        return "h";
    case U'ŧ':
        return "t";
    case U'ı':
        return "i";
    case U'æ':
        return "ae";
    case U'œ':
        return "oe";
    case U'ĳ':
        return "ij";
    case U'þ':
        return "th";
    case U'ς':
        return "σ"; // a final sigma is a sigma
    default:
        return {};
    }
}

} // namespace

std::string foldForSearch(std::string_view text) {
    // Bad bytes become U+FFFD first: utf8proc refuses invalid text as a whole.
    std::string valid;
    valid.reserve(text.size());
    if (firstInvalidUtf8(text) == std::string_view::npos)
        valid.assign(text);
    else
        for (const char32_t c : decodeUtf8(text))
            appendUtf8(valid, c);
    utf8proc_uint8_t* mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                        UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                     static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
    std::string folded;
    if (length >= 0 && mapped)
        folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
    std::free(mapped);
    if (length < 0) return valid;
    std::string out;
    out.reserve(folded.size());
    for (const char32_t c : decodeUtf8(folded)) {
        if (const auto plain = plainLetters(c); !plain.empty())
            out += plain;
        else
            appendUtf8(out, c);
    }
    return out;
}

std::vector<std::string> nonEmptyLines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line = trim(text.substr(start, end - start));
        if (!line.empty()) lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

SortKey sortKey(std::string_view text) {
    return SortKey{foldForSearch(text), std::string(text)};
}

int compareForSorting(std::string_view a, std::string_view b) {
    const auto order = sortKey(a) <=> sortKey(b);
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

} // namespace plenary::core
