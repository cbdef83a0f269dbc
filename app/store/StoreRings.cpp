// The Social Olympics rings: rings, statements and vote tallies.
#include "store/StoreEdit.hpp"

#include <algorithm>
#include <map>
#include <set>

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

std::vector<Id> SessionStore::addStatements(const std::vector<core::Statement>& statements,
                                            const char* label) {
    return runEdit(label, [&](Edit& edit) {
        // Positions as addStatement gives them: after every statement, in the order given.
        int position = edit.db().execAndGet("SELECT coalesce(max(position), 0) FROM statements").getInt();
        std::vector<Id> ids;
        for (auto statement : statements) {
            statement.id = 0;
            statement.position = ++position;
            ids.push_back(edit.insert(statement));
        }
        return ids;
    });
}

void SessionStore::setRounds(const std::vector<core::RoundInfo>& rounds) {
    requireWritable(); // before the checks, so a read-only file always says so
    std::set<int> numbers;
    for (const auto& r : rounds) {
        if (r.number < 1 || !numbers.insert(r.number).second)
            throw StoreError(StoreErrorKind::Invalid, "rounds are numbered 1, 2, 3 … each once");
        if (r.seconds < 0) throw StoreError(StoreErrorKind::Invalid, "a round cannot last less than nothing");
    }
    runEdit("Edit rounds", [&](Edit& edit) {
        const auto& table = RowMap<core::Phase>::table();
        struct Existing {
            Id id = 0;
            int position = 0;
        };
        std::map<std::string, Existing> byKey;
        std::set<Id> taken;
        {
            SQLite::Statement st(edit.db(), "SELECT id, key, position FROM phases");
            while (st.executeStep()) {
                const Id id = st.getColumn(0).getInt64();
                byKey[st.getColumn(1).getString()] = {id, st.getColumn(2).getInt()};
                taken.insert(id);
            }
        }
        for (const auto& phase : core::roundPhases(rounds)) {
            if (const auto found = byKey.find(phase.key); found != byKey.end()) {
                // The row keeps its place (a phase's row id is its position).
                core::Phase kept = phase;
                kept.position = found->second.position;
                Row row = RowMap<core::Phase>::toRow(kept);
                row[0] = found->second.id;
                edit.update(table, found->second.id, row);
                continue;
            }
            core::Phase fresh = phase;
            if (taken.contains(fresh.position)) fresh.position = static_cast<int>(*taken.rbegin()) + 1;
            taken.insert(fresh.position);
            edit.insert(fresh);
        }
        for (const auto& [key, existing] : byKey)
            if (const auto n = core::roundNumber(key); n && !numbers.contains(*n))
                edit.remove(table, existing.id);
        auto workshop = row<core::Workshop>(1);
        if (workshop && workshop->rounds != static_cast<int>(rounds.size())) {
            workshop->rounds = static_cast<int>(rounds.size());
            edit.update(RowMap<core::Workshop>::table(), 1, RowMap<core::Workshop>::toRow(*workshop));
        }
    });
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
