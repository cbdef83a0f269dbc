// The CSV tables (export/CsvExport): RFC 4180 quoting that round-trips through our own reader,
// formula-like text neutralised and numbers left alone, the byte-order mark only when asked, and
// every word intact in every European script.
#include "core/Csv.hpp"
#include "core/Report.hpp"
#include "core/Text.hpp"
#include "export/CsvExport.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace plenary::core;
using plenary::exporting::csvField;
using plenary::exporting::csvText;
using plenary::exporting::looksLikeFormula;
using plenary::exporting::reportToCsv;
using plenary::exporting::tableToCsv;

namespace {

const std::vector<std::string>& hostile() {
    static const std::vector<std::string> texts = {
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\xEF\xBC\x9D" "1+1",       // ＝1+1
        "\xEF\xBC\x8B" "1",          // ＋1
        "\xEF\xBC\x8D" "1",          // －1
        "\xEF\xBC\xA0" "SUM(A1)",    // ＠SUM
        "\xE2\x88\x92" "5",          // −5
        "<script>alert(1)</script>",
        "]]> &amp; &lt;b&gt;",
        "say \"hello\", then go",
        "line one\nline two\n\nafter a blank line",
        "Ελληνικά Ωμέγα — Русский Ёж — ქართული — Հայերեն — Malti: Ħal Għargħur ċ ġ ż — Þórður Ægir ð",
        "Türkçe İı — Łódź Źdźbło — Română ș ț — Čeština ř — Magyar ő ű — Føroyskt",
        "a;b;c", // a semicolon file would split here
    };
    return texts;
}

std::string longText() {
    std::string text;
    for (int i = 0; text.size() < 50 * 1024; ++i)
        text += "word" + std::to_string(i) + (i % 97 == 0 ? ", \"quoted\"\n" : " ");
    return text + "END";
}

ReportTable textTable(const std::vector<std::string>& texts) {
    ReportTable table{"texts", "Texts", {"position", "text"}, {}};
    for (std::size_t i = 0; i < texts.size(); ++i)
        table.rows.push_back({ReportCell::ofInteger(static_cast<std::int64_t>(i) + 1), ReportCell::ofText(texts[i])});
    return table;
}

Report smallReport() {
    Report r;
    r.format = Format::UrbanAcademy;
    r.title = "Workshop";
    ReportSection section{"Education", {}, {}, {}};
    ReportDilemma d;
    d.id = 7;
    d.number = 1;
    d.question = "=HYPERLINK(\"http://x\")";
    d.session = "Education";
    d.questions = {{"Why?", true, "Ana"}, {"-1 or +1?", false, ""}};
    ReportPractice p;
    p.title = "Buddy scheme";
    p.criteria[1] = true;
    d.practices.push_back(p);
    section.blocks.push_back(ReportBlock{false, {d}, ""});
    r.sections.push_back(section);
    r.timings.push_back({1, 7, d.question, "Open questions", 480, 465});
    r.people.push_back({1, "Ana Novak", "Participant", "City of Ljubljana", "Ljubljana", "SI", ""});
    return r;
}

} // namespace

