// What a live Social Olympics conference records beyond single rows: merging duplicates.
#include "store/StoreEdit.hpp"

namespace plenary::store {

using core::Id;

void SessionStore::mergeStatements(Id from, Id into) {
    requireWritable();
    runEdit("Merge statements", [&](Edit& edit) {
        const auto& table = RowMap<core::Statement>::table();
        auto target = selectAll<core::Statement>("id = ?", into, "id");
        if (from == into || target.empty() || target.front().mergedInto != 0)
            throw StoreError(StoreErrorKind::Invalid, "a statement is merged into another one that is not merged");
        auto source = selectAll<core::Statement>("id = ?", from, "id");
        if (source.empty()) throw StoreError(StoreErrorKind::Invalid, "statement " + std::to_string(from) + " does not exist");
        // Statements merged into `from` earlier follow it, so no chain of merges is left.
        auto followers = selectAll<core::Statement>("merged_into = ?", from, "id");
        followers.push_back(source.front());
        for (auto s : followers) {
            s.mergedInto = into;
            edit.update(table, s.id, RowMap<core::Statement>::toRow(s));
        }
    });
}

Id SessionStore::switchRound(const core::RoundSwitch& change) {
    return runEdit(change.label.c_str(), [&](Edit& edit) {
        const auto& table = RowMap<core::RoundLogEntry>::table();
        if (change.endEntry != 0)
            for (auto entry : selectAll<core::RoundLogEntry>("id = ?", change.endEntry, "id")) {
                entry.endedAt = change.endedAt;
                edit.update(table, entry.id, RowMap<core::RoundLogEntry>::toRow(entry));
            }
        Id started = 0;
        if (change.start) {
            core::RoundLogEntry entry = *change.start;
            entry.id = 0;
            started = edit.insert(entry);
        }
        return started;
    });
}

void SessionStore::updateRoundLog(const core::RoundLogEntry& entry, const char* label) {
    updateItem(entry, label);
}

} // namespace plenary::store
