#pragma once

#include "core/Agenda.hpp"
#include "core/PhaseTimer.hpp"
#include "core/QuestionClassifier.hpp"
#include "core/Templates.hpp"

#include <functional>
#include <string>

namespace plenary::ui {

class AppState;

// The data side of a live Urban Academy session (Tracy's Worker): which dilemma and phase are
// running, the phase timer, and what a capture means in each phase. Every change goes through the
// store at once; the view only draws this and calls it.
class LiveState {
public:
    using Clock = std::function<double()>;          // monotonic seconds, for the timer
    using WallClock = std::function<std::string()>; // ISO 8601 UTC, for the phase log

    explicit LiveState(AppState& app);
    void setClocks(Clock monotonic, WallClock wall);

    // Called when a session is opened: resumes where the phase log says the session was, or
    // starts at the first dilemma.
    void reset();
    // After undo or redo: back to where the file says the session is.
    void resync();
    // After any reload: if the running dilemma is gone, follow the file.
    void afterReload();

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

    // The capture line: text lands in the current phase. Returns false (and says why in the app
    // message) when there is nothing to capture or no dilemma is running.
    bool capture(const std::string& text, core::Id who, const core::CatalogPractice* fromCatalog = nullptr);
    core::Classification classify(const std::string& text) const;
    std::string rephraseHint() const;
    void toggleQuestionLabel(core::Id question);
    core::Id lastQuestion() const;

    void setResult(const std::string& text, core::Id dilemma); // the dilemma the text was written for
    std::string draftResult() const;

private:
    // Ends the running phase, updates statuses and starts `phase` of `dilemma` (0: none) in one edit.
    void moveTo(core::Id dilemma, int phase, bool finishCurrent, const char* label);
    void updateDilemma(const std::function<void(core::Dilemma&)>& change);

    AppState& m_app;
    Clock m_clock;
    WallClock m_wallClock;
    core::Id m_dilemma = 0;
    int m_phase = 0;
    core::Id m_logEntry = 0;
    core::PhaseTimer m_timer;
};

} // namespace plenary::ui
