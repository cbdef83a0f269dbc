// The text functions every typed word goes through (search folding, snippets, cutting for the
// screen, cleaning for documents and terminals): any bytes, never a crash, and a snippet's marks
// stay inside its text, in order, on character boundaries.
#include "FuzzSupport.hpp"

#include "core/Snippet.hpp"
#include "core/Text.hpp"

#include <utf8.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    const auto parts = fuzz::texts(std::string_view(reinterpret_cast<const char*>(data), size));
    const std::string& typed = parts.front();
    const std::string& text = parts.size() > 1 ? parts[1] : parts.front();
    (void)core::foldForSearch(text);
    (void)core::foldedForIndex(text);
    (void)core::forDocument(text);
    (void)core::forTerminal(text);
    (void)core::ellipsize(text, size % 64);
    const auto terms = core::searchTerms(typed);
    (void)core::ftsQueryAll(terms);
    (void)core::ftsQueryAny(core::significantWords(text));
    const auto snippet = core::snippetFor(text, terms, size % 20);
    std::size_t last = 0;
    for (const auto& [begin, end] : snippet.marks) {
        if (begin < last || end <= begin || end > snippet.text.size()) fuzz::broken("a snippet mark out of place");
        const auto continues = [&](std::size_t at) {
            return at < snippet.text.size() && (static_cast<unsigned char>(snippet.text[at]) & 0xC0) == 0x80;
        };
        if (utf8::is_valid(snippet.text.begin(), snippet.text.end()) && (continues(begin) || continues(end)))
            fuzz::broken("a snippet mark splits a character");
        last = end;
    }
    (void)core::markedText(snippet, "[", "]");
    return 0;
}
