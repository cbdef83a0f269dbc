#include "export/DocxExport.hpp"

#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "export/DocxConference.hpp"
#include "export/DocxPackage.hpp"
#include "export/DocxWriter.hpp"
#include "export/SvgCharts.hpp"
#include "export/ZipWriter.hpp"

namespace plenary::exporting {

using namespace plenary::core;

namespace {

// "Introduction by Name" (the seed report's "Introduction to the topic by …"), its title, its text.
void contribution(DocxBody& body, const ReportContribution& c, int level) {
    const std::string by = trim(c.by);
    body.heading(level, by.empty() ? c.heading : c.heading + " by " + by);
    if (const auto title = trim(c.title); !title.empty()) body.paragraph("Subtitle", {DocxRun{title}});
    body.text("Normal", c.text);
}

void header(DocxBody& body, const Report& report) {
    body.paragraph("Title", {DocxRun{trim(report.title).empty() ? "Workshop report" : trim(report.title)}});
    const std::string dates = trim(report.dates), venue = trim(report.venue);
    if (!dates.empty() || !venue.empty())
        body.paragraph("Subtitle", {DocxRun{dates + (dates.empty() || venue.empty() ? "" : ", ") + venue}});
    for (const auto& line : report.header) {
        std::string names;
        for (const auto& name : line.names)
            names += (names.empty() ? "" : "; ") + name;
        body.paragraph("", {DocxRun{line.label + ": ", true}, DocxRun{names}});
    }
    if (report.anonymised)
        body.paragraph("Note", {DocxRun{"Anonymised: people's names were replaced by their role and city."}});
    body.text("Normal", report.description);
}

void questions(DocxBody& body, const std::vector<ReportQuestion>& asked) {
    if (asked.empty()) return;
    body.heading(3, "Open questions asked");
    for (const auto& q : asked) {
        std::vector<DocxRun> runs{DocxRun{trim(q.text)}};
        if (!q.open) runs.push_back(DocxRun{" (closed question)", false, true});
        if (const auto asker = trim(q.asker); !asker.empty()) runs.push_back(DocxRun{" — " + asker});
        body.bullet(runs);
    }
}

std::string criteriaMet(const ReportPractice& p) {
    std::string criteria;
    for (int i = 0; i < 4; ++i)
        if (p.criteria[i]) criteria += (criteria.empty() ? "" : ", ") + std::string(kCriteria[i]);
    return criteria;
}

// One bullet: "Title, City (CC): description", the link, then "Criteria met: … · Suggested by …".
// Line breaks keep it one list item.
void practice(DocxBody& body, const ReportPractice& p) {
    std::vector<DocxRun> runs;
    auto add = [&](DocxRun run) {
        if (!run.text.empty()) runs.push_back(std::move(run));
    };
    const std::string title = trim(p.title), origin = trim(p.origin), description = trim(p.description);
    add(DocxRun{title, true});
    if (!origin.empty()) add(DocxRun{(title.empty() ? "" : ", ") + origin});
    if (!description.empty()) add(DocxRun{(runs.empty() ? "" : ": ") + description});
    if (const auto link = trim(p.link); !link.empty()) {
        if (!runs.empty()) add(DocxRun{"\n"});
        DocxRun run{link};
        // Only a web or mail address becomes a link; javascript:, file: and the like stay text.
        if (p.webLink && core::isWebAddress(link)) run.link = link;
        add(std::move(run));
    }
    const std::string criteria = criteriaMet(p), by = trim(p.suggestedBy);
    if (!criteria.empty() || !by.empty()) {
        std::string meta = criteria.empty() ? "" : "Criteria met: " + criteria;
        if (!by.empty()) meta += (meta.empty() ? "" : " · ") + std::string("Suggested by ") + by;
        if (!runs.empty()) add(DocxRun{"\n"});
        add(DocxRun{meta, false, true, "595959"});
    }
    if (!runs.empty()) body.bullet(runs); // nothing to say: no empty bullet
}

void practices(DocxBody& body, const std::vector<ReportPractice>& suggested) {
    if (suggested.empty()) return;
    body.heading(3, "Practices suggested");
    for (const auto& p : suggested)
        practice(body, p);
}

void result(DocxBody& body, const std::string& text) {
    if (trim(text).empty()) return;
    body.heading(3, "Result of the discussion");
    body.text("Normal", text);
}

void dilemma(DocxBody& body, const ReportDilemma& d) {
    std::string heading = "Question " + std::to_string(d.number) + ": " + trim(d.question);
    // A presenter whose fields are all empty adds no dangling dash.
    if (const auto line = personLine(d.presenter); !line.empty()) heading += " – " + line;
    body.heading(2, heading);
    if (!trim(d.information).empty()) {
        body.heading(3, "Information on the dilemma");
        body.text("Normal", d.information);
    }
    questions(body, d.questions);
    practices(body, d.practices);
}

void thematicSection(DocxBody& body, const ReportSection& section) {
    body.heading(1, trim(section.title).empty() ? "Thematic session" : section.title);
    for (const auto& c : section.introductions)
        contribution(body, c, 2);
    for (const auto& block : section.blocks) {
        if (block.joint) {
            std::string numbers;
            for (const auto& d : block.dilemmas)
                numbers += (numbers.empty() ? "" : ", ") + std::to_string(d.number);
            body.paragraph("Note", {DocxRun{"Dilemmas discussed together (questions " + numbers +
                                            "), with one result of the discussion"}});
        }
        for (const auto& d : block.dilemmas)
            dilemma(body, d);
        result(body, block.result);
    }
    for (const auto& w : section.wrapUps)
        contribution(body, w, 2);
}

DocxCell number(const std::string& text) {
    return DocxCell{text, true};
}

void annex(DocxBody& body, const Report& report) {
    if (report.timings.empty() && report.openShares.empty()) return;
    body.heading(1, "Annex");
    if (!report.timings.empty()) {
        body.heading(2, "Phase timings");
        body.paragraph("Note", {DocxRun{"Planned time of each phase against the timer's reading when it ended "
                                        "(pauses left out), in minutes and seconds."}});
        std::vector<std::vector<DocxCell>> rows;
        for (const auto& t : report.timings) {
            const int difference = t.actualSeconds - t.plannedSeconds;
            rows.push_back({number(std::to_string(t.dilemmaNumber)), DocxCell{t.phase},
                            number(durationText(t.plannedSeconds)), number(durationText(t.actualSeconds)),
                            number((difference > 0 ? "+" : "") + durationText(difference))});
        }
        body.table({"Question", "Phase", "Planned", "Actual", "Difference"}, rows, {2, 5, 2, 2, 2});
    }
    if (!report.openShares.empty()) {
        body.heading(2, "Share of open questions");
        body.paragraph("Note", {DocxRun{"Open questions among all the questions asked on each dilemma."}});
        std::vector<std::vector<DocxCell>> rows;
        for (const auto& s : report.openShares)
            rows.push_back({number(std::to_string(s.dilemmaNumber)), number(std::to_string(s.open)),
                            number(std::to_string(s.total)),
                            number(s.total == 0 ? std::string("–") : percentText(s.share))});
        body.table({"Question", "Open", "Asked", "Share"}, rows, {2, 2, 2, 2});
    }
}

void urbanAcademy(DocxBody& body, const Report& report) {
    for (const auto& c : report.introduction)
        contribution(body, c, 1);
    for (const auto& section : report.sections)
        thematicSection(body, section);
    for (const auto& w : report.wrapUps)
        contribution(body, w, 1);
    annex(body, report);
}

} // namespace

std::string reportToDocx(const Report& report) {
    DocxBody body;
    header(body, report);
    if (report.format == Format::UrbanAcademy)
        urbanAcademy(body, report);
    else
        docxConference(body, report.conference);

    ZipWriter zip;
    zip.add("[Content_Types].xml", docx::contentTypes());
    zip.add("_rels/.rels", docx::packageRelationships());
    zip.add("word/document.xml", body.document());
    zip.add("word/_rels/document.xml.rels", docx::documentRelationships(body.links()));
    zip.add("word/styles.xml", docx::styles());
    zip.add("word/numbering.xml", docx::numbering());
    zip.add("word/settings.xml", docx::settings());
    zip.add("docProps/core.xml", docx::coreProperties(trim(report.title)));
    zip.add("docProps/app.xml", docx::appProperties());
    return zip.finish();
}

} // namespace plenary::exporting
