// The shipped templates (templates/): formats, practice catalog, benchmark set, question rules.
// They load without problems; a broken file is reported by name and field and never stops the rest.
#include "core/JsonRead.hpp"
#include "core/Templates.hpp"
#include "core/VoteScale.hpp"
#include "store/TemplateFiles.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace plenary::core;
namespace fs = std::filesystem;

namespace {

const fs::path kTemplates = fs::path(PLENARY_SOURCE_DIR) / "templates";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& line : lines)
        all += line + "\n";
    return all;
}

class TempFolder {
public:
    TempFolder() {
        std::random_device rd;
        m_path = fs::temp_directory_path() /
                 ("plenary-templates-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    REQUIRE(out.good());
}

std::string formatError(const std::string& json) {
    try {
        (void)parseFormatTemplate(json, "mine.json");
    } catch (const JsonError& e) {
        return e.what();
    }
    FAIL("expected a JsonError for " << json);
    return {};
}

const std::string kGoodSo = R"({
  "key": "so", "name": "SO", "format": "social-olympics",
  "rings": [ { "key": "a", "name": "A", "colour": "#112233" }, { "key": "b", "name": "B", "colour": "#aabbcc" } ],
  "rounds": [ { "number": 1, "name": "One" } ],
  "scale": "agreement", "threshold": 0.5
})";

} // namespace

TEST_CASE("templates: the shipped templates load with no problems") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    CHECK_MESSAGE(set.problems.empty(), joined(set.problems));
    CHECK(set.formats.size() >= 2);
    CHECK(set.questionRules.size() >= 4);
    CHECK(set.catalog.size() >= 100);
    CHECK(set.benchmarks.size() >= 1);
    CHECK(set.format("urban-academy") != nullptr);
    CHECK(set.format("social-olympics") != nullptr);
    CHECK(set.format("no-such-format") == nullptr);
}

TEST_CASE("templates: the Urban Academy template has the five phases") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    const auto* ua = set.format("urban-academy");
    REQUIRE(ua != nullptr);
    CHECK(ua->format == Format::UrbanAcademy);
    REQUIRE(ua->phases.size() == 5);
    const std::vector<std::string> keys{"present", "questions", "reflection", "ideas", "result"};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CAPTURE(i);
        CHECK(ua->phases[i].key == keys[i]);
        CHECK(ua->phases[i].seconds > 0);
        CHECK(ua->phases[i].position == static_cast<int>(i) + 1);
        CHECK_FALSE(ua->phases[i].name.empty());
        CHECK_FALSE(ua->phases[i].prompt.empty());
    }
}

TEST_CASE("templates: the Social Olympics template has rings, rounds and a scale") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    const auto* so = set.format("social-olympics");
    REQUIRE(so != nullptr);
    CHECK(so->format == Format::SocialOlympics);
    CHECK(so->rings.size() == 5);
    std::set<std::string> ringKeys;
    for (const auto& ring : so->rings) {
        CHECK(ring.colour.size() == 7);
        CHECK_FALSE(ring.name.empty());
        ringKeys.insert(ring.key);
    }
    CHECK(ringKeys.size() == 5);
    REQUIRE(so->rounds.size() == 3);
    for (std::size_t i = 0; i < so->rounds.size(); ++i) {
        CHECK(so->rounds[i].number == static_cast<int>(i) + 1);
        CHECK_FALSE(so->rounds[i].name.empty());
    }
    CHECK(findScale(so->scale) != nullptr);
    CHECK(so->threshold > 0.0);
    CHECK(so->threshold <= 1.0);
}

