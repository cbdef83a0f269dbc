#include "export/DocxPackage.hpp"

#include "export/DocxWriter.hpp"

namespace plenary::exporting::docx {

namespace {

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kRelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A paragraph style; `paragraph` and `run` are the pPr and rPr contents.
std::string paragraphStyle(const char* id, const char* name, const char* paragraph, const char* run,
                           const char* extra = "") {
    return std::string("<w:style w:type=\"paragraph\" w:styleId=\"") + id + "\"><w:name w:val=\"" + name +
           "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" + extra + "<w:qFormat/><w:pPr>" +
           paragraph + "</w:pPr><w:rPr>" + run + "</w:rPr></w:style>";
}

std::string relationship(const std::string& id, const std::string& type, const std::string& target,
                         bool external = false) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + kRelationshipTypes + type + "\" Target=\"" + target + "\"" +
           (external ? " TargetMode=\"External\"" : "") + "/>";
}

} // namespace

std::string contentTypes() {
    return std::string(kXmlHead) +
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
           "<Override PartName=\"/word/numbering.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" "
           "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" "
           "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
           "</Types>";
}

std::string packageRelationships() {
    return std::string(kXmlHead) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           relationship("rId1", "officeDocument", "word/document.xml") +
           "<Relationship Id=\"rId2\" "
           "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/>" +
           relationship("rId3", "extended-properties", "docProps/app.xml") + "</Relationships>";
}

std::string documentRelationships(const std::vector<std::string>& links) {
    std::string xml = std::string(kXmlHead) +
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                      relationship("rIdStyles", "styles", "styles.xml") +
                      relationship("rIdNumbering", "numbering", "numbering.xml") +
                      relationship("rIdSettings", "settings", "settings.xml");
    for (std::size_t i = 0; i < links.size(); ++i)
        xml += relationship("rIdLink" + std::to_string(i + 1), "hyperlink", xmlText(links[i]), true);
    return xml + "</Relationships>";
}

std::string styles() {
    std::string xml = std::string(kXmlHead) +
                      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                      // Calibri as Word's own default; other programs put their closest font in.
                      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" "
                      "w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
                      "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                      "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
                      "</w:docDefaults>"
                      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                      "<w:qFormat/></w:style>";
    xml += paragraphStyle("Title", "Title", "<w:spacing w:after=\"240\"/><w:contextualSpacing/>",
                          "<w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
    xml += paragraphStyle("Subtitle", "Subtitle", "<w:spacing w:after=\"200\"/>",
                          "<w:color w:val=\"595959\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
    xml += paragraphStyle("Heading1", "heading 1",
                          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/>"
                          "<w:outlineLvl w:val=\"0\"/>",
                          "<w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>");
    xml += paragraphStyle("Heading2", "heading 2",
                          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/>"
                          "<w:outlineLvl w:val=\"1\"/>",
                          "<w:b/><w:color w:val=\"2F5496\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
    xml += paragraphStyle("Heading3", "heading 3",
                          "<w:keepNext/><w:keepLines/><w:spacing w:before=\"160\" w:after=\"60\"/>"
                          "<w:outlineLvl w:val=\"2\"/>",
                          "<w:b/><w:color w:val=\"404040\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>");
    xml += paragraphStyle("ListParagraph", "List Paragraph",
                          "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/>", "");
    xml += paragraphStyle("Note", "Note", "<w:spacing w:after=\"120\"/>", "<w:i/><w:color w:val=\"595959\"/>");
    xml += paragraphStyle("TableText", "Table Text", "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                          "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
    xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
           "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
           "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
           "<w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/>"
           "</w:rPr></w:style>"
           "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
           "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
           "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
           "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
           "</w:style>"
           "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/>"
           "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
           "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
           "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
           "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
           "</w:style>"
           "</w:styles>";
    return xml;
}

std::string numbering() {
    // One bullet list; its number (1) is what DocxBody::bullet refers to.
    return std::string(kXmlHead) +
           "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
           "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
           "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/>"
           "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
           "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\x93\"/>"
           "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"
           "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
}

std::string settings() {
    // Word opens a file without a compatibility setting in compatibility mode.
    return std::string(kXmlHead) +
           "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
           "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
           "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
           "w:val=\"15\"/></w:compat></w:settings>";
}

std::string coreProperties(const std::string& title) {
    return std::string(kXmlHead) +
           "<cp:coreProperties "
           "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<dc:title>" +
           xmlText(title) + "</dc:title><dc:creator>Plenary</dc:creator></cp:coreProperties>";
}

std::string appProperties() {
    return std::string(kXmlHead) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>Plenary</Application></Properties>";
}

} // namespace plenary::exporting::docx
