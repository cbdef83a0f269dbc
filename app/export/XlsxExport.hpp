#pragma once

#include "core/Report.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

// The report's tables as an Excel workbook (docs/export-formats.md), written with libxlsxwriter:
// one sheet per table of core::reportTables, the header row bold and frozen, numbers as numbers,
// text always as text (never a formula, so nothing in it is ever evaluated).
namespace plenary::exporting {

// Excel holds at most this many characters (UTF-16 units) in a cell.
inline constexpr std::size_t kExcelCellLimit = 32767;

// What ends a text cut at Excel's limit.
inline constexpr std::string_view kExcelCutNote = " … [cut here: the full text is in the HTML and CSV reports]";

// The text as one cell holds it: unchanged when it fits Excel's limit; otherwise cut at a whole
// character so that, with kExcelCutNote after it, it fits.
std::string fitExcelCell(std::string_view text);

// Sheet names for the tables, in order: the title (else the key), without the characters Excel
// forbids ([ ] : * ? / \), no apostrophe at either end, at most 31 characters, and unique whatever
// the case (a number is added to a repeated name).
std::vector<std::string> sheetNames(const std::vector<core::ReportTable>& tables);

// Writes the workbook to `file` (libxlsxwriter writes only to a file name: the caller passes a
// temporary name beside the target and renames it). Throws std::runtime_error naming the file
// and the library's error.
void writeXlsx(const core::Report& report, const std::filesystem::path& file);

// The same for given tables (the report's, or a test's).
void writeXlsxTables(const std::vector<core::ReportTable>& tables, const std::string& title,
                     const std::filesystem::path& file);

} // namespace plenary::exporting
