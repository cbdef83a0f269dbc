// The session JSON interchange (docs/json-format.md): export then import gives the same session,
// every table and every id; broken references and bad headers are refused with a clear message.
#include "core/JsonRead.hpp"
#include "core/SessionJson.hpp"
#include "export/JsonExport.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;

namespace {

std::string readExample(const char* name) {
    const std::string path = std::string(PLENARY_SOURCE_DIR) + "/sessions/examples/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& line : lines)
        if (contains(line, part)) return true;
    return false;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& line : lines)
        all += line + "\n";
    return all;
}

// Compares table by table so a failure says which table differs.
void checkSame(const SessionData& a, const SessionData& b) {
    CHECK(a.workshop == b.workshop);
    CHECK(a.people == b.people);
    CHECK(a.phases == b.phases);
    CHECK(a.sessions == b.sessions);
    CHECK(a.dilemmas == b.dilemmas);
    CHECK(a.questions == b.questions);
    CHECK(a.practices == b.practices);
    CHECK(a.contributions == b.contributions);
    CHECK(a.phaseLog == b.phaseLog);
    CHECK(a.rings == b.rings);
    CHECK(a.statements == b.statements);
    CHECK(a.votes == b.votes);
    CHECK(a == b);
}

SessionData roundTrip(const SessionData& data) {
    return parseSessionJson(plenary::exporting::sessionToJson(data), "round-trip.json");
}

// Every field of every table set to something other than its default, in awkward text.
SessionData unusualSession() {
    const std::string greek = "Ελληνικά: «Πώς μπορούμε;»";
    const std::string cyrillic = "Україна — Київ, «Школа №5»";
    const std::string emoji = "🎉👩🏽‍🏫 ok 🇪🇺";
    const std::string quotes = "He said \"no\" and 'yes' — “curly” ‘too’";
    const std::string slashes = R"(C:\path\to\file \n is not a newline \\ \u0041 /slash/)";
    const std::string lines = "line one\nline two\r\nline three\ttabbed\n\n\x01\x1f control";
    std::string huge;
    while (huge.size() < 50 * 1024)
        huge += "Ünïcödé text with \"quotes\", \\backslashes\\ and\nnewlines. ";

    SessionData d;
    auto& w = d.workshop;
    w.title = greek + " / " + cyrillic;
    w.format = Format::SocialOlympics;
    w.templateKey = "my-own-template";
    w.date = "2031-12-31";
    w.endDate = "2032-01-02";
    w.venue = emoji;
    w.language = "nl";
    w.description = huge;
    w.scale = "gradients";
    w.threshold = 0.1 + 0.2; // not exactly 0.3: the exact bits must survive
    w.dotBudget = 7;
    w.rounds = 4;

    d.people = {
        Person{101, greek, cyrillic, "Zürich", "CH", Role::Facilitator, 0},
        Person{205, quotes, slashes, lines, "UA", Role::Expert, 9001},
        Person{3000000000000LL, emoji, "", "", "", Role::Rapporteur, 9002},
        Person{7, "", "", "", "", Role::Participant, 0},
    };
    d.phases = {
        Phase{"present", greek, lines, 1, 5},
        Phase{"questions", quotes, slashes, 14400, 1},
        Phase{"result", "", "", 0, 0},
    };
    d.sessions = {ThematicSession{42, cyrillic, 3}, ThematicSession{17, "", -2}};
    d.dilemmas = {
        Dilemma{500, 42, 2, greek + "?", 205, huge, lines, slashes, DilemmaStatus::Done, 77},
        Dilemma{501, 17, 1, quotes, 0, "", "", "", DilemmaStatus::Active, 77},
        Dilemma{502, 42, 9, emoji, 101, "i", "r", "res", DilemmaStatus::Skipped, 0},
        Dilemma{503, 17, 0, "x", 7, "", "", "", DilemmaStatus::Pending, 3},
    };
    d.questions = {
        Question{900, 500, 1, cyrillic + "?", 205, false, true},
        Question{901, 501, 2, lines, 0, true, false},
        Question{902, 500, 3, "", 101, true, true},
    };
    d.practices = {
        Practice{60, 500, 4, greek, huge, "Αθήνα", "GR", 101, "https://example.org/a_b*c?x=1&y=[2]",
                 "youmig-001", true, false, true, false},
        Practice{61, 501, 1, emoji, slashes, "", "", 0, "", "", false, true, false, true},
    };
    d.contributions = {
        Contribution{30, ContributionKind::WrapUp, 42, 205, quotes, lines, 2},
        Contribution{31, ContributionKind::Introduction, 0, 0, "", huge, 1},
    };
    d.phaseLog = {
        PhaseLogEntry{70, 500, "questions", "2031-12-31T23:59:59Z", "2032-01-01T00:08:00Z", 480, 0, ""},
        PhaseLogEntry{71, 501, "ideas", "2031-12-31T10:00:00Z", "", 0, -12, "2031-12-31T10:01:00Z"},
    };
    d.rings = {
        Ring{9001, "policy-makers", greek, "#ABCDEF", 2},
        Ring{9002, "residents", emoji, "#000000", 1},
    };
    d.statements = {
        Statement{801, 9001, 1, greek, 0},
        Statement{802, 9002, 2, slashes, 801},
        Statement{803, 0, 3, lines, 802},
    };
    d.votes = {
        VoteTally{0, 1, 9001, 801, 8, 3},
        VoteTally{0, 2, 9002, 802, 1, 0},
        VoteTally{0, 3, 9001, 803, 4, kMostVotes},
        VoteTally{0, 3, 9002, 803, 4, 1},
    };
    return d;
}

