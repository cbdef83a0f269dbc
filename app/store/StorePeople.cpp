// People and the expert contributions: who is in the workshop and what they brought.
#include "store/StoreEdit.hpp"

#include <algorithm>

namespace plenary::store {

using core::Id;

Id SessionStore::addPerson(core::Person person) {
    return addItem(std::move(person), "Add person", "", 0);
}
void SessionStore::updatePerson(const core::Person& person) {
    updateItem(person, "Edit person");
}

void SessionStore::deletePerson(Id id) {
    runEdit("Remove person", [&](Edit& edit) {
        // Keep what the person said; it is no longer attributed to anyone.
        for (auto d : selectAll<core::Dilemma>("presenter_id = ?", id, "id")) {
            d.presenter = 0;
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        }
        for (auto q : selectAll<core::Question>("asker_id = ?", id, "id")) {
            q.asker = 0;
            edit.update(RowMap<core::Question>::table(), q.id, RowMap<core::Question>::toRow(q));
        }
        for (auto p : selectAll<core::Practice>("suggested_by = ?", id, "id")) {
            p.suggestedBy = 0;
            edit.update(RowMap<core::Practice>::table(), p.id, RowMap<core::Practice>::toRow(p));
        }
        for (auto c : selectAll<core::Contribution>("person_id = ?", id, "id")) {
            c.person = 0;
            edit.update(RowMap<core::Contribution>::table(), c.id, RowMap<core::Contribution>::toRow(c));
        }
        edit.remove(RowMap<core::Person>::table(), id);
    });
}

Id SessionStore::addContribution(core::Contribution contribution) {
    return addItem(std::move(contribution), "Add contribution", "", 0);
}
void SessionStore::updateContribution(const core::Contribution& c) {
    updateItem(c, "Edit contribution");
}
void SessionStore::deleteContribution(Id id) {
    deleteItem("contributions", id, "Remove contribution");
}

} // namespace plenary::store
