#pragma once

#include "core/Agenda.hpp"
#include "core/Counts.hpp"
#include "core/Csv.hpp"
#include "core/Model.hpp"
#include "core/Rounds.hpp"
#include "core/Rules.hpp"
#include "store/ChangeSet.hpp"
#include "store/FileLock.hpp"
#include "store/Forget.hpp"
#include "store/Search.hpp"
#include "store/StoreError.hpp"

#include "store/OpenMode.hpp"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::store {

// One open workshop file. Every edit is one committed transaction (journal_mode DELETE,
// synchronous FULL), so the .plenary file alone is complete whenever no edit is in flight. Every
// edit is also one undo step, recorded in the file so undo survives a restart.
class SessionStore {
public:
    static std::unique_ptr<SessionStore> open(const std::filesystem::path& path,
                                              OpenMode mode = OpenMode::ReadWrite);
    // Writes the session to a new file (never replaces one) atomically, then opens it.
    static std::unique_ptr<SessionStore> create(const std::filesystem::path& path,
                                                const core::SessionData& data);

    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    bool readOnly() const { return m_readOnly; }

    // Reads. load() lists every table in the order the session layer keeps its snapshot in.
    core::SessionData load();
    // One row by id, as it is in the file now (nullopt when there is none).
    template <class T> std::optional<T> row(core::Id id);
    core::Workshop workshop();
    std::vector<core::Person> people();
    std::vector<core::Phase> phases();
    std::vector<core::ThematicSession> sessions();
    std::vector<core::Dilemma> dilemmas();
    std::vector<core::Question> questions(core::Id dilemma);
    std::vector<core::Practice> practices(core::Id dilemma);
    std::vector<core::Contribution> contributions();
    std::vector<core::VoteTally> votes();
    core::WorkshopCounts counts();
    int schemaVersion();
    std::string integrityCheck(); // "ok" or SQLite's first complaint
    std::vector<SearchHit> search(std::string_view query, int limit = 50);

    // Edits: one durable transaction and one undo step each. Adding with id 0 assigns the id, and
    // position 0 puts the item last.
    void updateWorkshop(const core::Workshop& workshop);
    void updatePhase(const core::Phase& phase);
    core::Id addPerson(core::Person person);
    void updatePerson(const core::Person& person);
    core::Id addSession(core::ThematicSession session);
    void updateSession(const core::ThematicSession& session);
    core::Id addDilemma(core::Dilemma dilemma);
    void updateDilemma(const core::Dilemma& dilemma, const char* label = "Edit dilemma");
    core::Id addQuestion(core::Question question);
    void updateQuestion(const core::Question& question);
    void deleteQuestion(core::Id id);
    core::Id addPractice(core::Practice practice);
    void updatePractice(const core::Practice& practice);
    void deletePractice(core::Id id);
    core::Id addContribution(core::Contribution contribution);
    void updateContribution(const core::Contribution& contribution);
    void deleteContribution(core::Id id);
    core::Id addPhaseLog(core::PhaseLogEntry entry);
    void updatePhaseLog(const core::PhaseLogEntry& entry, const char* label = "End phase");
    core::Id addRing(core::Ring ring);
    void updateRing(const core::Ring& ring);
    core::Id addStatement(core::Statement statement);
    void updateStatement(const core::Statement& statement);
    void setVote(const core::VoteTally& vote); // a count of 0 removes the tally
    // `from` (and what was merged into it) is rated as `into` from now on; one undo step.
    void mergeStatements(core::Id from, core::Id into);
    // The started entry's id (0 if none).
    core::Id switchRound(const core::RoundSwitch& change);
    void updateRoundLog(const core::RoundLogEntry& entry, const char* label);
    // Several statements as one edit (a benchmark set), after every statement there is; their ids.
    std::vector<core::Id> addStatements(const std::vector<core::Statement>& statements, const char* label);
    // The conference's rounds become exactly these phases rows ("round-N", core/Rounds) in one
    // edit: existing rows are updated in place, missing ones written (a file may have none yet and
    // show the method's defaults), round rows not in the list removed; the workshop's count of
    // rounds follows.
    void setRounds(const std::vector<core::RoundInfo>& rounds);
    // One step of the live session as one edit: the running phase's log entry ended, dilemma
    // statuses changed, the next phase's entry started. Returns the new entry's id (0 if none).
    using PhaseSwitch = core::PhaseSwitch;
    core::Id switchPhase(const PhaseSwitch& change);

