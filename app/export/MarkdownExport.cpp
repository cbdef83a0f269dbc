#include "export/MarkdownExport.hpp"

#include "core/Agenda.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"

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

// An autolink's text is taken literally by every renderer, escapes included, so a web address is
// written with only characters that can neither end it nor start HTML: the rest is percent-encoded.
std::string linkTarget(std::string_view url) {
    static constexpr std::string_view kKept = "-._~:/?#[]@!$&'()*+,;=%";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            kKept.find(ch) != std::string_view::npos) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

void paragraph(std::ostringstream& out, const std::string& text) {
    if (text.empty()) return;
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

void contributions(std::ostringstream& out, const SessionData& d, ContributionKind kind, Id session,
                   const char* heading) {
    for (const auto& c : d.contributions) {
        if (c.kind != kind || c.session != session) continue;
        std::string title = heading;
        if (const auto* person = findPerson(d, c.person)) title += " by " + escapeLine(person->name);
        out << "### " << title << "\n\n";
        if (!c.title.empty()) out << "*" << escapeLine(c.title) << "*\n\n";
        paragraph(out, c.text);
    }
}

void dilemmaBody(std::ostringstream& out, const SessionData& d, const Dilemma& x) {
    if (!x.information.empty()) {
        out << "**Information on the dilemma:**\n\n";
        paragraph(out, x.information);
    }
    bool any = false;
    for (const auto& q : d.questions) {
        if (q.dilemma != x.id) continue;
        if (!any) out << "**Open questions asked:**\n\n";
        any = true;
        out << "- " << escapeLine(q.text);
        if (!q.open) out << " *(closed question)*";
        if (const auto* asker = findPerson(d, q.asker); asker && !trim(asker->name).empty())
            out << " — " << escapeLine(trim(asker->name));
        out << "\n";
    }
    if (any) out << "\n";
    any = false;
    for (const auto& p : d.practices) {
        if (p.dilemma != x.id) continue;
        // "Title, City (CC): description <link>", each part trimmed and its separator written
        // only between parts that are there: an untitled practice from the Netherlands is
        // "NL: …", not "****, NL: …" (and "**Title **" would not even be bold).
        std::string line;
        if (const auto title = trim(p.title); !title.empty()) line = "**" + escapeLine(title) + "**";
        if (const auto origin = originLine(p.city, p.country); !origin.empty())
            line += (line.empty() ? "" : ", ") + escapeLine(origin);
        if (const auto description = trim(p.description); !description.empty())
            line += (line.empty() ? "" : ": ") + escapeLine(description);
        // Only web addresses become links; anything else (javascript:, file:) is shown as text.
        if (const auto link = trim(p.link); !link.empty()) {
            const bool web = link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0;
            line += (line.empty() ? "" : " ") + (web ? "<" + linkTarget(link) + ">" : escapeLine(link));
        }
        if (line.empty()) continue; // nothing to say: no empty bullet
        if (!any) out << "**Practices suggested:**\n\n";
        any = true;
        out << "- " << line << "\n";
    }
    if (any) out << "\n";
}

void urbanAcademy(std::ostringstream& out, const SessionData& d) {
    contributions(out, d, ContributionKind::Introduction, 0, "Introduction");
    for (const auto* s : sessionsInOrder(d)) {
        out << "## " << escapeLine(s->title) << "\n\n";
        int number = 0;
        for (const auto& block : reportBlocks(d, s->id)) {
            if (block.size() > 1) out << "*Dilemmas discussed together*\n\n";
            for (const auto* member : block) {
                out << "### Question " << ++number << ": " << escapeLine(questionText(*member));
                // A presenter whose fields are all empty adds no dangling dash.
                if (const auto* presenter = findPerson(d, member->presenter))
                    if (const auto line = presenterLine(*presenter); !line.empty())
                        out << " – " << escapeLine(line);
                out << "\n\n";
                dilemmaBody(out, d, *member);
            }
            std::string result;
            for (const auto* member : block)
                if (!member->result.empty()) result += (result.empty() ? "" : "\n\n") + member->result;
            if (!result.empty()) {
                out << "**Result of the discussion:**\n\n";
                paragraph(out, result);
            }
        }
        contributions(out, d, ContributionKind::WrapUp, s->id, "Wrap-up");
    }
    contributions(out, d, ContributionKind::WrapUp, 0, "Wrap-up");
}

void socialOlympics(std::ostringstream& out, const SessionData& d) {
    out << "## Rings\n\n";
    for (const auto& r : d.rings)
        out << "- " << escapeLine(r.name) << "\n";
    out << "\n## Statements\n\n";
    for (const auto& s : d.statements) {
        out << "- " << escapeLine(s.text);
        for (const auto& r : d.rings)
            if (r.id == s.ring) out << " *(" << escapeLine(r.name) << ")*";
        if (s.mergedInto != 0) out << " — merged into statement " << s.mergedInto;
        out << "\n";
    }
    out << "\n";
}

} // namespace

std::string sessionToMarkdown(const SessionData& d) {
    std::ostringstream out;
    const auto& w = d.workshop;
    out << "# " << escapeLine(w.title) << "\n\n";
    std::string when = w.date + (w.endDate.empty() ? "" : " – " + w.endDate);
    if (!when.empty() || !w.venue.empty())
        out << escapeMarkdown(when) << (when.empty() || w.venue.empty() ? "" : ", ")
            << escapeMarkdown(w.venue) << "\n\n";
    // One line per role; "; " separates people, since each is "Name, Organisation" already.
    for (const auto& line : roleHeader(d)) {
        out << "**" << line.label << ":** ";
        for (std::size_t i = 0; i < line.names.size(); ++i)
            out << (i == 0 ? "" : "; ") << escapeLine(line.names[i]);
        out << "  \n";
    }
    out << "\n";
    paragraph(out, w.description);
    if (w.format == Format::UrbanAcademy)
        urbanAcademy(out, d);
    else
        socialOlympics(out, d);
    return out.str();
}

} // namespace plenary::exporting
