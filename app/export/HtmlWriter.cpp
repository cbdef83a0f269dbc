#include "export/HtmlWriter.hpp"

#include "core/Wording.hpp"
#include "export/LinkTarget.hpp"

#include "core/Text.hpp"

#include <stdexcept>

namespace plenary::exporting {

namespace {

// Elements that close themselves: HTML's void elements and the SVG shapes the charts draw. Any
// other element written empty would swallow what follows it in HTML.
bool mayBeEmpty(std::string_view tag) {
    for (const std::string_view name : {"meta", "br", "hr", "rect", "line", "circle", "path", "polygon",
                                        "polyline"})
        if (tag == name) return true;
    return false;
}

bool isBlock(std::string_view tag) {
    for (const std::string_view name : {"html", "head", "title", "body", "header", "section", "article",
                                        "div", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
                                        "tbody", "tr", "h1", "h2", "h3", "h4", "figure", "figcaption",
                                        "svg", "g"})
        if (tag == name) return true;
    return false;
}


} // namespace

namespace {

// Escapes into `out` directly. Plain ASCII (every number, class and most labels) needs no
// cleaning; anything else goes through core::forDocument first.
void appendEscaped(std::string& out, std::string_view raw) {
    bool plain = true;
    for (const char ch : raw) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t' && c != '\n') || c >= 0x7F) {
            plain = false;
            break;
        }
    }
    std::string cleaned;
    if (!plain) {
        cleaned = core::forDocument(raw);
        raw = cleaned;
    }
    for (const char c : raw) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
}

} // namespace

std::string escapeHtml(std::string_view raw) {
    std::string out;
    out.reserve(raw.size() + raw.size() / 8);
    appendEscaped(out, raw);
    return out;
}

void HtmlWriter::doctype() {
    m_out += "<!DOCTYPE html>\n";
}

void HtmlWriter::writeAttributes(std::initializer_list<HtmlAttribute> attributes) {
    for (const auto& attribute : attributes) {
        m_out += ' ';
        m_out += attribute.name.view();
        m_out += "=\"";
        appendEscaped(m_out, attribute.value);
        m_out += '"';
    }
}

void HtmlWriter::open(HtmlName tag, std::initializer_list<HtmlAttribute> attributes) {
    m_out += '<';
    m_out += tag.view();
    writeAttributes(attributes);
    m_out += '>';
    m_open.push_back(tag.view());
}

HtmlWriter::Element HtmlWriter::scoped(HtmlName tag, std::initializer_list<HtmlAttribute> attributes) {
    open(tag, attributes);
    return Element(*this);
}

void HtmlWriter::close() {
    if (m_open.empty()) throw std::logic_error("HtmlWriter::close with no open element");
    m_out += "</";
    m_out += m_open.back();
    m_out += '>';
    const std::string_view closed = m_open.back();
    m_open.pop_back();
    // Block-level closes get a line break, so the file reads well in a text editor too; after an
    // inline element a line break would show as a space.
    if (isBlock(closed)) m_out += '\n';
}

void HtmlWriter::closeTo(std::size_t depth) {
    while (m_open.size() > depth)
        close();
}

void HtmlWriter::empty(HtmlName tag, std::initializer_list<HtmlAttribute> attributes) {
    if (!mayBeEmpty(tag.view())) throw std::logic_error("HtmlWriter::empty on a non-void element");
    m_out += '<';
    m_out += tag.view();
    writeAttributes(attributes);
    m_out += "/>";
}

void HtmlWriter::element(HtmlName tag, std::string_view content, std::initializer_list<HtmlAttribute> attributes) {
    open(tag, attributes);
    text(content);
    close();
}

void HtmlWriter::text(std::string_view content) {
    appendEscaped(m_out, content);
}

void HtmlWriter::textWithBreaks(std::string_view content) {
    std::size_t start = 0;
    while (true) {
        const auto end = content.find('\n', start);
        std::string_view line = content.substr(start, end == std::string_view::npos ? end : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        text(line);
        if (end == std::string_view::npos) break;
        empty("br");
        start = end + 1;
    }
}

void HtmlWriter::paragraphs(std::string_view content, std::string_view cssClass) {
    // Lines holding only spaces count as blank: to a reader they separate paragraphs too.
    std::vector<std::string> paragraphs(1);
    std::size_t start = 0;
    while (start <= content.size()) {
        const auto end = content.find('\n', start);
        const std::string_view line = content.substr(start, end == std::string_view::npos ? end : end - start);
        if (core::trim(line).empty()) {
            if (!paragraphs.back().empty()) paragraphs.emplace_back();
        } else {
            if (!paragraphs.back().empty()) paragraphs.back() += '\n';
            paragraphs.back() += line;
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    for (const auto& paragraph : paragraphs) {
        const std::string trimmed = core::trim(paragraph);
        if (trimmed.empty()) continue;
        if (cssClass.empty())
            open("p");
        else
            open("p", {{"class", std::string(cssClass)}});
        textWithBreaks(trimmed);
        close();
    }
}

void HtmlWriter::link(std::string_view url, std::string_view label) {
    const std::string address = core::trim(url);
    const std::string_view shown = label.empty() ? std::string_view(address) : label;
    if (!core::isWebAddress(address)) {
        text(shown);
        return;
    }
    // The one place a URL attribute is written; HtmlName keeps href out of every other call.
    m_out += "<a href=\"";
    m_out += escapeHtml(linkTarget(address));
    m_out += "\">";
    text(shown);
    m_out += "</a>";
}

void HtmlWriter::stylesheet(std::string_view css) {
    // No '<' reaches the element, so nothing in the stylesheet can end it ("</style" in any case)
    // or look like markup: CSS reads the escape "\3C " as '<' inside a string, and outside one '<'
    // is no CSS at all.
    const std::string clean = core::forDocument(css);
    std::string safe;
    safe.reserve(clean.size());
    for (const char c : clean) {
        if (c == '<')
            safe += "\\3C ";
        else
            safe += c;
    }
    m_out += "<style>\n";
    m_out += safe;
    m_out += "\n</style>\n";
}

std::string HtmlWriter::finish() {
    closeTo(0);
    return std::move(m_out);
}

} // namespace plenary::exporting
