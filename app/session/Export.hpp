#pragma once

#include "core/Model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Writing the rapporteur's report (PRODUCT.md §6) for the screens and the command line: one place
// that knows the formats, where a file goes by default, and how it is written — through a
// temporary file beside the target and a rename, never over a workshop file.
namespace plenary::session {

enum class ExportFormat { Markdown, Html, Word, Excel, Csv, Json };

struct ExportFormatInfo {
    ExportFormat format;
    const char* key;       // as the command line takes it: md, html, docx, xlsx, csv, json
    const char* name;      // as a screen offers it: "Word (.docx)"
    const char* extension; // ".docx"; "" for CSV, which writes a folder
    const char* purpose;   // one line for the export dialog
};

const std::vector<ExportFormatInfo>& exportFormats();
const ExportFormatInfo& exportFormatInfo(ExportFormat format);
std::optional<ExportFormat> exportFormatFromKey(std::string_view key);

struct ExportOptions {
    ExportFormat format = ExportFormat::Html;
    bool anonymise = false; // names replaced by role and city; not for JSON (the whole session)
    bool bom = false;       // CSV: start each file with the byte-order mark Excel wants
};

// Where an export goes unless told: beside the workshop file, named after it —
// "renewal.html", "renewal-anonymised.docx", "renewal-tables/" (CSV) in `folder` (the workshop's
// own folder when empty).
std::filesystem::path defaultExportPath(const std::filesystem::path& sessionFile, const ExportOptions& options,
                                        const std::filesystem::path& folder = {});

// Whether a format can be written to standard output (one text file: Markdown, HTML, JSON).
bool exportsAsText(ExportFormat format);

// The export as text, for standard output (exportsAsText formats only).
std::string exportText(const core::SessionData& data, const ExportOptions& options);

// Writes the export to `target` (a file; a folder for CSV) and returns what it wrote: the files,
// in the order written. Throws std::runtime_error with a message for the person exporting: a
// workshop file or a database is never written over, nor a link, a FIFO or a device.
std::vector<std::filesystem::path> exportSession(const core::SessionData& data, const ExportOptions& options,
                                                 const std::filesystem::path& target);

// The same for a workshop file that is not open (the library's list): opened read-only — reading
// it never writes it — and exported.
std::vector<std::filesystem::path> exportSessionFile(const std::filesystem::path& file, const ExportOptions& options,
                                                     const std::filesystem::path& target);

// The stylesheet the HTML report inlines (assets/report.css); empty, so the report still reads,
// when the file is missing.
std::string reportStylesheet();

} // namespace plenary::session
