#pragma once

#include <string>
#include <vector>

// The fixed parts of a Word package around a document body: content types, relationships,
// styles (Title, Heading1–3, normal text, list paragraph, table text, the report's table style,
// hyperlinks), the bullet list, settings and the document's properties.
namespace plenary::exporting::docx {

std::string contentTypes();
std::string packageRelationships();
// The document's relationships: styles, numbering, settings, and one external target per link
// ("rIdLink1" …), already percent-encoded.
std::string documentRelationships(const std::vector<std::string>& links);
std::string styles();
std::string numbering();
std::string settings();
std::string coreProperties(const std::string& title);
std::string appProperties();

} // namespace plenary::exporting::docx
