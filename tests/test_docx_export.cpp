// The Word report (export/DocxExport): a valid package (every part there, declared and well-formed
// XML), the seed report's shape with every dilemma, question and practice once and in order, user
// text escaped and never markup, only web addresses as hyperlinks.
#include "core/Report.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"
#include "export/DocxExport.hpp"
#include "export/LinkTarget.hpp"
#include "export/DocxWriter.hpp"
#include "support/Process.hpp"
#include "support/ZipXml.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace plenary;
using namespace plenary::core;
using plenary::exporting::linkTarget;
using plenary::core::isWebAddress;
using plenary::exporting::reportToDocx;
using plenary::exporting::xmlText;

namespace {

const char* const kParts[] = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                              "word/numbering.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                              "docProps/core.xml", "docProps/app.xml"};

ReportDilemma dilemma(Id id, int number, const std::string& tag) {
    ReportDilemma d;
    d.id = id;
    d.number = number;
    d.question = "Dilemma " + tag + " question?";
    d.presenter = {id, "Presenter " + tag, "Expert", "City Hall " + tag, "Essen", "DE", ""};
    d.information = "Information " + tag + " first line\nsecond line\twith a tab\n\nInformation " + tag + " second paragraph";
    d.questions = {{"Asked " + tag + " one?", true, "Ana"}, {"Asked " + tag + " two?", false, ""}};
    ReportPractice web;
    web.title = "Practice " + tag + " web";
    web.origin = "Tartu (EE)";
    web.description = "Described " + tag + " web";
    web.link = "https://example.org/" + tag + "?a=1&b=\"2\" x";
    web.webLink = true;
    web.suggestedBy = "Bo " + tag;
    web.criteria[0] = web.criteria[3] = true;
    ReportPractice script;
    script.title = "Practice " + tag + " script";
    script.link = "javascript:alert('" + tag + "')";
    d.practices = {web, script};
    d.result = "Result " + tag;
    return d;
}

Report urbanReport() {
    Report r;
    r.format = Format::UrbanAcademy;
    r.title = "Urban Academy <Integration> & more";
    r.dates = "2019-03-14";
    r.venue = "Mechelen, Belgium";
    r.description = "Description of the module.";
    r.header = {{"Facilitator", {"Ceri Hutton, MigrationWork"}}, {"Experts", {"A, X", "B, Y"}}};
    r.introduction = {{"Introduction", "Aliyyah Ahad", "Intro title", "Intro text."}};
    ReportSection first;
    first.title = "Section one";
    first.blocks.push_back({false, {dilemma(1, 1, "A")}, "Result A"});
    ReportSection second;
    second.title = "Section two";
    second.blocks.push_back({true, {dilemma(2, 2, "B"), dilemma(3, 3, "C")}, "Result B\n\nResult C"});
    second.wrapUps = {{"Wrap-up", "", "", "Section wrap-up text."}};
    r.sections = {first, second};
    r.wrapUps = {{"Wrap-up", "Aliyyah Ahad", "", "Module wrap-up text."}};
    r.timings = {{1, 1, "Dilemma A question?", "Open questions", 480, 545}};
    r.openShares = {{1, 1, "Dilemma A question?", 1, 2, 0.5}};
    return r;
}

std::map<std::string, std::string> parts(const Report& report) {
    const auto entries = test::unzip(reportToDocx(report));
    REQUIRE_MESSAGE(!entries.empty(), "not a zip");
    return entries;
}

// Positions of each needle in the text, in order; fails when one is missing or not once.
void checkOnceInOrder(const std::string& text, const std::vector<std::string>& needles) {
    std::size_t last = 0;
    for (const auto& needle : needles) {
        INFO(needle);
        const auto at = text.find(needle);
        REQUIRE(at != std::string::npos);
        CHECK(text.find(needle, at + 1) == std::string::npos);
        CHECK(at >= last);
        last = at;
    }
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

// Each needle after the one before, and at least as often in the text as in the list (a practice
// suggested for two dilemmas is there twice; a result may name a practice again).
void checkInOrder(const std::string& text, const std::vector<std::string>& needles) {
    std::size_t from = 0;
    for (const auto& needle : needles) {
        INFO(needle);
        const auto at = text.find(needle, from);
        REQUIRE(at != std::string::npos);
        from = at + needle.size();
        CHECK(count(text, needle) >= static_cast<std::size_t>(std::count(needles.begin(), needles.end(), needle)));
    }
}

} // namespace

TEST_CASE("docx: xmlText escapes markup and drops what XML 1.0 forbids") {
    CHECK(xmlText("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
    CHECK(xmlText("&amp;") == "&amp;amp;");
    CHECK(xmlText("]]>") == "]]&gt;");
    CHECK(xmlText("tab\tline\ncr\r") == "tab\tline\ncr\r");
    CHECK(xmlText(std::string("nul\0bell\x07vt\x0B" "esc\x1B", 16)) == "nulbellvtesc");
    CHECK(xmlText("not\xEF\xBF\xBE" "char\xEF\xBF\xBF") == "notchar");
    CHECK(xmlText("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(xmlText("Ελληνικά ქართული Հայերեն Ħal Għargħur Þórður") == "Ελληνικά ქართული Հայերեն Ħal Għargħur Þórður");
}

TEST_CASE("docx: only web and mail addresses are links, percent-encoded") {
    CHECK(isWebAddress("https://example.org"));
    CHECK(isWebAddress("HTTP://EXAMPLE.ORG"));
    CHECK(isWebAddress("mailto:a@b.org"));
    CHECK_FALSE(isWebAddress("javascript:alert(1)"));
    CHECK_FALSE(isWebAddress("file:///etc/passwd"));
    CHECK_FALSE(isWebAddress("www.example.org"));
    CHECK(linkTarget("https://example.org/a b?q=\"x\"&y=<z>") ==
          "https://example.org/a%20b?q=%22x%22&y=%3Cz%3E");
    CHECK(linkTarget(" https://ex.org/Łódź ") == "https://ex.org/%C5%81%C3%B3d%C5%BA");
}

TEST_CASE("docx: the package has every part, declared, each well-formed") {
    const auto entries = parts(urbanReport());
    for (const char* part : kParts) {
        INFO(part);
        REQUIRE(entries.count(part) == 1);
        CHECK(test::xmlProblem(entries.at(part)) == "");
    }
    CHECK(entries.size() == std::size(kParts));
    const std::string& types = entries.at("[Content_Types].xml");
    for (const char* part : {"/word/document.xml", "/word/styles.xml", "/word/numbering.xml", "/word/settings.xml",
                             "/docProps/core.xml", "/docProps/app.xml"})
        CHECK(types.find("PartName=\"" + std::string(part) + "\"") != std::string::npos);
    CHECK(entries.at("_rels/.rels").find("Target=\"word/document.xml\"") != std::string::npos);
    // Every style the document uses is defined.
    const std::string& document = entries.at("word/document.xml");
    const std::string& styles = entries.at("word/styles.xml");
    for (auto at = document.find("w:pStyle w:val=\""); at != std::string::npos;
         at = document.find("w:pStyle w:val=\"", at + 1)) {
        const auto start = at + 16;
        const std::string id = document.substr(start, document.find('"', start) - start);
        INFO(id);
        CHECK(styles.find("w:styleId=\"" + id + "\"") != std::string::npos);
    }
    CHECK(document.find("w:numId w:val=\"1\"") != std::string::npos);
    CHECK(entries.at("word/numbering.xml").find("<w:num w:numId=\"1\">") != std::string::npos);
    // The title in the document's properties, escaped.
    CHECK(entries.at("docProps/core.xml").find("<dc:title>Urban Academy &lt;Integration&gt; &amp; more</dc:title>") !=
          std::string::npos);
}

TEST_CASE("docx: the Urban Academy report in the seed report's shape, every text once and in order") {
    const auto entries = parts(urbanReport());
    const std::string& document = entries.at("word/document.xml");
    const std::string text = test::xmlVisibleText(document);
    checkOnceInOrder(text, {"Urban Academy <Integration> & more", "2019-03-14, Mechelen, Belgium",
                            "Facilitator: Ceri Hutton, MigrationWork", "Experts: A, X; B, Y",
                            "Description of the module.", "Introduction by Aliyyah Ahad", "Intro title", "Intro text.",
                            "Section one",
                            "Question 1: Dilemma A question? – Presenter A, City Hall A, Essen (DE)",
                            "Information A first line\nsecond line\twith a tab", "Information A second paragraph",
                            "Asked A one? — Ana", "Asked A two? (closed question)",
                            "Practice A web, Tartu (EE): Described A web",
                            "https://example.org/A?a=1&b=\"2\" x",
                            "Criteria met: Innovative, Replicable · Suggested by Bo A", "Practice A script",
                            "javascript:alert('A')", "Result A", "Section two", "Dilemmas discussed together",
                            "Question 2: Dilemma B question?", "Information B first line", "Asked B one?",
                            "Practice B web", "Practice B script", "Question 3: Dilemma C question?",
                            "Information C first line", "Asked C one?", "Practice C web", "Practice C script",
                            "Result B", "Result C", "Section wrap-up text.", "Wrap-up by Aliyyah Ahad",
                            "Module wrap-up text.", "Annex", "Phase timings",
                            // Table cells, one after the other.
                            "QuestionPhasePlannedActualDifference1Open questions8:009:05+1:05",
                            "Share of open questions", "QuestionOpenAskedShare11250%"});
    CHECK(count(text, "Result of the discussion") == 2); // the joint block's result given once
    CHECK(count(text, "Information on the dilemma") == 3);
    CHECK(count(text, "Open questions asked") == 3);
    CHECK(count(text, "Practices suggested") == 3);
    // Headings: the sections, the annex and the module's contributions at level 1; the dilemmas at 2.
    CHECK(count(document, "<w:pStyle w:val=\"Heading1\"/>") == 5);
    CHECK(count(document, "<w:pStyle w:val=\"Heading2\"/>") == 6);
    CHECK(count(document, "<w:pStyle w:val=\"Title\"/>") == 1);
    // Line breaks and tabs in a text are Word's own elements; every text run keeps its spaces.
    CHECK(document.find("first line</w:t><w:br/><w:t xml:space=\"preserve\">second line</w:t><w:tab/>") !=
          std::string::npos);
    CHECK(count(document, "<w:t>") == 0);
    CHECK(count(document, "<w:t xml:space=\"preserve\">") > 40);
    // Tables for the annex: header row repeated on each page.
    CHECK(count(document, "<w:tbl>") == 2);
    CHECK(count(document, "<w:tblHeader/>") == 2);
    CHECK(text.find("Names of people") == std::string::npos);
    CHECK(text.find("Anonymised") == std::string::npos);
}

TEST_CASE("docx: only web addresses become hyperlinks") {
    const auto entries = parts(urbanReport());
    const std::string& document = entries.at("word/document.xml");
    const std::string& rels = entries.at("word/_rels/document.xml.rels");
    CHECK(count(document, "<w:hyperlink ") == 3);
    CHECK(count(rels, "TargetMode=\"External\"") == 3);
    CHECK(rels.find("Target=\"https://example.org/A?a=1&amp;b=%222%22%20x\"") != std::string::npos);
    CHECK(rels.find("javascript") == std::string::npos);
    for (int i = 1; i <= 3; ++i) {
        const std::string id = "rIdLink" + std::to_string(i);
        CHECK(document.find("r:id=\"" + id + "\"") != std::string::npos);
        CHECK(rels.find("Id=\"" + id + "\"") != std::string::npos);
    }
    // The script link is there, as text only.
    const auto at = document.find("javascript:alert(&apos;B&apos;)");
    REQUIRE(at != std::string::npos);
    CHECK(document.rfind("<w:hyperlink", at) < document.rfind("</w:hyperlink>", at));
    // A practice marked as web that is not a web address is still text.
    Report report = urbanReport();
    report.sections[0].blocks[0].dilemmas[0].practices[0].link = "javascript:alert(1)";
    CHECK(count(parts(report).at("word/_rels/document.xml.rels"), "TargetMode") == 2);
}

TEST_CASE("docx: hostile text comes out escaped and intact") {
    const std::vector<std::string> hostile = {
        "<script>alert(1)</script>", "]]> &amp; &lt;b&gt;", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
        "\xEF\xBC\x9D" "1+1", "\"><w:r><w:t>injected</w:t></w:r>",
        "Ελληνικά Ωμέγα — Русский Ёж — ქართული — Հայերեն — Malti: Ħal Għargħur ċ ġ ż — Þórður Ægir ð",
    };
    Report report = urbanReport();
    auto& d = report.sections[0].blocks[0].dilemmas[0];
    d.questions.clear();
    for (const auto& h : hostile)
        d.questions.push_back({h, true, ""});
    d.information = "bell\x07 vertical\x0B nul" + std::string(1, '\0') + " end\xEF\xBF\xBE";
    report.title = "Title with \x01 control";
    const auto entries = parts(report);
    for (const auto& [name, content] : entries) {
        INFO(name);
        CHECK(test::xmlProblem(content) == "");
    }
    const std::string& document = entries.at("word/document.xml");
    CHECK(document.find("<script") == std::string::npos);
    CHECK(document.find("injected</w:t></w:r>\"") == std::string::npos);
    const std::string text = test::xmlVisibleText(document);
    for (const auto& h : hostile) {
        INFO(h);
        CHECK(count(text, h) == 1);
    }
    CHECK(text.find("bell vertical nul end") != std::string::npos);
    CHECK(text.find("Title with  control") != std::string::npos);
}

TEST_CASE("docx: an anonymised report says so") {
    Report report = urbanReport();
    report.anonymised = true;
    const std::string text = test::xmlVisibleText(parts(report).at("word/document.xml"));
    CHECK(text.find("Anonymised: people's names were replaced by their role and city.") != std::string::npos);
}

TEST_CASE("docx: the example workshops, plain and anonymised") {
    for (const char* name : {"urban-academy-education.json", "social-olympics-renewal.json"}) {
        INFO(name);
        const auto data = parseSessionJson(test::readFile(std::string(PLENARY_EXAMPLES) + "/" + name), name);
        const Report report = buildReport(data);
        for (const Report& r : {report, anonymise(report)}) {
            const auto entries = parts(r);
            for (const auto& [part, content] : entries) {
                INFO(part);
                CHECK(test::xmlProblem(content) == "");
            }
            const std::string& document = entries.at("word/document.xml");
            const std::string text = test::xmlVisibleText(document);
            CHECK(text.find(trim(r.title)) != std::string::npos);
            if (r.format == Format::UrbanAcademy) {
                std::vector<std::string> order;
                for (const auto& s : r.sections)
                    for (const auto& b : s.blocks)
                        for (const auto& x : b.dilemmas) {
                            const std::string heading = "Question " + std::to_string(x.number) + ": " + trim(x.question);
                            CHECK(count(text, heading) == 1);
                            order.push_back(heading);
                            for (const auto& q : x.questions)
                                order.push_back(trim(q.text));
                            for (const auto& p : x.practices)
                                if (!trim(p.title).empty()) order.push_back(trim(p.title));
                        }
                REQUIRE(order.size() > 20);
                checkInOrder(text, order);
            } else {
                const auto& c = r.conference;
                for (const auto& ring : c.rings)
                    CHECK(text.find(trim(ring.name)) != std::string::npos);
                for (const auto& s : c.statements)
                    CHECK(text.find(trim(s.text)) != std::string::npos);
                CHECK(text.find("Consensus list") != std::string::npos);
                CHECK(text.find("Support per ring") != std::string::npos);
                CHECK((text.find("▲") != std::string::npos || text.find("▼") != std::string::npos));
                // The rounds' wide tables are on landscape pages.
                CHECK(document.find("w:orient=\"landscape\"") != std::string::npos);
                CHECK(count(document, "<w:sectPr>") == 2);
            }
        }
    }
}
