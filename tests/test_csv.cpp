// CSV import of participants, dilemmas and statements (core/Csv, docs/csv-import.md): quoting,
// separators, UTF-8, rings named by name or key, and errors that name the file and the line.
#include "core/Csv.hpp"
#include "core/Text.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;

namespace {

std::string readFixture(const char* name) {
    const std::string path = std::string(PLENARY_TEST_FIXTURES) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

using Fields = std::vector<std::string>;

std::string csvError(const std::string& text) {
    try {
        (void)parseImportCsv(text, "in.csv");
    } catch (const CsvError& e) {
        return e.what();
    }
    FAIL("expected a CsvError for: " << text);
    return {};
}

std::string parseError(const std::string& text) {
    try {
        (void)parseCsv(text, "raw.csv");
    } catch (const CsvError& e) {
        return e.what();
    }
    FAIL("expected a CsvError for: " << text);
    return {};
}

} // namespace

TEST_CASE("csv: plain records, trailing newline and blank lines") {
    const auto records = parseCsv("a,b,c\n1,2,3\n\n4,,6\n", "t.csv");
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == Fields{"a", "b", "c"});
    CHECK(records[1].fields == Fields{"1", "2", "3"});
    CHECK(records[1].line == 2);
    CHECK(records[2].fields == Fields{"4", "", "6"});
    CHECK(records[2].line == 4); // the blank line 3 is skipped but still counted

    const auto noFinalNewline = parseCsv("a,b\n1,2", "t.csv");
    REQUIRE(noFinalNewline.size() == 2);
    CHECK(noFinalNewline[1].fields == Fields{"1", "2"});

    const auto trailingSeparator = parseCsv("a,b\n1,", "t.csv");
    REQUIRE(trailingSeparator.size() == 2);
    CHECK(trailingSeparator[1].fields == Fields{"1", ""});

    CHECK(parseCsv("", "t.csv").empty());
    CHECK(parseCsv("\n\n\r\n", "t.csv").empty());
}

TEST_CASE("csv: quoted fields hold separators, doubled quotes and line breaks") {
    const std::string text = "name,note\n"
                             "\"Smith, Anna\",\"She said \"\"hi\"\"\"\n"
                             "\"Multi\nline\nname\",x\n"
                             "\"\",\"\"\"\"\n"
                             "after,the quotes\n";
    const auto records = parseCsv(text, "t.csv");
    REQUIRE(records.size() == 5);
    CHECK(records[1].fields == Fields{"Smith, Anna", "She said \"hi\""});
    CHECK(records[1].line == 2);
    CHECK(records[2].fields == Fields{"Multi\nline\nname", "x"});
    CHECK(records[2].line == 3);
    CHECK(records[3].fields == Fields{"", "\""});
    CHECK(records[3].line == 6); // the record before spans lines 3–5
    CHECK(records[4].fields == Fields{"after", "the quotes"});
    CHECK(records[4].line == 7);
}

TEST_CASE("csv: CRLF line ends, also inside quoted fields") {
    const auto records = parseCsv("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", "t.csv");
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == Fields{"a", "b"});
    CHECK(records[1].fields == Fields{"x\ny", "2"});
    CHECK(records[2].fields == Fields{"3", "4"});
    CHECK(records[2].line == 4);
}

TEST_CASE("csv: a byte-order mark is skipped and semicolons are detected from the header") {
    const auto records = parseCsv("\xEF\xBB\xBFname;city\nJan;\"Brussel; Bruxelles\"\nA,B;C\n", "t.csv");
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == Fields{"name", "city"}); // no BOM glued to "name"
    CHECK(records[1].fields == Fields{"Jan", "Brussel; Bruxelles"});
    CHECK(records[2].fields == Fields{"A,B", "C"}); // commas are ordinary text in a semicolon file
}

TEST_CASE("csv: an unclosed quote names the line where the field starts") {
    CHECK(parseError("a,b\n1,2\n3,\"never closed\n4,5\n") ==
          "raw.csv: line 3: a quoted field is never closed");
    CHECK(csvError("name\n\"Ann\n") == "in.csv: line 2: a quoted field is never closed");
}

TEST_CASE("csv: text that is not UTF-8 is refused with its line") {
    // "Müller" in Latin-1 (0xFC), as old spreadsheets save it.
    const std::string latin1 = "name,city\nAnna,Wien\nM\xFCller,M\xFCnchen\n";
    const auto message = csvError(latin1);
    CHECK(message == "in.csv: line 3: the file is not UTF-8 — save it from the spreadsheet as \"CSV UTF-8\"");
    // A broken sequence inside a quoted multi-line field still gets the physical line.
    CHECK(parseError("a\n\"x\ny\xC3\"\n") ==
          "raw.csv: line 3: the file is not UTF-8 — save it from the spreadsheet "
          "as \"CSV UTF-8\"");
}

