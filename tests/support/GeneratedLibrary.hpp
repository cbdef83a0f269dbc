#pragma once

// A folder of a few hundred workshop files for the library tests (tests/test_library.cpp): varied
// titles, years, venues, countries and themes in both formats, names and texts in Polish, Greek,
// Cyrillic, German and Danish, a few planted texts the tests look for, and broken or hostile files
// beside them. Everything written is remembered, so the tests compare the library with it.
#include "core/Model.hpp"
#include "core/Templates.hpp"
#include "session/Resources.hpp"
#include "store/SessionStore.hpp"
#include "support/Process.hpp"

#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace plenary::test {

struct GeneratedFile {
    std::filesystem::path path;
    core::SessionData data;
    std::set<int> themes;             // indices into GeneratedLibrary::kThemes
    std::set<std::string> countries;  // as the store keeps them (upper case)
};

struct BrokenFile {
    std::filesystem::path path;
    std::string what;
    bool regular = true; // false: a pipe or a link loop, which has no bytes to compare
};

class GeneratedLibrary {
public:
    // Two spellings of one theme (as a reader compares them) and one of each script.
    static constexpr std::array<const char*, 8> kThemes{"Gdańsk harbour", "gdansk HARBOUR ", "Straßenbahn",
                                                        "Αθήνα port",     "Москва river",   "Ærø ferries",
                                                        "Housing",        "Łódź schools"};
    static constexpr int kGdanskA = 0, kGdanskB = 1;
    struct Place {
        const char* city;
        const char* country; // as typed: the store keeps it upper case
    };
    static constexpr std::array<Place, 7> kPlaces{{{"Łódź", "PL"},
                                                   {"Gdańsk", "pl"},
                                                   {"Αθήνα", "GR"},
                                                   {"Москва", "RU"},
                                                   {"Berlin", "DE"},
                                                   {"Ærøskøbing", "DK"},
                                                   {"Amsterdam", "NL"}}};
    static constexpr std::array<const char*, 8> kVenues{
        "Rathaus, Straße des 17. Juni", "Łódź Fabryczna", "Πολιτιστικό κέντρο Αθήνα", "Дом культуры, Москва",
        "Ærø Rådhus",                   "",              "Gdańsk Shipyard",         "Zaal 3, Amsterdam"};
    static constexpr std::array<const char*, 6> kTitles{"Spring school", "Wohnen in der Straße",
                                                        "Μεταναστευτική πολιτική", "Городская политика",
                                                        "Łódź integration lab", "Ærø island days"};

    // Files the tests look for by what they hold.
    struct Planted {
        std::filesystem::path rankShort;  // "zephyrine" three times in a short text
        std::filesystem::path rankLong;   // "zephyrine" once in a long text
        std::filesystem::path rankOther;  // "zephyrine" once in a question
        std::vector<std::filesystem::path> catalogUses; // one catalog practice, three titles
        std::vector<std::filesystem::path> councilUses; // "Łódź Youth Council" as typed four ways
        std::filesystem::path similarPast;    // the dilemma most like kSimilarText
        std::filesystem::path similarCurrent; // the workshop on screen: the same dilemma
        std::filesystem::path similarWeak;    // shares one of its words
        std::filesystem::path syntax;         // FTS5 operators as plain text
        std::filesystem::path hostileText;    // control characters, a 50 KB text
    };
    static constexpr const char* kSimilarText =
        "Should the quokka sanctuary fund a ferryboat to the lighthouse or a marmalade kitchen?";
    static constexpr const char* kSimilarPractice = "Ferry pass for island commuters";

    GeneratedLibrary(const std::filesystem::path& folder, int count, const std::string& catalogId)
        : m_folder(folder) {
        const auto resources = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates");
        const auto& ua = resources.requireFormat("urban-academy");
        const auto& so = resources.requireFormat("social-olympics");
        for (int i = 0; i < count; ++i) {
            // The planted files are the first ones, all Urban Academy.
            const bool conference = i >= 20 && i % 5 == 4;
            auto file = generate(i, conference ? so : ua, conference);
            plant(i, file, catalogId);
            store::SessionStore::create(file.path, file.data);
            files.push_back(std::move(file));
        }
        writeBroken();
    }

    const std::filesystem::path& folder() const { return m_folder; }
    const GeneratedFile& file(const std::filesystem::path& path) const {
        for (const auto& f : files)
            if (f.path == path) return f;
        throw std::runtime_error("not generated: " + path.string());
    }

