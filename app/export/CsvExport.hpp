#pragma once

#include "core/Report.hpp"

#include <string>
#include <string_view>
#include <vector>

// The report's tables as CSV files (docs/export-formats.md): one file per table of
// core::reportTables, UTF-8, a header row, fields quoted as RFC 4180 asks. Records end in CRLF, as
// RFC 4180 and Excel write them; every reader (Excel, LibreOffice, Python's csv, core::parseCsv)
// takes them, and a line break inside a field stays the LF the user typed.
namespace plenary::exporting {

// True when a spreadsheet would read a text cell as a formula: it starts with = + - @, a tab, a
// carriage return, or the full-width ＝ ＋ － ＠ or the minus sign − (OWASP, CSV injection).
bool looksLikeFormula(std::string_view text);

// A text field: a leading apostrophe when it looks like a formula, then quoted when it holds a
// comma, a quote, a CR or a LF (quotes doubled).
std::string csvText(std::string_view text);

// A cell as a field: text as csvText; numbers as plain numbers, never prefixed (a delta of -0.25
// is a number); a decimal with its digits and a point ("0.666667"); an empty cell empty.
std::string csvField(const core::ReportCell& cell);

// One table: the header row (its columns) and a record per row, each ended by CRLF.
std::string tableToCsv(const core::ReportTable& table);

struct CsvFile {
    std::string name;    // "<key>.csv"
    std::string content; // UTF-8, with the byte-order mark when asked
};

// One file per table of core::reportTables(report). `bom` starts each with the UTF-8 byte-order
// mark, which Excel needs to read accents (LibreOffice and scripts do not).
std::vector<CsvFile> reportToCsv(const core::Report& report, bool bom);

} // namespace plenary::exporting
