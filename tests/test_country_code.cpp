// A country code is kept upper case however it was typed: in the set-up's edits, a practice
// captured live (from a catalog that spells it in lower case), the CSV and the JSON imports.
#include "support/Process.hpp"

#include "core/SessionJson.hpp"
#include "core/Templates.hpp"
#include "session/Operations.hpp"
#include "session/Worker.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <fstream>

using namespace plenary;
using core::Id;

namespace {

const std::string kTemplates = std::string(PLENARY_SOURCE_DIR) + "/templates";

std::filesystem::path module(const test::TempDir& dir) {
    const auto resources = session::Resources::load(kTemplates);
    auto data = core::sessionFromTemplate(resources.requireFormat("urban-academy"), "Countries");
    data.people = {{1, "Sanna Mäkinen", "", "Helsinki", "FI", core::Role::Participant, 0}};
    data.sessions = {{1, "Schools", 1}};
    data.dilemmas = {{1, 1, 1, "How do we keep teachers?", 1, "", "", "", core::DilemmaStatus::Pending, 0}};
    const auto path = dir / "module.plenary";
    store::SessionStore::create(path, data);
    return path;
}

core::SessionData reload(const std::filesystem::path& path) {
    return store::SessionStore::open(path, store::OpenMode::ReadOnly)->load();
}

} // namespace

TEST_CASE("country: a code is upper case and without spaces around it") {
    CHECK(core::countryCode("nl") == "NL");
    CHECK(core::countryCode(" gR\t") == "GR");
    CHECK(core::countryCode("DE") == "DE");
    CHECK(core::countryCode("") == "");
}

TEST_CASE("country: edits and live captures write the code upper case") {
    test::TempDir dir;
    const auto path = module(dir);
    session::Worker worker(dir.path(), kTemplates);
    std::vector<std::string> errors;
    worker.setReporter([&](session::Message m) { errors.push_back(m.text); });
    REQUIRE(worker.open(path, false));
    auto& w = *worker.workshop();

    const Id added = w.addPerson(core::Person{0, "Joost", "", "Utrecht", "nl", core::Role::Participant, 0});
    auto sanna = *core::findPerson(w.data(), 1);
    sanna.country = "fi ";
    REQUIRE(w.updatePerson(sanna));
    const Id typed = w.addPractice(
        core::Practice{0, 1, 0, "Buddies", "", "Ghent", "be", 0, "", "", false, false, false, false});

    // Live: a practice taken from a catalog entry spelt in lower case.
    auto& live = worker.live();
    live.goToDilemma(1);
    while (live.captureKind() != core::CaptureKind::Practice)
        live.nextPhase();
    core::CatalogPractice entry;
    entry.id = "lower-case";
    entry.title = "Parent cafés";
    entry.city = "Wien";
    entry.country = "at";
    REQUIRE(live.capture("Parent", 1, &entry));

    const auto file = reload(path);
    for (const auto* data : {&w.data(), &file}) {
        CHECK(core::findPerson(*data, added)->country == "NL");
        CHECK(core::findPerson(*data, 1)->country == "FI");
        REQUIRE(data->practices.size() == 2);
        for (const auto& p : data->practices)
            CHECK(p.country == (p.id == typed ? "BE" : "AT"));
    }
    CHECK(errors.empty());
}

TEST_CASE("country: the JSON and CSV imports write the code upper case") {
    test::TempDir dir;
    // JSON: the example with its codes in lower case.
    std::string json = test::readFile(std::string(PLENARY_EXAMPLES) + "/urban-academy-education.json");
    for (std::size_t at = 0; (at = json.find("\"country\": \"", at)) != std::string::npos;) {
        at += 12;
        for (; json[at] != '"'; ++at)
            json[at] = static_cast<char>(std::tolower(static_cast<unsigned char>(json[at])));
    }
    REQUIRE(json.find("\"country\": \"gb\"") != std::string::npos);
    const auto jsonFile = dir / "lower.json";
    std::ofstream(jsonFile) << json;
    session::importJsonFile(jsonFile, dir / "from-json.plenary");
    const auto imported = reload(dir / "from-json.plenary");
    REQUIRE_FALSE(imported.people.empty());
    for (const auto& p : imported.people) {
        CAPTURE(p.name);
        CHECK(p.country == core::countryCode(p.country));
    }
    CHECK(core::findPerson(imported, 1)->country == "GB");

    // CSV: dilemmas whose presenters are new people.
    const auto csv = dir / "dilemmas.csv";
    std::ofstream(csv) << "session;question;presenter;organisation;city;country;information\n"
                          "Housing;How do we keep newcomers housed?;Ines Duarte;;Lisboa;pt;\n";
    const auto resources = session::Resources::load(kTemplates);
    REQUIRE(session::importCsvFile(resources, csv, dir / "from-csv.plenary") > 0);
    const auto fromCsv = reload(dir / "from-csv.plenary");
    REQUIRE(fromCsv.people.size() == 1);
    CHECK(fromCsv.people[0].country == "PT");
}
