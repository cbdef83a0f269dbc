#include "cli/Commands.hpp"

#include "core/Csv.hpp"
#include "core/SessionJson.hpp"
#include "core/Templates.hpp"
#include "core/Text.hpp"
#include "session/Export.hpp"
#include "session/Forget.hpp"
#include "session/Library.hpp"
#include "session/Merge.hpp"
#include "session/Paths.hpp"
#include "session/Operations.hpp"
#include "session/Resources.hpp"
#include "store/AtomicFile.hpp"
#include "store/SessionStore.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <stdexcept>

namespace plenary::cli {

namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// A name padded with spaces to `width` characters (not bytes: names are UTF-8).
std::string padded(const std::string& text, std::size_t width) {
    const std::size_t chars = core::decodeUtf8(text).size();
    return text + std::string(width > chars ? width - chars : 0, ' ');
}

} // namespace

void commandNew(const std::string& templateKey, const fs::path& output, const std::string& title) {
    const auto resources = session::Resources::load();
    session::createFromTemplate(resources, templateKey, output, title);
    std::cout << "Created " << output.string() << " (" << resources.requireFormat(templateKey).name << ")\n";
}

void commandImport(const fs::path& input, const fs::path& output) {
    const std::string ext = lowerExtension(input);
    if (ext == ".json") {
        session::importJsonFile(input, output);
        std::cout << "Imported " << input.filename().string() << " into " << output.string() << "\n";
        return;
    }
    if (ext != ".csv") throw std::runtime_error(input.string() + ": import reads .json or .csv files");
    const int added = session::importCsvFile(session::Resources::load(), input, output);
    std::cout << "Added " << added << (added == 1 ? " entry" : " entries") << " from "
              << input.filename().string() << " to " << output.string() << "\n";
}

void commandExport(const fs::path& input, const std::string& format, const std::string& output, bool anonymise,
                   bool bom) {
    const auto kind = session::exportFormatFromKey(format);
    if (!kind) throw std::runtime_error("unknown export format \"" + format + "\" (use md, html, docx, xlsx, csv or json)");
    session::ExportOptions options{*kind, anonymise, bom};
    auto session = store::SessionStore::open(input, store::OpenMode::ReadOnly);
    const auto data = session->load();
    const bool toStandardOutput = output == "-" || (output.empty() && (*kind == session::ExportFormat::Markdown ||
                                                                          *kind == session::ExportFormat::Json));
    if (toStandardOutput) {
        if (!session::exportsAsText(*kind))
            throw std::runtime_error(std::string(session::exportFormatInfo(*kind).name) +
                                     " cannot go to standard output; give -o FILE");
        std::cout << session::exportText(data, options);
        return;
    }
    const fs::path target = output.empty() ? session::defaultExportPath(input, options) : fs::path(output);
    const auto written = session::exportSession(data, options, target);
    if (*kind == session::ExportFormat::Csv)
        std::cerr << "Wrote " << written.size() << " tables to " << core::forTerminal(target.string()) << "\n";
    else
        std::cerr << "Wrote " << core::forTerminal(target.string()) << "\n";
}

void commandInfo(const fs::path& input) {
    auto session = store::SessionStore::open(input, store::OpenMode::ReadOnly);
    const auto w = session->workshop();
    const auto c = session->counts();
    std::cout << "File:              " << core::forTerminal(input.string()) << "\n"
              << "Title:             " << core::forTerminal(w.title) << "\n"
              << "Format:            " << core::formatKey(w.format) << "\n"
              << "Date:              "
              << core::forTerminal(w.date + (w.endDate.empty() ? "" : " – " + w.endDate)) << "\n"
              << "Venue:             " << core::forTerminal(w.venue) << "\n"
              << "Schema version:    " << session->schemaVersion() << "\n"
              << "Integrity:         " << core::forTerminal(session->integrityCheck()) << "\n"
              << "People:            " << c.people << "\n"
              << "Thematic sessions: " << c.sessions << "\n"
              << "Dilemmas:          " << c.dilemmas << "\n"
              << "Questions:         " << c.questions << "\n"
              << "Practices:         " << c.practices << "\n"
              << "Contributions:     " << c.contributions << "\n"
              << "Phase log entries: " << c.phaseLog << "\n"
              << "Rings:             " << c.rings << "\n"
              << "Statements:        " << c.statements << "\n"
              << "Vote tallies:      " << c.votes << "\n"
              << "Undo steps:        " << c.undoSteps << "\n";
}

