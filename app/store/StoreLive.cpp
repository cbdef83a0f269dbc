// What a live Urban Academy session records: questions, practices and the phase log.
#include "store/StoreEdit.hpp"

#include <algorithm>

namespace plenary::store {

using core::Id;

Id SessionStore::addQuestion(core::Question question) {
    const Id dilemma = question.dilemma;
    return addItem(std::move(question), "Add question", "dilemma_id", dilemma);
}
void SessionStore::updateQuestion(const core::Question& question) {
    updateItem(question, "Edit question");
}
void SessionStore::deleteQuestion(Id id) {
    deleteItem("questions", id, "Remove question");
}

Id SessionStore::addPractice(core::Practice practice) {
    const Id dilemma = practice.dilemma;
    return addItem(std::move(practice), "Add practice", "dilemma_id", dilemma);
}
void SessionStore::updatePractice(const core::Practice& practice) {
    updateItem(practice, "Edit practice");
}
void SessionStore::deletePractice(Id id) {
    deleteItem("practices", id, "Remove practice");
}

Id SessionStore::addPhaseLog(core::PhaseLogEntry entry) {
    return addItem(std::move(entry), "Start phase", "", 0);
}
void SessionStore::updatePhaseLog(const core::PhaseLogEntry& entry, const char* label) {
    updateItem(entry, label);
}

Id SessionStore::switchPhase(const PhaseSwitch& change) {
    return runEdit(change.label.c_str(), [&](Edit& edit) {
        if (change.endEntry != 0) {
            for (auto entry : selectAll<core::PhaseLogEntry>("id = ?", change.endEntry, "id")) {
                entry.endedAt = change.endedAt;
                edit.update(RowMap<core::PhaseLogEntry>::table(), entry.id,
                            RowMap<core::PhaseLogEntry>::toRow(entry));
            }
        }
        for (const auto& d : change.dilemmas)
            edit.update(RowMap<core::Dilemma>::table(), d.id, RowMap<core::Dilemma>::toRow(d));
        Id started = 0;
        if (change.start) {
            core::PhaseLogEntry entry = *change.start;
            entry.id = 0;
            started = edit.insert(entry);
        }
        return started;
    });
}

core::CaptureDraft SessionStore::captureDraft() {
    core::CaptureDraft draft;
    Prepared st(*m_db, "SELECT dilemma_id, kind, text FROM capture_draft WHERE id = 1");
    if (st->executeStep()) {
        draft.dilemma = st->getColumn(0).getInt64();
        draft.kind = st->getColumn(1).getInt();
        draft.text = st->getColumn(2).getString();
    }
    return draft;
}

void SessionStore::saveCaptureDraft(const core::CaptureDraft& draft) {
    requireWritable();
    try {
        if (draft.text.empty()) {
            Prepared st(*m_db, "DELETE FROM capture_draft");
            st->exec();
            return;
        }
        Prepared st(*m_db,
                    "INSERT OR REPLACE INTO capture_draft (id, dilemma_id, kind, text) VALUES (1, ?, ?, ?)");
        st->bind(1, draft.dilemma);
        st->bind(2, draft.kind);
        st->bind(3, draft.text);
        st->exec();
    } catch (const SQLite::Exception& e) {
        throw saveError(m_path, e);
    }
}

} // namespace plenary::store