    // Writes what the domain's rules planned for an edit of several rows (core/Rules: removing a
    // person, a session or a dilemma, moves, joint discussions) as one edit.
    void apply(const core::EditPlan& plan);

    // Adds imported participants, dilemmas or statements as one edit; people are matched by name,
    // thematic sessions by title, and only missing ones are added; rings named in the file are
    // matched to the workshop's (core::resolveRings: an unknown one is a CsvError and nothing is
    // added). Returns how many rows were added.
    int importCsv(const core::CsvImport& batch);

    // The capture line's words before Enter: saved at once and durably, but not an edit (no undo
    // step, no change to the snapshot). Saving empty text removes it. Empty when there is none.
    core::CaptureDraft captureDraft();
    void saveCaptureDraft(const core::CaptureDraft& draft);

    // Forgets every person whose name is `name` (core::nameKey): their people row keeps its id,
    // role and ring but is named kForgottenName, without organisation, city or country; every text
    // field of every table says kForgottenMention where it named them (the full name, or a part of
    // it that reads as a name); the undo history is cleared; then the full-text index is merged
    // and the file vacuumed, so no byte of the file holds the name (secure_delete, no free pages).
    // Not an edit: it cannot be undone. Nobody of that name: nothing is written.
    ForgetReport forgetPerson(std::string_view name);

    // Undo and redo whole edits; they are themselves durable transactions.
    bool canUndo();
    bool canRedo();
    std::string undoLabel();
    std::string redoLabel();
    bool undo();
    bool redo();

    // A stretch of typing in one field is one undo step however often it is saved: while the
    // edits carry the same stretch (not 0) and nothing else was edited, undone or redone in
    // between, each save folds into the step the stretch began. Kept in memory only.
    void setTypingStretch(std::uint64_t stretch) { m_typing.current = stretch; }

    // The rows the last edit, undo or redo touched (also after a failed one: those rows are as the
    // file has them, which is what a snapshot should show).
    const ChangeSet& lastChanges() const { return m_changes; }

private:
    class Edit;
    friend class Edit;
    SessionStore(std::filesystem::path path, bool readOnly, FileLock lock);
    void requireWritable() const;
    core::SessionData loadAll();
    template <class F> auto runEdit(const char* label, F&& body);
    template <class F> bool replayHistory(F&& step);
    template <class T>
    std::vector<T> selectAll(std::string_view where, core::Id param, std::string_view order);
    template <class T> core::Id addItem(T item, const char* label, std::string_view scope, core::Id scopeId);
    template <class T> void updateItem(const T& item, const char* label);
    void deleteItem(std::string_view table, core::Id id, const char* label);

    std::filesystem::path m_path;
    bool m_readOnly = false;
    std::unique_ptr<class ReadCopy> m_copy; // a reader's private copy when a journal lay beside the file
    FileLock m_lock;                        // declared before m_db: released only after the connection closes
    std::unique_ptr<SQLite::Database> m_db;
    std::unique_ptr<class StatementCache> m_statements; // finalised before m_db closes
    ChangeSet m_changes;
    struct Typing {
        std::uint64_t current = 0; // the stretch of the edits being made now
        std::uint64_t last = 0;    // the stretch of the newest undo step
        std::int64_t step = 0;     // that step
    } m_typing;
};

} // namespace plenary::store
