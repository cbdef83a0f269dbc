#include "session/OpenWorkshop.hpp"

#include "core/Rounds.hpp"
#include "core/Rules.hpp"
#include "session/SnapshotPatch.hpp"
#include "store/SessionStore.hpp"

#include <type_traits>

namespace plenary::session {

using core::Id;

OpenWorkshop::OpenWorkshop(const std::filesystem::path& path, Mode mode, Reporter reporter)
    : m_path(path), m_report(std::move(reporter)) {
    m_store = store::SessionStore::open(path, mode == Mode::ReadOnly ? store::OpenMode::ReadOnly
                                                                     : store::OpenMode::ReadWrite);
    m_data = m_store->load();
    m_agenda.rebuild(m_data);
    m_questions.rebuild(m_data.questions);
    m_practices.rebuild(m_data.practices);
    // Revisions never repeat across workshops, so a view's "derived at revision N" is never
    // mistaken for another file's.
    static std::uint64_t opened = 0;
    m_revision = ++opened << 32;
    m_conferenceRevision = m_revision;
}

OpenWorkshop::~OpenWorkshop() = default;

bool OpenWorkshop::readOnly() const {
    return m_store->readOnly();
}

// Runs one store edit; whatever happens, the rows it touched are read again, so the snapshot
// always shows what the file holds.
template <class F> auto OpenWorkshop::run(F&& change) -> decltype(change()) {
    using Result = decltype(change());
    std::optional<Result> result;
    try {
        result = change();
    } catch (const std::exception& e) {
        if (m_report) m_report(error(e.what()));
    }
    try {
        refresh();
    } catch (const std::exception& e) {
        // Rows may have moved before the failure: whatever was derived from them is stale.
        ++m_revision;
        ++m_conferenceRevision;
        if (m_report) m_report(error(e.what())); // the last good snapshot stays on screen
    }
    if (!result) return Result{};
    return *result;
}

void OpenWorkshop::refresh() {
    // A large import touches thousands of rows: reading the file once is then quicker than
    // placing each row.
    if (m_store->lastChanges().size() > 2000) {
        reloadAll();
        return;
    }
    auto touched = applyChanges(m_data, *m_store, m_store->lastChanges());
    if (!touched.any) return;
    ++m_revision;
    if (touched.conference) {
        const auto from = m_conferenceRevision++;
        m_voteChange = {};
        if (!touched.conferenceShape) m_voteChange = {from, m_conferenceRevision, std::move(touched.voteRows)};
    }
    if (touched.agenda) m_agenda.rebuild(m_data);
    if (touched.questionsReshaped)
        m_questions.rebuild(m_data.questions);
    else
        for (const std::size_t at : touched.appendedQuestions)
            m_questions.appended(m_data.questions, at);
    if (touched.practicesReshaped)
        m_practices.rebuild(m_data.practices);
    else
        for (const std::size_t at : touched.appendedPractices)
            m_practices.appended(m_data.practices, at);
    if (m_listener) m_listener(touched.phaseLog || touched.agenda || touched.roundLog);
}

void OpenWorkshop::reloadAll() {
    m_data = m_store->load();
    m_agenda.rebuild(m_data);
    m_questions.rebuild(m_data.questions);
    m_practices.rebuild(m_data.practices);
    ++m_revision;
    ++m_conferenceRevision;
    if (m_listener) m_listener(true);
}

namespace {
// Edits that return nothing report success as true.
template <class F> auto done(F&& f) {
    return [f = std::forward<F>(f)]() mutable {
        f();
        return true;
    };
}
} // namespace

bool OpenWorkshop::updateWorkshop(const core::Workshop& w, std::uint64_t stretch) {
    if (w.scale != m_data.workshop.scale && core::hasCounts(m_data)) {
        if (m_report)
            m_report(error("votes are already counted on this scale: another scale would read them as other votes, "
                           "so it stays"));
        return false;
    }
    m_store->setTypingStretch(stretch);
    const bool saved = run(done([&] { m_store->updateWorkshop(w); }));
    m_store->setTypingStretch(0);
    return saved;
}
bool OpenWorkshop::updatePhase(const core::Phase& p) {
    return run(done([&] { m_store->updatePhase(p); }));
}
Id OpenWorkshop::addPerson(const core::Person& p) {
    return run([&] { return m_store->addPerson(p); });
}
bool OpenWorkshop::updatePerson(const core::Person& p) {
    return run(done([&] { m_store->updatePerson(p); }));
}
bool OpenWorkshop::deletePerson(Id id) {
    return run(done([&] { m_store->apply(core::planRemovePerson(m_data, id)); }));
}
Id OpenWorkshop::addSession(const core::ThematicSession& s) {
    return run([&] { return m_store->addSession(s); });
}
bool OpenWorkshop::updateSession(const core::ThematicSession& s) {
    return run(done([&] { m_store->updateSession(s); }));
}
bool OpenWorkshop::deleteSession(Id id) {
    return run(done([&] { m_store->apply(core::planRemoveSession(m_data, id)); }));
}
Id OpenWorkshop::addDilemma(const core::Dilemma& d) {
    return run([&] { return m_store->addDilemma(d); });
}
bool OpenWorkshop::updateDilemma(const core::Dilemma& d, const char* label) {
    return run(done([&] { m_store->updateDilemma(d, label); }));
}
bool OpenWorkshop::deleteDilemma(Id id) {
    return run(done([&] { m_store->apply(core::planRemoveDilemma(m_data, id)); }));
}
Id OpenWorkshop::addQuestion(const core::Question& q) {
    return run([&] { return m_store->addQuestion(q); });
}
bool OpenWorkshop::updateQuestion(const core::Question& q) {
    return run(done([&] { m_store->updateQuestion(q); }));
}
bool OpenWorkshop::deleteQuestion(Id id) {
    return run(done([&] { m_store->deleteQuestion(id); }));
}
Id OpenWorkshop::addPractice(const core::Practice& p) {
    return run([&] { return m_store->addPractice(p); });
}
bool OpenWorkshop::updatePractice(const core::Practice& p) {
    return run(done([&] { m_store->updatePractice(p); }));
}
bool OpenWorkshop::deletePractice(Id id) {
    return run(done([&] { m_store->deletePractice(id); }));
}
Id OpenWorkshop::addContribution(const core::Contribution& c) {
    return run([&] { return m_store->addContribution(c); });
}
bool OpenWorkshop::updateContribution(const core::Contribution& c) {
    return run(done([&] { m_store->updateContribution(c); }));
}
bool OpenWorkshop::deleteContribution(Id id) {
    return run(done([&] { m_store->deleteContribution(id); }));
}
Id OpenWorkshop::addRing(const core::Ring& r) {
    return run([&] { return m_store->addRing(r); });
}
bool OpenWorkshop::updateRing(const core::Ring& r) {
    return run(done([&] { m_store->updateRing(r); }));
}
bool OpenWorkshop::deleteRing(Id id) {
    return run(done([&] { m_store->apply(core::planRemoveRing(m_data, id)); }));
}
bool OpenWorkshop::moveRing(Id ring, int index) {
    return run(done([&] { m_store->apply(core::planMoveRing(m_data, ring, index)); }));
}
std::optional<int> OpenWorkshop::addStatements(const std::vector<core::Statement>& statements,
                                               const char* label) {
    return run([&] {
        return std::optional<int>(static_cast<int>(m_store->addStatements(statements, label).size()));
    });
}
bool OpenWorkshop::deleteStatement(Id id) {
    return run(done([&] { m_store->apply(core::planRemoveStatement(m_data, id)); }));
}
bool OpenWorkshop::setRounds(const std::vector<core::RoundInfo>& rounds, std::uint64_t stretch) {
    m_store->setTypingStretch(stretch);
    const bool saved = run(done([&] { m_store->setRounds(rounds); }));
    m_store->setTypingStretch(0);
    return saved;
}
Id OpenWorkshop::addStatement(const core::Statement& s) {
    return run([&] { return m_store->addStatement(s); });
}
bool OpenWorkshop::updateStatement(const core::Statement& s) {
    return run(done([&] { m_store->updateStatement(s); }));
}
bool OpenWorkshop::setVote(const core::VoteTally& v, std::uint64_t stretch) {
    m_store->setTypingStretch(stretch);
    const bool saved = run(done([&] { m_store->setVote(v); }));
    m_store->setTypingStretch(0);
    return saved;
}
std::optional<Id> OpenWorkshop::switchRound(const core::RoundSwitch& change) {
    return run([&] { return std::optional<Id>(m_store->switchRound(change)); });
}
bool OpenWorkshop::updateRoundLog(const core::RoundLogEntry& entry, const char* label) {
    return run(done([&] { m_store->updateRoundLog(entry, label); }));
}
bool OpenWorkshop::mergeStatements(Id from, Id into) {
    return run(done([&] { m_store->mergeStatements(from, into); }));
}
bool OpenWorkshop::updatePhaseLog(const core::PhaseLogEntry& entry, const char* label) {
    return run(done([&] { m_store->updatePhaseLog(entry, label); }));
}
bool OpenWorkshop::moveSession(Id session, int index) {
    return run(done([&] { m_store->apply(core::planMoveSession(m_data, session, index)); }));
}
bool OpenWorkshop::moveDilemma(Id dilemma, Id session, int index) {
    return run(done([&] { m_store->apply(core::planMoveDilemma(m_data, dilemma, session, index)); }));
}
bool OpenWorkshop::joinDilemmas(const std::vector<Id>& ids) {
    return run(done([&] { m_store->apply(core::planJoin(m_data, ids)); }));
}
bool OpenWorkshop::splitDilemma(Id dilemma) {
    return run(done([&] { m_store->apply(core::planSplit(m_data, dilemma)); }));
}
std::optional<Id> OpenWorkshop::switchPhase(const core::PhaseSwitch& change) {
    return run([&] { return std::optional<Id>(m_store->switchPhase(change)); });
}
std::optional<int> OpenWorkshop::importCsv(const core::CsvImport& batch) {
    return run([&] { return std::optional<int>(m_store->importCsv(batch)); });
}

std::optional<ForgetChanges> OpenWorkshop::forgetPerson(const std::string& name) {
    if (readOnly()) {
        if (m_report) m_report(error(m_path.filename().string() + " is open read-only; nothing was forgotten"));
        return std::nullopt;
    }
    std::optional<ForgetChanges> changes;
    try {
        const auto report = m_store->forgetPerson(name);
        changes = ForgetChanges{report.people, report.fields, report.undoSteps, report.byTable};
    } catch (const std::exception& e) {
        if (m_report) m_report(error(e.what()));
    }
    // Rows of every table may have changed (or, after a failure, be as the file has them): the
    // snapshot is read again whole rather than patched.
    try {
        reloadAll();
    } catch (const std::exception& e) {
        ++m_revision;
        ++m_conferenceRevision;
        if (m_report) m_report(error(e.what()));
    }
    // The library's index is cleaned by the caller (Worker::forgetInWorkshop), which has it.
    return changes;
}

bool OpenWorkshop::canUndo() const {
    return m_store->canUndo();
}
bool OpenWorkshop::canRedo() const {
    return m_store->canRedo();
}
bool OpenWorkshop::undo() {
    if (readOnly()) return false;
    return run([&] { return m_store->undo(); });
}
bool OpenWorkshop::redo() {
    if (readOnly()) return false;
    return run([&] { return m_store->redo(); });
}

} // namespace plenary::session

