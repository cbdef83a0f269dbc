// The agenda: the workshop header, thematic sessions and dilemmas, their order and joint discussions.
#include "store/StoreEdit.hpp"

#include <algorithm>

namespace plenary::store {

using core::Id;

void SessionStore::updateWorkshop(const core::Workshop& w) {
    runEdit("Edit workshop", [&](Edit& edit) {
        edit.update(RowMap<core::Workshop>::table(), 1, RowMap<core::Workshop>::toRow(w));
    });
}

void SessionStore::updatePhase(const core::Phase& phase) {
    runEdit("Change phase", [&](Edit& edit) {
        SQLite::Statement st(edit.db(), "SELECT id FROM phases WHERE key = ?");
        st.bind(1, phase.key);
        if (!st.executeStep()) throw StoreError(StoreErrorKind::Invalid, "no phase \"" + phase.key + "\"");
        const Id id = st.getColumn(0).getInt64();
        Row row = RowMap<core::Phase>::toRow(phase);
        row[0] = id;
        edit.update(RowMap<core::Phase>::table(), id, row);
    });
}

Id SessionStore::addSession(core::ThematicSession session) {
    return addItem(std::move(session), "Add thematic session", "", 0);
}
void SessionStore::updateSession(const core::ThematicSession& session) {
    updateItem(session, "Edit thematic session");
}

void SessionStore::deleteSession(Id id) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (!selectAll<core::Dilemma>("session_id = ?", id, "id").empty())
        throw StoreError(StoreErrorKind::Invalid,
                         "this thematic session still holds dilemmas; move or delete them first");
    runEdit("Remove thematic session", [&](Edit& edit) {
        for (auto c : selectAll<core::Contribution>("session_id = ?", id, "id")) {
            c.session = 0;
            edit.update(RowMap<core::Contribution>::table(), c.id, RowMap<core::Contribution>::toRow(c));
        }
        edit.remove(RowMap<core::ThematicSession>::table(), id);
    });
}

Id SessionStore::addDilemma(core::Dilemma dilemma) {
    const Id session = dilemma.session;
    return addItem(std::move(dilemma), "Add dilemma", "session_id", session);
}
void SessionStore::updateDilemma(const core::Dilemma& dilemma) {
    updateItem(dilemma, "Edit dilemma");
}

void SessionStore::deleteDilemma(Id id) {
    runEdit("Remove dilemma", [&](Edit& edit) {
        // Children first: undo replays the step backwards, restoring the dilemma before them.
        for (const auto& q : selectAll<core::Question>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::Question>::table(), q.id);
        for (const auto& p : selectAll<core::Practice>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::Practice>::table(), p.id);
        for (const auto& e : selectAll<core::PhaseLogEntry>("dilemma_id = ?", id, "id"))
            edit.remove(RowMap<core::PhaseLogEntry>::table(), e.id);
        const auto self = selectAll<core::Dilemma>("id = ?", id, "id");
        edit.remove(RowMap<core::Dilemma>::table(), id);
        // A joint discussion left with one dilemma is no joint discussion.
        if (!self.empty() && self.front().jointGroup != 0) {
            auto rest = selectAll<core::Dilemma>("joint_group = ?", self.front().jointGroup, "id");
            if (rest.size() == 1) {
                rest.front().jointGroup = 0;
                edit.update(RowMap<core::Dilemma>::table(), rest.front().id,
                            RowMap<core::Dilemma>::toRow(rest.front()));
            }
        }
    });
}

void SessionStore::moveSession(Id session, int index) {
    runEdit("Reorder thematic sessions", [&](Edit& edit) {
        auto sessions = selectAll<core::ThematicSession>("", 0, "position, id");
        const auto it =
            std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) { return s.id == session; });
        if (it == sessions.end()) throw StoreError(StoreErrorKind::Invalid, "no such thematic session");
        const auto moved = *it;
        sessions.erase(it);
        index = std::clamp(index, 0, static_cast<int>(sessions.size()));
        sessions.insert(sessions.begin() + index, moved);
        int position = 1;
        for (auto& s : sessions) {
            if (s.position != position) {
                s.position = position;
                edit.update(RowMap<core::ThematicSession>::table(), s.id,
                            RowMap<core::ThematicSession>::toRow(s));
            }
            ++position;
        }
    });
}

void SessionStore::moveDilemma(Id dilemma, Id session, int index) {
    runEdit("Move dilemma", [&](Edit& edit) {
        auto all = selectAll<core::Dilemma>("id = ?", dilemma, "id");
        if (all.empty()) throw StoreError(StoreErrorKind::Invalid, "no such dilemma");
        if (selectAll<core::ThematicSession>("id = ?", session, "id").empty())
            throw StoreError(StoreErrorKind::Invalid, "no such thematic session");
        auto moved = all.front();
        const Id from = moved.session;
        auto renumber = [&](std::vector<core::Dilemma>& list, Id inSession) {
            int position = 1;
            for (auto& d : list) {
                if (d.position != position || d.session != inSession) {
                    d.position = position;
                    d.session = inSession;
                    edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
                }
                ++position;
            }
        };
        auto target = selectAll<core::Dilemma>("session_id = ?", session, "position, id");
        std::erase_if(target, [&](const auto& d) { return d.id == dilemma; });
        index = std::clamp(index, 0, static_cast<int>(target.size()));
        target.insert(target.begin() + index, moved);
        renumber(target, session);
        if (from != session) {
            auto source = selectAll<core::Dilemma>("session_id = ?", from, "position, id");
            renumber(source, from);
        }
    });
}

void SessionStore::joinDilemmas(const std::vector<Id>& ids) {
    requireWritable(); // before the checks, so a read-only file always says so
    if (ids.size() < 2)
        throw StoreError(StoreErrorKind::Invalid, "pick at least two dilemmas to discuss together");
    runEdit("Discuss dilemmas together", [&](Edit& edit) {
        const Id group =
            edit.db().execAndGet("SELECT coalesce(max(joint_group), 0) + 1 FROM dilemmas").getInt64();
        // Joining a dilemma that is already in a discussion brings its partners along.
        std::vector<Id> members(ids.begin(), ids.end());
        for (const Id id : ids)
            for (const auto& d : selectAll<core::Dilemma>("id = ?", id, "id"))
                if (d.jointGroup != 0)
                    for (const auto& partner :
                         selectAll<core::Dilemma>("joint_group = ?", d.jointGroup, "id"))
                        members.push_back(partner.id);
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        for (const Id id : members)
            for (auto d : selectAll<core::Dilemma>("id = ?", id, "id")) {
                d.jointGroup = group;
                edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
            }
    });
}

void SessionStore::splitDilemma(Id dilemma) {
    runEdit("Discuss separately", [&](Edit& edit) {
        auto self = selectAll<core::Dilemma>("id = ?", dilemma, "id");
        if (self.empty() || self.front().jointGroup == 0) return;
        const Id group = self.front().jointGroup;
        auto clear = [&](core::Dilemma d) {
            d.jointGroup = 0;
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        };
        clear(self.front());
        const auto rest = selectAll<core::Dilemma>("joint_group = ?", group, "id");
        if (rest.size() == 1) clear(rest.front());
    });
}

} // namespace plenary::store
