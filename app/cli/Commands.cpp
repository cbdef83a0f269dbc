#include "cli/Commands.hpp"

#include "core/Csv.hpp"
#include "core/SessionJson.hpp"
#include "core/Templates.hpp"
#include "export/JsonExport.hpp"
#include "export/MarkdownExport.hpp"
#include "store/Paths.hpp"
#include "store/SessionStore.hpp"
#include "store/TemplateFiles.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace plenary::cli {

namespace fs = std::filesystem;

void writeFileAtomically(const fs::path& path, const std::string& text) {
    const fs::path temp = path.string() + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + path.string());
        out << text;
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + path.string() + " (disk full?)");
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
    }
}

namespace {

store::TemplateSet templates() {
    return store::loadTemplates(store::resourceFolder() / "templates");
}

const core::FormatTemplate& requireFormat(const store::TemplateSet& set, const std::string& key) {
    if (const auto* format = set.format(key)) return *format;
    std::string known;
    for (const auto& f : set.formats)
        known += (known.empty() ? "" : ", ") + f.key;
    std::string message = "no template named \"" + key + "\" (available: " + known + ")";
    if (!set.problems.empty()) message += "; " + set.problems.front();
    throw std::runtime_error(message);
}

std::string lowerExtension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

void commandNew(const std::string& templateKey, const fs::path& output, const std::string& title) {
    const auto set = templates();
    const auto& format = requireFormat(set, templateKey);
    store::SessionStore::create(output, core::sessionFromTemplate(format, title));
    std::cout << "Created " << output.string() << " (" << format.name << ")\n";
}

void commandImport(const fs::path& input, const fs::path& output) {
    const std::string text = store::readTextFile(input);
    const std::string ext = lowerExtension(input);
    if (ext == ".json") {
        auto data = core::parseSessionJson(text, input.filename().string());
        store::SessionStore::create(output, data);
        std::cout << "Imported " << input.filename().string() << " into " << output.string() << "\n";
        return;
    }
    if (ext != ".csv") throw std::runtime_error(input.string() + ": import reads .json or .csv files");
    const auto batch = core::parseImportCsv(text, input.filename().string());
    std::error_code ec;
    std::unique_ptr<store::SessionStore> session;
    if (fs::exists(output, ec)) {
        session = store::SessionStore::open(output);
    } else {
        const auto set = templates();
        session = store::SessionStore::create(
            output, core::sessionFromTemplate(requireFormat(set, "urban-academy"), input.stem().string()));
    }
    const int added = session->importCsv(batch);
    std::cout << "Added " << added << (added == 1 ? " entry" : " entries") << " from "
              << input.filename().string() << " to " << output.string() << "\n";
}

void commandExport(const fs::path& input, const std::string& format, const std::optional<fs::path>& output) {
    auto session = store::SessionStore::open(input, store::OpenMode::ReadOnly);
    const auto data = session->load();
    std::string text;
    if (format == "json")
        text = exporting::sessionToJson(data);
    else if (format == "md")
        text = exporting::sessionToMarkdown(data);
    else
        throw std::runtime_error("unknown export format \"" + format + "\" (use json or md)");
    if (!output || output->string() == "-") {
        std::cout << text;
        return;
    }
    writeFileAtomically(*output, text);
    std::cerr << "Wrote " << output->string() << "\n";
}

void commandInfo(const fs::path& input) {
    auto session = store::SessionStore::open(input, store::OpenMode::ReadOnly);
    const auto w = session->workshop();
    const auto c = session->counts();
    std::cout << "File:              " << input.string() << "\n"
              << "Title:             " << w.title << "\n"
              << "Format:            " << core::formatKey(w.format) << "\n"
              << "Date:              " << w.date << (w.endDate.empty() ? "" : " – " + w.endDate) << "\n"
              << "Venue:             " << w.venue << "\n"
              << "Schema version:    " << session->schemaVersion() << "\n"
              << "Integrity:         " << session->integrityCheck() << "\n"
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

int commandSearch(const std::string& query, const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder.string() + ": no such folder");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".plenary") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    int total = 0;
    for (const auto& file : files) {
        try {
            auto session = store::SessionStore::open(file, store::OpenMode::ReadOnly);
            for (const auto& hit : session->search(query, 20)) {
                std::cout << file.filename().string() << "\t" << hit.kind << " " << hit.ref << "\t"
                          << hit.snippet << "\n";
                ++total;
            }
        } catch (const std::exception& e) {
            std::cerr << "skipped " << e.what() << "\n";
        }
    }
    return total;
}

} // namespace plenary::cli
