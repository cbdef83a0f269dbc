#include "session/Export.hpp"

#include "core/Report.hpp"
#include "export/CsvExport.hpp"
#include "export/DocxExport.hpp"
#include "export/HtmlExport.hpp"
#include "export/JsonExport.hpp"
#include "export/MarkdownExport.hpp"
#include "export/XlsxExport.hpp"
#include "session/Paths.hpp"
#include "store/AtomicFile.hpp"
#include "store/SessionStore.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace plenary::session {

namespace fs = std::filesystem;

const std::vector<ExportFormatInfo>& exportFormats() {
    static const std::vector<ExportFormatInfo> formats = {
        {ExportFormat::Html, "html", "Web page to print (.html)", ".html",
         "One file for any browser; print it to PDF for a report fit to send. Charts included."},
        {ExportFormat::Word, "docx", "Word (.docx)", ".docx",
         "To edit in Word or LibreOffice Writer: headings, lists and tables."},
        {ExportFormat::Excel, "xlsx", "Excel (.xlsx)", ".xlsx",
         "The annex: one sheet per table, numbers as numbers, header row frozen."},
        {ExportFormat::Csv, "csv", "CSV tables (folder)", "",
         "One UTF-8 file per table, for a spreadsheet or a script."},
        {ExportFormat::Markdown, "md", "Markdown (.md)", ".md", "Plain text with light markup."},
        {ExportFormat::Json, "json", "JSON (.json)", ".json",
         "The whole session, to import into Plenary again; never anonymised."},
    };
    return formats;
}

const ExportFormatInfo& exportFormatInfo(ExportFormat format) {
    for (const auto& info : exportFormats())
        if (info.format == format) return info;
    return exportFormats().front();
}

std::optional<ExportFormat> exportFormatFromKey(std::string_view key) {
    for (const auto& info : exportFormats())
        if (key == info.key) return info.format;
    return std::nullopt;
}

bool exportsAsText(ExportFormat format) {
    return format == ExportFormat::Markdown || format == ExportFormat::Html || format == ExportFormat::Json;
}

fs::path defaultExportPath(const fs::path& sessionFile, const ExportOptions& options, const fs::path& folder) {
    const fs::path where = folder.empty() ? sessionFile.parent_path() : folder;
    std::string stem = sessionFile.stem().string();
    if (stem.empty()) stem = "report";
    if (options.anonymise && options.format != ExportFormat::Json) stem += "-anonymised";
    if (options.format == ExportFormat::Csv) return where / (stem + "-tables");
    return where / (stem + exportFormatInfo(options.format).extension);
}

std::string reportStylesheet() {
    std::ifstream in(resourceFolder() / "assets" / "report.css", std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    return text.str();
}

namespace {

core::Report reportFor(const core::SessionData& data, const ExportOptions& options) {
    core::Report report = core::buildReport(data);
    return options.anonymise ? core::anonymise(std::move(report)) : report;
}

void refuseAnonymousJson(const ExportOptions& options) {
    if (options.format == ExportFormat::Json && options.anonymise)
        throw std::runtime_error("JSON is the whole session, to import again, and is never anonymised; "
                                 "choose HTML, Word, Excel, CSV or Markdown for an anonymised report");
}

std::vector<fs::path> writeCsvFolder(const core::Report& report, bool bom, const fs::path& folder) {
    std::error_code ec;
    const auto status = fs::symlink_status(folder, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        throw std::runtime_error(folder.string() + " is a file; CSV tables are written into a folder");
    if (folder.extension() == ".plenary")
        throw std::runtime_error(folder.string() + " is named as a workshop file; choose another folder");
    const bool fresh = !fs::exists(status);
    fs::create_directories(folder, ec);
    if (ec) throw std::runtime_error("cannot create the folder " + folder.string() + ": " + ec.message());
    std::vector<fs::path> written;
    std::set<std::string> names;
    try {
        for (const auto& file : exporting::reportToCsv(report, bom)) {
            const fs::path path = folder / file.name;
            store::writeFileAtomically(path, file.content);
            written.push_back(path);
            names.insert(file.name);
        }
    } catch (...) {
        // A folder this export made holds only its tables: half of them are no export at all.
        if (fresh) fs::remove_all(folder, ec);
        throw;
    }
    // An older export's table that this one does not write (people.csv before an anonymised
    // export) must not stay beside the new ones.
    for (const auto& key : core::reportTableKeys()) {
        const std::string name = key + ".csv";
        if (names.count(name)) continue;
        const fs::path stale = folder / name;
        if (fs::is_regular_file(fs::symlink_status(stale, ec))) fs::remove(stale, ec);
    }
    return written;
}

} // namespace

std::string exportText(const core::SessionData& data, const ExportOptions& options) {
    refuseAnonymousJson(options);
    switch (options.format) {
    case ExportFormat::Json: return exporting::sessionToJson(data);
    case ExportFormat::Markdown: return exporting::reportToMarkdown(reportFor(data, options));
    case ExportFormat::Html: return exporting::reportToHtml(reportFor(data, options), reportStylesheet());
    default: break;
    }
    throw std::runtime_error(std::string(exportFormatInfo(options.format).name) +
                             " is not text; give a file to write it to (-o FILE)");
}

std::vector<fs::path> exportSession(const core::SessionData& data, const ExportOptions& options,
                                    const fs::path& target) {
    refuseAnonymousJson(options);
    if (target.empty()) throw std::runtime_error("no file to export to");
    if (options.format == ExportFormat::Csv) return writeCsvFolder(reportFor(data, options), options.bom, target);
    if (options.format == ExportFormat::Excel) {
        const auto report = reportFor(data, options);
        store::writeFileAtomically(target, [&](const fs::path& temp) {
            try {
                exporting::writeXlsx(report, temp);
            } catch (const std::runtime_error& e) {
                // Named as the person knows the file, not by its temporary name.
                std::string message = e.what();
                if (const auto at = message.find(temp.string()); at != std::string::npos)
                    message.replace(at, temp.string().size(), target.string());
                throw std::runtime_error(message);
            }
        });
    } else if (options.format == ExportFormat::Word) {
        store::writeFileAtomically(target, exporting::reportToDocx(reportFor(data, options)));
    } else {
        store::writeFileAtomically(target, exportText(data, options));
    }
    return {target};
}

std::vector<fs::path> exportSessionFile(const fs::path& file, const ExportOptions& options, const fs::path& target) {
    auto store = store::SessionStore::open(file, store::OpenMode::ReadOnly);
    return exportSession(store->load(), options, target);
}

} // namespace plenary::session
