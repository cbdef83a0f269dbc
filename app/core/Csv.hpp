#pragma once

#include "core/Model.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// CSV import of participants and dilemmas (docs/csv-import.md): UTF-8, a header row, comma or
// semicolon separated (spreadsheets in much of Europe write semicolons), quoted fields may hold
// separators, quotes ("") and line breaks. Errors name the source and the line.
namespace plenary::core {

struct CsvError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CsvRecord {
    int line = 0; // where the record starts in the file, counting from 1
    std::vector<std::string> fields;
};

std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& source);

struct CsvDilemma {
    int line = 0;
    std::string session; // thematic session title; created if new
    std::string question;
    std::string information;
    Person presenter; // matched by name to an existing person, else added
};

struct CsvImport {
    enum class Kind { People, Dilemmas } kind = Kind::People;
    std::vector<Person> people;
    std::vector<CsvDilemma> dilemmas;
};

// Reads a participants file (header with "name") or a dilemmas file (header with "question").
CsvImport parseImportCsv(std::string_view text, const std::string& source);

} // namespace plenary::core
