// One description of each entity's fields (core/Fields) serves the file's rows and the JSON
// format: the columns it names are the schema's, and every field survives both ways.
#include "core/Fields.hpp"
#include "core/SessionJson.hpp"
#include "export/JsonExport.hpp"
#include "store/Rows.hpp"
#include "store/Schema.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

using namespace plenary;

TEST_CASE("fields: every table's columns are exactly the ones the schema creates, in use") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store::migrate(db);
    for (const auto& table : store::editableTables()) {
        CAPTURE(table.name);
        SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        info.bind(1, std::string(table.name));
        std::vector<std::string> schema;
        while (info.executeStep())
            schema.push_back(info.getColumn(0).getString());
        std::vector<std::string> described(table.columns.begin(), table.columns.end());
        CHECK(described == schema);
    }
}

TEST_CASE("fields: a session with every field set goes through JSON and back unchanged") {
    core::SessionData d;
    d.workshop = {"Ősz — Łódź",
                  core::Format::SocialOlympics,
                  "social-olympics",
                  "2026-11-23",
                  "2026-11-24",
                  "Gdańsk",
                  "de",
                  "Beschreibung “quoted”",
                  "gradients",
                  2.0 / 3.0,
                  5,
                  3};
    d.rings = {{4, "residents", "Bewohner", "#2B6CB0", 1}};
    d.people = {{7, "Zoë Ελένη", "Δήμος", "Αθήνα", "GR", core::Role::Rapporteur, 4}};
    d.phases = {{"questions", "Open questions", "How? What?", 480, 2}};
    d.sessions = {{3, "Wohnen", 1}};
    d.dilemmas = {{5, 3, 1, "Как?", 7, "info", "reflection", "result", core::DilemmaStatus::Skipped, 9}};
    d.questions = {{11, 5, 1, "Is it?", 7, false, true}};
    d.practices = {{12, 5, 1, "Buddies", "desc", "Göteborg", "SE", 7, "https://example.org", "youmig-020",
                    true, false, true, false}};
    d.contributions = {{13, core::ContributionKind::WrapUp, 3, 7, "Closing", "Thanks", 2}};
    d.phaseLog = {{14, 5, "questions", "2026-11-23T10:00:00Z", "2026-11-23T10:08:00Z", 540, 30,
                   "2026-11-23T10:05:00Z"}};
    d.statements = {{15, 4, 1, "Mehr Grün", 0}, {16, 4, 2, "Mehr Bäume", 15}};
    d.votes = {{0, 2, 4, 15, 8, 3}}; // a tally has no id in JSON
    const auto json = exporting::sessionToJson(d);
    CHECK(core::parseSessionJson(json, "all.json") == d);
    // The export names each field by its JSON key, once.
    for (const char* key : {"\"endDate\"", "\"dotBudget\"", "\"suggestedBy\"", "\"makesDifference\"",
                            "\"plannedSeconds\"", "\"mergedInto\"", "\"jointGroup\""})
        CHECK_MESSAGE(json.find(key) != std::string::npos, key);
}

TEST_CASE("fields: a key no entity has is refused with its path") {
    const std::string json = R"({"format": "plenary-session", "version": 1, "workshop": {"title": "T"},
        "dilemmas": [{"id": 1, "session": 1, "questoin": "x"}]})";
    try {
        core::parseSessionJson(json, "demo.json");
        FAIL("accepted an unknown field");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("dilemmas[0].questoin") != std::string::npos);
    }
}
