// The HTML report writer: whatever the texts of a workshop hold, no unescaped '<' comes out — the
// report opens the same tags as for the same texts without markup characters (an SVG label's
// lines aside).
#include "ReportFill.hpp"

#include "export/HtmlExport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    const auto pair = fuzz::reportsFor(data, size);
    if (!pair) return 0;
    const std::string html = exporting::reportToHtml(pair->report, "body { margin: 0 }");
    const std::string reference = exporting::reportToHtml(pair->plain, "body { margin: 0 }");
    if (fuzz::tags(html) != fuzz::tags(reference))
        fuzz::broken("a text's '<' came out of the HTML writer unescaped");
    return 0;
}
