#pragma once

#include "core/Counts.hpp"
#include "core/Model.hpp"

#include <stdexcept>
#include <string>
#include <vector>

// Parallel rooms of one Urban Academy event become one workshop (PRODUCT.md §8, `plenary merge`):
// each room's thematic sessions stay apart as sessions of the result, people who were in several
// rooms become one person. Pure: the session layer reads the files and writes the result.
namespace plenary::core {

// Inputs that cannot be merged (too few, a Social Olympics conference, mixed formats, a file whose
// parts do not fit together); one readable line that names the input.
struct MergeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MergeOptions {
    // How each input is named in messages (its file name); "input 1", "input 2"… when missing.
    std::vector<std::string> names;
    std::string title; // the result's title; empty: the first input's
};

// Two people of different inputs found to be one person (by name and organisation, folded).
struct MergedPerson {
    std::size_t input = 0; // the later input the duplicate came from
    Id from = 0;           // the duplicate's id in that input
    Id into = 0;           // the person's id in the result
    // One line per field the two records disagreed on (city, country, role) and what was kept.
    std::vector<std::string> notes;
};

struct MergeResult {
    SessionData data;
    std::vector<WorkshopCounts> inputCounts; // each input's counts, in input order
    WorkshopCounts expected;                 // what the result must hold: the sums, people less duplicates
    std::vector<MergedPerson> duplicates;
};

// The people of two inputs are one person when their trimmed names and organisations fold alike
// (foldForSearch: "Łukasz Nowak" and "lukasz nowak "). A person without a name is nobody's duplicate.
bool samePerson(const Person& a, const Person& b);

// "" when the counts agree (undo steps aside, a new file has none); else what differs, in words
// ("people 11, expected 12"), for a one-line message.
std::string countsDifference(const WorkshopCounts& expected, const WorkshopCounts& actual);

// Throws MergeError (naming the input) rather than drop or misplace anything.
MergeResult mergeSessions(const std::vector<SessionData>& inputs, const MergeOptions& options = {});

} // namespace plenary::core
