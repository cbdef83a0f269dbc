#include "export/LinkTarget.hpp"

#include "core/Text.hpp"

namespace plenary::exporting {

std::string linkTarget(std::string_view url) {
    // No apostrophe: it may close a quoted attribute in a careless reader of the markup.
    static constexpr std::string_view kKept = "-._~:/?#[]@!$&()*+,;=%";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : core::trim(url)) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            kKept.find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

} // namespace plenary::exporting
