// A workshop full of hostile and unusual text, exported to every format through the session layer
// as the program and the command line do: nothing runs (no script, no event attribute, no
// javascript: link, no formula), and every word comes out intact, in every European script.
#include "core/Csv.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"
#include "session/Export.hpp"
#include "support/Process.hpp"

#include "support/Examples.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <fstream>
#include <limits>
#include <regex>
#include <sstream>

using namespace plenary;
using plenary::test::readFile;
using plenary::test::TempDir;

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& hostile() {
    static const std::vector<std::string> texts = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\"><svg onload=alert(3)>",
        "</style><script>alert(4)</script>",
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\xEF\xBC\x9D" "1+1", // ＝1+1, full width
        "**bold** _em_ [link](javascript:alert(5)) # heading",
        "]]> &amp; &lt;b&gt; '; DROP TABLE dilemmas; --",
        "Ελληνικά Ωμέγα — Русский Ёж — ქართული — Հայերեն — Türkçe İı — Łódź Źdźbło — Þórður Ægir — "
        "Malti: Ħal Għargħur ċ ġ ż — Română ș ț — Čeština ř — Magyar ő ű — Gaeilge á — Føroyskt ð",
    };
    return texts;
}

// A 50 KB field: every word numbered, so a cut anywhere shows.
std::string longText() {
    std::string text;
    for (int i = 0; text.size() < 50 * 1024; ++i)
        text += "word" + std::to_string(i) + " ";
    return text + "END";
}

core::SessionData hostileWorkshop() {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto& h = hostile();
    for (std::size_t i = 0; i < data.questions.size() && i < h.size(); ++i)
        data.questions[i].text = h[i];
    data.dilemmas[0].result = longText();
    data.dilemmas[1].information = h.back();
    data.practices[0].link = "javascript:alert(6)";
    data.practices[1].link = "https://example.org/?a=1&b=\"2\"";
    data.workshop.title = "Workshop <b>" + h.back().substr(0, 40);
    return data;
}

std::string unzipEntry(const fs::path& file, const char* entry) {
    int error = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
    REQUIRE(archive != nullptr);
    zip_stat_t stat;
    std::string out;
    if (zip_stat(archive, entry, 0, &stat) == 0) {
        zip_file_t* f = zip_fopen(archive, entry, 0);
        REQUIRE(f != nullptr);
        out.resize(stat.size);
        CHECK(zip_fread(f, out.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
        zip_fclose(f);
    }
    zip_close(archive);
    return out;
}

// XML and HTML text as a reader sees it: tags gone (a Word paragraph break or an HTML element
// ends a word, so becomes nothing), the five entities and numeric ones decoded.
std::string visibleText(const std::string& markup) {
    std::string text;
    bool inTag = false;
    for (std::size_t i = 0; i < markup.size(); ++i) {
        const char c = markup[i];
        if (c == '<') {
            inTag = true;
            // A tab or a line break in Word is an element.
            if (markup.compare(i, 7, "<w:tab/") == 0) text += '\t';
            if (markup.compare(i, 6, "<w:br/") == 0) text += '\n';
            continue;
        }
        if (c == '>' && inTag) {
            inTag = false;
            continue;
        }
        if (!inTag) text += c;
    }
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&') {
            out += text[i];
            continue;
        }
        const auto end = text.find(';', i);
        REQUIRE(end != std::string::npos);
        const std::string entity = text.substr(i + 1, end - i - 1);
        if (entity == "amp") out += '&';
        else if (entity == "lt") out += '<';
        else if (entity == "gt") out += '>';
        else if (entity == "quot") out += '"';
        else if (entity == "apos" || entity == "#39") out += '\'';
        else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            core::appendUtf8(out, static_cast<char32_t>(std::stoul(entity.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10)));
        } else {
            FAIL("unknown entity &" << entity << ";");
        }
        i = end;
    }
    return out;
}

} // namespace

