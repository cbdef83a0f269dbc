#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Wording that screens and reports share, written once so they never disagree (PRODUCT.md §6: the
// report's content is built once in core). Pure functions: no ImGui, no SQLite, no files. Markup
// (Markdown escaping, fonts, colours) is the caller's business; these return plain UTF-8 text.
//
// This header only forward-declares the model so that core/Model.hpp can include it: callers that
// found presenterLine in Model.hpp still find it there.
namespace plenary::core {

using Id = std::int64_t;
struct Person;
struct Dilemma;
struct Ring;
struct SessionData;

// Where something comes from, in one style everywhere — the seed report's "City (CC)":
//   originLine("Essen", "DE") → "Essen (DE)"
//   originLine("Essen", "")   → "Essen"
//   originLine("", "DE")      → "DE"   (a bare "(DE)" reads like a note on nothing)
//   originLine("", "")        → ""
// Parts are trimmed; the country code is shown as entered.
std::string originLine(std::string_view city, std::string_view country);

// "Name, Organisation, City (CC)" as the seed report writes a presenter; empty parts are left out
// and the origin follows originLine ("Name, Organisation, DE" without a city).
std::string presenterLine(const Person& person);

// One line of the module header, e.g. {"Experts", {"Aliyyah Ahad, Migration Policy Institute
// Europe", "Ana-Maria Stan, European Commission"}}. Renderers choose how to separate the names
// (the seed report puts each on its own line; Markdown joins them with "; ").
struct HeaderLine {
    std::string label;              // "Facilitator" or "Facilitators", "Expert(s)", "Rapporteur(s)"
    std::vector<std::string> names; // "Name, Organisation" each, in the order of the people list
    bool operator==(const HeaderLine&) const = default;
};

// The module header as the seed report writes it: facilitator(s), expert(s), rapporteur(s), in that
// order. The label is singular for one person and plural for several; a role nobody holds gives no
// line. A person with neither name nor organisation is left out.
std::vector<HeaderLine> roleHeader(const SessionData& data);

// The report's blocks for one thematic session, in running order. A block is the dilemmas reported
// together: one dilemma on its own, or all members of a joint discussion (in running order, across
// sessions). Skipped dilemmas are left out; a joint discussion appears once, under the first
// session (by position) that holds one of its non-skipped members, where that member stands.
std::vector<std::vector<const Dilemma*>> reportBlocks(const SessionData& data, Id session);

// For views: "together with Essen, Helsinki" — the other members of this dilemma's joint discussion
// in running order (skipped ones too: the join still stands), each named by its presenter's city,
// or by its question cut short in quotes when the presenter has no city. Empty when not joined.
std::string jointPartnersLine(const SessionData& data, Id dilemma);

// A dilemma's question as screens and reports show it: "(no question yet)" while it is empty (a
// dilemma just added in Set up), never a blank line or a bare number.
std::string questionText(const Dilemma& dilemma);
// A ring's name as screens show it: "(unnamed ring)" while it is empty (a ring just added).
std::string ringName(const Ring& ring);

// An address a report may make clickable: http://, https:// or mailto: (any case) with something
// after it, and no tab or line break (a browser drops those, so the address is not what it seems).
// Anything else (javascript:, data:, file:, "www.…") is only ever shown as text.
bool isWebAddress(std::string_view url);

// A share as the screens and reports write it: 0.667 → "67%"; "–" for what is no number (NaN).
std::string percentText(double share);

// "#RRGGBB" (either case) → 0xRRGGBB; anything else ("#12345", "#GGGGGG", "123456", "") → nullopt.
std::optional<std::uint32_t> parseHexColour(std::string_view text);
// 0xRRGGBB → "#RRGGBB" (upper case, as the templates write colours); bits above 24 are ignored.
std::string hexColour(std::uint32_t rgb);

} // namespace plenary::core