    std::vector<GeneratedFile> files;
    std::vector<BrokenFile> broken;
    Planted planted;

private:
    static std::string word(int i) {
        static constexpr std::array<const char*, 16> words{
            "teachers", "housing",    "Łódź",      "language", "Gdańsk", "employment", "Straße", "Αθήνα",
            "Москва",   "childcare",  "transport", "mentors",  "Ærø",    "schools",    "health", "volunteers"};
        return words[static_cast<std::size_t>(i) % words.size()];
    }
    static std::string sentence(int seed, int words) {
        std::string out;
        for (int k = 0; k < words; ++k)
            out += (k ? " " : "") + word(seed * 7 + k * 3);
        return out + ".";
    }

    GeneratedFile generate(int i, const core::FormatTemplate& format, bool conference) {
        GeneratedFile f;
        f.path = m_folder / ("workshop-" + std::to_string(i) + ".plenary");
        const std::string n = std::to_string(i);
        auto& d = f.data;
        d = core::sessionFromTemplate(format, std::string(kTitles[static_cast<std::size_t>(i) % kTitles.size()]) +
                                                  (i % 3 ? " " + n : std::string()));
        auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
        d.workshop.date = std::to_string(2015 + i % 10) + "-" + two(1 + i * 7 % 12) + "-" + two(1 + i * 11 % 28);
        d.workshop.venue = kVenues[static_cast<std::size_t>(i) % kVenues.size()];
        d.workshop.description = sentence(i, 8);
        for (int k = 0; k < 3; ++k) {
            const auto& place = kPlaces[static_cast<std::size_t>(i + k * 2) % kPlaces.size()];
            static constexpr std::array<const char*, 6> names{"Łukasz Wróbel", "Γιώργος Παπαδόπουλος",
                                                              "Анна Смирнова", "Jürgen Weiß", "Søren Ærø",
                                                              "Zofia Gałązka"};
            d.people.push_back({k + 1, names[static_cast<std::size_t>(i + k) % names.size()], "City of " + n,
                                place.city, place.country, k == 0 ? core::Role::Facilitator : core::Role::Participant,
                                0});
            f.countries.insert(core::countryCode(place.country));
        }
        for (int s = 0; s < 2; ++s) {
            const int theme = (i + s * 3) % static_cast<int>(kThemes.size());
            d.sessions.push_back({s + 1, kThemes[static_cast<std::size_t>(theme)], s + 1});
            f.themes.insert(theme);
        }
        if (conference) {
            for (int s = 0; s < 3; ++s)
                d.statements.push_back({s + 1, d.rings[static_cast<std::size_t>(s) % d.rings.size()].id, s + 1, "Statement " + n + ": " + sentence(i + s, 6), 0});
            return f;
        }
        for (int k = 0; k < 4; ++k) {
            core::Dilemma dilemma;
            dilemma.id = k + 1;
            dilemma.session = 1 + k / 2;
            dilemma.position = 1 + k % 2;
            dilemma.presenter = 1 + k % 3;
            dilemma.question = "How can " + word(i + k) + " keep " + word(i * 3 + k) + " " + n + "-" +
                               std::to_string(k) + "?";
            dilemma.information = sentence(i + k, 20);
            d.dilemmas.push_back(dilemma);
            for (int q = 0; q < 2; ++q)
                d.questions.push_back({k * 2 + q + 1, k + 1, q + 1, "Why " + sentence(i + k + q, 5), 1 + q, true, false});
            const auto& place = kPlaces[static_cast<std::size_t>(i + k) % kPlaces.size()];
            core::Practice practice;
            practice.id = k + 1;
            practice.dilemma = k + 1;
            practice.position = 1;
            practice.title = "Practice " + word(i + k) + " " + n + "-" + std::to_string(k);
            practice.description = sentence(i * 5 + k, 10);
            practice.city = place.city;
            practice.country = place.country;
            d.practices.push_back(practice);
            f.countries.insert(core::countryCode(place.country));
        }
        d.contributions.push_back({1, core::ContributionKind::Introduction, 0, 1, "Welcome " + n, sentence(i, 12), 1});
        return f;
    }

