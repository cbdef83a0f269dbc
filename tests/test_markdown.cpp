// The Markdown report (export/MarkdownExport): the seed report's shape, and user text escaped so
// it shows literally.
#include "core/SessionJson.hpp"
#include "export/MarkdownExport.hpp"

#include "support/Examples.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;
using plenary::exporting::escapeMarkdown;
using plenary::exporting::sessionToMarkdown;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

Dilemma* dilemmaById(SessionData& d, Id id) {
    for (auto& x : d.dilemmas)
        if (x.id == id) return &x;
    return nullptr;
}

} // namespace

TEST_CASE("markdown: escapeMarkdown neutralises markup characters") {
    CHECK(escapeMarkdown("*bold*") == "\\*bold\\*");
    CHECK(escapeMarkdown("_em_") == "\\_em\\_");
    CHECK(escapeMarkdown("`code`") == "\\`code\\`");
    CHECK(escapeMarkdown("[link](http://x)") == "\\[link\\](http://x)");
    CHECK(escapeMarkdown("<script>") == "&lt;script&gt;");
    CHECK(escapeMarkdown("# not a heading") == "\\# not a heading");
    CHECK(escapeMarkdown("a | b") == "a \\| b");
    CHECK(escapeMarkdown("back\\slash") == "back\\\\slash");
    CHECK(escapeMarkdown("~~strike~~") == "\\~\\~strike\\~\\~");
    // A leading - or + would start a list; in the middle of a line they are plain text.
    CHECK(escapeMarkdown("- item") == "\\- item");
    CHECK(escapeMarkdown("+ item") == "\\+ item");
    // Indentation would make a code block: it is dropped, and what follows is still escaped.
    CHECK(escapeMarkdown("  - indented") == "\\- indented");
    CHECK(escapeMarkdown("line\n    code?") == "line\ncode?");
    // A number and a dot or parenthesis at a line start would become a numbered list.
    CHECK(escapeMarkdown("22. November 2026") == "22\\. November 2026");
    CHECK(escapeMarkdown("intro\n1) first") == "intro\n1\\) first");
    CHECK(escapeMarkdown("in 2026. Then") == "in 2026. Then");
    // An entity would turn into a symbol; a backslash before & or < is not honoured everywhere
    // (Python-Markdown keeps the backslash and reads the HTML), an entity is.
    CHECK(escapeMarkdown("&copy; 2026") == "&amp;copy; 2026");
    CHECK(escapeMarkdown("a > b") == "a &gt; b");
    CHECK(escapeMarkdown("first\n- second\n+ third") == "first\n\\- second\n\\+ third");
    CHECK(escapeMarkdown("well-known a+b") == "well-known a+b");
    CHECK(escapeMarkdown("===") == "\\===");
    // Carriage returns are dropped, other text is unchanged.
    CHECK(escapeMarkdown("line\r\nnext") == "line\nnext");
    CHECK(escapeMarkdown("Zoë — Ελλάδα, 30 %") == "Zoë — Ελλάδα, 30 %");
}

TEST_CASE("markdown: the Urban Academy report follows the seed report") {
    const auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto md = sessionToMarkdown(data);
    CHECK(md.rfind("# Urban Academy on Integration", 0) == 0);
    CHECK(contains(md, "2019-03-14, Mechelen, Belgium"));
    // Module header.
    CHECK(contains(md, "**Facilitator:** Ceri Hutton, MigrationWork"));
    CHECK(contains(md, "**Experts:** Aliyyah Ahad, Migration Policy Institute Europe; Ana-Maria Stan"));
    CHECK(contains(md, "**Rapporteur:** Laurent Bontoux"));
    CHECK(contains(md, "### Introduction by Aliyyah Ahad"));
    // Each thematic session, each dilemma.
    for (const auto& s : data.sessions)
        CHECK(contains(md, "## " + escapeMarkdown(s.title) + "\n"));
    CHECK(contains(md, "### Question 1: How can we attract refugees to seek employment as teachers"));
    CHECK(contains(md, "– Sanne van Dijk, City of Amsterdam, Education Department, Amsterdam (NL)"));
    CHECK(count(md, "### Question ") == data.dilemmas.size());
    CHECK(count(md, "**Information on the dilemma:**") >= 10);
    CHECK(count(md, "**Result of the discussion:**") >= 10);
    // What the seed lacks: the questions asked and the practices suggested.
    CHECK(contains(md, "**Open questions asked:**"));
    CHECK(
        contains(md, "- What makes qualified refugees hesitate to apply for a teaching post? — Ceri Hutton"));
    CHECK(contains(md, "*(closed question)*"));
    CHECK(contains(md, "**Practices suggested:**"));
    CHECK(contains(md, "<https://www.coe.int/en/web/education/recognition-of-refugees-qualifications>"));
}

