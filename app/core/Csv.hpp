#pragma once

#include "core/Model.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// CSV import of participants, dilemmas and Social Olympics statements (docs/csv-import.md): UTF-8,
// a header row, comma or semicolon separated (spreadsheets in much of Europe write semicolons),
// quoted fields may hold separators, quotes ("") and line breaks. Errors name the source and the line.
namespace plenary::core {

struct CsvError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CsvRecord {
    int line = 0; // where the record starts in the file, counting from 1
    std::vector<std::string> fields;
};

// More than maxRows records after the first (the header) is a CsvError naming the line where the
// limit is passed, thrown as soon as it is met: a file of a million rows is not read to its end.
std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& source,
                                std::size_t maxRows = static_cast<std::size_t>(-1));

struct CsvDilemma {
    int line = 0;
    std::string session; // thematic session title; created if new
    std::string question;
    std::string information;
    Person presenter; // matched by name to an existing person, else added
};

// A ring as a row of the file names it (its name or key, any case); empty: none.
struct CsvRing {
    int line = 0;
    std::string ring;
};

struct CsvStatement {
    int line = 0;
    std::string text;
    std::string ring; // as the file names it; empty: the ring chosen for the import
    Id ringId = 0;    // set by resolveRings
};

struct CsvImport {
    enum class Kind { People, Dilemmas, Statements } kind = Kind::People;
    std::string source; // the file's name, for messages about it
    std::vector<Person> people;
    std::vector<CsvRing> peopleRings; // each person's line and ring, in the order of people
    std::vector<CsvDilemma> dilemmas;
    std::vector<CsvStatement> statements;
    Id ring = 0; // where statements with no ring in the file go (chosen beside the import); 0: none
};

// Reads a participants file (header with "name"), a dilemmas file (header with "question") or a
// statements file (header with "statement"). The limits of core/Limits.hpp apply: at most
// kMaxCsvRows rows after the header, at most kMaxTextChars characters in a field.
CsvImport parseImportCsv(std::string_view text, const std::string& source);

// The ring a person typed means: its name or its key, compared folded (case and accents aside,
// spaces around ignored). nullptr when none is meant or none matches.
const Ring* matchRing(const std::vector<Ring>& rings, std::string_view typed);

// Puts the workshop's ring ids into the batch: each person's ring, each statement's (or the
// chosen ring, batch.ring, when its row names none). A ring no ring of the workshop matches, or
// a statement left without a ring, is a CsvError naming the file and the line.
void resolveRings(CsvImport& batch, const std::vector<Ring>& rings);

} // namespace plenary::core
