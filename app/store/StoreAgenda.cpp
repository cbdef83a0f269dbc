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

Id SessionStore::addDilemma(core::Dilemma dilemma) {
    const Id session = dilemma.session;
    return addItem(std::move(dilemma), "Add dilemma", "session_id", session);
}
void SessionStore::updateDilemma(const core::Dilemma& dilemma, const char* label) {
    updateItem(dilemma, label);
}

namespace {

const TableDef& tableOf(core::Table table) {
    switch (table) {
    case core::Table::People:
        return RowMap<core::Person>::table();
    case core::Table::Sessions:
        return RowMap<core::ThematicSession>::table();
    case core::Table::Dilemmas:
        return RowMap<core::Dilemma>::table();
    case core::Table::Questions:
        return RowMap<core::Question>::table();
    case core::Table::Practices:
        return RowMap<core::Practice>::table();
    case core::Table::Contributions:
        return RowMap<core::Contribution>::table();
    case core::Table::Rings:
        return RowMap<core::Ring>::table();
    case core::Table::Statements:
        return RowMap<core::Statement>::table();
    case core::Table::Votes:
        return RowMap<core::VoteTally>::table();
    case core::Table::PhaseLog:
        break;
    }
    return RowMap<core::PhaseLogEntry>::table();
}

} // namespace

void SessionStore::apply(const core::EditPlan& plan) {
    runEdit(plan.label.c_str(), [&](Edit& edit) {
        for (const auto& step : plan.steps)
            std::visit(
                [&](const auto& item) {
                    using T = std::decay_t<decltype(item)>;
                    if constexpr (std::is_same_v<T, core::EditPlan::Remove>)
                        edit.remove(tableOf(item.table), item.id);
                    else
                        edit.update(item);
                },
                step);
    });
}

} // namespace plenary::store
