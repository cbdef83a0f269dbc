#include "export/DocxWriter.hpp"

#include "core/Wording.hpp"
#include "export/LinkTarget.hpp"

#include "core/Text.hpp"
#include "export/PlainText.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace plenary::exporting {

namespace {

// An A4 page with 2 cm margins, in twentieths of a point.
constexpr int kPageShort = 11906;
constexpr int kPageLong = 16838;
constexpr int kMargin = 1134;

bool allowedInXml(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    return c != 0xFFFE && c != 0xFFFF;
}

void appendEscaped(std::string& out, char32_t c) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: core::appendUtf8(out, c);
    }
}

// A run's text: tabs and line breaks are elements of their own in WordprocessingML; a CR is
// dropped (a CR LF is one break).
std::string runContent(std::string_view text) {
    std::string out;
    std::string pending;
    auto flush = [&] {
        if (pending.empty()) return;
        out += "<w:t xml:space=\"preserve\">" + xmlText(pending) + "</w:t>";
        pending.clear();
    };
    for (const char c : text) {
        if (c == '\t' || c == '\n') {
            flush();
            out += c == '\t' ? "<w:tab/>" : "<w:br/>";
        } else if (c != '\r') {
            pending += c;
        }
    }
    flush();
    return out;
}

} // namespace

std::string xmlText(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    if (isPlainText(text)) {
        for (const char c : text)
            appendEscaped(out, static_cast<char32_t>(c));
        return out;
    }
    for (const char32_t c : core::decodeUtf8(text))
        if (allowedInXml(c)) appendEscaped(out, c);
    return out;
}

