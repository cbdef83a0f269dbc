// Forgetting a person: final, in every byte of the file (PRODUCT.md §4, "forget this person").
#include "store/SessionStore.hpp"

#include "core/NameReplace.hpp"
#include "core/Text.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <map>

namespace plenary::store {

using core::Id;

namespace {

// The undo history is emptied, not walked: its images are whole rows as they once were.
bool isUndoHistory(const std::string& table) {
    return table == "undo_step" || table == "undo_change";
}

// An identifier from the file's own schema (already compared with the one Plenary creates), quoted
// so that no name could ever read as SQL.
std::string quoted(const std::string& identifier) {
    std::string out = "\"";
    for (const char c : identifier)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

struct TextTable {
    std::string name;
    std::vector<std::string> columns;
};

// Every ordinary table's TEXT columns, read from the schema itself so that a column added by a
// later migration is not missed. The full-text index (a virtual table and its shadow tables) is
// kept by triggers and merged afterwards.
std::vector<TextTable> textTables(SQLite::Database& db) {
    std::vector<TextTable> tables;
    // In the order the schema created them; a virtual table's shadow tables are left out even where
    // an older SQLite would list them as plain tables (defensive mode refuses writes to them).
    SQLite::Statement list(db, R"SQL(
        SELECT m.name FROM sqlite_master AS m
        JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name
        WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
          AND NOT EXISTS (SELECT 1 FROM pragma_table_list AS v
                          WHERE v.schema = 'main' AND v.type = 'virtual'
                            AND substr(m.name, 1, length(v.name) + 1) = v.name || '_')
        ORDER BY m.rowid)SQL");
    while (list.executeStep()) {
        const std::string name = list.getColumn(0).getString();
        if (isUndoHistory(name)) continue;
        TextTable table{name, {}};
        SQLite::Statement columns(
            db, "SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT' ORDER BY cid");
        columns.bind(1, name);
        while (columns.executeStep())
            table.columns.push_back(columns.getColumn(0).getString());
        if (!table.columns.empty()) tables.push_back(std::move(table));
    }
    return tables;
}

struct CellChange {
    std::int64_t rowid;
    std::size_t column;
    std::string text;
};

// Replaces the names in every text cell of one table; how many cells changed.
int scrubTable(SQLite::Database& db, const TextTable& table, const core::NameReplacer& replacer) {
    std::string select = "SELECT rowid";
    for (const auto& column : table.columns)
        select += ", " + quoted(column);
    select += " FROM " + quoted(table.name);
    // Gathered first and written after: rows are not updated under a cursor that reads them.
    std::vector<CellChange> changes;
    {
        SQLite::Statement st(db, select);
        while (st.executeStep())
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const auto cell = st.getColumn(static_cast<int>(i + 1));
                if (!cell.isText()) continue; // NULL or a number: no name in it
                std::string text = cell.getString();
                if (replacer.apply(text)) changes.push_back({st.getColumn(0).getInt64(), i, std::move(text)});
            }
    }
    std::map<std::size_t, SQLite::Statement> updates;
    for (const auto& change : changes) {
        auto it = updates.find(change.column);
        if (it == updates.end())
            it = updates
                     .try_emplace(change.column, db,
                                  "UPDATE " + quoted(table.name) + " SET " +
                                      quoted(table.columns[change.column]) + " = ? WHERE rowid = ?")
                     .first;
        auto& update = it->second;
        update.reset();
        update.bind(1, change.text);
        update.bind(2, change.rowid);
        update.exec();
    }
    return static_cast<int>(changes.size());
}

// Forgetting's settings last only as long as forgetting: ordinary edits need neither.
class CarefulConnection {
public:
    explicit CarefulConnection(SQLite::Database& db) : m_db(db) {
        // Deleted content is overwritten with zeros rather than left in free space, and VACUUM's
        // temporary copy of the whole file stays in memory, never in a temporary file.
        m_db.exec("PRAGMA secure_delete = ON");
        m_db.exec("PRAGMA temp_store = MEMORY");
    }
    ~CarefulConnection() {
        try {
            m_db.exec("PRAGMA secure_delete = OFF");
            m_db.exec("PRAGMA temp_store = DEFAULT");
        } catch (const SQLite::Exception&) {
            // Only slower edits follow; nothing to tell.
        }
    }
    CarefulConnection(const CarefulConnection&) = delete;
    CarefulConnection& operator=(const CarefulConnection&) = delete;

private:
    SQLite::Database& m_db;
};

void count(ForgetReport& report, const std::string& table, int fields) {
    if (fields == 0) return;
    report.fields += fields;
    for (auto& [name, n] : report.byTable)
        if (name == table) {
            n += fields;
            return;
        }
    report.byTable.emplace_back(table, fields);
}

} // namespace

ForgetReport SessionStore::forgetPerson(std::string_view name) {
    requireWritable();
    const std::string key = core::nameKey(name);
    if (key.empty() || key == core::nameKey(kForgottenName))
        throw StoreError(StoreErrorKind::Invalid, "give the name of a person to forget");
    m_changes.clear();
    m_typing = {}; // the undo steps a stretch of typing would fold into are gone
    ForgetReport report;
    try {
        const CarefulConnection careful(*m_db);
        {
            SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
            std::vector<Id> forgotten;
            std::vector<std::string> names;
            std::vector<std::string> others;
            {
                SQLite::Statement people(*m_db, "SELECT id, name, organisation, city, country FROM people");
                while (people.executeStep()) {
                    const std::string personName = core::trim(people.getColumn(1).getString());
                    if (core::nameKey(personName) != key) {
                        others.push_back(personName);
                        continue;
                    }
                    forgotten.push_back(people.getColumn(0).getInt64());
                    names.push_back(personName);
                    int fields = 1; // the name
                    for (int column = 2; column <= 4; ++column)
                        fields += people.getColumn(column).getString().empty() ? 0 : 1;
                    count(report, "people", fields);
                }
            }
            if (forgotten.empty()) return report; // nobody to forget: the transaction writes nothing
            report.people = static_cast<int>(forgotten.size());

            // Whole names, then the parts that read as a name; another person's full name is kept
            // whole, so "Ana Costa" does not become "a participant Costa" when "Ana Lima" goes.
            core::NameReplacer replacer(core::NameMatch::Folded);
            for (const auto& n : names)
                replacer.add(n, kForgottenMention);
            for (const auto& n : names)
                for (const auto& part : core::nameParts(n))
                    replacer.add(part, kForgottenMention);
            for (const auto& n : others)
                replacer.keep(n);
            replacer.finish();

            SQLite::Statement anonymous(
                *m_db, "UPDATE people SET name = ?, organisation = '', city = '', country = '' WHERE id = ?");
            for (const Id id : forgotten) {
                anonymous.reset();
                anonymous.bind(1, kForgottenName);
                anonymous.bind(2, id);
                anonymous.exec();
            }
            for (const auto& table : textTables(*m_db))
                count(report, table.name, scrubTable(*m_db, table, replacer));

            report.undoSteps = m_db->execAndGet("SELECT count(*) FROM undo_step").getInt();
            m_db->exec("DELETE FROM undo_change");
            m_db->exec("DELETE FROM undo_step");
            // The triggers replaced the index's rows, but FTS5 (without secure-delete in SQLite
            // 3.40) only marks old entries deleted in its segments: merging them all drops the
            // tokens. In the same transaction, so the texts and the index are forgotten together.
            m_db->exec("INSERT INTO search_index(search_index) VALUES('optimize')");
            tx.commit();
        }
        // secure_delete has zeroed what was deleted; VACUUM (never inside a transaction) also
        // rebuilds the file with no free pages, so nothing deleted lingers anywhere in it.
        m_db->exec("VACUUM");
    } catch (const SQLite::Exception& e) {
        throw StoreError(StoreErrorKind::Io, m_path.filename().string() + ": could not forget: " + e.what());
    }
    return report;
}

} // namespace plenary::store
