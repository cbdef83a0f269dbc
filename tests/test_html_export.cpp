// The HTML report (export/HtmlExport, HtmlWriter, SvgCharts): the seed report's content in order,
// each figure once, and user text that can only ever be text — escaped, yet intact when read back.
#include "core/Report.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "export/HtmlExport.hpp"
#include "export/HtmlWriter.hpp"
#include "export/SvgCharts.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;
using namespace plenary::exporting;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string& stylesheet() {
    static const std::string css = readFile(std::string(PLENARY_SOURCE_DIR) + "/assets/report.css");
    return css;
}

Report exampleReport(const char* name) {
    const std::string file = std::string(PLENARY_SOURCE_DIR) + "/sessions/examples/" + name;
    return buildReport(parseSessionJson(readFile(file), name));
}

std::string lower(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return text;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

std::string unescape(std::string_view text) {
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool replaced = false;
        if (text[i] == '&')
            for (const auto& [entity, c] : kEntities)
                if (text.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size() - 1;
                    replaced = true;
                    break;
                }
        if (!replaced) out += text[i];
    }
    return out;
}

struct Tag {
    std::string name; // lower case, "/p" for a closing tag
    std::vector<std::pair<std::string, std::string>> attributes; // values unescaped
};

// The document's tags, as a browser would read them from our (quoted, escaped) output; the text
// between tags goes to `text`. Every '<' in escaped output starts a tag, so this is exact here.
std::vector<Tag> tags(const std::string& html, std::string* text = nullptr) {
    std::vector<Tag> out;
    std::size_t at = 0;
    std::string skipUntil; // inside <style> and <title>: not visible
    while (at < html.size()) {
        const auto open = html.find('<', at);
        const std::string between = html.substr(at, open == std::string::npos ? std::string::npos : open - at);
        if (text && skipUntil.empty())
            for (const char c : unescape(between))
                *text += (c == '\n' ? ' ' : c); // a line break in the source is white space

        if (open == std::string::npos) break;
        const auto close = html.find('>', open);
        REQUIRE(close != std::string::npos);
        const std::string inside = html.substr(open + 1, close - open - 1);
        at = close + 1;
        if (inside.rfind("!DOCTYPE", 0) == 0) continue;
        Tag tag;
        const bool closing = !inside.empty() && inside[0] == '/';
        const auto nameEnd = inside.find_first_of(" /", closing ? 1 : 0);
        tag.name = lower(inside.substr(0, nameEnd));
        // name="value" pairs; values never hold a quote (escaped), so the next quote ends one.
        for (auto eq = inside.find("=\""); eq != std::string::npos; eq = inside.find("=\"", eq + 2)) {
            const auto nameStart = inside.rfind(' ', eq) + 1;
            const auto valueEnd = inside.find('"', eq + 2);
            REQUIRE(valueEnd != std::string::npos);
            tag.attributes.emplace_back(lower(inside.substr(nameStart, eq - nameStart)),
                                        unescape(inside.substr(eq + 2, valueEnd - eq - 2)));
            eq = valueEnd - 1;
        }
        if (tag.name == "style" || tag.name == "title") skipUntil = "/" + tag.name;
        if (tag.name == skipUntil) skipUntil.clear();
        // Blocks, cells and chart labels end a line of visible text.
        static const std::set<std::string> kBreaks = {"/p", "/li", "/h1", "/h2", "/h3", "/h4", "/td", "/th", "/dt",
                                                      "/dd", "/text", "br", "/div", "/tr"};
        if (text && kBreaks.count(tag.name)) *text += '\n';
        out.push_back(std::move(tag));
    }
    return out;
}

// The text a reader sees, roughly as a browser lays it out: white space in the source collapses
// to one space, and each block, cell or chart label ends a line.
std::string visibleText(const std::string& html) {
    std::string raw;
    tags(html, &raw);
    std::string text;
    for (const char c : raw) {
        if (c == '\n') {
            while (!text.empty() && text.back() == ' ')
                text.pop_back();
            if (!text.empty() && text.back() != '\n') text += '\n';
        } else if (c == ' ' || c == '\t' || c == '\r') {
            if (!text.empty() && text.back() != ' ' && text.back() != '\n') text += ' ';
        } else {
            text += c;
        }
    }
    return text;
}