TEST_CASE("csv: the participants fixture imports with diacritics, quotes and line breaks") {
    const auto batch = parseImportCsv(readFixture("participants.csv"), "participants.csv");
    CHECK(batch.kind == CsvImport::Kind::People);
    CHECK(batch.dilemmas.empty());
    REQUIRE(batch.people.size() == 4);
    CHECK(batch.people[0].name == "Zoë Müller");
    CHECK(batch.people[0].organisation == "Stadt München");
    CHECK(batch.people[0].city == "München");
    CHECK(batch.people[0].country == "DE"); // upper-cased
    CHECK(batch.people[0].role == Role::Participant);
    CHECK(batch.people[1].name == "Łukasz Wiśniewski");
    CHECK(batch.people[1].organisation == "Urząd Miasta, Gdańsk");
    CHECK(batch.people[1].role == Role::Expert);
    CHECK(batch.people[2].name == "Ana \"Ani\" Petrović");
    CHECK(batch.people[2].organisation == "Grad Zagreb\nUred za socijalnu zaštitu");
    CHECK(batch.people[2].role == Role::Rapporteur);
    CHECK(batch.people[3].name == "Søren Ærø");
    CHECK(batch.people[3].organisation.empty());
    CHECK(batch.people[3].role == Role::Participant); // empty role: participant
    for (const auto& p : batch.people) {
        CHECK(p.id == 0);
        CHECK(p.ring == 0);
    }
}

TEST_CASE("csv: the dilemmas fixture imports with its sessions and presenters") {
    const auto batch = parseImportCsv(readFixture("dilemmas.csv"), "dilemmas.csv");
    CHECK(batch.kind == CsvImport::Kind::Dilemmas);
    CHECK(batch.people.empty());
    REQUIRE(batch.dilemmas.size() == 3);
    const auto& first = batch.dilemmas[0];
    CHECK(first.line == 2);
    CHECK(first.session == "Schools and languages");
    CHECK(first.question == "How can we reach parents who do not speak the school's language?");
    CHECK(first.presenter.name == "Zoë Müller");
    CHECK(first.presenter.organisation == "Stadt München");
    CHECK(first.presenter.country == "DE");
    CHECK(first.information == "Many parents miss the parents' evenings; letters go unread.\nWe tried "
                               "interpreters, with mixed results.");
    const auto& second = batch.dilemmas[1];
    CHECK(second.line == 4); // the first record spans lines 2–3
    CHECK(second.question ==
          "What works for pupils who arrive at 16; too old for class, too young for work?");
    CHECK(second.presenter.organisation == "Urząd Miasta; Gdańsk");
    CHECK(second.information.empty());
    CHECK(batch.dilemmas[2].line == 5);
    CHECK(batch.dilemmas[2].session == "Housing");
    CHECK(batch.dilemmas[2].presenter.name == "Søren Ærø");
}

TEST_CASE("csv: header names are matched loosely") {
    const auto batch = parseImportCsv(" Name ;ORGANIZATION;City\nAnn;Org A;Gent\n", "t.csv");
    REQUIRE(batch.people.size() == 1);
    CHECK(batch.people[0].organisation == "Org A");
    CHECK(batch.people[0].city == "Gent");

    // A dilemmas file without a session column puts everything in "Dilemmas".
    const auto dilemmas = parseImportCsv("question\nWhy?\n", "t.csv");
    REQUIRE(dilemmas.dilemmas.size() == 1);
    CHECK(dilemmas.dilemmas[0].session == "Dilemmas");
    CHECK(dilemmas.dilemmas[0].presenter.name.empty());

    // Rows shorter than the header leave the missing columns empty.
    const auto shortRow = parseImportCsv("name,city,country\nBo\n", "t.csv");
    REQUIRE(shortRow.people.size() == 1);
    CHECK(shortRow.people[0].city.empty());

    // A spreadsheet's empty rows (only separators) are skipped, not reported as a missing name.
    const auto emptyRows = parseImportCsv("name;city\nAnn;Gent\n;\n;;\n \n", "t.csv");
    CHECK(emptyRows.people.size() == 1);
}