TEST_CASE("markdown: joint dilemmas form one block with one result") {
    const auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto md = sessionToMarkdown(data);
    CHECK(count(md, "*Dilemmas discussed together*") == 1);
    const auto block = md.find("*Dilemmas discussed together*");
    REQUIRE(block != std::string::npos);
    const auto next = md.find("\n## ", block);
    const std::string joint = md.substr(block, next - block);
    CHECK(count(joint, "### Question ") == 2);
    CHECK(contains(joint, "What are the best practices in motivating and involving all stakeholders"));
    CHECK(contains(joint, "Do participants from urban, segregated areas in cities have ideas"));
    CHECK(count(joint, "**Result of the discussion:**") == 1);
    // Each joint dilemma is mentioned once in the whole report.
    CHECK(count(md, "What are the best practices in motivating and involving all stakeholders") == 1);
    CHECK(count(md, "Do participants from urban, segregated areas in cities have ideas") == 1);
}

TEST_CASE("markdown: a joint group across two thematic sessions is reported once, without skipped dilemmas") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    // Join dilemma 1 (session 1) with dilemma 5 (session 2), and skip dilemma 6 in the same group.
    for (const Id id : {1, 5, 6}) {
        auto* d = dilemmaById(data, id);
        REQUIRE(d != nullptr);
        d->jointGroup = 42;
    }
    dilemmaById(data, 6)->status = DilemmaStatus::Skipped;
    const auto md = sessionToMarkdown(data);
    const std::string first = dilemmaById(data, 1)->question;
    const std::string fifth = dilemmaById(data, 5)->question.substr(0, 60);
    const std::string sixth = dilemmaById(data, 6)->question.substr(0, 60);
    CHECK(count(md, first) == 1);
    CHECK(count(md, fifth) == 1);
    CHECK(count(md, sixth) == 0);
    CHECK(count(md, "*Dilemmas discussed together*") == 2); // this block and the example's own
}

TEST_CASE("markdown: user text is escaped in the report") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    auto* first = dilemmaById(data, 1);
    REQUIRE(first != nullptr);
    first->information = "This is *bold* and _under_ with <b>html</b>\n# not a heading\n- not a list";
    first->question = "Is [this](http://evil) a link?\nSecond line";
    data.sessions[0].title = "Session with | pipe";
    data.people[0].name = "Ceri `Hutton`";
    data.practices[0].link = "https://example.org/a_b*c";
    data.practices[1].link = "javascript:alert(1)";
    const auto md = sessionToMarkdown(data);
    CHECK(contains(md, "This is \\*bold\\* and \\_under\\_ with &lt;b&gt;html&lt;/b&gt;"));
    CHECK_FALSE(contains(md, "*bold*"));
    CHECK(contains(md, "\\# not a heading"));
    CHECK(contains(md, "\\- not a list"));
    CHECK_FALSE(contains(md, "\n# not a heading"));
    CHECK(contains(md, "## Session with \\| pipe"));
    CHECK(contains(md, "Ceri \\`Hutton\\`"));
    // A line break in a heading would end the heading: it becomes a space.
    CHECK(contains(md, "### Question 1: Is \\[this\\](http://evil) a link? Second line"));
    // Autolinks take no backslash escapes: a safe web address is written as it is, anything else as text.
    CHECK(contains(md, "<https://example.org/a_b*c>"));
    CHECK_FALSE(contains(md, "<javascript:"));
    CHECK(contains(md, "javascript:alert(1)"));
}

TEST_CASE("markdown: the Social Olympics report lists rings and statements") {
    const auto data = plenary::test::exampleSession("social-olympics-renewal.json");
    const auto md = sessionToMarkdown(data);
    CHECK(contains(md, "## Rings"));
    for (const auto& r : data.rings)
        CHECK(contains(md, "- " + escapeMarkdown(r.name) + " — "));
    CHECK(contains(md, "- Policymakers — 9 members: Annelies de Graaf, "));
    CHECK(contains(md, "## Statements"));
    CHECK(contains(md, "- 1\\. Renew the 1970s portiek flats in phases"));
    CHECK(contains(md, "— merged into statement 8\n"));
    // Each round with votes: support per ring, and the consensus list; the shift from round 2 on.
    CHECK(contains(md, "## Round 1: Own ring\n"));
    CHECK(contains(md, "## Round 3: Plenary consensus\n"));
    CHECK(count(md, "### Support per ring") == 3);
    CHECK(count(md, "### Consensus\n") == 3);
    CHECK(count(md, "### Shift since round 1") == 2);
    CHECK(contains(md, "| Statement | Policymakers | Professionals | Residents | Politicians | Non-involved experts |"));
    CHECK_FALSE(contains(md, "### Question"));
}

