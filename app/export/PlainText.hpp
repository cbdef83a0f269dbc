#pragma once

#include <string_view>

namespace plenary::exporting {

// Printable ASCII, tabs and line feeds: text that cleaning for a document (core::forDocument) or
// for XML would leave as it is, so the writers skip decoding it (most of a report's text).
inline bool isPlainText(std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n') || c >= 0x7F) return false;
    }
    return true;
}

} // namespace plenary::exporting