// What must hold for any report, whatever its text: no script, no event handler, links only to
// web and mail addresses, only our own elements, one stylesheet, and nothing but our five entities.
void checkSafe(const std::string& html) {
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(count(lower(html), "</style") == 1);
    static const std::set<std::string> kElements = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "dl", "dt",
        "dd", "br", "section", "div", "article", "span", "strong", "ul", "li", "a", "table", "thead",
        "tbody", "tr", "th", "td", "svg", "rect", "text"};
    for (const auto& tag : tags(html)) {
        const std::string name = tag.name[0] == '/' ? tag.name.substr(1) : tag.name;
        CHECK_MESSAGE(kElements.count(name) == 1, "unexpected element <" << tag.name << ">");
        for (const auto& [attribute, value] : tag.attributes) {
            CHECK_MESSAGE(attribute.rfind("on", 0) != 0, "event attribute " << attribute);
            CHECK(attribute != "style");
            CHECK(attribute != "src");
            if (attribute == "href") {
                CHECK(tag.name == "a");
                CHECK(isWebAddress(value));
            }
            // User text never lands in an attribute: these are all the writer's own words.
            CHECK_MESSAGE(attribute != "aria-label", "aria-label " << value);
            if (attribute == "fill" || attribute == "stroke")
                CHECK_MESSAGE((value == "none" || parseHexColour(value).has_value()), "colour " << value);
        }
    }
    for (auto at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
        const std::string rest = html.substr(at, 6);
        const bool entity = rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 ||
                            rest.rfind("&gt;", 0) == 0 || rest.rfind("&quot;", 0) == 0 || rest.rfind("&#39;", 0) == 0;
        if (!entity) {
            // Only the stylesheet, which is ours, may hold a bare '&'.
            const auto styleEnd = lower(html).find("</style");
            CHECK_MESSAGE(at < styleEnd, "bare & at " << at);
        }
    }
}

// Each part found once, after the one before it.
void checkInOrder(const std::string& text, const std::vector<std::string>& parts) {
    std::size_t at = 0;
    for (const auto& part : parts) {
        CHECK_MESSAGE(count(text, part) == 1, "'" << part << "' appears " << count(text, part) << " times");
        const auto found = text.find(part, at);
        CHECK_MESSAGE(found != std::string::npos, "'" << part << "' is missing or out of order");
        if (found != std::string::npos) at = found + part.size();
    }
}

