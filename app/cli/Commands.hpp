#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The headless commands, callable from tests without a process. Each throws std::exception with a
// one-line message on failure and prints its result to stdout.
namespace plenary::cli {

void commandNew(const std::string& templateKey, const std::filesystem::path& output,
                const std::string& title);
void commandImport(const std::filesystem::path& input, const std::filesystem::path& output);
// output: a file (a folder for csv), "-" for standard output, "" for the default (see --help).
void commandExport(const std::filesystem::path& input, const std::string& format, const std::string& output,
                   bool anonymise, bool bom);
void commandInfo(const std::filesystem::path& input);
// Prints one line of counts per input, the merged file's line and how many people were merged.
void commandMerge(const std::vector<std::filesystem::path>& inputs, const std::filesystem::path& output,
                  const std::string& title);
int commandSearch(const std::string& query, const std::filesystem::path& folder);
// Forgets the person in a folder's files or in one file; prints a line per file it changed, and
// "skipped: reason" on stderr per file it could not. Throws when nobody had the name, or when a
// file was skipped (the name may still be in it).
void commandForget(const std::string& name, const std::filesystem::path& target);

} // namespace plenary::cli
