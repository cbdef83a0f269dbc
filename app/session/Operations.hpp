#pragma once

#include "core/Csv.hpp"
#include "core/Model.hpp"
#include "session/Resources.hpp"

#include <filesystem>
#include <string>

// What the program does to files, once, for the window and the command line alike.
namespace plenary::session {

// A new workshop file from a template; never replaces an existing file (throws, one line).
void createFromTemplate(const Resources& resources, const std::string& templateKey,
                        const std::filesystem::path& path, const std::string& title);

// A new workshop in a folder, named after its title (letters of any script kept, the rest
// dashes; "-2", "-3"… when the name is taken). Returns the file's path; throws on failure.
std::filesystem::path createInFolder(const Resources& resources, const std::string& templateKey,
                                     const std::filesystem::path& folder, const std::string& title);

// The file name a title gets.
std::string fileStem(const std::string& title);
// folder/STEM.plenary for a title, with "-2", "-3"… when the name is taken.
std::filesystem::path freePathFor(const std::filesystem::path& folder, const std::string& title);

// Every path below may start with "~" for the home folder (session/Paths expandHome): a path
// typed in the window, or quoted on a command line, is read as a shell would read it.

// Creates a session from the JSON interchange format (a new file; never replaces one).
void importJsonFile(const std::filesystem::path& json, const std::filesystem::path& output);

// Reads a participants or dilemmas spreadsheet (docs/csv-import.md); throws naming the line.
core::CsvImport readCsvFile(const std::filesystem::path& csv);

// Adds participants or dilemmas from a spreadsheet to an existing file, or to a new Urban
// Academy session named after the spreadsheet. Returns how many entries were added.
int importCsvFile(const Resources& resources, const std::filesystem::path& csv,
                  const std::filesystem::path& output);

} // namespace plenary::session