std::string decimal2(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// ---- A report built by hand: every part of the model, small enough to count ----

ReportDilemma dilemma(int number, const std::string& question, const std::string& presenter) {
    ReportDilemma d;
    d.id = number;
    d.number = number;
    d.question = question;
    d.presenter.name = presenter;
    d.presenter.organisation = "City Hall";
    d.presenter.city = "Essen";
    d.presenter.country = "DE";
    d.information = "Information " + std::to_string(number) + ", first paragraph.\n\nSecond paragraph.";
    d.questions = {{"Open question " + std::to_string(number) + "a?", true, "Ceri Hutton"},
                   {"Closed question " + std::to_string(number) + "b?", false, ""}};
    ReportPractice p;
    p.title = "Practice " + std::to_string(number);
    p.origin = "Helsinki (FI)";
    p.description = "What practice " + std::to_string(number) + " does.";
    p.link = "https://example.org/practice/" + std::to_string(number);
    p.webLink = true;
    p.suggestedBy = "Päivi Heikkilä";
    p.criteria[0] = true;
    p.criteria[3] = true;
    d.practices = {p};
    d.result = "Result " + std::to_string(number) + ".";
    return d;
}

Report handReport() {
    Report r;
    r.title = "Urban Academy on Integration";
    r.dates = "2019-03-14";
    r.venue = "Mechelen, Belgium";
    r.description = "A module on education.";
    r.header = {{"Facilitator", {"Ceri Hutton, MigrationWork"}},
                {"Experts", {"Aliyyah Ahad, MPI Europe", "Ana-Maria Stan, European Commission"}}};
    r.introduction = {{"Introduction", "Aliyyah Ahad", "How can schools help?", "Schools matter."}};
    ReportSection first{"Qualifications and employment", {}, {}, {}};
    ReportBlock one;
    one.dilemmas = {dilemma(1, "How can we attract refugee teachers?", "Sanne van Dijk")};
    one.result = one.dilemmas[0].result;
    ReportBlock joint;
    joint.joint = true;
    joint.dilemmas = {dilemma(2, "How do we involve all stakeholders?", "Sanna Mäkinen"),
                      dilemma(3, "Do segregated areas have ideas?", "Jörg Brückner")};
    joint.result = "Joint result of 2 and 3.";
    first.blocks = {one, joint};
    first.wrapUps = {{"Wrap-up", "Ceri Hutton", "", "Session one wrapped up."}};
    ReportSection second{"Combating segregation", {}, {}, {}};
    ReportBlock four;
    four.dilemmas = {dilemma(4, "How can we combat school segregation?", "Niccolò Sala")};
    four.result = four.dilemmas[0].result;
    second.blocks = {four};
    r.sections = {first, second};
    r.wrapUps = {{"Wrap-up", "Aliyyah Ahad", "Looking back", "The module ends."}};
    r.timings = {{1, 1, "", "Open questions", 480, 547}, {1, 1, "", "Reflection", 120, 118},
                 {4, 4, "", "Open questions", 480, 300}};
    r.openShares = {{1, 1, "", 5, 6, 5.0 / 6}, {2, 2, "", 3, 4, 0.75}, {3, 3, "", 0, 0, 0}, {4, 4, "", 1, 2, 0.5}};
    return r;
}

RingSupport support(Id ring, int a, int n, bool blocked = false) {
    RingSupport s;
    s.ring = ring;
    s.voted = n > 0;
    s.support = a;
    s.votes = n;
    s.share = n > 0 ? static_cast<double>(a) / n : 0;
    s.smoothed = (a + 1.0) / (n + 2.0);
    s.blocked = blocked;
    return s;
}

Report handConference() {
    Report r;
    r.format = Format::SocialOlympics;
    r.title = "Social Olympics";
    ReportConference& c = r.conference;
    c.scale = "Fist to five";
    c.threshold = 0.6;
    c.rings = {{1, "Residents", "#C05621", {"Fatma Yılmaz", "Henk van den Berg"}},
               {2, "Politicians", "not a colour", {"Khadija Bouzian"}}};
    c.statements = {{11, 1, "Renew the flats in phases.", 1, "Residents", 0, 0},
                    {12, 2, "Keep rents low.", 2, "Politicians", 0, 0},
                    {13, 3, "Renew flats phase by phase.", 1, "Residents", 11, 1}};
    ReportRound one{1, "Own ring", true, {}, {}};
    one.support = {{11, 1, "Renew the flats in phases.", {support(1, 4, 5), support(2, 0, 0)}},
                   {12, 2, "Keep rents low.", {support(1, 0, 0), support(2, 2, 3)}}};
    one.ranking = {{1, 11, 1, "Renew the flats in phases.", "reached", 0.71, 0.0, 4, one.support[0].rings},
                   {2, 12, 2, "Keep rents low.", "not reached", 0.6, 0.0, 2, one.support[1].rings}};
    ReportRound two{2, "Exchange", true, {}, {}};
    two.support = {{11, 1, "Renew the flats in phases.", {support(1, 5, 5), support(2, 1, 3, true)}},
                   {12, 2, "Keep rents low.", {support(1, 3, 5), support(2, 3, 3)}}};
    two.ranking = {{1, 12, 2, "Keep rents low.", "reached", 0.457, 0.286, 6, two.support[1].rings},
                   {2, 11, 1, "Renew the flats in phases.", "blocked", 0.343, 0.524, 6, two.support[0].rings}};
    ReportRound three{3, "Plenary", false, {}, {}};
    c.rounds = {one, two, three};
    c.shifts = {{1, 2, 11, 1, "Renew the flats in phases.", 1, "Residents", 0.8, 1.0, 0.2},
                {1, 2, 12, 2, "Keep rents low.", 2, "Politicians", 2.0 / 3, 1.0, 1.0 / 3}};
    c.consensusRound = 2;
    return r;
}

} // namespace

