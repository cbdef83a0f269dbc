#pragma once

#include "core/Model.hpp"

#include <string>
#include <vector>

// Reading the session JSON interchange format (docs/json-format.md). Writing is in export/.
namespace plenary::core {

inline constexpr const char* kSessionJsonFormat = "plenary-session";
inline constexpr int kSessionJsonVersion = 1;
// The largest id the format takes: 2^53 − 1, which every JSON reader and spreadsheet keeps exact.
inline constexpr Id kMaxId = (Id{1} << 53) - 1;

// Throws JsonError naming the source and the path of the bad field.
SessionData parseSessionJson(std::string json, std::string source);

// Broken references and duplicate ids, one readable line each ("dilemmas[2] (id 7): session 9 does not
// exist").
std::vector<std::string> validateSession(const SessionData& data);

} // namespace plenary::core