TEST_CASE("templates: the practice catalog has at least 100 complete practices") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    REQUIRE(set.catalog.size() >= 100);
    std::set<std::string> ids;
    int withLink = 0;
    for (const auto& p : set.catalog) {
        CAPTURE(p.id);
        CHECK_FALSE(p.id.empty());
        CHECK_FALSE(p.title.empty());
        CHECK_FALSE(p.summary.empty());
        CHECK_FALSE(p.source.empty());
        CHECK_FALSE(p.theme.empty());
        CHECK_FALSE(p.targetGroup.empty());
        CHECK(ids.insert(p.id).second);
        CHECK((p.country.empty() ||
               (p.country.size() == 2 && std::isupper(static_cast<unsigned char>(p.country[0])) &&
                std::isupper(static_cast<unsigned char>(p.country[1])))));
        CHECK((p.link.empty() || p.link.rfind("http://", 0) == 0 || p.link.rfind("https://", 0) == 0));
        if (!p.link.empty()) ++withLink;
    }
    CHECK(withLink > 0);
}

TEST_CASE("templates: the Whole-COMM benchmark set has the five dimensions") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    REQUIRE_FALSE(set.benchmarks.empty());
    const BenchmarkSet* wholeComm = nullptr;
    for (const auto& b : set.benchmarks)
        if (contains(b.name, "Whole-COMM")) wholeComm = &b;
    REQUIRE(wholeComm != nullptr);
    CHECK_FALSE(wholeComm->source.empty());
    std::set<std::string> keys;
    for (const auto& d : wholeComm->dimensions) {
        CAPTURE(d.key);
        keys.insert(d.key);
        CHECK_FALSE(d.name.empty());
        CHECK(d.statements.size() >= 3);
        for (const auto& s : d.statements)
            CHECK_FALSE(s.empty());
    }
    CHECK(keys == std::set<std::string>{"governance", "employment", "education", "health", "housing"});
}

