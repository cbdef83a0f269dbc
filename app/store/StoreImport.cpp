// Spreadsheet imports: participants, dilemmas and statements added as one edit.
#include "store/StoreEdit.hpp"

#include "store/FileInspect.hpp"

#include <algorithm>
#include <unordered_map>

namespace plenary::store {

using core::Id;

int SessionStore::importCsv(const core::CsvImport& original) {
    requireWritable();
    // Rings named in the file are the workshop's rings, matched before anything is written: an
    // unknown one stops the whole import.
    core::CsvImport batch = original;
    try {
        core::resolveRings(batch, selectAll<core::Ring>("", 0, "position, id"));
    } catch (const SQLite::Exception& e) {
        throw readFailure(m_path, e);
    }
    return runEdit("Import CSV", [&](Edit& edit) {
        int added = 0;
        auto nextPosition = [&](const char* sql, Id scope) {
            SQLite::Statement st(edit.db(), sql);
            if (scope != 0) st.bind(1, scope);
            st.executeStep();
            return st.getColumn(0).getInt();
        };
        // Who and what is there already, read once: a lookup per row would make a large import
        // take minutes. Names match as SQLite's NOCASE does (ASCII letters without case).
        auto nocase = [](std::string text) {
            for (auto& c : text)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
            return text;
        };
        std::unordered_map<std::string, Id> people;
        {
            SQLite::Statement st(edit.db(), "SELECT id, name FROM people ORDER BY id");
            while (st.executeStep())
                people.emplace(nocase(st.getColumn(1).getString()), st.getColumn(0).getInt64());
        }
        std::unordered_map<std::string, Id> sessions;
        {
            SQLite::Statement st(edit.db(), "SELECT id, title FROM thematic_sessions ORDER BY id");
            while (st.executeStep())
                sessions.emplace(st.getColumn(1).getString(), st.getColumn(0).getInt64());
        }
        auto person = [&](const core::Person& p) -> Id {
            if (p.name.empty()) return 0;
            if (const auto found = people.find(nocase(p.name)); found != people.end()) return found->second;
            ++added;
            core::Person fresh = p;
            fresh.id = 0;
            const Id id = edit.insert(fresh);
            people.emplace(nocase(p.name), id);
            return id;
        };
        for (const auto& p : batch.people)
            person(p);
        for (const auto& d : batch.dilemmas) {
            const auto known = sessions.find(d.session);
            Id session = known == sessions.end() ? 0 : known->second;
            if (session == 0) {
                core::ThematicSession s{
                    0, d.session,
                    nextPosition("SELECT coalesce(max(position), 0) + 1 FROM thematic_sessions", 0)};
                session = edit.insert(s);
                sessions.emplace(d.session, session);
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
        if (!batch.statements.empty()) {
            int position = nextPosition("SELECT coalesce(max(position), 0) FROM statements", 0);
            for (const auto& s : batch.statements) {
                core::Statement statement;
                statement.ring = s.ringId;
                statement.text = s.text;
                statement.position = ++position;
                edit.insert(statement);
                ++added;
            }
        }
        return added;
    });
}

} // namespace plenary::store