// What Python-Markdown let through (a backslash before < or & is not an escape there), and link
// targets crafted to close the autolink or carry HTML: in the report, a '<' only ever opens a web
// autolink of plain URL characters, and every '&' starts one of the three entities written.
TEST_CASE("markdown: no renderer can read user text or a link target as HTML") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    const std::vector<std::string> hostile = {
        "\\<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "- [x](javascript:alert(1))\n    <img src=x onerror=alert(2)>",
        "1. <details open ontoggle=alert(3)>",
    };
    for (std::size_t i = 0; i < hostile.size() && i < data.dilemmas.size(); ++i) {
        data.dilemmas[i].information = hostile[i];
        data.dilemmas[i].question = hostile[(i + 1) % hostile.size()];
        data.dilemmas[i].result = hostile[(i + 2) % hostile.size()];
    }
    REQUIRE(data.practices.size() >= 3);
    data.practices[0].link = "https://example.org/\"><img src=x onerror=alert(4)>";
    data.practices[1].link = "https://example.org/a b\\<svg onload=alert(5)>";
    data.practices[2].link = "https://ex.org/Łódź?q=1&r=2";
    const auto md = sessionToMarkdown(data);
    for (auto at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
        const auto end = md.find('>', at);
        REQUIRE(end != std::string::npos);
        const std::string inside = md.substr(at + 1, end - at - 1);
        INFO("autolink: " << inside);
        CHECK(inside.rfind("https://", 0) == 0);
        CHECK(inside.find_first_of(" \"'\\<`\n") == std::string::npos);
    }
    for (auto at = md.find('&'); at != std::string::npos; at = md.find('&', at + 1)) {
        const bool entity = md.compare(at, 4, "&lt;") == 0 || md.compare(at, 4, "&gt;") == 0 ||
                            md.compare(at, 5, "&amp;") == 0;
        // Inside an autolink '&' is a query separator, taken literally.
        const bool inLink = md.rfind('<', at) != std::string::npos && md.rfind('<', at) > md.rfind('>', at);
        CHECK((entity || inLink));
    }
    CHECK(contains(md, "<https://example.org/%22%3E%3Cimg%20src=x%20onerror=alert(4)%3E>"));
    CHECK(contains(md, "<https://ex.org/%C5%81%C3%B3d%C5%BA?q=1&r=2>"));
}

TEST_CASE("markdown: a country without a city, or a missing part, leaves no stray comma or dash") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    auto* first = dilemmaById(data, 1);
    REQUIRE(first != nullptr);
    for (auto& p : data.people)
        if (p.id == first->presenter) {
            p.organisation = "";
            p.city = " ";
            p.country = "NL";
        }
    // A second dilemma whose presenter has nothing filled in.
    auto* second = dilemmaById(data, 2);
    REQUIRE(second != nullptr);
    data.people.push_back(Person{900, " ", "", "", "", Role::Participant, 0});
    second->presenter = 900;
    const Practice base{0, first->id, 0, "", "", "", "", 0, "", "", false, false, false, false};
    auto practice = [&](Id id, std::string title, std::string city, std::string country,
                        std::string description) {
        Practice p = base;
        p.id = id;
        p.position = static_cast<int>(id);
        p.title = std::move(title);
        p.city = std::move(city);
        p.country = std::move(country);
        p.description = std::move(description);
        return p;
    };
    data.practices = {practice(1, "Buddies", "", "NL", "Pairs of newcomers and locals."),
                      practice(2, "", "", "BE", "Untitled, from Belgium."),
                      practice(3, "Welcome classes ", "  ", " FI ", ""), practice(4, "  ", "Ghent", "", ""),
                      practice(5, " ", " ", " ", " ")};
    const auto md = sessionToMarkdown(data);
    CHECK(contains(md, " – Sanne van Dijk, NL\n"));
    CHECK(contains(md, "- **Buddies**, NL: Pairs of newcomers and locals.\n"));
    CHECK(contains(md, "- BE: Untitled, from Belgium.\n"));
    CHECK(contains(md, "- **Welcome classes**, FI\n"));
    CHECK(contains(md, "- Ghent\n"));
    CHECK_FALSE(contains(md, "****"));
    CHECK_FALSE(contains(md, "- ,"));
    CHECK_FALSE(contains(md, "- :"));
    CHECK_FALSE(contains(md, "-  \n"));
    CHECK_FALSE(contains(md, "- \n"));
    CHECK_FALSE(contains(md, ", ,"));
    CHECK_FALSE(contains(md, " – \n"));
    CHECK(count(md, "\n- ") >= 4);
}