TEST_CASE("csv: header errors name the column and line 1") {
    CHECK(csvError("name,email\nAnn,a@b\n") ==
          "in.csv: line 1: unknown column \"email\" (see docs/csv-import.md)");
    CHECK(csvError("name,city,Name\nA,B,C\n") == "in.csv: line 1: column \"name\" appears twice");
    CHECK(csvError("city,country\nGent,BE\n") ==
          "in.csv: line 1: the header needs a \"name\" column (participants), a \"question\" column "
          "(dilemmas) or a \"statement\" column (statements)");
    CHECK(csvError("statement,name\nMore trees,Ann\n") ==
          "in.csv: line 1: column \"name\" is not used in a statements file (only \"statement\" and \"ring\" "
          "are)");
    CHECK(csvError("question,name\nWhy?,Ann\n") ==
          "in.csv: line 1: column \"name\" is not used in a dilemmas file (the presenter's name goes in "
          "\"presenter\")");
    CHECK(csvError("question,ring\nWhy?,\n") == "in.csv: line 1: column \"ring\" is not used in a dilemmas "
                                                "file (the presenter's name goes in \"presenter\")");
    CHECK(
        csvError("name,information\nAnn,x\n") ==
        "in.csv: line 1: column \"information\" is not used in a participants file (a dilemmas file needs a "
        "\"question\" column)");
    CHECK(csvError("") == "in.csv: the file is empty; the first line must be a header");
    CHECK(csvError("\xEF\xBB\xBF\n\n") == "in.csv: the file is empty; the first line must be a header");
}

TEST_CASE("csv: row errors name the line") {
    CHECK(csvError("name,city\nAnn,Gent\nBo,Gent,extra\n") ==
          "in.csv: line 3: has 3 fields but the header has 2");
    CHECK(csvError("name,city\n\"Ann\nMarie\",Gent\n,Gent\n") == "in.csv: line 4: the name is empty");
    CHECK(csvError("name,city\n  ,Gent\n") == "in.csv: line 2: the name is empty");
    CHECK(csvError("session;question\nS;Why?\nS;  \n") == "in.csv: line 3: the question is empty");
    CHECK(csvError("name,country\nAnn,Germany\n") ==
          "in.csv: line 2: country \"GERMANY\" should be a two-letter code such as DE");
    CHECK(csvError("name,country\nAnn,D1\n") ==
          "in.csv: line 2: country \"D1\" should be a two-letter code such as DE");
    CHECK(csvError("name,role\nAnn,Expert\nBo,boss\n") ==
          "in.csv: line 3: role \"boss\" is not participant, facilitator, expert or rapporteur");
    CHECK(csvError("statement,ring\nMore trees,Residents\n  ,Residents\n") ==
          "in.csv: line 3: the statement is empty");
}

namespace {

std::vector<Ring> fiveRings() {
    return {{1, "policymakers", "Policymakers", "#2B6CB0", 1},
            {2, "professionals", "Professionals", "#2F855A", 2},
            {3, "residents", "Résidents du quartier", "#C05621", 3},
            {4, "politicians", "Politicians", "#6B46C1", 4},
            {5, "experts", "Non-involved experts", "#4A5568", 5}};
}

std::string ringError(CsvImport batch, const std::vector<Ring>& rings) {
    try {
        resolveRings(batch, rings);
    } catch (const CsvError& e) {
        return e.what();
    }
    FAIL("expected a CsvError");
    return {};
}

} // namespace

TEST_CASE("csv: a ring is named by its name or its key, case and accents aside") {
    const auto rings = fiveRings();
    CHECK(matchRing(rings, "Policymakers")->id == 1);
    CHECK(matchRing(rings, "  POLICYMAKERS ")->id == 1);
    CHECK(matchRing(rings, "residents")->id == 3); // the key
    CHECK(matchRing(rings, "residents du QUARTIER")->id == 3);
    CHECK(matchRing(rings, "non-involved experts")->id == 5);
    CHECK(matchRing(rings, "Residents of the area") == nullptr);
    CHECK(matchRing(rings, "") == nullptr);
    CHECK(matchRing({}, "Residents") == nullptr);
}

TEST_CASE("csv: participants with a ring column are seated in the rings they name") {
    auto batch = parseImportCsv("name;ring\nAnn;Residents\nBo;\nCas;professionals\n", "people.csv");
    CHECK(batch.kind == CsvImport::Kind::People);
    REQUIRE(batch.people.size() == 3);
    REQUIRE(batch.peopleRings.size() == 3);
    CHECK(batch.peopleRings[0].line == 2);
    resolveRings(batch, fiveRings());
    CHECK(batch.people[0].ring == 3);
    CHECK(batch.people[1].ring == 0);
    CHECK(batch.people[2].ring == 2);
    // A ring the workshop does not have names the line; a workshop without rings says so.
    const auto unknown = parseImportCsv("name,ring\nAnn,\nBo,Neighbours\n", "people.csv");
    CHECK(ringError(unknown, fiveRings()) ==
          "people.csv: line 3: ring \"Neighbours\" is not one of this workshop's rings (Policymakers, "
          "Professionals, Résidents du quartier, Politicians, Non-involved experts)");
    CHECK(ringError(unknown, {}) == "people.csv: line 3: ring \"Neighbours\": this workshop has no rings");
}

