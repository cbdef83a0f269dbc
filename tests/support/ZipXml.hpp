#pragma once

// Reading back what the Word and Excel writers wrote: a zip's entries (libzip) and a small
// well-formedness check of XML (the tests must not need xmllint).
#include <zip.h>

#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::test {

// name → content of every entry of a zip held in memory; empty when it is not a zip.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
    std::map<std::string, std::string> entries;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) return entries;
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    zip_error_fini(&error);
    if (archive == nullptr) {
        zip_source_free(source);
        return entries;
    }
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0),
                                                                zip_fclose);
        if (!file) continue;
        std::string content(static_cast<std::size_t>(stat.size), '\0');
        if (zip_fread(file.get(), content.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) continue;
        entries[stat.name] = std::move(content);
    }
    zip_discard(archive); // frees the source too
    return entries;
}

// "" when `xml` is well-formed as far as a report needs: one root element, every element closed
// in order, attributes quoted, only the five entities or character references, no '<' or '&'
// loose in text, no character XML 1.0 forbids. Otherwise what is wrong and where.
inline std::string xmlProblem(std::string_view xml) {
    std::vector<std::string> open;
    int roots = 0;
    auto where = [&](std::size_t at) { return " at byte " + std::to_string(at); };
    auto entityOk = [&](std::size_t at) {
        const auto end = xml.find(';', at);
        if (end == std::string_view::npos || end - at > 10) return false;
        const auto name = xml.substr(at + 1, end - at - 1);
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return true;
        if (name.size() < 2 || name[0] != '#') return false;
        const bool hex = name[1] == 'x';
        for (std::size_t i = hex ? 2 : 1; i < name.size(); ++i)
            if (!(hex ? std::isxdigit(static_cast<unsigned char>(name[i])) : std::isdigit(static_cast<unsigned char>(name[i]))))
                return false;
        return true;
    };
    for (std::size_t i = 0; i < xml.size(); ++i) {
        const auto c = static_cast<unsigned char>(xml[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return "control character" + where(i);
        // U+FFFE and U+FFFF: EF BF BE / EF BF BF.
        if (c == 0xEF && i + 2 < xml.size() && static_cast<unsigned char>(xml[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(xml[i + 2]) & 0xFE) == 0xBE)
            return "U+FFFE or U+FFFF" + where(i);
        if (c == '&') {
            if (!entityOk(i)) return "bad entity" + where(i);
            continue;
        }
        if (c != '<') {
            if (c == '>' && i >= 2 && xml.substr(i - 2, 3) == "]]>") return "]]> in text" + where(i);
            continue;
        }
        if (xml.substr(i, 2) == "<?") {
            const auto end = xml.find("?>", i);
            if (end == std::string_view::npos) return "unclosed declaration" + where(i);
            i = end + 1;
            continue;
        }
        const bool closing = xml.substr(i, 2) == "</";
        std::size_t j = i + (closing ? 2 : 1);
        const std::size_t nameStart = j;
        while (j < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[j])) || xml[j] == ':' || xml[j] == '_' ||
                                  xml[j] == '-' || xml[j] == '.'))
            ++j;
        const std::string name(xml.substr(nameStart, j - nameStart));
        if (name.empty()) return "tag without a name" + where(i);
        // Attributes: name="value" or name='value', values without '<', entities checked.
        bool selfClosing = false;
        for (;;) {
            while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j])))
                ++j;
            if (j >= xml.size()) return "unclosed tag " + name + where(i);
            if (xml[j] == '>') break;
            if (xml.substr(j, 2) == "/>") {
                selfClosing = true;
                ++j;
                break;
            }
            if (closing) return "attribute in a closing tag " + name + where(j);
            const std::size_t attrStart = j;
            while (j < xml.size() && xml[j] != '=' && !std::isspace(static_cast<unsigned char>(xml[j])) && xml[j] != '>')
                ++j;
            if (j == attrStart || j >= xml.size() || xml[j] != '=') return "attribute without a value in " + name + where(j);
            ++j;
            if (j >= xml.size() || (xml[j] != '"' && xml[j] != '\'')) return "unquoted attribute in " + name + where(j);
            const char quote = xml[j];
            const auto end = xml.find(quote, j + 1);
            if (end == std::string_view::npos) return "unclosed attribute in " + name + where(j);
            for (std::size_t k = j + 1; k < end; ++k) {
                if (xml[k] == '<') return "'<' in an attribute of " + name + where(k);
                if (xml[k] == '&' && !entityOk(k)) return "bad entity in an attribute of " + name + where(k);
            }
            j = end + 1;
        }
        if (closing) {
            if (open.empty() || open.back() != name) return "</" + name + "> does not close the open element" + where(i);
            open.pop_back();
        } else if (!selfClosing) {
            if (open.empty()) ++roots;
            open.push_back(name);
        } else if (open.empty()) {
            ++roots;
        }
        i = j;
    }
    if (!open.empty()) return "<" + open.back() + "> never closed";
    if (roots != 1) return std::to_string(roots) + " root elements";
    return {};
}

// Text content of XML as a reader sees it: tags gone, a Word tab or break as \t or \n, entities
// decoded.
inline std::string xmlVisibleText(std::string_view xml) {
    std::string text;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        if (xml[i] == '<') {
            if (xml.substr(i, 7) == "<w:tab/") text += '\t';
            if (xml.substr(i, 6) == "<w:br/") text += '\n';
            const auto end = xml.find('>', i);
            if (end == std::string_view::npos) break;
            i = end;
            continue;
        }
        if (xml[i] == '&') {
            const auto end = xml.find(';', i);
            const auto name = xml.substr(i + 1, end - i - 1);
            if (name == "amp") text += '&';
            else if (name == "lt") text += '<';
            else if (name == "gt") text += '>';
            else if (name == "quot") text += '"';
            else if (name == "apos") text += '\'';
            else text += "&" + std::string(name) + ";";
            i = end;
            continue;
        }
        text += xml[i];
    }
    return text;
}

} // namespace plenary::test
