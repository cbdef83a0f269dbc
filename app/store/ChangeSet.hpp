#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace plenary::store {

// One row an edit, an undo or a redo touched: the session layer re-reads just these rows to keep
// its snapshot current in place instead of reloading the whole file.
struct RowChange {
    std::string_view table; // a name from editableTables(): static storage
    std::int64_t id = 0;
    bool existedBefore = false;
    bool existsAfter = false;
};

using ChangeSet = std::vector<RowChange>;

} // namespace plenary::store
