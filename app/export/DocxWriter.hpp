#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The body of a Word document (WordprocessingML) as it is written: paragraphs in the styles that
// DocxPackage defines, runs, bullets, tables and external hyperlinks. Every text passes through
// xmlText, so user text can never become markup.
namespace plenary::exporting {

// Text for XML 1.0 content or an attribute: & < > " ' escaped; characters XML 1.0 forbids
// (controls but tab, LF and CR; U+FFFE, U+FFFF) dropped; invalid UTF-8 becomes U+FFFD.
std::string xmlText(std::string_view text);

struct DocxRun {
    DocxRun(std::string runText = {}, bool isBold = false, bool isItalic = false, std::string rgb = {})
        : text(std::move(runText)), bold(isBold), italic(isItalic), colour(std::move(rgb)) {}
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string colour; // "RRGGBB", "" for the style's
    std::string link;   // a web address (http, https, mailto): the run becomes a hyperlink to it
};

struct DocxCell {
    DocxCell(std::string cellText = {}, bool isNumber = false, bool isBold = false, std::string rgb = {})
        : text(std::move(cellText)), number(isNumber), bold(isBold), fill(std::move(rgb)) {}
    std::string text;
    bool number = false; // right-aligned
    bool bold = false;
    std::string fill; // "RRGGBB" shading, "" for none
};

class DocxBody {
public:
    // Style ids as DocxPackage's styles.xml defines them.
    void paragraph(std::string_view styleId, const std::vector<DocxRun>& runs);
    // A text in the style, a paragraph for each block between blank lines; single line breaks and
    // tabs stay inside the paragraph.
    void text(std::string_view styleId, std::string_view text);
    void heading(int level, std::string_view text); // 1–3
    void bullet(const std::vector<DocxRun>& runs);
    // A list item that carries its own number ("12."), hanging like a bullet.
    void numbered(std::string_view number, const std::vector<DocxRun>& runs);
    // Ends the pages so far and goes on in portrait or landscape (wide tables).
    void startSection(bool landscape);
    // A table over the page's width: the header row bold, shaded and repeated on each page.
    // `weights` share the page's text width out among the columns (one per column). A header cell
    // is aligned as the column's first cell.
    void table(const std::vector<std::string>& header, const std::vector<std::vector<DocxCell>>& rows,
               const std::vector<int>& weights);

    // document.xml, with the section (A4 page) closing the body.
    std::string document() const;
    // The hyperlinks' targets, in order: relationship "rIdLink<n>" is links()[n - 1].
    const std::vector<std::string>& links() const { return m_links; }

private:
    void runs(const std::vector<DocxRun>& runs);
    void run(const DocxRun& run);
    std::string sectionProperties() const;
    int textWidth() const;

    std::string m_xml;
    std::vector<std::string> m_links;
    bool m_endsWithTable = false;
    bool m_landscape = false; // the page of the section being written
};



} // namespace plenary::exporting
