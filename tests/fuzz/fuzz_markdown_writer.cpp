// The Markdown report writer: whatever the texts of a workshop hold, no unescaped '<' comes out
// (a Markdown renderer would take it for HTML).
#include "ReportFill.hpp"

#include "export/MarkdownExport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    if (size == 0) return 0;
    const auto texts = fuzz::texts(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    const auto& base = fuzz::exampleReport(data[0] & 1);
    auto report = fuzz::filled(base, texts);
    if (data[0] & 2) report = core::anonymise(std::move(report));
    const auto plain = fuzz::defused(report);
    const std::string markdown = exporting::reportToMarkdown(report);
    const std::string reference = exporting::reportToMarkdown(plain);
    if (fuzz::openings(markdown) != fuzz::openings(reference))
        fuzz::broken("a text's '<' came out of the Markdown writer unescaped");
    return 0;
}