    void plant(int i, GeneratedFile& f, const std::string& catalogId) {
        auto& d = f.data;
        switch (i) {
        case 1:
            d.dilemmas[0].information = "Zephyrine winds: zephyrine, zephyrine.";
            planted.rankShort = f.path;
            break;
        case 2: {
            std::string text;
            for (int k = 0; k < 60; ++k)
                text += sentence(k, 6) + (k == 30 ? " A zephyrine breeze. " : " ");
            d.dilemmas[1].information = text;
            planted.rankLong = f.path;
            break;
        }
        case 3:
            d.questions[2].text = "Is a zephyrine wind ever cold?";
            planted.rankOther = f.path;
            break;
        case 5: case 6: case 7: {
            static constexpr std::array<const char*, 3> titles{"Mentoring for newcomers", "mentoring scheme",
                                                               "Buddy programme"};
            d.practices[1].title = titles[static_cast<std::size_t>(i - 5)];
            d.practices[1].catalog = catalogId;
            planted.catalogUses.push_back(f.path);
            break;
        }
        case 8: case 10: case 11:
            d.practices[0].title = i == 8 ? "Łódź Youth Council" : i == 10 ? "lodz youth council" : "ŁÓDŹ YOUTH COUNCIL ";
            if (i == 11) d.practices[2].title = "Lodz Youth Council";
            planted.councilUses.push_back(f.path);
            break;
        case 12: case 13:
            d.dilemmas[2].question = kSimilarText;
            d.practices[2].title = kSimilarPractice;
            (i == 12 ? planted.similarPast : planted.similarCurrent) = f.path;
            break;
        case 15:
            d.dilemmas[3].question = "Where should the lighthouse keepers live?";
            planted.similarWeak = f.path;
            break;
        case 16:
            d.questions[0].text = "Say \"AND (-* to the NEAR( col: crowd";
            planted.syntax = f.path;
            break;
        case 17: {
            d.workshop.title = "\x1b[31mAlarm\x07 Łódź\r\n\tlab";
            std::string big;
            while (big.size() < 50 * 1024)
                big += "filler text without the city ";
            d.dilemmas[0].information = big + "then Łódź at the very end.";
            d.questions[0].text = "Bell \x07 and escape \x1b[2J in Łódź?";
            planted.hostileText = f.path;
            break;
        }
        default: break;
        }
    }

    // A file Plenary made, changed from outside by `sql`.
    void alteredCopy(const std::string& name, const std::string& sql, const std::string& what) {
        const auto path = m_folder / name;
        auto data = files.front().data;
        data.dilemmas.front().question = "Which hostileword should nobody find?";
        store::SessionStore::create(path, data);
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
            db.exec(sql);
        }
        broken.push_back({path, what});
    }

    void writeBytes(const std::string& name, const std::string& bytes, const std::string& what) {
        const auto path = m_folder / name;
        std::ofstream(path, std::ios::binary) << bytes;
        broken.push_back({path, what});
    }

    void writeBroken() {
        namespace fs = std::filesystem;
        {
            const auto path = m_folder / "truncated.plenary";
            store::SessionStore::create(path, files.front().data);
            fs::resize_file(path, fs::file_size(path) / 2);
            broken.push_back({path, "truncated"});
        }
        std::mt19937 random(7);
        std::string noise(8192, '\0');
        for (auto& c : noise)
            c = static_cast<char>(random() & 0xff);
        writeBytes("noise.plenary", noise, "random bytes");
        writeBytes("notes.plenary", "Minutes of the meeting\nnothing else\n", "a text file");
        writeBytes("empty.plenary", "", "an empty file");
        alteredCopy("newer.plenary", "PRAGMA user_version = 9999", "a newer schema version");
        alteredCopy("view.plenary", "CREATE VIEW peek AS SELECT * FROM people", "a view added");
        alteredCopy("trigger.plenary",
                    "CREATE TRIGGER stamp AFTER INSERT ON questions BEGIN UPDATE workshop SET title = 'x'; END",
                    "a trigger added");
        {
            const auto path = m_folder / "other-app.plenary";
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES "
                    "('hostileword')");
            broken.push_back({path, "another program's database"});
        }
        const auto pipe = m_folder / "x.plenary";
        if (::mkfifo(pipe.c_str(), 0600) != 0) throw std::runtime_error("cannot make a pipe");
        broken.push_back({pipe, "a pipe", false});
        fs::create_symlink(m_folder / "loop-b.plenary", m_folder / "loop-a.plenary");
        fs::create_symlink(m_folder / "loop-a.plenary", m_folder / "loop-b.plenary");
        broken.push_back({m_folder / "loop-a.plenary", "a link loop", false});
        broken.push_back({m_folder / "loop-b.plenary", "a link loop", false});
    }

    std::filesystem::path m_folder;
};

// One generated library of 300 files for every test that only reads, with its index in a cache
// folder of its own, both removed at exit.
struct SharedLibrary {
    TempDir folder{memoryFolder()};
    TempDir cache{memoryFolder()};
    std::vector<core::CatalogPractice> catalog =
        session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    GeneratedLibrary library{folder.path(), 300, catalog.at(0).id};
    std::filesystem::path index() const { return cache / "library-index.sqlite"; }
};

inline const SharedLibrary& sharedLibrary() {
    static const SharedLibrary shared;
    return shared;
}

} // namespace plenary::test