TEST_CASE("html: escapeHtml and the writer escape every text and attribute value") {
    CHECK(escapeHtml(R"(<a href="x">Tom & 'Jerry'</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    CHECK(escapeHtml("Zoë — Ελλάδα, Łódź") == "Zoë — Ελλάδα, Łódź");
    // Control characters (an escape sequence) go; tab and line break stay.
    CHECK(escapeHtml("a\x1b[31mb\tc\nd") == "a[31mb\tc\nd");
    HtmlWriter out;
    out.open("p", {{"class", "\"><script>alert(1)</script>"}, {"aria-label", "x' onmouseover='y"}});
    out.text("</p><img src=x onerror=alert(1)>");
    out.empty("br");
    out.element("span", "&amp; stays literal");
    const std::string html = out.finish(); // closes the <p>
    CHECK(html == "<p class=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" "
                  "aria-label=\"x&#39; onmouseover=&#39;y\">&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;<br/>"
                  "<span>&amp;amp; stays literal</span></p>\n");
}

TEST_CASE("html: paragraphs split at blank lines, and a line break stays one") {
    HtmlWriter out;
    out.paragraphs("  First line\nsecond line\n\n   \nNext paragraph  \n\n", "x");
    CHECK(out.finish() == "<p class=\"x\">First line<br/>second line</p>\n<p class=\"x\">Next paragraph</p>\n");
    HtmlWriter none;
    none.paragraphs(" \n\n ");
    CHECK(none.finish().empty());
}

TEST_CASE("html: only web and mail addresses become links") {
    CHECK(isWebAddress("https://example.org"));
    CHECK(isWebAddress("HTTP://EXAMPLE.ORG/a?b=c&d"));
    CHECK(isWebAddress("mailto:someone@example.org"));
    for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:x",
                            "https://", "//example.org", "www.example.org", "java\nscript:alert(1)",
                            "https://exa\tmple.org"})
        CHECK_MESSAGE(!isWebAddress(bad), bad);

    HtmlWriter out;
    out.link("  https://example.org/a?b=1&c=\"2\"  ");
    out.link("javascript:alert(1)");
    out.link("data:text/html,<b>x</b>", "label");
    const std::string html = out.finish();
    // The address as typed is shown; the href has quotes, spaces and non-ASCII percent-encoded.
    CHECK(html == "<a href=\"https://example.org/a?b=1&amp;c=%222%22\">https://example.org/a?b=1&amp;c=&quot;2&quot;</a>"
                  "javascript:alert(1)label");
    HtmlWriter spaced;
    spaced.link("https://example.org/a b onmouseover=alert(1) ü");
    CHECK(spaced.finish() == "<a href=\"https://example.org/a%20b%20onmouseover=alert(1)%20%C3%BC\">"
                             "https://example.org/a b onmouseover=alert(1) ü</a>");
    CHECK(count(html, "href") == 1);
}

TEST_CASE("html: a stylesheet cannot end its element or smuggle markup") {
    auto report = handReport();
    const std::string css = "body { color: black; }\n</STYLE><script>alert(1)</script>\n"
                            "p::after { content: \"</style>\"; }";
    const std::string html = reportToHtml(report, css);
    checkSafe(html);
    // No '<' is left in the stylesheet at all: CSS reads "\3C " as '<' inside a string.
    CHECK(count(html, "\\3C /STYLE>") == 1);
    CHECK(count(html, "content: \"\\3C /style>\"") == 1);
    CHECK(count(html, "body { color: black; }") == 1);
    // The real stylesheet goes in whole.
    const std::string real = reportToHtml(report, stylesheet());
    CHECK(real.find("@page") != std::string::npos);
    CHECK(real.find("size: A4") != std::string::npos);
}

