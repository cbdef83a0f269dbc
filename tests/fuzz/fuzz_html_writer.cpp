// The HTML report writer: whatever the texts of a workshop hold, no unescaped '<' comes out — the
// report opens the same tags as for the same texts without markup characters (an SVG label's
// lines aside).
#include "ReportFill.hpp"

#include "export/HtmlExport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    if (size == 0) return 0;
    const auto texts = fuzz::texts(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    const auto& base = fuzz::exampleReport(data[0] & 1);
    auto report = fuzz::filled(base, texts);
    if (data[0] & 2) report = core::anonymise(std::move(report));
    const auto plain = fuzz::defused(report);
    const std::string html = exporting::reportToHtml(report, "body { margin: 0 }");
    const std::string reference = exporting::reportToHtml(plain, "body { margin: 0 }");
    if (fuzz::tags(html) != fuzz::tags(reference))
        fuzz::broken("a text's '<' came out of the HTML writer unescaped");
    return 0;
}
