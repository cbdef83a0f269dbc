#include "core/Limits.hpp"

#include <cstdio>

namespace plenary::core {

std::string groupedNumber(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string byteSize(std::size_t bytes) {
    constexpr std::size_t kMB = 1u << 20;
    if (bytes >= kMB && bytes % kMB == 0) return std::to_string(bytes / kMB) + " MB";
    if (bytes >= kMB) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / kMB);
        return text;
    }
    return std::to_string(bytes / 1024) + " KB";
}

std::size_t charCount(std::string_view text) {
    std::size_t chars = 0;
    for (const char c : text)
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // continuation bytes are not characters
    return chars;
}

bool textTooLong(std::string_view text) {
    return text.size() > kMaxTextChars && charCount(text) > kMaxTextChars;
}

std::size_t bytesOfFirstChars(std::string_view text, std::size_t maxChars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars == maxChars) return i;
        ++chars;
    }
    return text.size();
}

std::string textTooLongMessage(std::string_view text) {
    return "the text is " + groupedNumber(charCount(text)) + " characters long; a text may have at most " +
           groupedNumber(kMaxTextChars) + " characters";
}

std::string textCutMessage() {
    return "Cut at " + groupedNumber(kMaxTextChars) +
           " characters, the most one text holds: the rest was not taken";
}

std::string fileTooLargeMessage(std::size_t bytes, std::size_t limit) {
    return "file is too large (" + byteSize(bytes) + "; the limit is " + byteSize(limit) + ")";
}

std::string tooManyRowsMessage() {
    return "more than " + groupedNumber(kMaxCsvRows) + " rows; a CSV import takes at most " +
           groupedNumber(kMaxCsvRows) + " rows (is it the right file? if so, split it)";
}

} // namespace plenary::core