TEST_CASE("html: a self-contained page: charset, language, no outside resources") {
    const std::string html = reportToHtml(handReport(), stylesheet());
    checkSafe(html);
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\"/>") != std::string::npos);
    CHECK(html.find("<title>Urban Academy on Integration</title>") != std::string::npos);
    // Nothing is fetched: no src, no stylesheet link, no url() to elsewhere in the stylesheet.
    CHECK(lower(html).find(" src=") == std::string::npos);
    CHECK(lower(html).find("<link") == std::string::npos);
    CHECK(lower(stylesheet()).find("url(") == std::string::npos);
    CHECK(lower(stylesheet()).find("@import") == std::string::npos);
}

TEST_CASE("html: the Urban Academy report gives every part once, in the seed report's order") {
    const auto report = handReport();
    const std::string text = visibleText(reportToHtml(report, stylesheet()));
    checkInOrder(text, {"Urban Academy on Integration\n", "2019-03-14, Mechelen, Belgium",
                        "Facilitator:\nCeri Hutton, MigrationWork\n",
                        "Experts:\nAliyyah Ahad, MPI Europe\nAna-Maria Stan, European Commission\n",
                        "A module on education.", "Introduction by Aliyyah Ahad\n", "How can schools help?",
                        "Schools matter.", "Qualifications and employment\n",
                        "Question 1: How can we attract refugee teachers? – Sanne van Dijk, City Hall, Essen (DE)\n",
                        "Information on the dilemma\nInformation 1, first paragraph.\nSecond paragraph.\n",
                        "Open questions asked\nOpen question 1a? — Ceri Hutton\nClosed question 1b? (closed question)\n",
                        "Practices suggested\nPractice 1, Helsinki (FI)\nWhat practice 1 does.\n"
                        "https://example.org/practice/1\n"
                        "Criteria met: Innovative, Replicable · Suggested by Päivi Heikkilä\n",
                        "Result of the discussion\nResult 1.\n", "Dilemmas discussed together\n",
                        "Question 2: How do we involve all stakeholders?", "Open question 2a?", "Practice 2,",
                        "Question 3: Do segregated areas have ideas?", "Open question 3a?", "Practice 3,",
                        "Result of the discussion\nJoint result of 2 and 3.\n", "Wrap-up by Ceri Hutton\n",
                        "Session one wrapped up.", "Combating segregation\n",
                        "Question 4: How can we combat school segregation?", "Result 4.", "Wrap-up by Aliyyah Ahad\n",
                        "The module ends.", "Annex\n", "Phase timings\n",
                        // The timings table, row by row, after the charts.
                        "1\nOpen questions\n8:00\n9:07\n+1:07\n", "1\nReflection\n2:00\n1:58\n−0:02\n",
                        "4\nOpen questions\n8:00\n5:00\n−3:00\n", "Share of open questions\n",
                        "Question 1\n83% (5 of 6 open)\n", "Question 2\n75% (3 of 4 open)\n",
                        "Question 3\nno questions asked\n", "Question 4\n50% (1 of 2 open)\n"});
    // Each result once, the joint members' own results not at all (the block's result stands for them).
    CHECK(count(text, "Result of the discussion") == 3);
    CHECK(count(text, "Result 2.") == 0);
    CHECK(count(text, "Dilemmas discussed together") == 1);
    CHECK(count(text, "(closed question)") == 4);
    CHECK(text.find("Anonymised") == std::string::npos);
    // The joint block holds both its members and its one result.
    const auto joint = text.find("Dilemmas discussed together");
    const auto next = text.find("Wrap-up by Ceri Hutton");
    const std::string block = text.substr(joint, next - joint);
    CHECK(count(block, "Question ") == 2);
    CHECK(count(block, "Result of the discussion") == 1);
}

TEST_CASE("html: the annex charts label every bar with its number and say what they show") {
    const std::string html = reportToHtml(handReport(), stylesheet());
    // One timing chart per dilemma, each with a title; planned and actual written at each bar.
    CHECK(count(html, "<title>Question 1: planned and actual time of each phase") == 1);
    CHECK(count(html, "<title>Question 4: planned and actual time of each phase") == 1);
    const std::string text = visibleText(html);
    checkInOrder(text, {"Question 1\nOpen questions\nplanned\n8:00\nactual\n9:07 (+1:07)\n",
                        "Reflection\nplanned\n2:00\nactual\n1:58\n", "Question 4\nOpen questions\nplanned\n8:00\nactual\n5:00\n"});
    CHECK(count(html, "<title>Share of open questions among the questions asked, per dilemma</title>") == 1);
}