TEST_CASE("csv export: fields are quoted as RFC 4180 asks") {
    CHECK(csvText("plain") == "plain");
    CHECK(csvText("") == "");
    CHECK(csvText("a,b") == "\"a,b\"");
    CHECK(csvText("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvText("two\nlines") == "\"two\nlines\"");
    CHECK(csvText("a;b") == "a;b"); // the separator is the comma
    CHECK(csvText("Zoë — Ελλάδα") == "Zoë — Ελλάδα");
    // Control characters a document cannot hold are dropped; invalid bytes become U+FFFD.
    CHECK(csvText("a\x01" "b\x1B[31m") == "ab[31m");
    CHECK(csvText("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("csv export: formula-like text gets an apostrophe, numbers never do") {
    for (const char* formula : {"=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "\xEF\xBC\x9D" "1", "\xEF\xBC\x8B" "1",
                                "\xEF\xBC\x8D" "1", "\xEF\xBC\xA0" "A1", "\xE2\x88\x92" "1"}) {
        INFO(formula);
        CHECK(looksLikeFormula(formula));
        CHECK(csvText(formula).rfind("'", 0) == 0);
    }
    CHECK(csvText("=1+1") == "'=1+1");
    CHECK(csvText("-2+3") == "'-2+3");
    CHECK(csvText("\t=1") == "'\t=1");
    CHECK(csvText("=SUM(A1,B1)") == "\"'=SUM(A1,B1)\""); // neutralised, then quoted for its comma
    for (const char* text : {"a=b", "1-2", "x@y.org", " =1", "'quoted'", "", "Ελληνικά"}) {
        INFO(text);
        CHECK_FALSE(looksLikeFormula(text));
    }
    // A number's sign is a number's: never prefixed, never quoted.
    CHECK(csvField(ReportCell::ofDecimal(-0.25)) == "-0.250000");
    CHECK(csvField(ReportCell::ofDecimal(2.0 / 3.0)) == "0.666667");
    CHECK(csvField(ReportCell::ofDecimal(-1.5, 2)) == "-1.50");
    CHECK(csvField(ReportCell::ofInteger(-3)) == "-3");
    CHECK(csvField(ReportCell::ofInteger(1234567)) == "1234567");
    CHECK(csvField(ReportCell::empty()) == "");
    // The same characters as text are neutralised.
    CHECK(csvField(ReportCell::ofText("-0.25")) == "'-0.25");
}

TEST_CASE("csv export: a hostile corpus round-trips through the project's own reader") {
    auto texts = hostile();
    texts.push_back(longText());
    const std::string csv = tableToCsv(textTable(texts));
    const auto records = parseCsv(csv, "texts.csv");
    REQUIRE(records.size() == texts.size() + 1);
    CHECK(records[0].fields == std::vector<std::string>{"position", "text"});
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const auto& fields = records[i + 1].fields;
        REQUIRE(fields.size() == 2);
        CHECK(fields[0] == std::to_string(i + 1));
        const std::string expected = (looksLikeFormula(texts[i]) ? "'" : "") + texts[i];
        INFO(texts[i].substr(0, 60));
        CHECK(fields[1] == expected);
        // No cell a spreadsheet would run.
        CHECK_FALSE(looksLikeFormula(fields[1]));
    }
    // The 50 KB field is whole, in one field.
    CHECK(records.back().fields[1] == longText());
}

TEST_CASE("csv export: records end in CRLF; a line break inside a field stays as typed") {
    ReportTable table{"t", "T", {"a", "b"}, {{ReportCell::ofText("x\ny"), ReportCell::ofInteger(2)}}};
    CHECK(tableToCsv(table) == "a,b\r\n\"x\ny\",2\r\n");
    ReportTable empty{"t", "T", {"only"}, {}};
    CHECK(tableToCsv(empty) == "only\r\n");
    // An empty cell is an empty field; a decimal keeps its digits.
    ReportTable mixed{"t", "T", {"a", "b", "c"},
                      {{ReportCell::empty(), ReportCell::ofDecimal(0.5, 2), ReportCell::ofText("")}}};
    CHECK(tableToCsv(mixed) == "a,b,c\r\n,0.50,\r\n");
}

TEST_CASE("csv export: one file per table, named by its key, BOM only when asked") {
    const Report report = smallReport();
    const auto tables = reportTables(report);
    const auto files = reportToCsv(report, false);
    REQUIRE(files.size() == tables.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        INFO(files[i].name);
        CHECK(files[i].name == tables[i].key + ".csv");
        CHECK(files[i].content.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
        const auto records = parseCsv(files[i].content, files[i].name);
        REQUIRE(!records.empty());
        CHECK(records[0].fields == tables[i].columns);
        CHECK(records.size() == tables[i].rows.size() + 1);
    }
    const auto withBom = reportToCsv(report, true);
    REQUIRE(withBom.size() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        CHECK(withBom[i].content == "\xEF\xBB\xBF" + files[i].content);
        CHECK(parseCsv(withBom[i].content, withBom[i].name)[0].fields == tables[i].columns);
    }
    // The questions file: the formula-like question and answer text neutralised, numbers plain.
    const auto& questions = files[1];
    REQUIRE(questions.name == "questions.csv");
    const auto records = parseCsv(questions.content, questions.name);
    REQUIRE(records.size() == 3);
    CHECK(records[1].fields == std::vector<std::string>{"1", "7", "1", "Why?", "open", "Ana"});
    CHECK(records[2].fields == std::vector<std::string>{"1", "7", "2", "'-1 or +1?", "closed", ""});
    // Minutes with two digits and a point; the negative difference stays a number.
    const auto timings = parseCsv(files[3].content, files[3].name);
    REQUIRE(files[3].name == "phase-timings.csv");
    REQUIRE(timings.size() == 2);
    CHECK(timings[1].fields[2] == "'=HYPERLINK(\"http://x\")");
    CHECK(timings[1].fields[4] == "8.00");
    CHECK(timings[1].fields[5] == "7.75");
    CHECK(timings[1].fields[6] == "-0.25");
}

TEST_CASE("csv export: an anonymised report has no people file") {
    Report report = smallReport();
    CHECK(reportToCsv(report, false).back().name == "people.csv");
    report.anonymised = true;
    for (const auto& file : reportToCsv(report, false))
        CHECK(file.name != "people.csv");
}
