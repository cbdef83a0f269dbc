#include "export/MarkdownExport.hpp"

#include "core/Text.hpp"
#include "export/LinkTarget.hpp"
#include "core/Wording.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace plenary::exporting {

using namespace plenary::core;

std::string escapeMarkdown(std::string_view raw) {
    const std::string clean = core::forDocument(raw);
    const std::string_view text = clean;
    std::string out;
    out.reserve(text.size());
    bool lineStart = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // Indentation would turn a line into a code block; the words matter, not the indent.
        if (lineStart && (c == ' ' || c == '\t')) continue;
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '~':
            out += '\\';
            out += c;
            break;
        // Not every renderer honours a backslash before these (Python-Markdown does not): an
        // entity is read as the character everywhere, and never as the start of HTML.
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '-':
        case '+':
        case '=':
            if (lineStart) out += '\\'; // would start a list or an underline heading
            out += c;
            break;
        case '\r':
            break;
        default:
            if (lineStart && c >= '0' && c <= '9') {
                // "22. November" or "1) first" at a line start would become a numbered list.
                std::size_t end = i;
                while (end < text.size() && text[end] >= '0' && text[end] <= '9')
                    ++end;
                if (end < text.size() && (text[end] == '.' || text[end] == ')')) {
                    out.append(text.substr(i, end - i));
                    out += '\\';
                    out += text[end];
                    i = end;
                    lineStart = false;
                    continue;
                }
            }
            out += c;
        }
        lineStart = c == '\n';
    }
    return out;
}

namespace {

// For headings and list items, where a line break would end the heading or the item.
std::string escapeLine(std::string text) {
    for (auto& c : text)
        if (c == '\n') c = ' ';
    return escapeMarkdown(text);
}


void paragraph(std::ostringstream& out, const std::string& text) {
    if (trim(text).empty()) return;
    // Blank lines separate paragraphs; single line breaks become hard breaks.
    std::string escaped = escapeMarkdown(text);
    std::string result;
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped[i] == '\n' && (i + 1 >= escaped.size() || escaped[i + 1] != '\n') &&
            (i == 0 || escaped[i - 1] != '\n'))
            result += "  \n";
        else
            result += escaped[i];
    }
    out << result << "\n\n";
}

void contributions(std::ostringstream& out, const std::vector<ReportContribution>& list) {
    for (const auto& c : list) {
        out << "### " << escapeLine(c.heading);
        if (!c.by.empty()) out << " by " << escapeLine(c.by);
        out << "\n\n";
        if (!c.title.empty()) out << "*" << escapeLine(c.title) << "*\n\n";
        paragraph(out, c.text);
    }
}

// "Title, City (CC): description <link>", each part written only when it is there, with its
// separator only between parts that are: an untitled practice from the Netherlands is "NL: …",
// not "****, NL: …".
std::string practiceLine(const ReportPractice& p) {
    std::string line;
    if (!p.title.empty()) line = "**" + escapeLine(p.title) + "**";
    if (!p.origin.empty()) line += (line.empty() ? "" : ", ") + escapeLine(p.origin);
    if (const auto description = trim(p.description); !description.empty())
        line += (line.empty() ? "" : ": ") + escapeLine(description);
    // Only web addresses become links; anything else (javascript:, file:, mailto:) is shown as text.
    if (!p.link.empty()) {
        const bool web = p.link.rfind("http://", 0) == 0 || p.link.rfind("https://", 0) == 0;
        line += (line.empty() ? "" : " ") + (web ? "<" + linkTarget(p.link) + ">" : escapeLine(p.link));
    }
    std::string criteria;
    for (int i = 0; i < 4; ++i)
        if (p.criteria[i]) criteria += (criteria.empty() ? "" : ", ") + std::string(kCriteria[i]);
    if (!line.empty() && !criteria.empty()) line += " *(" + criteria + ")*";
    return line;
}

void dilemmaBody(std::ostringstream& out, const ReportDilemma& x) {
    if (!trim(x.information).empty()) {
        out << "**Information on the dilemma:**\n\n";
        paragraph(out, x.information);
    }
    bool any = false;
    for (const auto& q : x.questions) {
        if (!any) out << "**Open questions asked:**\n\n";
        any = true;
        out << "- " << escapeLine(q.text);
        if (!q.open) out << " *(closed question)*";
        if (!q.asker.empty()) out << " — " << escapeLine(q.asker);
        out << "\n";
    }
    if (any) out << "\n";
    any = false;
    for (const auto& p : x.practices) {
        const std::string line = practiceLine(p);
        if (line.empty()) continue; // nothing to say: no empty bullet
        if (!any) out << "**Practices suggested:**\n\n";
        any = true;
        out << "- " << line << "\n";
    }
    if (any) out << "\n";
}

std::string minutes(int seconds) {
    const int rounded = (seconds + (seconds >= 0 ? 30 : -30)) / 60;
    return std::to_string(rounded) + " min";
}

void annex(std::ostringstream& out, const Report& r) {
    if (r.timings.empty() && r.openShares.empty()) return;
    out << "## Annex\n\n";
    if (!r.timings.empty()) {
        out << "### Phase timings\n\n| Question | Phase | Planned | Actual |\n|---|---|---|---|\n";
        for (const auto& t : r.timings)
            out << "| " << t.dilemmaNumber << " | " << escapeLine(t.phase) << " | " << minutes(t.plannedSeconds)
                << " | " << minutes(t.actualSeconds) << " |\n";
        out << "\n";
    }
    if (!r.openShares.empty()) {
        out << "### Share of open questions\n\n| Question | Open | Asked | Share |\n|---|---|---|---|\n";
        for (const auto& s : r.openShares)
            out << "| " << s.dilemmaNumber << " | " << s.open << " | " << s.total << " | "
                << (s.total == 0 ? std::string("–") : percentText(s.share)) << " |\n";
        out << "\n";
    }
}