TEST_CASE("html: the example workshop's report holds every dilemma, question and practice once, in order") {
    const auto report = exampleReport("urban-academy-education.json");
    const std::string html = reportToHtml(report, stylesheet());
    checkSafe(html);
    const std::string text = visibleText(html);
    std::vector<std::string> parts;
    int blocks = 0, joint = 0, results = 0;
    for (const auto& section : report.sections) {
        parts.push_back(trim(section.title) + "\n");
        for (const auto& block : section.blocks) {
            ++blocks;
            joint += block.joint ? 1 : 0;
            results += trim(block.result).empty() ? 0 : 1;
            for (const auto& d : block.dilemmas) {
                parts.push_back("Question " + std::to_string(d.number) + ": " + trim(d.question));
                for (const auto& q : d.questions)
                    parts.push_back(trim(q.text));
                for (const auto& p : d.practices)
                    parts.push_back(trim(p.description));
            }
        }
    }
    REQUIRE(blocks >= 10);
    REQUIRE(joint == 1);
    checkInOrder(text, parts);
    CHECK(count(text, "Dilemmas discussed together") == 1);
    // Before the annex, whose phases are named like the heading.
    const std::string body = text.substr(0, text.find("\nAnnex\n"));
    CHECK(count(body, "Result of the discussion") == static_cast<std::size_t>(results));
    // The annex's figures: each open-question share once, by its dilemma's number.
    std::vector<std::string> shares;
    for (const auto& s : report.openShares)
        shares.push_back("Question " + std::to_string(s.dilemmaNumber) + "\n" +
                         (s.total == 0 ? std::string("no questions asked")
                                       : percentText(s.share) + " (" + std::to_string(s.open) + " of " +
                                             std::to_string(s.total) + " open)") +
                         "\n");
    checkInOrder(text.substr(text.find("Share of open questions")), shares);
    // The seed report's web link is clickable.
    CHECK(html.find("<a href=\"https://www.coe.int/en/web/education/recognition-of-refugees-qualifications\">") !=
          std::string::npos);
}

TEST_CASE("html: the Social Olympics report: rings, statements, and each round's figures once") {
    const auto report = handConference();
    const std::string html = reportToHtml(report, stylesheet());
    checkSafe(html);
    const std::string text = visibleText(html);
    checkInOrder(text, {"Scale: Fist to five. Consensus: every ring that voted gives a statement at least 60% support",
                        "Rings\n", "Residents — 2 members: Fatma Yılmaz, Henk van den Berg\n", "Politicians — 1 member: Khadija Bouzian\n",
                        "Statements\n", "Residents\n1 Renew the flats in phases.\n",
                        "3 Renew flats phase by phase. (merged into statement 1)\n", "Politicians\n2 Keep rents low.\n",
                        "Round 1: Own ring\n",
                        // Heat map: ring names head the columns, a number in every voted cell.
                        "Statement\nResidents\nPoliticians\n1\nRenew the flats in phases.\n80%\n–\n",
                        "2\nKeep rents low.\n–\n67%\n", "Ranking\n",
                        "1\n1 Renew the flats in phases.\n✓ reached\n0.71\n0.00\n4/5\n–\n",
                        "2\n2 Keep rents low.\n· not reached\n0.60\n0.00\n–\n2/3\n", "Round 2: Exchange\n",
                        "1\nRenew the flats in phases.\n100%\n33% ⊘\n", "2\nKeep rents low.\n60%\n100%\n",
                        "Shift since round 1\n", "1\nRenew the flats in phases.\n▲ 20\n", "2\nKeep rents low.\n▲ 33\n",
                        "Consensus list\n", "1\n2 Keep rents low.\n✓ reached\n0.46\n0.29\n3/5\n3/3\n",
                        "2\n1 Renew the flats in phases.\n✗ blocked\n0.34\n0.52\n5/5\n1/3 ⊘\n",
                        "Round 3: Plenary\nNo votes were recorded in this round."});
    // Each figure once: the ranking's GACs, the shift points.
    for (const auto& round : report.conference.rounds)
        for (const auto& row : round.ranking)
            CHECK(count(text, "\n" + decimal2(row.gac) + "\n") == 1);
    CHECK(count(text, "▲") == 2 + 1); // two shifts and the legend's arrow
    // The invalid ring colour is grey; the valid one is used, upper-cased.
    CHECK(html.find("fill=\"#8A8F98\"") != std::string::npos);
    CHECK(html.find("fill=\"#C05621\"") != std::string::npos);
    CHECK(html.find("not a colour") == std::string::npos);
}