void commandMerge(const std::vector<fs::path>& inputs, const fs::path& output, const std::string& title) {
    const auto report = session::mergeFiles(inputs, output, title);
    std::vector<std::pair<std::string, core::WorkshopCounts>> rows;
    for (const auto& input : report.inputs)
        rows.emplace_back(core::forTerminal(input.path.filename().string()), input.counts);
    rows.emplace_back("merged: " + core::forTerminal(report.output.filename().string()), report.merged);
    std::size_t width = 0;
    for (const auto& row : rows)
        width = std::max(width, core::decodeUtf8(row.first).size());
    const char* columns[] = {"people",    "sessions",      "dilemmas", "questions",
                             "practices", "contributions", "phase log"};
    std::cout << padded("", width);
    for (const char* column : columns)
        std::cout << "  " << column;
    std::cout << "\n";
    for (const auto& [name, c] : rows) {
        std::cout << padded(name, width);
        int k = 0;
        for (const int n :
             {c.people, c.sessions, c.dilemmas, c.questions, c.practices, c.contributions, c.phaseLog})
            std::cout << "  " << std::setw(static_cast<int>(std::string(columns[k++]).size())) << n;
        std::cout << "\n";
    }
    std::cout << "people: " << report.duplicates << " merged as duplicates\n";
    for (const auto& note : report.notes)
        std::cout << "  " << core::forTerminal(note) << "\n";
}

int commandSearch(const std::string& query, const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder.string() + ": no such folder");
    session::Library library(folder, session::cacheFolder() / "library-index.sqlite");
    for (const auto& entry : library.entries())
        if (!entry.problem.empty()) std::cerr << "skipped: " << core::forTerminal(entry.problem) << "\n";
    if (!library.indexProblem().empty()) std::cerr << "note: " << core::forTerminal(library.indexProblem()) << "\n";
    const auto found = library.search(query);
    for (const auto& group : found.groups) {
        const auto& w = group.entry->workshop;
        std::cout << core::forTerminal(w.title) << " — " << core::forTerminal(group.entry->path.filename().string())
                  << (w.date.empty() ? "" : " (" + core::forTerminal(w.date) + ")") << "\n";
        for (const auto& result : group.results) {
            std::cout << "  " << result.kind << " " << result.ref;
            if (!result.context.empty()) std::cout << " (" << core::forTerminal(core::ellipsize(result.context, 60)) << ")";
            std::cout << ": " << core::forTerminal(core::markedText(result.snippet, "[", "]")) << "\n";
        }
    }
    if (found.more) std::cout << "(the first " << found.results << " matches; more words find fewer)\n";
    return found.results;
}

void commandForget(const std::string& name, const fs::path& target) {
    std::error_code ec;
    std::vector<session::ForgetOutcome> outcomes;
    if (fs::is_directory(target, ec))
        outcomes = session::forgetInFolder(target, name);
    else if (fs::exists(target, ec))
        outcomes.push_back(session::forgetInFile(target, name));
    else
        throw std::runtime_error(target.string() + ": no such file or folder");
    int forgotten = 0;
    int skipped = 0;
    for (const auto& outcome : outcomes) {
        if (outcome.kind == session::ForgetOutcome::Kind::Forgotten) {
            std::cout << core::forTerminal(outcome.path.filename().string()) << ": "
                      << session::describe(outcome.changes) << "\n";
            ++forgotten;
        } else if (outcome.kind == session::ForgetOutcome::Kind::Skipped) {
            std::cerr << "skipped: " << core::forTerminal(outcome.reason) << "\n";
            ++skipped;
        }
    }
    std::cout.flush();
    // The library's index (the cache `plenary search` and the window read) holds the files' texts:
    // it reads the changed ones again and keeps no trace of the name.
    if (forgotten > 0) {
        session::Library library(fs::is_directory(target, ec) ? target : target.parent_path(),
                                 session::cacheFolder() / "library-index.sqlite");
        library.purgeIndex();
    }
    if (skipped > 0)
        throw std::runtime_error(std::to_string(skipped) + (skipped == 1 ? " file was" : " files were") +
                                 " skipped and may still name them");
    if (forgotten == 0) throw std::runtime_error("nobody called \"" + name + "\" in " + target.string());
}

} // namespace plenary::cli
