#pragma once

#include "core/Model.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>
#include <vector>

namespace plenary::store {

struct SearchHit {
    std::string kind; // dilemma | question | practice | statement
    core::Id ref = 0; // id in that kind's table
    core::Id dilemma = 0;
    std::string snippet; // the matched words are wrapped in [ ]
};

// Turns what a person types into a safe FTS5 query: every word becomes a quoted phrase (so
// quotes, dashes and operators are plain text), and the last word matches as a prefix.
std::string ftsQuery(std::string_view text);

std::vector<SearchHit> searchIndex(SQLite::Database& db, std::string_view text, int limit);

} // namespace plenary::store
