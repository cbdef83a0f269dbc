#include "export/CsvExport.hpp"

#include "core/Text.hpp"
#include "export/PlainText.hpp"

namespace plenary::exporting {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kRecordEnd = "\r\n";

// Characters a spreadsheet may take as the start of a formula: OWASP's list, and the full-width
// and minus-sign look-alikes some spreadsheets (and their autocorrect) map onto them.
constexpr std::string_view kFormulaStarts[] = {
    "=", "+", "-", "@", "\t", "\r",
    "\xEF\xBC\x9D", // U+FF1D ＝
    "\xEF\xBC\x8B", // U+FF0B ＋
    "\xEF\xBC\x8D", // U+FF0D －
    "\xEF\xBC\xA0", // U+FF20 ＠
    "\xE2\x88\x92", // U+2212 −
};

} // namespace

bool looksLikeFormula(std::string_view text) {
    for (const auto start : kFormulaStarts)
        if (text.substr(0, start.size()) == start) return true;
    return false;
}

std::string csvText(std::string_view raw) {
    // The model's text is clean already; cleaning again keeps a file valid UTF-8 whatever is passed.
    const std::string text = isPlainText(raw) ? std::string(raw) : core::forDocument(raw);
    std::string field;
    if (looksLikeFormula(text)) field += '\'';
    field += text;
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (const char c : field) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csvField(const core::ReportCell& cell) {
    using Kind = core::ReportCell::Kind;
    switch (cell.kind) {
    case Kind::Text: return csvText(cell.text);
    case Kind::Integer:
    case Kind::Decimal: return cell.display(); // digits, a sign and a point: never quoted or prefixed
    case Kind::Empty: break;
    }
    return {};
}

std::string tableToCsv(const core::ReportTable& table) {
    std::string out;
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        out += (i == 0 ? "" : ",") + csvText(table.columns[i]);
    out += kRecordEnd;
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i == 0 ? "" : ",") + csvField(row[i]);
        out += kRecordEnd;
    }
    return out;
}

std::vector<CsvFile> reportToCsv(const core::Report& report, bool bom) {
    std::vector<CsvFile> files;
    for (const auto& table : core::reportTables(report)) {
        CsvFile file{table.key + ".csv", bom ? std::string(kBom) : std::string()};
        file.content += tableToCsv(table);
        files.push_back(std::move(file));
    }
    return files;
}

} // namespace plenary::exporting
