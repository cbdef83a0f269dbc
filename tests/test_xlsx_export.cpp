// The Excel workbook (export/XlsxExport): a sheet per table with a clean unique name, the header
// row frozen, numbers stored as numbers, text only as strings (never a formula), and a text longer
// than Excel's cell limit cut at a whole character with a note.
#include "core/Report.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"
#include "export/XlsxExport.hpp"
#include "support/Process.hpp"
#include "support/ZipXml.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <stdexcept>

using namespace plenary;
using namespace plenary::core;
using plenary::exporting::fitExcelCell;
using plenary::exporting::kExcelCellLimit;
using plenary::exporting::kExcelCutNote;
using plenary::exporting::sheetNames;
using plenary::exporting::writeXlsx;
using plenary::exporting::writeXlsxTables;
using plenary::test::TempDir;

namespace {

std::size_t utf16Length(std::string_view text) {
    std::size_t n = 0;
    for (const char32_t c : decodeUtf8(text))
        n += c > 0xFFFF ? 2 : 1;
    return n;
}

std::map<std::string, std::string> written(const std::vector<ReportTable>& tables, const std::string& title = "T") {
    TempDir dir;
    const auto file = dir / "book.xlsx";
    writeXlsxTables(tables, title, file);
    auto entries = test::unzip(test::readFile(file));
    REQUIRE_MESSAGE(!entries.empty(), "not a zip");
    return entries;
}

// The shared strings, in order, as Excel reads them.
std::vector<std::string> sharedStrings(const std::map<std::string, std::string>& entries) {
    std::vector<std::string> strings;
    const std::string& xml = entries.at("xl/sharedStrings.xml");
    for (auto at = xml.find("<si>"); at != std::string::npos; at = xml.find("<si>", at + 1)) {
        const auto end = xml.find("</si>", at);
        strings.push_back(test::xmlVisibleText(xml.substr(at, end - at)));
    }
    return strings;
}

const std::vector<std::string>& hostile() {
    static const std::vector<std::string> texts = {
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\xEF\xBC\x9D" "1+1", "=1+1",
        "<script>alert(1)</script>", "]]> &amp; &lt;b&gt;",
        "Ελληνικά — Русский — ქართული — Հայերեն — Malti: Ħal Għargħur — Þórður Ægir",
    };
    return texts;
}

} // namespace

TEST_CASE("xlsx: a sheet per table, header row bold and frozen, numbers as numbers") {
    ReportTable shares{"ring-support", "Support per ring", {"statement", "share", "votes", "delta"}, {}};
    shares.rows.push_back({ReportCell::ofText("Keep the library open"), ReportCell::ofDecimal(2.0 / 3.0),
                           ReportCell::ofInteger(12), ReportCell::ofDecimal(-0.25)});
    shares.rows.push_back({ReportCell::ofText("More trees"), ReportCell::ofDecimal(1.5, 2), ReportCell::empty(),
                           ReportCell::ofInteger(-3)});
    ReportTable people{"people", "People", {"name"}, {{ReportCell::ofText("Ana")}}};
    const auto entries = written({shares, people}, "Renewal <plan> & \"more\"");

    const std::string& workbook = entries.at("xl/workbook.xml");
    CHECK(workbook.find("<sheet name=\"Support per ring\"") != std::string::npos);
    CHECK(workbook.find("<sheet name=\"People\"") != std::string::npos);
    CHECK(entries.count("xl/worksheets/sheet2.xml") == 1);
    CHECK(entries.count("xl/worksheets/sheet3.xml") == 0);
    for (const auto& [name, content] : entries)
        if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") {
            INFO(name);
            CHECK(test::xmlProblem(content) == "");
        }

    const std::string& sheet = entries.at("xl/worksheets/sheet1.xml");
    // Frozen below the header row.
    CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") !=
          std::string::npos);
    // The header row: the columns, as strings, in a bold style.
    const auto strings = sharedStrings(entries);
    std::smatch header;
    REQUIRE(std::regex_search(sheet, header, std::regex(R"re(<c r="A1" s="(\d+)" t="s"><v>(\d+)</v></c>)re")));
    CHECK(strings.at(std::stoul(header[2])) == "statement");
    const std::string& styles = entries.at("xl/styles.xml");
    const auto fonts = styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
    CHECK(fonts.find("<b/>") != std::string::npos);
    // Numbers are stored as numbers: no t="s", the value as the CSV file writes it.
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="B2" s="\d+"><v>0.666667</v></c>)re")));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="C2" s="\d+"><v>12</v></c>)re")));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="D2" s="\d+"><v>-0.25</v></c>)re")));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="B3" s="\d+"><v>1.5</v></c>)re")));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="D3" s="\d+"><v>-3</v></c>)re")));
    CHECK(sheet.find("r=\"C3\"") == std::string::npos); // an empty cell is not written
    // Decimals show their digits.
    CHECK(styles.find("formatCode=\"0.000000\"") != std::string::npos);
    CHECK(styles.find("formatCode=\"0.00\"") != std::string::npos);
    // The workbook's title, escaped.
    const std::string& core = entries.at("docProps/core.xml");
    CHECK(test::xmlProblem(core) == "");
    const auto title = core.find("<dc:title>");
    REQUIRE(title != std::string::npos);
    CHECK(test::xmlVisibleText(core.substr(title, core.find("</dc:title>") - title)) == "Renewal <plan> & \"more\"");
}

