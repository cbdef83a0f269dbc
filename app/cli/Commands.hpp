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

} // namespace plenary::cli
