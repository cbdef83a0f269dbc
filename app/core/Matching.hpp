#pragma once

#include "core/Model.hpp"
#include "core/Templates.hpp"

#include <string>
#include <string_view>
#include <vector>

// Type-ahead for the capture line: practice-catalog entries that match what is being typed, and
// people whose name starts like what was typed. Case and diacritics are ignored.
namespace plenary::core {

// Up to limit catalog entries, best first. Words shorter than three letters are ignored; an
// entry scores for each typed word found at the start of a word of its title (twice), place,
// theme or summary.
std::vector<const CatalogPractice*> matchCatalog(const std::vector<CatalogPractice>& catalog,
                                                 std::string_view typed, std::size_t limit = 5);

// People whose name (any of its words) starts with what was typed; all people if typed is empty.
std::vector<const Person*> matchPeople(const std::vector<Person>& people, std::string_view typed,
                                       std::size_t limit = 8);

// Names that two or more people share as the "who?" field sees them (case, diacritics and spacing
// ignored), each once, spelled as the first of them is; in the order the people come.
std::vector<std::string> sharedNames(const std::vector<Person>& people);

} // namespace plenary::core