namespace plenary::session {

namespace {
template <class T> const T* byId(const std::vector<T>& rows, core::Id id) {
    for (const auto& row : rows)
        if (row.id == id) return &row;
    return nullptr;
}
} // namespace

template <class T>
bool OpenWorkshop::typeInto(core::Id id, std::string T::*field, const std::string& text,
                            std::uint64_t stretch) {
    const T* current = nullptr;
    if constexpr (std::is_same_v<T, core::Workshop>)
        current = &m_data.workshop;
    else if constexpr (std::is_same_v<T, core::Dilemma>)
        current = m_agenda.dilemma(id);
    else if constexpr (std::is_same_v<T, core::Person>)
        current = m_agenda.person(id);
    else if constexpr (std::is_same_v<T, core::ThematicSession>)
        current = byId(m_data.sessions, id);
    else if constexpr (std::is_same_v<T, core::Contribution>)
        current = byId(m_data.contributions, id);
    else if constexpr (std::is_same_v<T, core::Ring>)
        current = byId(m_data.rings, id);
    else if constexpr (std::is_same_v<T, core::Statement>)
        current = byId(m_data.statements, id);
    else
        current = byId(m_data.practices, id);
    if (!current) {
        if (m_report) m_report(error("what was typed belongs to something no longer in the workshop"));
        return false;
    }
    if ((*current).*field == text) return true;
    T changed = *current;
    changed.*field = text;
    m_store->setTypingStretch(stretch);
    bool saved = false;
    if constexpr (std::is_same_v<T, core::Workshop>)
        saved = updateWorkshop(changed);
    else if constexpr (std::is_same_v<T, core::Dilemma>)
        saved = updateDilemma(changed);
    else if constexpr (std::is_same_v<T, core::Person>)
        saved = updatePerson(changed);
    else if constexpr (std::is_same_v<T, core::ThematicSession>)
        saved = updateSession(changed);
    else if constexpr (std::is_same_v<T, core::Contribution>)
        saved = updateContribution(changed);
    else if constexpr (std::is_same_v<T, core::Ring>)
        saved = updateRing(changed);
    else if constexpr (std::is_same_v<T, core::Statement>)
        saved = updateStatement(changed);
    else
        saved = updatePractice(changed);
    m_store->setTypingStretch(0);
    return saved;
}

template bool OpenWorkshop::typeInto(core::Id, std::string core::Workshop::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Dilemma::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Person::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::ThematicSession::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Contribution::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Practice::*, const std::string&,
                                     std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Ring::*, const std::string&, std::uint64_t);
template bool OpenWorkshop::typeInto(core::Id, std::string core::Statement::*, const std::string&,
                                     std::uint64_t);

} // namespace plenary::session

namespace plenary::session {

core::CaptureDraft OpenWorkshop::captureDraft() const {
    try {
        return m_store->captureDraft();
    } catch (const std::exception& e) {
        if (m_report) m_report(error(e.what()));
        return {};
    }
}

bool OpenWorkshop::saveCaptureDraft(const core::CaptureDraft& draft) {
    if (readOnly()) return true; // nothing to keep: nothing can be typed
    try {
        m_store->saveCaptureDraft(draft);
        return true;
    } catch (const std::exception& e) {
        if (m_report) m_report(error(e.what()));
        return false;
    }
}

} // namespace plenary::session

namespace plenary::session {

std::string OpenWorkshop::undoLabel() const {
    try {
        return m_store->canUndo() ? m_store->undoLabel() : std::string{};
    } catch (const std::exception&) {
        return {};
    }
}

std::string OpenWorkshop::redoLabel() const {
    try {
        return m_store->canRedo() ? m_store->redoLabel() : std::string{};
    } catch (const std::exception&) {
        return {};
    }
}

} // namespace plenary::session
