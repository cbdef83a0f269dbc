#pragma once

#include "core/Agenda.hpp"
#include "core/AgendaIndex.hpp"
#include "core/Counts.hpp"
#include "core/Csv.hpp"
#include "core/Model.hpp"
#include "core/Rounds.hpp"
#include "session/Forget.hpp"
#include "session/Message.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace plenary::store {
class SessionStore;
}

namespace plenary::session {

// One open workshop file and its snapshot (Tracy's Worker): what every screen draws from. Each
// edit is one durable transaction and one undo step in the file; afterwards only the rows it
// touched are read again, in place, and what is derived from the agenda is rebuilt only when the
// agenda changed. A failed edit changes nothing and is reported, in one line, to the reporter.
class OpenWorkshop {
public:
    enum class Mode { Edit, ReadOnly };
    // Throws std::exception with a one-line message when the file cannot be opened.
    OpenWorkshop(const std::filesystem::path& path, Mode mode, Reporter reporter);
    ~OpenWorkshop();
    OpenWorkshop(const OpenWorkshop&) = delete;
    OpenWorkshop& operator=(const OpenWorkshop&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    bool readOnly() const;
    const core::SessionData& data() const { return m_data; }
    const core::AgendaIndex& agenda() const { return m_agenda; }
    // A dilemma's questions and practices, in their order.
    std::vector<const core::Question*> questionsOf(core::Id dilemma) const {
        return m_questions.of(m_data.questions, dilemma);
    }
    std::vector<const core::Practice*> practicesOf(core::Id dilemma) const {
        return m_practices.of(m_data.practices, dilemma);
    }
    core::WorkshopCounts counts() const { return core::countsOf(m_data); }
    // Bumped by every change, so a view can tell whether what it derived is stale.
    std::uint64_t revision() const { return m_revision; }
    // Bumped only by changes to what a conference's figures are made of (rings, people,
    // statements, votes, the workshop's scale and rounds): a timer or a text elsewhere leaves it.
    std::uint64_t conferenceRevision() const { return m_conferenceRevision; }
    // The last conference revision that changed tallies only: from which revision to which, and
    // the tallies as they are now (nullopt: gone). A conference that derived its figures at
    // `from` patches them instead of counting every tally again.
    struct VoteChange {
        std::uint64_t from = 0;
        std::uint64_t to = 0;
        std::vector<std::pair<core::Id, std::optional<core::VoteTally>>> rows;
    };
    const VoteChange& lastVoteChange() const { return m_voteChange; }

    // Edits. Adding with id 0 assigns the id (returned; 0 when it failed) and position 0 puts the
    // item last. The others return false when they failed (and say why).
    // A stretch (not 0) folds saves of one stretch of typing into one undo step, as typeInto does:
    // a number typed into a field is saved as it is typed, like text.
    bool updateWorkshop(const core::Workshop& workshop, std::uint64_t stretch = 0);
    bool updatePhase(const core::Phase& phase);
    core::Id addPerson(const core::Person& person);
    bool updatePerson(const core::Person& person);
    bool deletePerson(core::Id id);
    core::Id addSession(const core::ThematicSession& session);
    bool updateSession(const core::ThematicSession& session);
    bool deleteSession(core::Id id);
    core::Id addDilemma(const core::Dilemma& dilemma);
    bool updateDilemma(const core::Dilemma& dilemma, const char* label = "Edit dilemma");
    bool deleteDilemma(core::Id id);
    core::Id addQuestion(const core::Question& question);
    bool updateQuestion(const core::Question& question);
    bool deleteQuestion(core::Id id);
    core::Id addPractice(const core::Practice& practice);
    bool updatePractice(const core::Practice& practice);
    bool deletePractice(core::Id id);
    core::Id addContribution(const core::Contribution& contribution);
    bool updateContribution(const core::Contribution& contribution);
    bool deleteContribution(core::Id id);
    core::Id addRing(const core::Ring& ring);
    bool updateRing(const core::Ring& ring);
    bool deleteRing(core::Id id); // refused (and said why) while the ring has statements or votes
    bool moveRing(core::Id ring, int index);
    core::Id addStatement(const core::Statement& statement);
    bool updateStatement(const core::Statement& statement);
    // Several statements in one edit (one undo step under `label`); how many were added, nullopt
    // when the edit failed.
    std::optional<int> addStatements(const std::vector<core::Statement>& statements, const char* label);
    bool deleteStatement(core::Id id); // with its vote tallies; refused while others are merged into it
    // The conference's rounds, all written at once (a file may have no round rows yet); the
    // stretch as for updateWorkshop.
    bool setRounds(const std::vector<core::RoundInfo>& rounds, std::uint64_t stretch = 0);
    // Saves with the same `stretch` (not 0), nothing else edited between, are one undo step.
    bool setVote(const core::VoteTally& vote, std::uint64_t stretch = 0);
    bool mergeStatements(core::Id from, core::Id into);
    // The new round-log entry's id, 0 if none was started; nullopt when the edit failed.
    std::optional<core::Id> switchRound(const core::RoundSwitch& change);
    bool updateRoundLog(const core::RoundLogEntry& entry, const char* label);
    bool updatePhaseLog(const core::PhaseLogEntry& entry, const char* label);
    bool moveSession(core::Id session, int index);
    bool moveDilemma(core::Id dilemma, core::Id session, int index);
    bool joinDilemmas(const std::vector<core::Id>& dilemmas);
    bool splitDilemma(core::Id dilemma);
    // The new phase-log entry's id, 0 if none was started; nullopt when the edit failed.
    std::optional<core::Id> switchPhase(const core::PhaseSwitch& change);
    // How many rows were added; nullopt when the import failed.
    std::optional<int> importCsv(const core::CsvImport& batch);

    // Text typed into one field of one row (the workshop's id is ignored): the row as the file
    // has it now with only that field changed, so a save never brings back stale values of the
    // row's other fields. Saves with the same `stretch` (not 0), with nothing else edited in
    // between, are one undo step: a stretch of typing saved every second undoes at once.
    template <class T>
    bool typeInto(core::Id id, std::string T::*field, const std::string& text, std::uint64_t stretch);

    // The capture line's words before Enter (not an edit: no undo step). Saving does nothing on a
    // read-only file; a failure is reported (and false).
    core::CaptureDraft captureDraft() const;
    bool saveCaptureDraft(const core::CaptureDraft& draft);

    // Forgets a person in this workshop (session/Forget.hpp): final, and it clears the undo history.
    // The snapshot is then read again whole. nullopt when it failed (and said why); people == 0 when
    // nobody has that name.
    std::optional<ForgetChanges> forgetPerson(const std::string& name);

    bool canUndo() const;
    std::string undoLabel() const; // what Ctrl+Z would take back ("Add question"); empty if nothing
    std::string redoLabel() const;
    bool canRedo() const;
    bool undo();
    bool redo();

    // Called after every change with what it touched (the live session follows the file).
    using Listener = std::function<void(bool phaseLogChanged)>;
    void setListener(Listener listener) { m_listener = std::move(listener); }

private:
    template <class F> auto run(F&& change) -> decltype(change());
    void refresh();
    void reloadAll();

    std::filesystem::path m_path;
    std::unique_ptr<store::SessionStore> m_store;
    core::SessionData m_data;
    core::AgendaIndex m_agenda;
    core::ByDilemma<core::Question> m_questions;
    core::ByDilemma<core::Practice> m_practices;
    Reporter m_report;
    Listener m_listener;
    std::uint64_t m_revision = 0;
    std::uint64_t m_conferenceRevision = 0;
    VoteChange m_voteChange;
};

} // namespace plenary::session