TEST_CASE("csv: a statements file, with a ring column and without one") {
    auto withRings = parseImportCsv("Statement;Ring\n\"More trees; fewer cars\";Residents\nSafe bike lanes;\n"
                                    "A youth centre;politicians\n",
                                    "statements.csv");
    CHECK(withRings.kind == CsvImport::Kind::Statements);
    REQUIRE(withRings.statements.size() == 3);
    CHECK(withRings.statements[0].text == "More trees; fewer cars");
    CHECK(withRings.statements[1].line == 3);
    // A row without a ring needs the ring chosen for the import.
    CHECK(ringError(withRings, fiveRings()) ==
          "statements.csv: line 3: the statement has no ring: fill in the \"ring\" column (or, in Set up, "
          "choose the ring beside Import CSV)");
    withRings.ring = 5;
    resolveRings(withRings, fiveRings());
    CHECK(withRings.statements[0].ringId == 3);
    CHECK(withRings.statements[1].ringId == 5);
    CHECK(withRings.statements[2].ringId == 4);

    auto plain = parseImportCsv("statement\nOne\nTwo\n", "plain.csv");
    REQUIRE(plain.statements.size() == 2);
    plain.ring = 2;
    resolveRings(plain, fiveRings());
    CHECK(plain.statements[1].ringId == 2);

    auto unknown = parseImportCsv("statement,ring\nOne,Residents\nTwo,Landlords\n", "s.csv");
    unknown.ring = 1; // the chosen ring never stands in for a ring the file names wrongly
    CHECK(
        ringError(unknown, fiveRings()) ==
        "s.csv: line 3: ring \"Landlords\" is not one of this workshop's rings (Policymakers, Professionals, "
        "Résidents du quartier, Politicians, Non-involved experts)");
    plain.ring = 9;
    CHECK(ringError(plain, fiveRings()) ==
          "plain.csv: the ring chosen for the statements is no longer in the "
          "workshop");
}

TEST_CASE("csv: roles are case-insensitive") {
    const auto batch = parseImportCsv("name,role\nAnn,FACILITATOR\nBo,Expert\n", "t.csv");
    REQUIRE(batch.people.size() == 2);
    CHECK(batch.people[0].role == Role::Facilitator);
    CHECK(batch.people[1].role == Role::Expert);
}

TEST_CASE("csv: the UTF-8 check refuses what is not UTF-8") {
    CHECK(firstInvalidUtf8("plain ASCII") == std::string_view::npos);
    CHECK(firstInvalidUtf8("Zoë Ελλάδα Київ 🎉") == std::string_view::npos);
    CHECK(firstInvalidUtf8("ab\xFC") == 2);                                // Latin-1 ü
    CHECK(firstInvalidUtf8("a\xC3") == 1);                                 // cut short at the end
    CHECK(firstInvalidUtf8("a\xC3(") == 1);                                // continuation byte missing
    CHECK(firstInvalidUtf8("\xC0\xAF") == 0);                              // overlong "/"
    CHECK(firstInvalidUtf8("\xE0\x80\xAF") == 0);                          // overlong, three bytes
    CHECK(firstInvalidUtf8("x\xED\xA0\x80") == 1);                         // a UTF-16 surrogate
    CHECK(firstInvalidUtf8("\xF4\x90\x80\x80") == 0);                      // past U+10FFFF
    CHECK(firstInvalidUtf8("\xF8\x88\x80\x80\x80") == 0);                  // five-byte form
    CHECK(firstInvalidUtf8("\x80") == 0);                                  // a lone continuation byte
    CHECK(firstInvalidUtf8("\xF4\x8F\xBF\xBF") == std::string_view::npos); // U+10FFFF itself
}

TEST_CASE("csv: line ends written as CR alone (Excel for Mac) read like any other") {
    const std::string text =
        "name;organisation;city\rŁukasz Wiśniewski;Gdańsk City;Gdańsk\r\"Zoë\rSmith\";NGO;Łódź\r";
    const auto records = parseCsv(text, "mac.csv");
    REQUIRE(records.size() == 3);
    CHECK(records[1].fields[0] == "Łukasz Wiśniewski");
    CHECK(records[1].line == 2);
    CHECK(records[2].fields[0] == "Zoë\nSmith"); // a break inside quotes stays a break
    CHECK(records[2].fields[2] == "Łódź");
    const auto batch = parseImportCsv(text, "mac.csv");
    CHECK(batch.people.size() == 2);
}