TEST_CASE("templates: a broken file is reported by name and field; the others still load") {
    TempFolder folder;
    const auto root = folder.path();
    fs::create_directories(root / "formats");
    fs::copy_file(kTemplates / "formats" / "urban-academy.json", root / "formats" / "urban-academy.json");
    // A bad colour in the third ring.
    writeFile(root / "formats" / "broken-colour.json",
              R"({"key":"x","name":"X","format":"social-olympics","scale":"agreement",)"
              R"("rounds":[{"number":1,"name":"R"}],"rings":[{"key":"a","name":"A","colour":"#000000"},)"
              R"({"key":"b","name":"B","colour":"#111111"},{"key":"c","name":"C","colour":"blue"}]})");
    // Not JSON at all.
    writeFile(root / "formats" / "not-json.json", "{\"key\": \"y\",\n  \"name\": oops\n}");
    // A catalog with a wrongly typed field, and a good one next to it.
    writeFile(root / "catalog" / "bad.json",
              R"({"practices":[{"id":"a","title":"A"},{"id":"b","title":7}]})");
    writeFile(root / "catalog" / "good.json", R"({"practices":[{"id":"c","title":"C","summary":"S"}]})");
    writeFile(root / "benchmarks" / "empty.json", R"({"name":"nothing","dimensions":[]})");
    writeFile(root / "questions" / "xx.json", R"({"language":"xx"})");
    // Files that are not .json are ignored.
    writeFile(root / "formats" / "README.txt", "not a template");

    const auto set = plenary::store::loadTemplates(root);
    CHECK(set.formats.size() == 1);
    CHECK(set.format("urban-academy") != nullptr);
    REQUIRE(set.catalog.size() == 1);
    CHECK(set.catalog[0].id == "c");
    CHECK(set.benchmarks.empty());
    CHECK(set.questionRules.empty());
    const std::string all = joined(set.problems);
    CHECK_MESSAGE(set.problems.size() == 5, all);
    CHECK_MESSAGE(contains(all, "broken-colour.json: rings[2]: colour must look like #2B6CB0"), all);
    CHECK_MESSAGE(contains(all, "not-json.json: line 2, column 11"), all);
    CHECK_MESSAGE(contains(all, "bad.json: practices[1].title: expected text"), all);
    CHECK_MESSAGE(contains(all, "empty.json: dimensions"), all);
    CHECK_MESSAGE(contains(all, "xx.json"), all);
    CHECK_FALSE(contains(all, "README"));
}

TEST_CASE("templates: a copied format template that keeps the original key is reported") {
    TempFolder folder;
    const auto root = folder.path();
    fs::create_directories(root / "formats");
    fs::copy_file(kTemplates / "formats" / "urban-academy.json", root / "formats" / "urban-academy.json");
    fs::copy_file(kTemplates / "formats" / "urban-academy.json",
                  root / "formats" / "urban-academy-copy.json");
    const auto set = plenary::store::loadTemplates(root);
    CHECK(set.formats.size() == 1);
    REQUIRE(set.problems.size() == 1);
    // Files are read in name order: "urban-academy-copy.json" sorts before "urban-academy.json".
    CHECK(set.problems[0] ==
          (root / "formats" / "urban-academy.json").string() +
              ": key \"urban-academy\" is already used by urban-academy-copy.json; this file is "
              "ignored (give a copied template its own key)");
}

TEST_CASE("templates: a folder without templates is a problem, not a crash") {
    TempFolder folder;
    const auto set = plenary::store::loadTemplates(folder.path() / "missing");
    CHECK(set.formats.empty());
    REQUIRE(set.problems.size() == 1);
    CHECK(contains(set.problems[0], "no format templates found"));
}

TEST_CASE("templates: format errors name the field") {
    CHECK_NOTHROW(parseFormatTemplate(kGoodSo, "mine.json"));

    std::string wrongScale = kGoodSo;
    wrongScale.replace(wrongScale.find("\"agreement\""), 11, "\"thumbs\"");
    CHECK(formatError(wrongScale) ==
          "mine.json: scale: \"thumbs\" is not agreement, fist-to-five, gradients or dots");

    std::string badColour = kGoodSo;
    badColour.replace(badColour.find("#aabbcc"), 7, "#aabbcg");
    CHECK(formatError(badColour) == "mine.json: rings[1]: colour must look like #2B6CB0");

    std::string badThreshold = kGoodSo;
    badThreshold.replace(badThreshold.find("0.5"), 3, "1.5");
    CHECK(formatError(badThreshold) == "mine.json: threshold must be above 0 and at most 1");

    std::string dots = kGoodSo;
    dots.replace(dots.find("\"agreement\""), 11, "\"dots\"");
    CHECK(contains(formatError(dots), "mine.json: dotBudget:"));

    // Found by the fuzzer: a template whose workshop would fail its own checks is refused.
    std::string twice = kGoodSo;
    twice.replace(twice.find("[ { \"number\": 1, \"name\": \"One\" } ]"), 34,
                  "[ { \"number\": 1, \"name\": \"One\" }, { \"number\": 1, \"name\": \"Again\" } ]");
    CHECK(formatError(twice) == "mine.json: rounds[1]: number 1 is used twice");
    std::string sameRing = kGoodSo;
    sameRing.replace(sameRing.find("\"key\": \"b\""), 10, "\"key\": \"a\"");
    CHECK(formatError(sameRing) == "mine.json: rings[1]: key \"a\" is used twice");
    std::string foldedRing = kGoodSo; // a spreadsheet could never name the second one
    foldedRing.replace(foldedRing.find("\"key\": \"b\""), 10, "\"key\": \" A\"");
    CHECK(formatError(foldedRing) == "mine.json: rings[1]: key \" A\" is used twice");

    CHECK(formatError(
              R"({"key":"u","name":"U","format":"urban-academy","phases":[)"
              R"({"key":"present","name":"P","seconds":60},{"key":"debate","name":"D","seconds":60}]})") ==
          "mine.json: phases[1]: key \"debate\" is not one of present, questions, reflection, ideas, result");
    CHECK(formatError(R"({"key":"u","name":"U","format":"urban-academy","phases":[)"
                      R"({"key":"present","name":"P","seconds":0}]})") ==
          "mine.json: phases[0]: seconds must be between 1 and 14400");
    CHECK(formatError(R"({"key":"u","name":"U","format":"urban-academy","phases":[)"
                      R"({"key":"present","name":"P","seconds":"60"}]})") ==
          "mine.json: phases[0].seconds: expected a whole number");
    CHECK(formatError(R"({"key":"u","name":"U","format":"urban-academy","phases":[]})") ==
          "mine.json: phases: an Urban Academy template needs at least one phase");
    CHECK(formatError(R"({"key":"u","name":"U","format":"debate"})") ==
          "mine.json: format must be \"urban-academy\" or \"social-olympics\"");
    CHECK(formatError(R"({"key":"u","name":"U","format":"urban-academy","colour":"#000000"})") ==
          "mine.json: colour: unknown field");
    CHECK(
        formatError(
            R"({"name":"U","format":"urban-academy","phases":[{"key":"present","name":"P","seconds":5}]})") ==
        "mine.json: key and name are required");
}

TEST_CASE("templates: catalog and benchmark errors name the field") {
    auto catalogError = [](const std::string& json) -> std::string {
        try {
            (void)parsePracticeCatalog(json, "cat.json");
        } catch (const JsonError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(catalogError(R"({"practices":[{"id":"a","title":"A"},{"id":"a","title":"B"}]})") ==
          "cat.json: practices[1]: id \"a\" is used twice");
    CHECK(catalogError(R"({"practices":[{"id":"a"}]})") ==
          "cat.json: practices[0]: a practice needs an id and a title");
    CHECK(catalogError(R"({"practices":[{"id":"a","title":"A","web":"x"}]})") ==
          "cat.json: practices[0].web: unknown field");
    CHECK(catalogError(R"({"items":[]})") == "cat.json: items: unknown field");

    auto benchmarkError = [](const std::string& json) -> std::string {
        try {
            (void)parseBenchmarkSet(json, "b.json");
        } catch (const JsonError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(benchmarkError(R"({"name":"B","dimensions":[{"key":"k","statements":"one"}]})") ==
          "b.json: dimensions[0].statements: expected a list [ … ]");
    CHECK(benchmarkError(R"({"name":"B","dimensions":[{"key":"k","statements":["one",2]}]})") ==
          "b.json: dimensions[0].statements[1]: expected text");
    CHECK(benchmarkError(R"({"name":"B"})") == "b.json: dimensions: at least one dimension is needed");
}

TEST_CASE("templates: sessionFromTemplate copies phases, rings and scale") {
    const auto set = plenary::store::loadTemplates(kTemplates);
    const auto* ua = set.format("urban-academy");
    const auto* so = set.format("social-olympics");
    REQUIRE(ua != nullptr);
    REQUIRE(so != nullptr);

    const auto uaSession = sessionFromTemplate(*ua, "My module");
    CHECK(uaSession.workshop.title == "My module");
    CHECK(uaSession.workshop.format == Format::UrbanAcademy);
    CHECK(uaSession.workshop.templateKey == "urban-academy");
    CHECK(uaSession.phases == ua->phases);
    CHECK(uaSession.rings.empty());
    CHECK(uaSession.workshop.scale.empty());

    const auto soSession = sessionFromTemplate(*so, "");
    CHECK(soSession.workshop.title == so->name); // no title: the template's name
    CHECK(soSession.workshop.format == Format::SocialOlympics);
    CHECK(soSession.workshop.scale == so->scale);
    CHECK(soSession.workshop.threshold == so->threshold);
    CHECK(soSession.workshop.dotBudget == so->dotBudget);
    CHECK(soSession.workshop.rounds == 3);
    REQUIRE(soSession.rings.size() == so->rings.size());
    for (std::size_t i = 0; i < so->rings.size(); ++i) {
        CHECK(soSession.rings[i].id == static_cast<Id>(i) + 1);
        CHECK(soSession.rings[i].position == static_cast<int>(i) + 1);
        CHECK(soSession.rings[i].key == so->rings[i].key);
        CHECK(soSession.rings[i].name == so->rings[i].name);
        CHECK(soSession.rings[i].colour == so->rings[i].colour);
    }
}
