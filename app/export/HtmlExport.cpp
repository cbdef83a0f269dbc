#include "export/HtmlExport.hpp"

#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "export/HtmlConference.hpp"
#include "export/HtmlWriter.hpp"
#include "export/SvgCharts.hpp"


namespace plenary::exporting {

using namespace plenary::core;

namespace {

// "Heading by Name": the seed report's "Introduction to the topic by …".
void contribution(HtmlWriter& out, const ReportContribution& c, HtmlName heading) {
    auto part = out.scoped("div", {{"class", "contribution"}});
    const std::string by = trim(c.by);
    out.element(heading, by.empty() ? c.heading : c.heading + " by " + by);
    if (const auto title = trim(c.title); !title.empty()) out.element("p", title, {{"class", "contribution-title"}});
    out.paragraphs(c.text);
}

void header(HtmlWriter& out, const Report& report) {
    auto head = out.scoped("header", {{"class", "title-block"}});
    out.element("h1", trim(report.title).empty() ? "Workshop report" : report.title);
    const std::string dates = trim(report.dates), venue = trim(report.venue);
    if (!dates.empty() || !venue.empty())
        out.element("p", dates + (dates.empty() || venue.empty() ? "" : ", ") + venue, {{"class", "when"}});
    if (report.anonymised)
        out.element("p", "Anonymised: people's names were replaced by their role and city.",
                    {{"class", "anonymised"}});
    if (!report.header.empty()) {
        auto roles = out.scoped("dl", {{"class", "roles"}});
        for (const auto& line : report.header) {
            out.element("dt", line.label + ":");
            auto names = out.scoped("dd");
            for (std::size_t i = 0; i < line.names.size(); ++i) {
                if (i > 0) out.empty("br");
                out.text(line.names[i]);
            }
        }
    }
    out.paragraphs(report.description, "description");
}

void questions(HtmlWriter& out, const std::vector<ReportQuestion>& asked) {
    if (asked.empty()) return;
    out.element("h4", "Open questions asked");
    auto list = out.scoped("ul", {{"class", "questions"}});
    for (const auto& q : asked) {
        auto item = out.scoped("li");
        out.text(trim(q.text));
        if (!q.open) out.element("span", " (closed question)", {{"class", "closed"}});
        if (const auto asker = trim(q.asker); !asker.empty()) out.element("span", " — " + asker, {{"class", "asker"}});
    }
}

void practices(HtmlWriter& out, const std::vector<ReportPractice>& suggested) {
    if (suggested.empty()) return;
    out.element("h4", "Practices suggested");
    auto list = out.scoped("ul", {{"class", "practices"}});
    for (const auto& p : suggested) {
        auto item = out.scoped("li", {{"class", "practice"}});
        const std::string title = trim(p.title), origin = trim(p.origin);
        if (!title.empty() || !origin.empty()) {
            auto head = out.scoped("p", {{"class", "practice-head"}});
            if (!title.empty()) out.element("strong", title);
            if (!origin.empty()) out.element("span", (title.empty() ? "" : ", ") + origin, {{"class", "origin"}});
        }
        out.paragraphs(p.description);
        if (const auto link = trim(p.link); !link.empty()) {
            auto line = out.scoped("p", {{"class", "link"}});
            // Only a web or mail address becomes a link; javascript:, file: and the like stay text.
            out.link(link);
        }
        std::string criteria;
        for (int i = 0; i < 4; ++i)
            if (p.criteria[i]) criteria += (criteria.empty() ? "" : ", ") + std::string(kCriteria[i]);
        const std::string by = trim(p.suggestedBy);
        if (!criteria.empty() || !by.empty()) {
            auto meta = out.scoped("p", {{"class", "practice-meta"}});
            if (!criteria.empty()) out.text("Criteria met: " + criteria);
            if (!criteria.empty() && !by.empty()) out.text(" · ");
            if (!by.empty()) out.text("Suggested by " + by);
        }
    }
}

void result(HtmlWriter& out, const std::string& text) {
    if (trim(text).empty()) return;
    auto part = out.scoped("div", {{"class", "result"}});
    out.element("h4", "Result of the discussion");
    out.paragraphs(text);
}

void dilemma(HtmlWriter& out, const ReportDilemma& d, bool withResult, const std::string& blockResult) {
    auto article = out.scoped("article", {{"class", "dilemma"}});
    {
        auto heading = out.scoped("h3");
        out.text("Question " + std::to_string(d.number) + ": " + trim(d.question));
        // A presenter whose fields are all empty adds no dangling dash.
        if (const auto line = personLine(d.presenter); !line.empty())
            out.element("span", " – " + line, {{"class", "presenter"}});
    }
    if (!trim(d.information).empty()) {
        out.element("h4", "Information on the dilemma");
        out.paragraphs(d.information);
    }
    questions(out, d.questions);
    practices(out, d.practices);
    if (withResult) result(out, blockResult);
}

void thematicSection(HtmlWriter& out, const ReportSection& section) {
    auto part = out.scoped("section", {{"class", "thematic"}});
    out.element("h2", section.title);
    for (const auto& c : section.introductions)
        contribution(out, c, "h3");
    for (const auto& block : section.blocks) {
        if (!block.joint) {
            for (const auto& d : block.dilemmas)
                dilemma(out, d, true, block.result);
            continue;
        }
        auto joint = out.scoped("div", {{"class", "joint"}});
        out.element("p", "Dilemmas discussed together", {{"class", "joint-note"}});
        for (const auto& d : block.dilemmas)
            dilemma(out, d, false, {});
        result(out, block.result);
    }
    for (const auto& w : section.wrapUps)
        contribution(out, w, "h3");
}

void annex(HtmlWriter& out, const Report& report) {
    if (report.timings.empty() && report.openShares.empty()) return;
    auto part = out.scoped("section", {{"class", "annex"}});
    out.element("h2", "Annex");
    if (!report.timings.empty()) {
        out.element("h3", "Phase timings");
        out.element("p", "Planned time of each phase against the timer's reading when it ended (pauses left out), "
                         "in minutes and seconds.", {{"class", "note"}});
        {
            auto charts = out.scoped("div", {{"class", "charts"}});
            phaseTimingCharts(out, report.timings);
        }
        auto table = out.scoped("table", {{"class", "timings"}});
        {
            auto head = out.scoped("thead");
            auto row = out.scoped("tr");
            out.element("th", "Question", {{"class", "number"}});
            out.element("th", "Phase");
            for (const char* column : {"Planned", "Actual", "Difference"})
                out.element("th", column, {{"class", "number"}});
        }
        auto body = out.scoped("tbody");
        for (const auto& t : report.timings) {
            auto row = out.scoped("tr");
            out.element("td", std::to_string(t.dilemmaNumber), {{"class", "number"}});
            out.element("td", t.phase);
            out.element("td", durationText(t.plannedSeconds), {{"class", "number"}});
            out.element("td", durationText(t.actualSeconds), {{"class", "number"}});
            const int difference = t.actualSeconds - t.plannedSeconds;
            out.element("td", (difference > 0 ? "+" : "") + durationText(difference), {{"class", "number"}});
        }
    }
    if (!report.openShares.empty()) {
        out.element("h3", "Share of open questions");
        out.element("p", "Open questions among all the questions asked on each dilemma.", {{"class", "note"}});
        auto charts = out.scoped("div", {{"class", "charts"}});
        openShareChart(out, report.openShares);
    }
}

void urbanAcademy(HtmlWriter& out, const Report& report) {
    if (!report.introduction.empty()) {
        auto part = out.scoped("section", {{"class", "introduction"}});
        for (const auto& c : report.introduction)
            contribution(out, c, "h2");
    }
    for (const auto& section : report.sections)
        thematicSection(out, section);
    if (!report.wrapUps.empty()) {
        auto part = out.scoped("section", {{"class", "wrap-up"}});
        for (const auto& w : report.wrapUps)
            contribution(out, w, "h2");
    }
    annex(out, report);
}

} // namespace

std::string reportToHtml(const Report& report, std::string_view stylesheet) {
    HtmlWriter out;
    out.doctype();
    out.open("html", {{"lang", "en"}});
    {
        auto head = out.scoped("head");
        out.empty("meta", {{"charset", "utf-8"}});
        out.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
        out.element("title", trim(report.title).empty() ? "Workshop report" : trim(report.title));
        out.stylesheet(stylesheet);
    }
    {
        auto body = out.scoped("body", {{"class", report.format == Format::UrbanAcademy ? "urban-academy"
                                                                                        : "social-olympics"}});
        header(out, report);
        if (report.format == Format::UrbanAcademy)
            urbanAcademy(out, report);
        else
            conferenceSections(out, report.conference);
    }
    return out.finish();
}

} // namespace plenary::exporting
