#include "bench/LibraryBench.hpp"

#include "bench/ScreenBench.hpp"

#include "core/SessionJson.hpp"
#include "session/Library.hpp"
#include "session/Paths.hpp"
#include "store/SessionStore.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

namespace plenary::bench {

namespace fs = std::filesystem;

namespace {

core::SessionData demoWorkshop() {
    const fs::path path = session::resourceFolder() / "sessions" / "examples" / "urban-academy-education.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the demo workshop " + path.string());
    return core::parseSessionJson(std::string(std::istreambuf_iterator<char>(in), {}), path.filename().string());
}

// Words swapped per file, so that 500 files are not 500 copies of one index's rows: each file
// swaps its own subset, and gets a place and a number of its own in every text.
constexpr std::array<std::pair<const char*, const char*>, 12> kSwaps{{{"teachers", "educators"},
                                                                     {"refugees", "newcomers"},
                                                                     {"housing", "homes"},
                                                                     {"language", "Dutch"},
                                                                     {"city", "municipality"},
                                                                     {"school", "college"},
                                                                     {"work", "employment"},
                                                                     {"children", "pupils"},
                                                                     {"parents", "families"},
                                                                     {"course", "programme"},
                                                                     {"young", "youth"},
                                                                     {"mentor", "buddy"}}};
constexpr std::array<const char*, 10> kPlaces{"Łódź",     "Gdańsk", "Αθήνα",   "Москва", "Ærø",
                                              "Straßburg", "Lisboa", "Tampere", "Utrecht", "Bologna"};

void vary(std::string& text, int file) {
    if (text.empty()) return;
    for (std::size_t s = 0; s < kSwaps.size(); ++s) {
        if (!((file >> s) & 1)) continue;
        const std::string from = kSwaps[s].first;
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
            text.replace(at, from.size(), kSwaps[s].second);
    }
    text += std::string(" (") + kPlaces[static_cast<std::size_t>(file) % kPlaces.size()] + " " +
            std::to_string(file) + ")";
}

void writeLibrary(const fs::path& folder, int files) {
    fs::create_directories(folder);
    const auto demo = demoWorkshop();
    for (int i = 0; i < files; ++i) {
        auto data = demo;
        vary(data.workshop.title, i);
        data.workshop.date = std::to_string(2012 + i % 14) + data.workshop.date.substr(std::min<std::size_t>(4, data.workshop.date.size()));
        for (auto& d : data.dilemmas)
            for (auto* text : {&d.question, &d.information, &d.reflection, &d.result})
                vary(*text, i);
        for (auto& q : data.questions)
            vary(q.text, i);
        for (auto& p : data.practices) {
            vary(p.title, i);
            vary(p.description, i);
        }
        for (auto& c : data.contributions)
            vary(c.text, i);
        store::SessionStore::create(folder / ("workshop-" + std::to_string(i) + ".plenary"), data);
    }
}

void removeIndex(const fs::path& index) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(index.string() + suffix, ec);
}

} // namespace

void measureLibrary(const fs::path& folder, int files, int rounds, std::vector<Figure>& out) {
    const std::string n = std::to_string(files);
    const std::string warmSearch = "search across " + n + " files, warm index";
    const std::string coldSearch = "search across " + n + " files, no index yet (every file read, then searched)";
    const std::string listing = "library listing of " + n + " files, warm index (Library opened, listed, filtered)";
    // The target is for 500 files; --quick's few files are shown for context.
    const std::optional<double> target = files == 500 ? std::optional<double>(100.0) : std::nullopt;
    const fs::path sessions = folder / "sessions";
    const fs::path index = folder / "cache" / "library-index.sqlite";
    // Words of the demo's texts, 1–3 of them, the last one a beginning as `plenary search` reads it.
    const std::vector<std::string> queries{"teachers",         "refugees housing", "language course",
                                           "diplomas recog",   "mentor",           "parents school",
                                           "Łódź",             "employment"};
    const std::string how = " of " + std::to_string(queries.size()) + " queries (Library opened, files stat'ed, searched)";
    try {
        writeLibrary(sessions, files);
        std::vector<double> cold;
        for (int r = 0; r < rounds; ++r) {
            removeIndex(index);
            const auto start = std::chrono::steady_clock::now();
            session::Library library(sessions, index);
            library.entries();
            library.search(queries[static_cast<std::size_t>(r) % queries.size()]);
            cold.push_back(millisecondsSince(start));
        }
        std::vector<double> p50, p99;
        for (int r = 0; r < rounds; ++r) {
            std::vector<double> times;
            for (const auto& query : queries) {
                const auto start = std::chrono::steady_clock::now();
                session::Library library(sessions, index);
                library.entries();
                const auto found = library.search(query);
                times.push_back(millisecondsSince(start));
                if (found.results == 0) throw std::runtime_error("the search for \"" + query + "\" found nothing");
            }
            p50.push_back(percentile(times, 0.5));
            p99.push_back(percentile(times, 0.99));
        }
        std::vector<double> listed;
        for (int r = 0; r < rounds * 3; ++r) {
            const auto start = std::chrono::steady_clock::now();
            session::Library library(sessions, index);
            library.entries();
            const auto list = library.filtered({});
            listed.push_back(millisecondsSince(start));
            if (static_cast<int>(list.size()) != files) throw std::runtime_error("the library lists " + std::to_string(list.size()) + " files");
        }
        out.push_back(figure(warmSearch + ", p50" + how, "ms", p50));
        out.push_back(figure(warmSearch + ", p99" + how, "ms", p99, target));
        out.push_back(figure(coldSearch, "ms", cold));
        out.push_back(figure(listing, "ms", listed));
        Repeats repeats;
        if (files < 500) repeats = Repeats{30, 1, 3};
        measureLibraryScreens(sessions, index, "(" + n + " files)", repeats, out);
    } catch (const std::exception& e) {
        out.push_back(missing(warmSearch + ", p99" + how, "ms", target, e.what()));
        out.push_back(missing(coldSearch, "ms", std::nullopt, e.what()));
        out.push_back(missing(listing, "ms", std::nullopt, e.what()));
    }
}

} // namespace plenary::bench