std::string minimal(const std::string& extra) {
    std::string json = R"({"format":"plenary-session","version":1,"workshop":{"title":"T"})";
    if (!extra.empty()) json += "," + extra;
    return json + "}";
}

std::string parseError(const std::string& json) {
    try {
        (void)parseSessionJson(json, "s.json");
    } catch (const JsonError& e) {
        return e.what();
    }
    FAIL("expected a JsonError for " << json);
    return {};
}

} // namespace

TEST_CASE("session json: both examples parse") {
    const auto ua =
        parseSessionJson(readExample("urban-academy-education.json"), "urban-academy-education.json");
    CHECK(ua.workshop.format == Format::UrbanAcademy);
    CHECK(ua.people.size() == 23);
    CHECK(ua.phases.size() == 5);
    CHECK(ua.sessions.size() == 4);
    CHECK(ua.dilemmas.size() == 14);
    CHECK(ua.questions.size() == 69);
    CHECK(ua.practices.size() == 23);
    CHECK(validateSession(ua).empty());

    const auto so =
        parseSessionJson(readExample("social-olympics-renewal.json"), "social-olympics-renewal.json");
    CHECK(so.workshop.format == Format::SocialOlympics);
    CHECK(so.workshop.scale == "fist-to-five");
    CHECK(so.workshop.rounds == 3);
    CHECK(so.rings.size() == 5);
    CHECK(so.statements.size() == 14);
    CHECK(so.votes.size() == 628);
    CHECK(validateSession(so).empty());
}

TEST_CASE("session json: export then import gives the same session (examples)") {
    for (const char* name : {"urban-academy-education.json", "social-olympics-renewal.json"}) {
        CAPTURE(name);
        const auto original = parseSessionJson(readExample(name), name);
        const auto again = roundTrip(original);
        checkSame(original, again);
        // And the export is stable: exporting the re-imported session gives the same text.
        CHECK(plenary::exporting::sessionToJson(again) == plenary::exporting::sessionToJson(original));
    }
}

TEST_CASE("session json: export then import keeps every field of every table") {
    const SessionData original = unusualSession();
    REQUIRE(validateSession(original).empty());
    const std::string json = plenary::exporting::sessionToJson(original);
    CHECK(contains(json, "\"format\": \"plenary-session\""));
    CHECK(contains(json, "\"version\": 1"));
    const auto again = parseSessionJson(json, "unusual.json");
    checkSame(original, again);
    CHECK(again.workshop.threshold == original.workshop.threshold); // bit for bit, not approximately
    CHECK(again.people[2].id == 3000000000000LL);
    CHECK(again.statements[1].mergedInto == 801);
    CHECK(again.dilemmas[1].jointGroup == 77);
    CHECK(again.workshop.description.size() >= 50 * 1024);
}

TEST_CASE("session json: an empty session round-trips and missing lists stay empty") {
    SessionData empty;
    empty.workshop.title = "Only a title";
    checkSame(empty, roundTrip(empty));
    const auto parsed = parseSessionJson(minimal(""), "m.json");
    CHECK(parsed.workshop.title == "T");
    CHECK(parsed.workshop.language == "en");
    CHECK(parsed.workshop.threshold == doctest::Approx(0.6));
    CHECK(parsed.people.empty());
    CHECK(parsed.votes.empty());
}