void DocxBody::run(const DocxRun& r) {
    std::string properties;
    if (!r.link.empty()) properties += "<w:rStyle w:val=\"Hyperlink\"/>";
    if (r.bold) properties += "<w:b/>";
    if (r.italic) properties += "<w:i/>";
    if (r.colour.size() == 6 && std::all_of(r.colour.begin(), r.colour.end(),
                                            [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
        properties += "<w:color w:val=\"" + r.colour + "\"/>";
    std::string xml = "<w:r>";
    if (!properties.empty()) xml += "<w:rPr>" + properties + "</w:rPr>";
    xml += runContent(r.text) + "</w:r>";
    // Only web addresses become links; anything else (javascript:, file:) stays text.
    if (!r.link.empty() && core::isWebAddress(r.link)) {
        m_links.push_back(linkTarget(r.link));
        xml = "<w:hyperlink r:id=\"rIdLink" + std::to_string(m_links.size()) + "\" w:history=\"1\">" + xml +
              "</w:hyperlink>";
    }
    m_xml += xml;
}

void DocxBody::runs(const std::vector<DocxRun>& list) {
    for (const auto& r : list)
        run(r);
}

void DocxBody::paragraph(std::string_view styleId, const std::vector<DocxRun>& list) {
    m_xml += "<w:p>";
    if (!styleId.empty()) m_xml += "<w:pPr><w:pStyle w:val=\"" + xmlText(styleId) + "\"/></w:pPr>";
    runs(list);
    m_xml += "</w:p>";
    m_endsWithTable = false;
}

void DocxBody::text(std::string_view styleId, std::string_view value) {
    // Blocks between blank lines (a line of spaces is blank too) are paragraphs.
    std::string block;
    auto flush = [&] {
        const std::string trimmed = core::trim(block);
        if (!trimmed.empty()) paragraph(styleId, {DocxRun{trimmed}});
        block.clear();
    };
    std::size_t start = 0;
    while (start <= value.size()) {
        auto end = value.find('\n', start);
        if (end == std::string_view::npos) end = value.size();
        const auto line = value.substr(start, end - start);
        if (core::trim(line).empty())
            flush();
        else
            block += (block.empty() ? "" : "\n") + std::string(line);
        start = end + 1;
    }
    flush();
}

void DocxBody::heading(int level, std::string_view value) {
    const int clamped = std::clamp(level, 1, 3);
    std::string line(value);
    std::replace(line.begin(), line.end(), '\n', ' '); // a heading is one line
    paragraph("Heading" + std::to_string(clamped), {DocxRun{line}});
}

void DocxBody::bullet(const std::vector<DocxRun>& list) {
    m_xml += "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/>"
             "<w:numId w:val=\"1\"/></w:numPr></w:pPr>";
    runs(list);
    m_xml += "</w:p>";
    m_endsWithTable = false;
}

void DocxBody::numbered(std::string_view number, const std::vector<DocxRun>& list) {
    m_xml += "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/>"
             "</w:tabs><w:ind w:left=\"720\" w:hanging=\"480\"/></w:pPr>";
    run(DocxRun(std::string(number) + "\t"));
    runs(list);
    m_xml += "</w:p>";
    m_endsWithTable = false;
}

int DocxBody::textWidth() const {
    return (m_landscape ? kPageLong : kPageShort) - 2 * kMargin;
}

std::string DocxBody::sectionProperties() const {
    const int width = m_landscape ? kPageLong : kPageShort, height = m_landscape ? kPageShort : kPageLong;
    const std::string margin = std::to_string(kMargin);
    return "<w:sectPr><w:pgSz w:w=\"" + std::to_string(width) + "\" w:h=\"" + std::to_string(height) + "\"" +
           (m_landscape ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=\"" + margin + "\" w:right=\"" +
           margin + "\" w:bottom=\"" + margin + "\" w:left=\"" + margin +
           "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>";
}

void DocxBody::startSection(bool landscape) {
    if (landscape == m_landscape) return;
    // A section's properties close it, in its last paragraph.
    m_xml += "<w:p><w:pPr>" + sectionProperties() + "</w:pPr></w:p>";
    m_landscape = landscape;
    m_endsWithTable = false;
}

void DocxBody::table(const std::vector<std::string>& header, const std::vector<std::vector<DocxCell>>& rows,
                     const std::vector<int>& weights) {
    const std::size_t columns = header.size();
    if (columns == 0) return;
    std::vector<int> widths(columns, textWidth() / static_cast<int>(columns));
    if (weights.size() == columns) {
        const int total = std::max(1, std::accumulate(weights.begin(), weights.end(), 0));
        for (std::size_t c = 0; c < columns; ++c)
            widths[c] = textWidth() * std::max(1, weights[c]) / total;
    }
    // Word writes adjacent tables as one: a table right after another gets a paragraph between.
    if (m_endsWithTable) paragraph("", {});
    m_xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
             "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" "
             "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (const int w : widths)
        m_xml += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    m_xml += "</w:tblGrid>";
    auto cell = [&](std::size_t c, const DocxCell& value) {
        m_xml += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) + "\" w:type=\"dxa\"/>";
        if (value.fill.size() == 6) m_xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + xmlText(value.fill) + "\"/>";
        m_xml += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>";
        if (value.number) m_xml += "<w:jc w:val=\"right\"/>";
        m_xml += "</w:pPr>";
        if (!value.text.empty()) run(DocxRun{value.text, value.bold});
        m_xml += "</w:p></w:tc>";
    };
    m_xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
    for (std::size_t c = 0; c < columns; ++c)
        cell(c, DocxCell{header[c], !rows.empty() && c < rows[0].size() && rows[0][c].number, true, "E8ECF0"});
    m_xml += "</w:tr>";
    for (const auto& row : rows) {
        m_xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < columns; ++c)
            cell(c, c < row.size() ? row[c] : DocxCell{});
        m_xml += "</w:tr>";
    }
    m_xml += "</w:tbl>";
    m_endsWithTable = true;
}

std::string DocxBody::document() const {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";
    xml += m_xml;
    // A body ends with a paragraph before its section properties, as Word writes it.
    if (m_endsWithTable || m_xml.empty()) xml += "<w:p/>";
    xml += sectionProperties() + "</w:body></w:document>";
    return xml;
}

} // namespace plenary::exporting