void urbanAcademy(std::ostringstream& out, const Report& r) {
    contributions(out, r.introduction);
    for (const auto& s : r.sections) {
        out << "## " << escapeLine(s.title) << "\n\n";
        contributions(out, s.introductions);
        for (const auto& block : s.blocks) {
            if (block.joint) out << "*Dilemmas discussed together*\n\n";
            for (const auto& member : block.dilemmas) {
                out << "### Question " << member.number << ": " << escapeLine(member.question);
                // A presenter whose fields are all empty adds no dangling dash.
                if (const auto line = personLine(member.presenter); !line.empty()) out << " – " << escapeLine(line);
                out << "\n\n";
                dilemmaBody(out, member);
            }
            if (!trim(block.result).empty()) {
                out << "**Result of the discussion:**\n\n";
                paragraph(out, block.result);
            }
        }
        contributions(out, s.wrapUps);
    }
    contributions(out, r.wrapUps);
    annex(out, r);
}

std::string ringHeads(const ReportConference& c) {
    std::string line;
    for (const auto& ring : c.rings)
        line += " " + escapeLine(ring.name) + " |";
    return line;
}

std::string ringRule(const ReportConference& c) {
    std::string line;
    for (std::size_t i = 0; i < c.rings.size(); ++i)
        line += "---|";
    return line;
}

void socialOlympics(std::ostringstream& out, const Report& r) {
    const auto& c = r.conference;
    out << "**Vote scale:** " << escapeLine(c.scale);
    if (!c.dots)
        out << "; consensus is reached when every ring that voted gives it " << percentText(c.threshold)
            << " support or more and no ring blocks it";
    out << "\n\n## Rings\n\n";
    for (const auto& ring : c.rings) {
        out << "- " << escapeLine(ring.name) << " — " << escapeLine(membersLine(ring)) << "\n";
    }
    out << "\n## Statements\n\n";
    for (const auto& s : c.statements) {
        // "1\\." : "- 1. text" would read as a numbered list inside the bullet.
        out << "- " << s.number << "\\. " << escapeLine(s.text) << " *(" << escapeLine(s.ringName) << ")*";
        if (s.mergedInto != 0) out << " — merged into statement " << s.mergedNumber;
        out << "\n";
    }
    out << "\n";
    for (const auto& round : c.rounds) {
        if (!round.hasVotes) continue;
        out << "## Round " << round.number << ": " << escapeLine(round.name) << "\n\n";
        out << "### Support per ring\n\n| Statement |" << ringHeads(c) << "\n|---|" << ringRule(c) << "\n";
        for (const auto& row : round.support) {
            out << "| " << row.number << ". " << escapeLine(row.text) << " |";
            for (const auto& cell : row.rings)
                out << " " << supportText(cell) << " |";
            out << "\n";
        }
        out << "\n";
        bool any = false;
        for (const auto& s : c.shifts) {
            if (s.toRound != round.number) continue;
            if (!any) out << "### Shift since round " << s.fromRound << "\n\n";
            any = true;
            out << "- " << s.number << "\\. " << escapeLine(s.ringName) << ": " << percentText(s.from) << " → "
                << percentText(s.to) << " (" << shiftText(s.delta) << " points)\n";
        }
        if (any) out << "\n";
        out << "### " << (c.dots ? "Priorities by dots" : "Consensus") << "\n\n| Rank | Statement | "
            << (c.dots ? "Dots |" : "Status | GAC | Divisiveness |") << ringHeads(c) << "\n|---|---|"
            << (c.dots ? "---|" : "---|---|---|") << ringRule(c) << "\n";
        for (const auto& row : round.ranking) {
            out << "| " << row.rank << " | " << row.number << ". " << escapeLine(row.text) << " | ";
            if (c.dots)
                out << row.totalSupport << " |";
            else
                out << escapeLine(row.status) << " | " << decimalText(row.gac, 2) << " | " << decimalText(row.divisiveness, 2) << " |";
            for (const auto& cell : row.rings)
                out << " " << supportText(cell) << " |";
            out << "\n";
        }
        out << "\n";
    }
}

} // namespace

std::string reportToMarkdown(const Report& r) {
    std::ostringstream out;
    out << "# " << escapeLine(r.title) << "\n\n";
    if (!r.dates.empty() || !r.venue.empty())
        out << escapeMarkdown(r.dates) << (r.dates.empty() || r.venue.empty() ? "" : ", ") << escapeMarkdown(r.venue)
            << "\n\n";
    // One line per role; "; " separates people, since each is "Name, Organisation" already.
    for (const auto& line : r.header) {
        out << "**" << escapeLine(line.label) << ":** ";
        for (std::size_t i = 0; i < line.names.size(); ++i)
            out << (i == 0 ? "" : "; ") << escapeLine(line.names[i]);
        out << "  \n";
    }
    out << "\n";
    if (r.anonymised) out << "*Names of people are replaced by their role and city.*\n\n";
    paragraph(out, r.description);
    if (r.format == Format::UrbanAcademy)
        urbanAcademy(out, r);
    else
        socialOlympics(out, r);
    return out.str();
}

std::string sessionToMarkdown(const SessionData& d) {
    return reportToMarkdown(buildReport(d));
}

} // namespace plenary::exporting