TEST_CASE("session json: wrong format or version is refused with a clear message") {
    CHECK(parseError(R"({"format":"something-else","version":1,"workshop":{"title":"T"}})") ==
          "s.json: format: this is not a Plenary session (expected \"plenary-session\")");
    CHECK(parseError(R"({"version":1,"workshop":{"title":"T"}})") ==
          "s.json: format: this is not a Plenary session (expected \"plenary-session\")");
    CHECK(parseError(R"({"format":"plenary-session","version":2,"workshop":{"title":"T"}})") ==
          "s.json: version 2 is not supported (this Plenary reads version 1)");
    CHECK(parseError(R"({"format":"plenary-session","workshop":{"title":"T"}})") ==
          "s.json: version 0 is not supported (this Plenary reads version 1)");
    CHECK(parseError(R"({"format":"plenary-session","version":1})") == "s.json: workshop: missing");
    CHECK(parseError(R"({"format":"plenary-session","version":1,"workshop":{"title":""}})") ==
          "s.json: workshop.title: a workshop needs a title");
    CHECK(contains(
        parseError(R"({"format":"plenary-session","version":1,"workshop":{"title":"T","format":"ua"}})"),
        "s.json: workshop.format: \"ua\" is not one of urban-academy, social-olympics"));
}

TEST_CASE("session json: validateSession catches dangling references") {
    SessionData base = unusualSession();
    REQUIRE(validateSession(base).empty());

    SUBCASE("dilemma in a session that does not exist") {
        base.dilemmas[1].session = 99;
        const auto errors = validateSession(base);
        CHECK_MESSAGE(
            anyContains(errors, "dilemmas[1] (id 501): session 99 does not exist in thematicSessions"),
            joined(errors));
    }
    SUBCASE("dilemma without a session") {
        base.dilemmas[0].session = 0;
        CHECK(anyContains(validateSession(base), "dilemmas[0] (id 500): session 0 does not exist"));
    }
    SUBCASE("question for a dilemma that does not exist") {
        base.questions[2].dilemma = 4;
        const auto errors = validateSession(base);
        CHECK_MESSAGE(anyContains(errors, "questions[2] (id 902): dilemma 4 does not exist in dilemmas"),
                      joined(errors));
    }
    SUBCASE("practice and phase log for a dilemma that does not exist") {
        base.practices[0].dilemma = 1;
        base.phaseLog[1].dilemma = 2;
        const auto errors = validateSession(base);
        CHECK(anyContains(errors, "practices[0] (id 60): dilemma 1 does not exist"));
        CHECK(anyContains(errors, "phaseLog[1] (id 71): dilemma 2 does not exist"));
    }
    SUBCASE("unknown people") {
        base.dilemmas[0].presenter = 12;
        base.questions[0].asker = 13;
        base.practices[0].suggestedBy = 14;
        base.contributions[0].person = 15;
        const auto errors = validateSession(base);
        CHECK(anyContains(errors, "presenter 12 does not exist in people"));
        CHECK(anyContains(errors, "asker 13 does not exist in people"));
        CHECK(anyContains(errors, "suggestedBy 14 does not exist in people"));
        CHECK(anyContains(errors, "person 15 does not exist in people"));
    }
    SUBCASE("unknown ring") {
        base.people[1].ring = 5;
        base.votes[0].ring = 6;
        base.statements[0].ring = 8;
        const auto errors = validateSession(base);
        CHECK(anyContains(errors, "people[1] (id 205): ring 5 does not exist in rings"));
        CHECK(anyContains(errors, "votes[0]: ring 6 does not exist in rings"));
        CHECK(anyContains(errors, "statements[0] (id 801): ring 8 does not exist in rings"));
    }
    SUBCASE("unknown statement") {
        base.votes[3].statement = 804;
        base.statements[0].mergedInto = 999;
        const auto errors = validateSession(base);
        CHECK(anyContains(errors, "votes[3]: statement 804 does not exist in statements"));
        CHECK(anyContains(errors, "statements[0] (id 801): mergedInto 999 does not exist in statements"));
    }
    SUBCASE("statement merged into itself") {
        base.statements[2].mergedInto = 803;
        CHECK(anyContains(validateSession(base), "statements[2] (id 803): merged into itself"));
    }
    SUBCASE("contribution for an unknown thematic session") {
        base.contributions[0].session = 43;
        CHECK(anyContains(validateSession(base), "contributions[0] (id 30): session 43 does not exist"));
    }
    SUBCASE("duplicate and non-positive ids") {
        base.people[3].id = 101;
        base.rings[1].id = 9001;
        base.questions[1].id = 0;
        base.phaseLog[0].id = -4;
        const auto errors = validateSession(base);
        CHECK_MESSAGE(anyContains(errors, "people[3]: id 101 is used twice"), joined(errors));
        CHECK(anyContains(errors, "rings[1]: id 9001 is used twice"));
        CHECK(anyContains(errors, "questions[1]: id must be a positive number"));
        CHECK(anyContains(errors, "phaseLog[0]: id must be a positive number"));
    }
    SUBCASE("the same vote key twice") {
        base.votes[3].ring = 9001;
        const auto errors = validateSession(base);
        CHECK_MESSAGE(anyContains(errors, "votes[3]: the same round, ring, statement and level appear twice"),
                      joined(errors));
    }
    SUBCASE("negative count and round zero") {
        base.votes[1].count = -1;
        base.votes[2].round = 0;
        const auto errors = validateSession(base);
        CHECK(anyContains(errors, "votes[1]: count must not be negative"));
        CHECK(anyContains(errors, "votes[2]: round must be 1 or more"));
    }
    SUBCASE("a phase key twice") {
        base.phases[2].key = "present";
        CHECK(anyContains(validateSession(base), "phases[2]: key \"present\" appears twice"));
    }
}

