// Spreadsheet imports: participants and dilemmas added as one edit.
#include "store/StoreEdit.hpp"

#include <algorithm>

namespace plenary::store {

using core::Id;

int SessionStore::importCsv(const core::CsvImport& batch) {
    return runEdit("Import CSV", [&](Edit& edit) {
        int added = 0;
        auto findId = [&](const char* sql, const std::string& key) -> Id {
            SQLite::Statement st(edit.db(), sql);
            st.bind(1, key);
            return st.executeStep() ? st.getColumn(0).getInt64() : 0;
        };
        auto nextPosition = [&](const char* sql, Id scope) {
            SQLite::Statement st(edit.db(), sql);
            if (scope != 0) st.bind(1, scope);
            st.executeStep();
            return st.getColumn(0).getInt();
        };
        auto person = [&](const core::Person& p) -> Id {
            if (p.name.empty()) return 0;
            if (const Id id = findId("SELECT id FROM people WHERE name = ? COLLATE NOCASE", p.name))
                return id;
            ++added;
            core::Person fresh = p;
            fresh.id = 0;
            return edit.insert(fresh);
        };
        for (const auto& p : batch.people)
            person(p);
        for (const auto& d : batch.dilemmas) {
            Id session = findId("SELECT id FROM thematic_sessions WHERE title = ?", d.session);
            if (session == 0) {
                core::ThematicSession s{
                    0, d.session,
                    nextPosition("SELECT coalesce(max(position), 0) + 1 FROM thematic_sessions", 0)};
                session = edit.insert(s);
                ++added;
            }
            core::Dilemma dilemma;
            dilemma.session = session;
            dilemma.question = d.question;
            dilemma.information = d.information;
            dilemma.presenter = person(d.presenter);
            dilemma.position = nextPosition(
                "SELECT coalesce(max(position), 0) + 1 FROM dilemmas WHERE session_id = ?", session);
            edit.insert(dilemma);
            ++added;
        }
        return added;
    });
}

} // namespace plenary::store
