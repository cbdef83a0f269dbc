#pragma once

// For the writer targets: the demo workshops' reports with every text replaced by the fuzzer's.

#include "FuzzSupport.hpp"

#include "core/Report.hpp"
#include "core/SessionJson.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace plenary::fuzz {

// The reports of two small workshops (Urban Academy, Social Olympics: cut from the examples, the
// JSON target's seeds), built once. Small, so that each input is rendered fast.
inline const core::Report& exampleReport(bool socialOlympics) {
    static const core::Report ua = core::buildReport(core::parseSessionJson(
        repoFile("tests/fuzz/corpus/session_json/urban-academy.json"), "urban-academy.json"));
    static const core::Report so = core::buildReport(core::parseSessionJson(
        repoFile("tests/fuzz/corpus/session_json/social-olympics.json"), "social-olympics.json"));
    return socialOlympics ? so : ua;
}

// Every text of the report becomes one of `with`, in turn.
inline core::Report filled(core::Report report, const std::vector<std::string>& with) {
    std::size_t next = 0;
    core::forEachText(report, [&](std::string& text) { text = with[next++ % with.size()]; });
    return report;
}

// The same report with the characters markup cares about made harmless in every text, length and
// line breaks kept: a writer that escapes its text writes as many '<' for these as for the
// originals. Made from the final report (after anonymising), so both have the very same texts.
inline core::Report defused(core::Report report) {
    core::forEachText(report, [](std::string& text) {
        for (auto& c : text)
            if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') c = 'x';
    });
    return report;
}

// What the writer targets render: the example report (first byte: bit 0 the Social Olympics one,
// bit 1 anonymised) with the input's texts, and the same with those texts defused. None for an
// empty input.
struct ReportPair {
    core::Report report;
    core::Report plain;
};
inline std::optional<ReportPair> reportsFor(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return std::nullopt;
    const auto with = texts(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    auto report = filled(exampleReport(data[0] & 1), with);
    if (data[0] & 2) report = core::anonymise(std::move(report));
    auto plain = defused(report);
    return ReportPair{std::move(report), std::move(plain)};
}

// Markup opened by the Markdown writer: every '<' (it writes a text's '<' as "&lt;", never "\\<",
// which not every renderer honours).
inline std::size_t openings(std::string_view markdown) {
    return static_cast<std::size_t>(std::count(markdown.begin(), markdown.end(), '<'));
}

// The tags the HTML writer opened, by name ("p", "/p", "!DOCTYPE"), counted. An SVG chart's
// label is cut into lines by the width of its letters, so the number of <text> lines may differ
// for texts of other letters: those are left out.
inline std::map<std::string, std::size_t> tags(std::string_view html) {
    std::map<std::string, std::size_t> counts;
    for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
        std::size_t end = i + 1;
        while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '/' ||
                                     html[end] == '!' || html[end] == '-'))
            ++end;
        const std::string name(html.substr(i + 1, end - i - 1));
        if (name != "text" && name != "/text") ++counts[name];
    }
    return counts;
}

} // namespace plenary::fuzz
