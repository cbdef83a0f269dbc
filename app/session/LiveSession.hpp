#pragma once

#include "core/Agenda.hpp"
#include "core/PhaseTimer.hpp"
#include "core/QuestionClassifier.hpp"
#include "core/Templates.hpp"
#include "session/Message.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace plenary::session {

class OpenWorkshop;

// The rules of a live Urban Academy session, without a screen: which dilemma and phase are
// running, the phase timer, and what a capture means in each phase. Every change is written to
// the workshop at once; the phase log in the file is the truth about where the session is, so an
// undo, a redo, a restart or a crash resume exactly there.
class LiveSession {
public:
    using Clock = std::function<double()>;          // monotonic seconds, for the timer
    using WallClock = std::function<std::string()>; // ISO 8601 UTC, for the phase log

    LiveSession(const core::QuestionClassifier& classifier, Reporter reporter);
    void setClocks(Clock monotonic, WallClock wall);

    // Follows a newly opened workshop (nullptr: none): resumes where its phase log says the
    // session was, or starts at the first dilemma.
    void attach(OpenWorkshop* workshop);
    // After a change to the file (an undo, a redo, a deleted dilemma): back to where it says.
    void follow(bool phaseLogChanged);

    core::Id dilemma() const { return m_dilemma; }
    const core::Dilemma* currentDilemma() const;
    std::vector<const core::Dilemma*> currentMembers() const; // a joint discussion: all its dilemmas
    int phaseIndex() const { return m_phase; }
    const core::Phase* currentPhase() const;
    core::CaptureKind captureKind() const;
    const std::vector<core::Phase>& phases() const;

    // Navigation. Phases are logged with their real start and end.
    void goToDilemma(core::Id dilemma);
    void nextPhase();     // past the last phase: the dilemma is done and the next one starts
    void previousPhase(); // before the first: the previous dilemma's last phase
    void goToPhase(int index);
    void nextDilemma();
    void previousDilemma();

    // The timer of the current phase.
    core::PhaseTimer& timer() { return m_timer; }
    const core::PhaseTimer& timer() const { return m_timer; }
    double now() const { return m_clock(); }
    void toggleTimer();
    void resetTimer();
    void addMinute();
    bool timerRunning() const { return m_workshop && m_timer.running(); }
    // How long until what the running timer shows changes (so a screen wakes on the second).
    double secondsToNextTick() const;

    // The capture line: text lands in the current phase. Returns false (and says why) when there
    // is nothing to capture or no dilemma is running.
    // `as`: what the text was typed as (a question typed during the open questions stays a question
    // when Enter comes after the phase moved on); by default, what the current phase captures.
    bool capture(const std::string& text, core::Id who, const core::CatalogPractice* fromCatalog = nullptr,
                 std::optional<core::CaptureKind> as = std::nullopt);
    core::Classification classify(const std::string& text) const;
    std::string rephraseHint() const;
    void toggleQuestionLabel(core::Id question);
    core::Id lastQuestion() const;
    // The current discussion's questions and practices, in order.
    std::vector<const core::Question*> questions() const;
    std::vector<const core::Practice*> practices() const;

    // The dilemma the text was written for; saves of one stretch of typing are one undo step.
    // False when it could not be saved (said why).
    bool setResult(const std::string& text, core::Id dilemma, std::uint64_t stretch = 0);
    // Ctrl+D: the draft below what the rapporteur wrote (never over it), one undo step "Draft result".
    void addDraftToResult();
    std::string draftResult() const;

private:
    void reset();
    void resync();
    // Ends the running phase, updates statuses and starts `phase` of `dilemma` (0: none) in one edit.
    void moveTo(core::Id dilemma, int phase, bool finishCurrent, const char* label);
    // False when it could not be saved (said why) or nothing is running.
    bool updateDilemma(const std::function<void(core::Dilemma&)>& change);
    // How long this phase of this discussion has already run, from the ended entries of the log.
    double loggedSeconds(core::Id dilemma, const std::string& phase) const;
    const core::PhaseLogEntry* openEntry() const;
    // Writes a change of the timer into the running phase's log entry (one edit).
    void recordTimer(const std::function<void(core::PhaseLogEntry&)>& change, const char* label);
    // Sets the timer from a log entry: what was on screen when it was written.
    void showTimer(const core::PhaseLogEntry& entry);
    bool writable() const;
    void say(Message message) const;

    const core::QuestionClassifier& m_classifier;
    Reporter m_report;
    OpenWorkshop* m_workshop = nullptr;
    Clock m_clock;
    WallClock m_wallClock;
    core::Id m_dilemma = 0;
    int m_phase = 0;
    core::Id m_logEntry = 0;
    bool m_moving = false; // our own move is being written: the file follows us, not we it
    core::PhaseTimer m_timer;
    struct TimerState {
        int planned = 0;
        int offset = 0;
        std::string pausedAt;
        bool operator==(const TimerState&) const = default;
    };
    TimerState m_timerState; // as last written or shown: an undo that changes it is followed
};

} // namespace plenary::session