TEST_CASE("xlsx: hostile text is stored as text, never as a formula, and intact") {
    ReportTable table{"texts", "Texts", {"text"}, {}};
    for (const auto& text : hostile())
        table.rows.push_back({ReportCell::ofText(text)});
    table.rows.push_back({ReportCell::ofText("_x0041_ is not an A")});
    table.rows.push_back({ReportCell::ofText("bell\x07 and escape\x1B")});
    const auto entries = written({table});
    const std::string& sheet = entries.at("xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("<f ") == std::string::npos);
    // Every data cell is a shared string.
    for (std::size_t row = 2; row <= table.rows.size() + 1; ++row) {
        INFO(row);
        CHECK(std::regex_search(sheet, std::regex("<c r=\"A" + std::to_string(row) + "\" s=\"\\d+\" t=\"s\">")));
    }
    const auto strings = sharedStrings(entries);
    for (const auto& text : hostile()) {
        INFO(text);
        // As typed: no apostrophe in a spreadsheet cell, which is text anyway.
        CHECK(std::find(strings.begin(), strings.end(), text) != strings.end());
    }
    // Excel would read "_x0041_" as an escaped "A": its underscore is escaped in turn.
    CHECK(std::find(strings.begin(), strings.end(), "_x005F_x0041_ is not an A") != strings.end());
    CHECK(std::find(strings.begin(), strings.end(), "bell and escape") != strings.end());
    CHECK(test::xmlProblem(entries.at("xl/sharedStrings.xml")) == "");
}

TEST_CASE("xlsx: a text beyond Excel's cell limit is cut at a whole character, with a note") {
    CHECK(fitExcelCell("short") == "short");
    const std::string exact(kExcelCellLimit, 'a');
    CHECK(fitExcelCell(exact) == exact);
    // 32,767 two-byte characters fit: the limit counts characters, not bytes.
    std::string greek;
    for (std::size_t i = 0; i < kExcelCellLimit; ++i)
        greek += "λ";
    CHECK(fitExcelCell(greek) == greek);
    // Past it, cut: the start kept, valid UTF-8, the note at the end, within the limit.
    for (const std::string unit : {"a", "ё", "ქ", "\xF0\x9F\x98\x80" /* 😀, two UTF-16 units */}) {
        std::string text;
        while (text.size() < 50 * 1024 * unit.size())
            text += unit;
        INFO(unit);
        const std::string cut = fitExcelCell(text);
        CHECK(utf16Length(cut) <= kExcelCellLimit);
        CHECK(utf16Length(cut) > kExcelCellLimit - unit.size() - kExcelCutNote.size());
        CHECK(firstInvalidUtf8(cut) == std::string::npos);
        REQUIRE(cut.size() > kExcelCutNote.size());
        CHECK(cut.substr(cut.size() - kExcelCutNote.size()) == kExcelCutNote);
        const std::string kept = cut.substr(0, cut.size() - kExcelCutNote.size());
        CHECK(text.compare(0, kept.size(), kept) == 0);
        CHECK(kept.size() % unit.size() == 0);
    }
    // In a workbook: the export does not fail and the cell holds the cut text.
    std::string result;
    for (int i = 0; result.size() < 50 * 1024; ++i)
        result += "word" + std::to_string(i) + " ";
    const auto entries = written({ReportTable{"dilemmas", "Dilemmas", {"result"}, {{ReportCell::ofText(result)}}}});
    const auto strings = sharedStrings(entries);
    REQUIRE(strings.size() == 2);
    CHECK(strings[1] == fitExcelCell(result));
    CHECK(strings[1].rfind(result.substr(0, 30000), 0) == 0);
}

TEST_CASE("xlsx: sheet names follow Excel's rules") {
    auto table = [](std::string key, std::string title) { return ReportTable{std::move(key), std::move(title), {"a"}, {}}; };
    const auto names = sheetNames({table("a", "Questions asked"), table("b", "What? [draft]: a/b\\c*"),
                                   table("c", "A title far longer than thirty-one characters, surely"),
                                   table("d", "questions ASKED"), table("e", "'quoted'"), table("people", ""),
                                   table("", ""), table("h", "History"), table("i", "Ελληνικά και Ქართული και Русский текст")});
    REQUIRE(names.size() == 9);
    CHECK(names[0] == "Questions asked");
    CHECK(names[1] == "What draft abc");
    CHECK(names[2] == "A title far longer than thirty-");
    CHECK(names[3] == "questions ASKED (2)");
    CHECK(names[4] == "quoted");
    CHECK(names[5] == "people");
    CHECK(names[6] == "Sheet 7");
    CHECK(names[7] == "History (2)");
    CHECK(names[8] == "Ελληνικά και Ქართული και Русски");
    for (const auto& name : names) {
        INFO(name);
        CHECK(decodeUtf8(name).size() <= 31);
        CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
    }
    // They are accepted as they are: the workbook is written.
    std::vector<ReportTable> tables;
    for (const auto& t : {table("a", "Questions asked"), table("d", "questions ASKED"), table("x", "Ελληνικά")})
        tables.push_back(t);
    const auto entries = written(tables);
    CHECK(entries.at("xl/workbook.xml").find("<sheet name=\"questions ASKED (2)\"") != std::string::npos);
}

TEST_CASE("xlsx: a file that cannot be written is an error naming it") {
    TempDir dir;
    const auto file = dir / "no-such-folder" / "book.xlsx";
    CHECK_THROWS_WITH_AS(writeXlsxTables({ReportTable{"a", "A", {"a"}, {}}}, "T", file),
                         doctest::Contains("no-such-folder/book.xlsx"), std::runtime_error);
    CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("xlsx: an example workshop gives a sheet per report table") {
    for (const char* name : {"urban-academy-education.json", "social-olympics-renewal.json"}) {
        INFO(name);
        const auto data = parseSessionJson(test::readFile(std::string(PLENARY_EXAMPLES) + "/" + name), name);
        const Report report = buildReport(data);
        const auto tables = reportTables(report);
        TempDir dir;
        writeXlsx(report, dir / "r.xlsx");
        const auto entries = test::unzip(test::readFile(dir / "r.xlsx"));
        const auto names = sheetNames(tables);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            CHECK(entries.at("xl/workbook.xml").find("<sheet name=\"" + names[i] + "\"") != std::string::npos);
            const std::string& sheet = entries.at("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
            CHECK(test::xmlProblem(sheet) == "");
            CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
            // One row per table row, and the header.
            std::size_t rows = 0;
            for (auto at = sheet.find("<row "); at != std::string::npos; at = sheet.find("<row ", at + 1))
                ++rows;
            CHECK(rows == tables[i].rows.size() + 1);
        }
        CHECK(entries.count("xl/worksheets/sheet" + std::to_string(tables.size() + 1) + ".xml") == 0);
        CHECK(entries.at("docProps/core.xml").find("<dc:title>") != std::string::npos);
    }
}