TEST_CASE("session json: import refuses a file with a broken reference, naming the entry") {
    const auto message = parseError(minimal(R"("thematicSessions":[{"id":1,"title":"S"}],)"
                                            R"("dilemmas":[{"id":7,"session":1},{"id":8,"session":9}])"));
    CHECK(message == "s.json: dilemmas[1] (id 8): session 9 does not exist in thematicSessions");
    const auto dup = parseError(minimal(R"("people":[{"id":3,"name":"A"},{"id":3,"name":"B"}])"));
    CHECK(dup == "s.json: people[1]: id 3 is used twice");
    const auto vote =
        parseError(minimal(R"("rings":[{"id":1}],"statements":[{"id":1,"ring":1}],)"
                           R"("votes":[{"round":1,"ring":1,"statement":1,"level":2,"count":-3}])"));
    CHECK(vote == "s.json: votes[0]: count must not be negative");
}

namespace {

std::string errorOf(const std::string& json) {
    try {
        parseSessionJson(json, "x.json");
    } catch (const JsonError& e) {
        return e.what();
    }
    return {};
}

const std::string kHead = R"({"format": "plenary-session", "version": 1, "workshop": {"title": "T"},
    "thematicSessions": [{"id": 1, "title": "S"}], "dilemmas": [{"id": 1, "session": 1, "question": )";

} // namespace

TEST_CASE("session json: a NUL or invalid UTF-8 in a string is refused with the field's path") {
    const auto nul = errorOf(kHead + R"("Who\u0000 pays?"}]})");
    CHECK(nul.find("dilemmas[0].question") != std::string::npos);
    CHECK(nul.find("NUL") != std::string::npos);
    const auto bad = errorOf(kHead + "\"caf\xE9\"}]}"); // Latin-1 é
    CHECK(bad.find("dilemmas[0].question") != std::string::npos);
    CHECK(bad.find("UTF-8") != std::string::npos);
    // An escaped backslash before "u0000" is text, not a NUL.
    CHECK(errorOf(kHead + R"("C:\\u0000\\file"}]})").empty());
}

TEST_CASE("session json: a byte-order mark is accepted; an id past the documented maximum is refused") {
    CHECK(errorOf("\xEF\xBB\xBF" + kHead + R"("How?"}]})").empty());
    const auto huge = errorOf(R"({"format": "plenary-session", "version": 1, "workshop": {"title": "T"},
        "people": [{"id": 9223372036854775807, "name": "Zoë"}]})");
    CHECK(huge.find("people[0]") != std::string::npos);
    CHECK(huge.find("larger than") != std::string::npos);
}
