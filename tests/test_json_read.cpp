// Reading JSON through cereal (core/JsonRead): malformed, oversize, too deep or wrongly typed input
// is reported as a JsonError naming the source and the place — never an abort or another exception.
#include "core/JsonRead.hpp"
#include "core/SessionJson.hpp"
#include "export/JsonExport.hpp"

#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <cstdint>
#include <exception>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;

namespace {

std::string readFile(const std::string& path) {
    REQUIRE_MESSAGE(std::filesystem::exists(path), "cannot open " << path);
    return plenary::test::readFile(path);
}

std::string exampleJson(const char* name) {
    return readFile(std::string(PLENARY_SOURCE_DIR) + "/sessions/examples/" + name);
}

// The message of the JsonError that parsing throws; fails the test if nothing (or something else) is thrown.
std::string sessionError(const std::string& json, const std::string& source = "x.json") {
    try {
        (void)parseSessionJson(json, source);
    } catch (const JsonError& e) {
        return e.what();
    } catch (const std::exception& e) {
        FAIL("expected JsonError, got another exception: " << e.what());
    }
    FAIL("expected JsonError for: " << json.substr(0, 200));
    return {};
}

std::string checkError(const std::string& text, const JsonLimits& limits = {}) {
    try {
        checkJsonText(text, "t.json", limits);
    } catch (const JsonError& e) {
        return e.what();
    }
    FAIL("expected JsonError for: " << text.substr(0, 200));
    return {};
}

// A minimal valid session with one extra root member spliced in.
std::string session(const std::string& extra) {
    std::string json = R"({"format":"plenary-session","version":1,"workshop":{"title":"T"})";
    if (!extra.empty()) json += "," + extra;
    return json + "}";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("json: malformed text names the source, line and column") {
    const std::string text = "{\n  \"a\": 1,\n  \"b\": ,\n}";
    const auto message = checkError(text);
    CHECK_MESSAGE(contains(message, "t.json: line 3, column 8"), message);

    // Through the session parser too, with the file name given by the caller.
    const auto viaSession =
        sessionError("{\"format\": \"plenary-session\",\n\"version\": 1 \"workshop\": {}}", "demo.json");
    CHECK_MESSAGE(contains(viaSession, "demo.json: line 2, column 14"), viaSession);
}

TEST_CASE("json: columns count characters, not UTF-8 bytes") {
    // "Ελλάδα" is 6 characters but 12 bytes; the error is at the character after the string.
    const auto message = checkError("{\"Ελλάδα\" 1}");
    CHECK_MESSAGE(contains(message, "line 1, column 11"), message);
}

TEST_CASE("json: empty and whitespace-only text is an error, not a crash") {
    CHECK(contains(checkError(""), "t.json: line 1, column 1"));
    CHECK(contains(checkError("   \n  "), "t.json: line 2"));
    CHECK(contains(sessionError(""), "x.json: line 1"));
}

TEST_CASE("json: a truncated file is reported with its line") {
    const std::string json = plenary::exporting::sessionToJson(
        parseSessionJson(exampleJson("urban-academy-education.json"), "urban-academy-education.json"));
    for (const std::size_t cut : {json.size() / 3, json.size() / 2, json.size() - 3}) {
        const auto message = sessionError(json.substr(0, cut), "cut.json");
        CHECK_MESSAGE(contains(message, "cut.json: line "), message);
    }
}

TEST_CASE("json: the root must be an object") {
    CHECK(contains(checkError("[1, 2]"), "t.json: expected an object { … } at the top"));
    CHECK(contains(checkError("\"text\""), "expected an object"));
    CHECK(contains(checkError("42"), "expected an object"));
    CHECK(contains(sessionError("[]"), "x.json: expected an object"));
}

TEST_CASE("json: nesting is limited before parsing") {
    JsonLimits limits;
    limits.maxDepth = 8;
    std::string deep = "{\"a\":";
    for (int i = 0; i < 20; ++i)
        deep += "[";
    for (int i = 0; i < 20; ++i)
        deep += "]";
    deep += "}";
    const auto message = checkError(deep, limits);
    CHECK_MESSAGE(contains(message, "nested more than 8 levels deep"), message);
    CHECK_MESSAGE(contains(message, "line 1, column 13"), message); // the 8th opening bracket: depth 9

    // Exactly at the limit is fine.
    std::string atLimit = "{\"a\":";
    for (int i = 0; i < 7; ++i)
        atLimit += "[";
    for (int i = 0; i < 7; ++i)
        atLimit += "]";
    atLimit += "}";
    CHECK_NOTHROW(checkJsonText(atLimit, "t.json", limits));

    // Brackets inside strings (even after escaped quotes) do not count.
    std::string inString = "{\"a\":\"\\\"";
    for (int i = 0; i < 50; ++i)
        inString += "[{";
    inString += "\"}";
    CHECK_NOTHROW(checkJsonText(inString, "t.json", limits));

    // A hostile session file a million levels deep is refused without exhausting the stack.
    std::string hostile = "{\"people\":";
    hostile += std::string(1'000'000, '[');
    const auto sessionMessage = sessionError(hostile, "deep.json");
    CHECK_MESSAGE(contains(sessionMessage, "deep.json: line 1, column 42: nested more than 32 levels deep"),
                  sessionMessage);
}

TEST_CASE("json: size is limited before parsing") {
    JsonLimits limits;
    limits.maxBytes = 2048;
    const std::string big = "{\"a\":\"" + std::string(4096, 'x') + "\"}";
    const auto message = checkError(big, limits);
    CHECK_MESSAGE(contains(message, "t.json: file is too large (4 KB; the limit is 2 KB)"), message);
    CHECK_NOTHROW(checkJsonText("{\"a\":\"" + std::string(1000, 'x') + "\"}", "t.json", limits));
    // JsonIn checks before handing the text to cereal.
    CHECK_THROWS_AS(JsonIn(big, "t.json", limits), JsonError);
}

TEST_CASE("json: wrong types name the dotted path and what was expected") {
    struct Case {
        std::string extra;
        std::string expected;
    };
    const std::vector<Case> cases{
        {R"("thematicSessions":[{"id":1,"title":"S"}],"dilemmas":[{"id":1,"session":1,"question":"a"},)"
         R"({"id":2,"session":1,"question":"b"},{"id":3,"session":1,"question":7}])",
         "x.json: dilemmas[2].question: expected text"},
        {R"("people":[{"id":"one"}])", "x.json: people[0].id: expected a whole number"},
        {R"("people":[{"id":1.5}])", "x.json: people[0].id: expected a whole number"},
        {R"("people":[{"id":18446744073709551615}])", "x.json: people[0].id: expected a whole number"},
        {R"("phases":[{"key":"present","seconds":9999999999}])",
         "x.json: phases[0].seconds: number out of range"},
        {R"("questions":[{"id":1,"dilemma":1,"open":"yes"}])",
         "x.json: questions[0].open: expected true or false"},
        {R"("people":[{"id":1,"name":null}])", "x.json: people[0].name: expected text"},
        {R"("people":[{"id":1,"role":"boss"}])",
         "x.json: people[0].role: \"boss\" is not one of participant, facilitator, expert, rapporteur"},
        {R"("dilemmas":[{"id":1,"status":"finished"}])",
         "x.json: dilemmas[0].status: \"finished\" is not one of"},
    };
    for (const auto& c : cases) {
        const auto message = sessionError(session(c.extra));
        CHECK_MESSAGE(contains(message, c.expected), "got: " << message << "\nwanted: " << c.expected);
    }
    // Workshop settings.
    const auto threshold = sessionError(
        R"({"format":"plenary-session","version":1,"workshop":{"title":"T","threshold":"high"}})");
    CHECK_MESSAGE(contains(threshold, "x.json: workshop.threshold: expected a number"), threshold);
    const auto version =
        sessionError(R"({"format":"plenary-session","version":"1","workshop":{"title":"T"}})");
    CHECK_MESSAGE(contains(version, "x.json: version: expected a whole number"), version);
    // cereal's parser accepts NaN and Infinity; no setting can mean either.
    for (const char* value : {"NaN", "Infinity", "-Infinity"}) {
        const auto message = sessionError(std::string(R"({"format":"plenary-session","version":1,)") +
                                          R"("workshop":{"title":"T","threshold":)" + value + "}}");
        CHECK_MESSAGE(contains(message, "x.json: workshop.threshold: expected a number"), message);
    }
}

TEST_CASE("json: an unknown field is an error naming its path") {
    CHECK(contains(sessionError(session(R"("peeple":[])")), "x.json: peeple: unknown field"));
    const auto nested = sessionError(
        session(R"("thematicSessions":[{"id":1}],"dilemmas":[{"id":1,"session":1},{"id":2,"session":1},)"
                R"({"id":3,"session":1},{"id":4,"session":1,"questoin":"?"}])"));
    CHECK_MESSAGE(contains(nested, "x.json: dilemmas[3].questoin: unknown field"), nested);
    const auto workshop =
        sessionError(R"({"format":"plenary-session","version":1,"workshop":{"title":"T","titel":"U"}})");
    CHECK_MESSAGE(contains(workshop, "x.json: workshop.titel: unknown field"), workshop);
}

TEST_CASE("json: an object where a list is expected and the other way round") {
    const auto objectForList = sessionError(session(R"("people":{"id":1})"));
    CHECK_MESSAGE(contains(objectForList, "x.json: people: expected a list"), objectForList);
    const auto emptyObjectForList = sessionError(session(R"("people":{})"));
    CHECK_MESSAGE(contains(emptyObjectForList, "x.json: people: expected a list"), emptyObjectForList);
    const auto textForList = sessionError(session(R"("people":"Ann, Bob")"));
    CHECK_MESSAGE(contains(textForList, "x.json: people: expected a list"), textForList);
    const auto numberForList = sessionError(session(R"("votes":3)"));
    CHECK_MESSAGE(contains(numberForList, "x.json: votes: expected a list"), numberForList);

    const auto listForObject = sessionError(session(R"("people":[[1,2]])"));
    CHECK_MESSAGE(contains(listForObject, "x.json: people[0]: expected an object"), listForObject);
    const auto emptyListForObject = sessionError(session(R"("people":[[]])"));
    CHECK_MESSAGE(contains(emptyListForObject, "x.json: people[0]: expected an object"), emptyListForObject);
    const auto workshopList = sessionError(R"({"format":"plenary-session","version":1,"workshop":[]})");
    CHECK_MESSAGE(contains(workshopList, "x.json: workshop: expected an object"), workshopList);
    const auto textForObject = sessionError(session(R"("people":["Ann"])"));
    CHECK_MESSAGE(contains(textForObject, "x.json: people[0]: expected an object"), textForObject);
}

TEST_CASE("json: JsonIn reads values, nested objects and lists") {
    JsonIn in(R"({"name":"Zoë","n":-42,"big":9007199254740993,"x":0.25,"yes":true,)"
              R"("list":["a","β"],"obj":{"inner":[{"k":1},{"k":2}]},"empty":{},"none":[]})",
              "in.json");
    std::string name;
    std::int64_t big = 0;
    int n = 0;
    double x = 0;
    bool yes = false;
    std::vector<std::string> list;
    std::vector<int> ks;
    int emptyMembers = 0;
    std::size_t noneElements = 0;
    in.readRoot([&](std::string_view key) {
        if (key == "name")
            in.read(name);
        else if (key == "n")
            in.read(n);
        else if (key == "big")
            in.read(big);
        else if (key == "x")
            in.read(x);
        else if (key == "yes")
            in.read(yes);
        else if (key == "list")
            in.read(list);
        else if (key == "obj")
            in.readObject([&](std::string_view inner) {
                if (inner != "inner") return false;
                in.readArray([&](std::size_t) {
                    in.readObject([&](std::string_view k) {
                        int value = 0;
                        in.read(value);
                        ks.push_back(value);
                        return k == "k";
                    });
                });
                return true;
            });
        else if (key == "empty")
            in.readObject([&](std::string_view) {
                ++emptyMembers;
                return false;
            });
        else if (key == "none")
            in.readArray([&](std::size_t) { ++noneElements; });
        else
            return false;
        return true;
    });
    CHECK(name == "Zoë");
    CHECK(n == -42);
    CHECK(big == 9007199254740993LL);
    CHECK(x == doctest::Approx(0.25));
    CHECK(yes);
    CHECK(list == std::vector<std::string>{"a", "β"});
    CHECK(ks == std::vector<int>{1, 2});
    CHECK(emptyMembers == 0);
    CHECK(noneElements == 0);
}

TEST_CASE("json: JsonIn::fail names the current path") {
    JsonIn in(R"({"outer":{"items":[1,2,{"deep":"x"}]}})", "p.json");
    std::string message;
    try {
        in.readRoot([&](std::string_view) {
            in.readObject([&](std::string_view) {
                in.readArray([&](std::size_t i) {
                    if (i < 2) {
                        int ignored = 0;
                        in.read(ignored);
                        return;
                    }
                    in.readObject([&](std::string_view) {
                        in.fail("custom problem");
                        return true;
                    });
                });
                return true;
            });
            return true;
        });
    } catch (const JsonError& e) {
        message = e.what();
    }
    CHECK(message == "p.json: outer.items[2].deep: custom problem");
}

TEST_CASE("json: random damage to a session file only ever gives JsonError") {
    const std::string valid = plenary::exporting::sessionToJson(
        parseSessionJson(exampleJson("urban-academy-education.json"), "urban-academy-education.json"));
    REQUIRE(valid.size() > 1000);
    std::mt19937 random(20240611u); // fixed seed: the same mutations every run
    auto pick = [&](std::size_t bound) {
        return bound == 0 ? std::size_t{0} : std::uniform_int_distribution<std::size_t>(0, bound - 1)(random);
    };
    // Bytes that matter to JSON, plus a few that do not belong in it at all.
    const std::string interesting = "{}[]\",:\\0123456789-+.eEtfn \n\t\x01\x7f\xc3\xa9\xff";
    int errors = 0, accepted = 0, other = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string text = valid;
        const int mutations = 1 + static_cast<int>(pick(4));
        for (int m = 0; m < mutations && !text.empty(); ++m) {
            const std::size_t at = pick(text.size());
            switch (pick(6)) {
            case 0:
                text[at] = static_cast<char>(static_cast<unsigned char>(text[at]) ^ (1u << pick(8)));
                break;
            case 1:
                text[at] = interesting[pick(interesting.size())];
                break;
            case 2:
                text.resize(at);
                break;
            case 3:
                text.erase(at, 1 + pick(64));
                break;
            case 4: {
                const std::size_t length = 1 + pick(std::min<std::size_t>(256, text.size() - at));
                text.insert(pick(text.size()), text.substr(at, length));
                break;
            }
            default:
                text.insert(at, 1, interesting[pick(interesting.size())]);
                break;
            }
        }
        try {
            (void)parseSessionJson(text, "fuzz.json");
            ++accepted;
        } catch (const JsonError& e) {
            ++errors;
            if (!contains(e.what(), "fuzz.json")) {
                ++other;
                FAIL_CHECK("error without the source name: " << e.what());
            }
        } catch (const std::exception& e) {
            ++other;
            FAIL_CHECK("round " << round << ": not a JsonError: " << e.what());
        } catch (...) {
            ++other;
            FAIL_CHECK("round " << round << ": unknown exception");
        }
    }
    CHECK(other == 0);
    CHECK(errors > 1000); // the mutations really do break the file most of the time
    CHECK(errors + accepted == 2000);
}

TEST_CASE("json: a zero written with an exponent or many digits is refused before rapidjson reads it (found by fuzzing)") {
    for (const char* zero : {"0E00078", "0e30", "-0.000e+99", "0.0E1"}) {
        const auto message = checkError(std::string("{\"a\": ") + zero + "}");
        CHECK_MESSAGE(contains(message, "t.json: line 1, column 7: a zero written with an exponent"), message);
    }
    const auto longZero = checkError("{\"a\": 0.000000000000000000000000000000}");
    CHECK_MESSAGE(contains(longZero, "t.json: line 1, column 7: a zero written with 31 digits: write 0"), longZero);
    const auto longNumber = checkError("{\"a\": 0.0000000000000000000000000000000000077977900007797799}");
    CHECK_MESSAGE(contains(longNumber, "t.json: line 1, column 7: a number of 53 digits; at most 24 are read"),
                  longNumber);
    // Every other number is read as before.
    for (const char* number : {"0", "-0.5", "1e3", "2.5E-3", "10", "0.000001", "0.000000000", "0.0000000000000001", "0.12345678901234567890123"})
        CHECK_NOTHROW(checkJsonText(std::string("{\"a\": ") + number + "}", "t.json", {}));
}
