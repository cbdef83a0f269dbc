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
