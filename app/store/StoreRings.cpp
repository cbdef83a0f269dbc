// The Social Olympics rings: rings, statements and vote tallies.
#include "store/StoreEdit.hpp"

#include <algorithm>

namespace plenary::store {

using core::Id;

Id SessionStore::addRing(core::Ring ring) {
    return addItem(std::move(ring), "Add ring", "", 0);
}
void SessionStore::updateRing(const core::Ring& ring) {
    updateItem(ring, "Edit ring");
}
Id SessionStore::addStatement(core::Statement statement) {
    return addItem(std::move(statement), "Add statement", "", 0);
}
void SessionStore::updateStatement(const core::Statement& statement) {
    updateItem(statement, "Edit statement");
}

void SessionStore::setVote(const core::VoteTally& vote) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (vote.count < 0) throw StoreError(StoreErrorKind::Invalid, "a vote count cannot be negative");
    runEdit("Count votes", [&](Edit& edit) {
        SQLite::Statement st(
            edit.db(),
            "SELECT id FROM votes WHERE round = ? AND ring_id = ? AND statement_id = ? AND level = ?");
        st.bind(1, vote.round);
        st.bind(2, vote.ring);
        st.bind(3, vote.statement);
        st.bind(4, vote.level);
        const auto& table = RowMap<core::VoteTally>::table();
        if (st.executeStep()) {
            const Id id = st.getColumn(0).getInt64();
            if (vote.count == 0) {
                edit.remove(table, id);
            } else {
                Row row = RowMap<core::VoteTally>::toRow(vote);
                row[0] = id;
                edit.update(table, id, row);
            }
        } else if (vote.count > 0) {
            edit.insert(vote);
        }
    });
}

} // namespace plenary::store
