#include "bench/ExportBench.hpp"

#include "export/JsonExport.hpp"
#include "session/Export.hpp"
#include "session/Operations.hpp"
#include "store/SessionStore.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>

namespace plenary::bench {

namespace fs = std::filesystem;

void measureExport(const fs::path& folder, const fs::path& ua, const fs::path& so, const std::string& tag,
                   int repeats, std::vector<Figure>& out) {
    struct Case {
        const char* what;
        const fs::path* file;
        session::ExportFormat format;
        std::optional<double> target;
    };
    const Case cases[] = {
        {"HTML", &ua, session::ExportFormat::Html, 200.0},
        {"HTML, Social Olympics", &so, session::ExportFormat::Html, 200.0},
        {"Word", &ua, session::ExportFormat::Word, std::nullopt},
        {"Excel", &ua, session::ExportFormat::Excel, std::nullopt},
        {"CSV", &ua, session::ExportFormat::Csv, std::nullopt},
        {"Markdown", &ua, session::ExportFormat::Markdown, std::nullopt},
    };
    for (const auto& c : cases) {
        const session::ExportOptions options{c.format, false, false};
        const fs::path target = session::defaultExportPath(*c.file, options, folder);
        std::vector<double> samples;
        try {
            for (int i = 0; i < repeats; ++i) {
                const auto start = std::chrono::steady_clock::now();
                auto store = store::SessionStore::open(*c.file, store::OpenMode::ReadOnly);
                session::exportSession(store->load(), options, target);
                samples.push_back(millisecondsSince(start));
            }
            // The target is the stress workshop's (1×): an export writes every word, so at 4× it
            // takes about four times as long, and is shown for context.
            const auto goal = tag == "1x" ? c.target : std::nullopt;
            out.push_back(figure(std::string("export to ") + c.what + " (" + tag + ")", "ms", samples, goal));
        } catch (const std::exception& e) {
            out.push_back(missing(std::string("export to ") + c.what + " (" + tag + ")", "ms", c.target, e.what()));
        }
    }
}

void measureImport(const fs::path& folder, const fs::path& ua, const std::string& tag, int repeats,
                   std::vector<Figure>& out) {
    const std::string name = "import of the stress workshop's JSON (" + tag + ")";
    try {
        const fs::path json = folder / "stress-import.json";
        {
            auto store = store::SessionStore::open(ua, store::OpenMode::ReadOnly);
            std::ofstream(json, std::ios::binary) << exporting::sessionToJson(store->load());
        }
        std::cerr << "bench: the stress workshop's JSON (" << tag << ") is " << fs::file_size(json) / (1024 * 1024)
                  << " MB\n";
        std::vector<double> samples;
        for (int i = 0; i < repeats; ++i) {
            const fs::path target = folder / ("imported-" + std::to_string(i) + ".plenary");
            fs::remove(target);
            const auto start = std::chrono::steady_clock::now();
            session::importJsonFile(json, target);
            samples.push_back(millisecondsSince(start));
            fs::remove(target);
        }
        out.push_back(figure(name, "ms", samples));
    } catch (const std::exception& e) {
        out.push_back(missing(name, "ms", std::nullopt, e.what()));
    }
}

} // namespace plenary::bench