TEST_CASE("html: dot voting shows dots and dot shares, not GAC") {
    auto report = handConference();
    report.conference.dots = true;
    report.conference.scale = "Dots";
    const std::string text = visibleText(reportToHtml(report, stylesheet()));
    CHECK(text.find("GAC") == std::string::npos);
    CHECK(text.find("Dot voting") != std::string::npos);
    CHECK(text.find("Dots\n") != std::string::npos);
    CHECK(text.find("\n1\n2 Keep rents low.\n6\n3/5\n3/3\n") != std::string::npos);
    CHECK(text.find("reached") == std::string::npos);
}

TEST_CASE("html: the example conference's ranking rows and shifts appear once each, in rank order") {
    const auto report = exampleReport("social-olympics-renewal.json");
    const std::string html = reportToHtml(report, stylesheet());
    checkSafe(html);
    const std::string text = visibleText(html);
    const auto& c = report.conference;
    REQUIRE(c.consensusRound > 0);
    for (const auto& round : c.rounds) {
        if (!round.hasVotes) continue;
        const std::string heading = "Round " + std::to_string(round.number) + ": " + trim(round.name) + "\n";
        REQUIRE(count(text, heading) == 1);
        const auto start = text.find(heading);
        const auto end = text.find("Round " + std::to_string(round.number + 1) + ":", start);
        const std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        std::vector<std::string> rows;
        for (const auto& row : round.ranking) {
            std::string line = std::to_string(row.rank) + "\n" + std::to_string(row.number) + " " + trim(row.text) + "\n";
            line += markedStatus(row.status) + "\n";
            line += decimal2(row.gac) + "\n" + decimal2(row.divisiveness) + "\n";
            for (const auto& cell : row.rings)
                line += cell.voted ? std::to_string(cell.support) + "/" + std::to_string(cell.votes) +
                                         (cell.blocked ? " ⊘" : "") + "\n"
                                   : "–\n";
            rows.push_back(line);
        }
        checkInOrder(part, rows);
        // Each shift's arrow once, and the legend's two when there is a shift chart.
        std::size_t arrows = 0;
        bool chart = false;
        for (const auto& s : c.shifts)
            if (s.toRound == round.number) {
                chart = true;
                if (std::lround(s.delta * 100) != 0) ++arrows;
            }
        CHECK(count(part, "▲") + count(part, "▼") == arrows + (chart ? 2 : 0));
    }
}

TEST_CASE("html: an anonymised report says so, and names no one") {
    const auto report = anonymise(exampleReport("urban-academy-education.json"));
    const std::string text = visibleText(reportToHtml(report, stylesheet()));
    CHECK(count(text, "Anonymised: people's names were replaced by their role and city.") == 1);
    CHECK(text.find("Ceri Hutton") == std::string::npos);
    CHECK(text.find("Sanne van Dijk") == std::string::npos);
    CHECK(text.find("Expert from Brussels") != std::string::npos);
}

