// The Markdown report writer: whatever the texts of a workshop hold, no unescaped '<' comes out
// (a Markdown renderer would take it for HTML).
#include "ReportFill.hpp"

#include "export/MarkdownExport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    const auto pair = fuzz::reportsFor(data, size);
    if (!pair) return 0;
    const std::string markdown = exporting::reportToMarkdown(pair->report);
    const std::string reference = exporting::reportToMarkdown(pair->plain);
    if (fuzz::openings(markdown) != fuzz::openings(reference))
        fuzz::broken("a text's '<' came out of the Markdown writer unescaped");
    return 0;
}