TEST_CASE("export hostile: HTML runs nothing and keeps every word") {
    TempDir dir;
    const auto data = hostileWorkshop();
    const fs::path file = dir / "r.html";
    session::exportSession(data, {session::ExportFormat::Html, false, false}, file);
    const std::string html = readFile(file);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("javascript:") == html.find("javascript:alert(6)")); // only as text
    CHECK_FALSE(std::regex_search(html, std::regex(R"(<[^>]*\son[a-z]+\s*=)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(href\s*=\s*["']?\s*javascript)", std::regex::icase)));
    // The stylesheet is closed once, by us.
    CHECK(html.find("</style") == html.rfind("</style"));
    const std::string text = visibleText(html);
    for (const auto& h : hostile()) {
        INFO(h);
        // Tabs and line ends may be reflowed by HTML; the words are what must stay.
        CHECK(text.find(core::trim(h)) != std::string::npos);
    }
    CHECK(text.find(longText()) != std::string::npos);
}

TEST_CASE("export hostile: Word keeps every word as text") {
    TempDir dir;
    const fs::path file = dir / "r.docx";
    session::exportSession(hostileWorkshop(), {session::ExportFormat::Word, false, false}, file);
    const std::string xml = unzipEntry(file, "word/document.xml");
    REQUIRE(!xml.empty());
    const std::string text = visibleText(xml);
    for (const auto& h : hostile()) {
        INFO(h);
        CHECK(text.find(core::trim(h)) != std::string::npos);
    }
    CHECK(text.find(longText()) != std::string::npos);
    CHECK(xml.find("javascript:") == xml.find("javascript:alert(6)")); // no hyperlink to it
}

TEST_CASE("export hostile: Excel writes text as text and numbers as numbers, never a formula") {
    TempDir dir;
    const fs::path file = dir / "r.xlsx";
    session::exportSession(hostileWorkshop(), {session::ExportFormat::Excel, false, false}, file);
    std::string sheets;
    for (int i = 1; i <= 6; ++i)
        sheets += unzipEntry(file, ("xl/worksheets/sheet" + std::to_string(i) + ".xml").c_str());
    REQUIRE(!sheets.empty());
    CHECK(sheets.find("<f>") == std::string::npos);
    CHECK(sheets.find("<f ") == std::string::npos);
    const std::string strings = visibleText(unzipEntry(file, "xl/sharedStrings.xml")) + visibleText(sheets);
    for (const auto& h : hostile()) {
        INFO(h);
        CHECK(strings.find(core::trim(h)) != std::string::npos);
    }
    // The 50 KB result is cut at Excel's limit and says so; its start is there.
    CHECK(strings.find(longText().substr(0, 30000)) != std::string::npos);
}

TEST_CASE("export hostile: CSV neutralises formula cells and keeps every word") {
    TempDir dir;
    const auto data = hostileWorkshop();
    session::exportSession(data, {session::ExportFormat::Csv, false, false}, dir / "t");
    const auto records = core::parseCsv(readFile(dir / "t" / "questions.csv"), "questions.csv");
    REQUIRE(records.size() > 1);
    std::vector<std::string> cells;
    for (const auto& r : records)
        for (const auto& f : r.fields)
            cells.push_back(f);
    for (const auto& h : hostile()) {
        INFO(h);
        bool found = false;
        for (const auto& cell : cells) {
            if (cell == h) found = true;
            // A formula-like start is kept behind an apostrophe.
            if (cell.size() == h.size() + 1 && cell[0] == '\'' && cell.substr(1) == h) found = true;
        }
        CHECK(found);
    }
    for (const auto& cell : cells) {
        INFO(cell);
        const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' ||
                                               cell[0] == '\t' || cell[0] == '\r' ||
                                               cell.rfind("\xEF\xBC\x9D", 0) == 0);
        CHECK_FALSE(formula);
        // A minus is a number's sign only.
        if (!cell.empty() && cell[0] == '-') CHECK(std::regex_match(cell, std::regex(R"(-[0-9.]+)")));
    }
    const std::string dilemmas = readFile(dir / "t" / "dilemmas.csv");
    CHECK(dilemmas.find(longText()) != std::string::npos);
}

TEST_CASE("export hostile: Markdown keeps every word, escaped") {
    const auto md = session::exportText(hostileWorkshop(), {session::ExportFormat::Markdown, false, false});
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("<img") == std::string::npos);
    CHECK(md.find("<javascript") == std::string::npos);
    CHECK(md.find(hostile().back()) != std::string::npos);
    CHECK(md.find(longText()) != std::string::npos);
}

TEST_CASE("export hostile: a conference whose parts do not fit together exports in every format") {
    TempDir dir;
    auto data = plenary::test::exampleSession("social-olympics-renewal");
    // A statement of no ring merged into one that does not exist, a vote on nothing by no ring,
    // a ring colour that is no colour, a threshold no template would hold.
    data.statements.push_back(core::Statement{900, 999, 1, "A statement of no ring </td><script>", 901});
    data.votes.push_back(core::VoteTally{902, 2, 998, 997, 3, 5});
    data.rings[0].colour = "\"><script>alert(1)</script>";
    data.workshop.threshold = std::numeric_limits<double>::quiet_NaN();
    for (const auto& info : session::exportFormats()) {
        INFO(std::string(info.key));
        const fs::path target = dir / (std::string("c") + info.extension + (info.extension[0] ? "" : "-tables"));
        if (info.format == session::ExportFormat::Json) {
            // The interchange format carries numbers exactly, so a number that is none is named.
            CHECK_THROWS_WITH(session::exportSession(data, {info.format, false, false}, target),
                              doctest::Contains("threshold is not a finite number"));
            continue;
        }
        CHECK_NOTHROW(session::exportSession(data, {info.format, false, false}, target));
        CHECK(fs::exists(target));
    }
    const std::string html = readFile(dir / "c.html");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(visibleText(html).find("A statement of no ring </td><script>") != std::string::npos);
    // A threshold that is no number is shown as none, not as a huge negative percentage.
    CHECK(html.find("-9223372036854775808") == std::string::npos);
    CHECK(core::percentText(std::numeric_limits<double>::quiet_NaN()) == "–");
}