TEST_CASE("html: hostile text comes out escaped and intact") {
    std::string big;
    while (big.size() < 50 * 1024)
        big += "Fünfzig Kilobyte <b>&amp;</b> \"quoted\" 'single' ";
    big = trim(big);
    const std::vector<std::string> corpus = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><iframe srcdoc='<script>alert(1)</script>'>",
        "</style><script>alert(2)</script>",
        "</title></svg></p><b onclick=alert(3)>",
        "**bold** _em_ [link](javascript:alert(1)) # heading | cell | `code`",
        "&amp; &lt;not a tag&gt; &#x3C;script&#x3E; &copy;",
        "{{template}} ${expr} <!-- comment --> <![CDATA[x]]>",
        "Ελληνικά: Συμμετοχική δημοκρατία",
        "Кириллица: Общественное обсуждение",
        "ქართული: მონაწილეობითი დემოკრატია",
        "Հայերեն: Մասնակցային ժողովրդավարություն",
        "Türkçe: Katılımcı demokrasi, İstanbul, ığüşöç",
        "Polski: Zażółć gęślą jaźń, Łódź",
        "Íslenska: Þátttökulýðræði, Reykjavík, ðæö",
        "Malti: Demokrazija parteċipattiva, Ħamrun, ġħż",
        "עברית ועربية: דמוקרטיה / ديمقراطية",
        big};
    const std::string hostileLink = "JavaScript:alert(document.domain)";

    for (const std::string& hostile : corpus) {
        CAPTURE(hostile.substr(0, 60));
        auto ua = handReport();
        ua.title = hostile;
        ua.venue = hostile;
        ua.description = hostile;
        ua.header[0].names[0] = hostile;
        ua.introduction[0].title = hostile;
        ua.sections[0].title = hostile;
        auto& d = ua.sections[0].blocks[0].dilemmas[0];
        d.question = hostile;
        d.presenter.name = hostile;
        d.information = hostile;
        d.questions[0].text = hostile;
        d.questions[0].asker = hostile;
        d.practices[0].title = hostile;
        d.practices[0].description = hostile;
        d.practices[0].link = hostileLink;
        d.practices[0].webLink = false;
        ua.sections[0].blocks[0].result = hostile;
        ua.timings[0].phase = hostile;
        const std::string html = reportToHtml(ua, stylesheet());
        checkSafe(html);
        CHECK(html.find("href=\"javascript") == std::string::npos);
        const std::string text = visibleText(html);
        // Every field but the chart's label (cut to fit) gives the whole text back.
        CHECK(count(text, hostile) >= 10);
        CHECK(count(text, hostileLink) == 1);

        auto so = handConference();
        so.conference.rings[0].name = hostile;
        so.conference.rings[0].colour = "#FFF\" onload=\"alert(1)";
        so.conference.rings[1].members[0] = hostile;
        so.conference.statements[0].text = hostile;
        so.conference.rounds[1].ranking[0].text = hostile;
        so.conference.scale = hostile;
        const std::string conference = reportToHtml(so, stylesheet());
        checkSafe(conference);
        const std::string soText = visibleText(conference);
        CHECK(count(soText, hostile) >= 4);
    }
}

TEST_CASE("html: chart helpers: colours checked, durations and shifts written out") {
    CHECK(ringColour("#2b6cb0") == "#2B6CB0");
    CHECK(ringColour("#2B6CB0") == "#2B6CB0");
    for (const char* bad : {"", "red", "#12345", "#GGGGGG", "#123456\" onload=\"x", "url(javascript:x)"})
        CHECK(ringColour(bad) == "#8A8F98");
    CHECK(durationText(0) == "0:00");
    CHECK(durationText(547) == "9:07");
    CHECK(durationText(3723) == "1:02:03");
    CHECK(durationText(-2) == "−0:02");
    CHECK(shiftText(0.123) == "▲ 12");
    CHECK(shiftText(-0.05) == "▼ 5");
    CHECK(shiftText(0.004) == "0");
    CHECK(shiftText(-0.004) == "0");

    // A long list is cut into charts a page can hold, each with its column heads.
    ReportConference c;
    c.rings = {{1, "Residents", "#C05621", {}}};
    ReportRound round{1, "Own ring", true, {}, {}};
    for (int i = 1; i <= 30; ++i)
        round.support.push_back({i, i, "Statement " + std::to_string(i), {support(1, i % 5, 5)}});
    HtmlWriter out;
    supportHeatMap(out, c, round);
    const std::string svg = out.finish();
    CHECK(count(svg, "<svg ") == 2);
    CHECK(count(visibleText(svg), "Residents\n") == 2);
    CHECK(count(svg, "<title>Round 1: each ring&#39;s share of support, per statement</title>") == 2);
}
