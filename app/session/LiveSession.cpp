#include "session/LiveSession.hpp"

#include "core/AgendaIndex.hpp"
#include "core/ResultDraft.hpp"
#include "core/Text.hpp"
#include "core/TimerLog.hpp"
#include "core/Time.hpp"
#include "session/OpenWorkshop.hpp"
#include "store/Clock.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace plenary::session {

using namespace plenary::core;

namespace {

std::string appendParagraph(const std::string& existing, const std::string& addition) {
    return existing.empty() ? addition : existing + "\n" + addition;
}

const std::vector<Phase> kNoPhases;

} // namespace

LiveSession::LiveSession(const QuestionClassifier& classifier, Reporter reporter)
    : m_classifier(classifier), m_report(std::move(reporter)), m_clock(core::monotonicSeconds),
      m_wallClock(store::utcNow) {}

void LiveSession::setClocks(Clock monotonic, WallClock wall) {
    m_clock = std::move(monotonic);
    m_wallClock = std::move(wall);
}

void LiveSession::say(Message message) const {
    if (m_report) m_report(std::move(message));
}

bool LiveSession::writable() const {
    return m_workshop && !m_workshop->readOnly();
}

const std::vector<Phase>& LiveSession::phases() const {
    return m_workshop ? m_workshop->data().phases : kNoPhases;
}

void LiveSession::attach(OpenWorkshop* workshop) {
    m_workshop = workshop;
    reset();
}

void LiveSession::reset() {
    m_dilemma = 0;
    m_phase = 0;
    m_logEntry = 0;
    m_timer = PhaseTimer(phases().empty() ? 0 : phases().front().seconds);
    if (m_workshop) resync();
}

void LiveSession::follow(bool phaseLogChanged) {
    if (!m_workshop || m_moving) return;
    // The running dilemma was deleted or undone away, or the log moved: follow the file.
    if (phaseLogChanged || (m_dilemma != 0 && !currentDilemma())) resync();
}

void LiveSession::resync() {
    const auto& data = m_workshop->data();
    if (data.workshop.format != Format::UrbanAcademy) return;
    const auto& agenda = m_workshop->agenda();
    // The phase-log entry that has not ended says where the session is.
    const PhaseLogEntry* open = nullptr;
    for (auto it = data.phaseLog.rbegin(); it != data.phaseLog.rend(); ++it)
        if (it->endedAt.empty()) {
            open = &*it; // the log is in id order: the newest open entry is the last one
            break;
        }
    if (open && agenda.leadOf(open->dilemma) != 0) {
        const Id lead = agenda.leadOf(open->dilemma);
        int phase = 0;
        for (std::size_t i = 0; i < phases().size(); ++i)
            if (phases()[i].key == open->phase) phase = static_cast<int>(i);
        const bool moved = lead != m_dilemma || phase != m_phase || m_logEntry != open->id;
        const TimerState state{open->plannedSeconds, open->clockOffset, open->pausedAt};
        m_dilemma = lead;
        m_phase = phase;
        m_logEntry = open->id;
        // The clock goes on from when the phase really started, with its pauses, a reset and the
        // minutes added — also when an undo or redo changed them.
        if (moved || state != m_timerState) showTimer(*open);
        return;
    }
    m_logEntry = 0;
    if (!currentDilemma()) {
        m_dilemma = agenda.step(0, +1);
        m_phase = 0;
        m_timer = PhaseTimer(phases().empty() ? 0 : phases().front().seconds);
    }
}

const Dilemma* LiveSession::currentDilemma() const {
    return m_workshop ? m_workshop->agenda().dilemma(m_dilemma) : nullptr;
}

std::vector<const Dilemma*> LiveSession::currentMembers() const {
    return m_workshop ? m_workshop->agenda().membersOf(m_dilemma) : std::vector<const Dilemma*>{};
}

const Phase* LiveSession::currentPhase() const {
    const auto& list = phases();
    if (m_phase < 0 || m_phase >= static_cast<int>(list.size())) return nullptr;
    return &list[static_cast<std::size_t>(m_phase)];
}

CaptureKind LiveSession::captureKind() const {
    const auto* phase = currentPhase();
    return phase ? captureFor(phase->key) : CaptureKind::Context;
}

bool LiveSession::updateDilemma(const std::function<void(Dilemma&)>& change) {
    const auto* current = currentDilemma();
    if (!current || !writable()) return false;
    Dilemma copy = *current;
    change(copy);
    if (copy == *current) return true;
    return m_workshop->updateDilemma(copy);
}

void LiveSession::moveTo(Id dilemma, int phase, bool finishCurrent, const char* label) {
    if (!m_workshop) return;
    const auto& agenda = m_workshop->agenda();
    const Id target = dilemma == 0 ? 0 : agenda.leadOf(dilemma);
    if (dilemma != 0 && (target == 0 || phases().empty())) return;
    phase = phases().empty() ? 0 : std::clamp(phase, 0, static_cast<int>(phases().size()) - 1);

    // Everything one step of the session changes, as one edit and so one undo step.
    PhaseSwitch change;
    change.label = label;
    change.endEntry = m_logEntry;
    change.endedAt = m_wallClock();
    auto setStatus = [&](const Dilemma* d, DilemmaStatus status) {
        if (d->status == status) return;
        Dilemma changed = *d;
        changed.status = status;
        change.dilemmas.push_back(changed);
    };
    if (m_dilemma != 0 && m_dilemma != target)
        for (const auto* d : currentMembers()) {
            if (finishCurrent)
                setStatus(d, DilemmaStatus::Done);
            else if (d->status == DilemmaStatus::Active)
                setStatus(d, DilemmaStatus::Pending);
        }
    std::optional<Phase> next;
    if (target != 0) {
        // A finished discussion opened again stays finished: going back never loses its status.
        for (const auto* d : agenda.membersOf(target))
            if (d->status == DilemmaStatus::Pending || d->status == DilemmaStatus::Skipped)
                setStatus(d, DilemmaStatus::Active);
        next = phases()[static_cast<std::size_t>(phase)];
        PhaseLogEntry entry;
        entry.dilemma = target;
        entry.phase = next->key;
        entry.startedAt = change.endedAt;
        entry.plannedSeconds = next->seconds;
        // A phase entered again goes on from the time it already ran.
        entry.clockOffset = -static_cast<int>(loggedSeconds(target, next->key));
        change.start = entry;
    }

    Id started = 0;
    if (writable()) {
        m_moving = true;
        const auto written = m_workshop->switchPhase(change);
        m_moving = false;
        if (!written) return;
        started = *written;
    }
    m_dilemma = target;
    m_phase = phase;
    m_logEntry = started;
    if (next) {
        // Entering a phase starts its clock: one keystroke moves the room on. A phase entered
        // again goes on from the time it already ran (overrun included), as the log says.
        m_timer = PhaseTimer(next->seconds);
        m_timer.start(m_clock() - loggedSeconds(target, next->key));
        m_timerState = {next->seconds, change.start->clockOffset, ""};
    } else {
        m_timer.pause(m_clock());
    }
}

double LiveSession::loggedSeconds(Id dilemma, const std::string& phase) const {
    // The newest ended entry of this phase already carries the time of the ones before it.
    for (auto it = m_workshop->data().phaseLog.rbegin(); it != m_workshop->data().phaseLog.rend(); ++it)
        if (it->dilemma == dilemma && it->phase == phase && !it->endedAt.empty())
            return std::max(0.0, timerElapsed(*it, it->endedAt));
    return 0.0;
}

const PhaseLogEntry* LiveSession::openEntry() const {
    if (!m_workshop || m_logEntry == 0) return nullptr;
    const auto& log = m_workshop->data().phaseLog;
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->id == m_logEntry) return &*it;
    return nullptr;
}

void LiveSession::recordTimer(const std::function<void(PhaseLogEntry&)>& change, const char* label) {
    if (!writable()) return;
    const auto* entry = openEntry();
    if (!entry) return;
    PhaseLogEntry changed = *entry;
    change(changed);
    m_moving = true; // our own change: the screen already shows it
    m_workshop->updatePhaseLog(changed, label);
    m_moving = false;
    m_timerState = {changed.plannedSeconds, changed.clockOffset, changed.pausedAt};
}

void LiveSession::showTimer(const PhaseLogEntry& entry) {
    m_timer = PhaseTimer(entry.plannedSeconds);
    const double elapsed = std::max(0.0, timerElapsed(entry, m_wallClock()));
    m_timer.start(m_clock() - elapsed);
    if (!entry.pausedAt.empty()) m_timer.pause(m_clock());
    m_timerState = {entry.plannedSeconds, entry.clockOffset, entry.pausedAt};
}

void LiveSession::goToDilemma(Id dilemma) {
    if (!m_workshop || m_workshop->agenda().leadOf(dilemma) == 0) return;
    moveTo(dilemma, 0, false, "Start dilemma");
}

void LiveSession::goToPhase(int index) {
    if (m_dilemma == 0) return;
    moveTo(m_dilemma, index, false, "Change phase");
}

void LiveSession::nextPhase() {
    if (m_dilemma == 0) return;
    if (m_phase + 1 < static_cast<int>(phases().size())) {
        moveTo(m_dilemma, m_phase + 1, false, "Next phase");
        return;
    }
    const Id next = m_workshop->agenda().step(m_dilemma, +1);
    const Id finished = m_dilemma;
    moveTo(next, 0, true, "Finish dilemma");
    if (next == 0) {
        // Stay on the finished discussion, so its result stays on screen.
        m_dilemma = finished;
        m_phase = static_cast<int>(phases().size()) - 1;
        say(info("That was the last dilemma of the module."));
    }
}

void LiveSession::previousPhase() {
    if (m_dilemma == 0) return;
    if (m_phase > 0) {
        moveTo(m_dilemma, m_phase - 1, false, "Previous phase");
        return;
    }
    const Id previous = m_workshop->agenda().step(m_dilemma, -1);
    if (previous != 0) moveTo(previous, static_cast<int>(phases().size()) - 1, false, "Previous dilemma");
}

void LiveSession::nextDilemma() {
    if (!m_workshop) return;
    if (const Id next = m_workshop->agenda().step(m_dilemma, +1); next != 0) goToDilemma(next);
}

void LiveSession::previousDilemma() {
    if (!m_workshop) return;
    if (const Id previous = m_workshop->agenda().step(m_dilemma, -1); previous != 0) goToDilemma(previous);
}

// The timer's changes are written to the running phase's log entry, so a restart shows them.
void LiveSession::toggleTimer() {
    if (m_dilemma == 0) return; // no timer nobody can see
    // The first dilemma is on screen before anything is logged: starting its clock starts its
    // phase in the log, so the report knows how long it took.
    if (m_logEntry == 0 && !m_timer.running() && writable()) {
        moveTo(m_dilemma, m_phase, false, "Start dilemma");
        return;
    }
    const bool pausing = m_timer.running();
    m_timer.toggle(m_clock());
    const std::string now = m_wallClock();
    recordTimer([&](PhaseLogEntry& e) { logPauseOrResume(e, pausing, now); }, pausing ? "Pause timer" : "Start timer");
}
void LiveSession::resetTimer() {
    m_timer.reset();
    const auto* phase = currentPhase();
    if (phase) m_timer.setDuration(phase->seconds);
    const std::string now = m_wallClock();
    recordTimer(
        [&](PhaseLogEntry& e) {
            logReset(e, now);
            if (phase) e.plannedSeconds = phase->seconds;
        },
        "Reset timer");
}
void LiveSession::addMinute() {
    m_timer.addSeconds(60);
    recordTimer([](PhaseLogEntry& e) { e.plannedSeconds += 60; }, "One more minute");
}

double LiveSession::secondsToNextTick() const {
    return m_timer.secondsToNextTick(now());
}

Classification LiveSession::classify(const std::string& text) const {
    return m_classifier.classify(text, m_workshop ? m_workshop->data().workshop.language : "en");
}

std::string LiveSession::rephraseHint() const {
    const auto* rules = m_classifier.rules(m_workshop ? m_workshop->data().workshop.language : "en");
    return rules && !rules->hint.empty() ? rules->hint : "Try: How…? What…? Why…?";
}

bool LiveSession::capture(const std::string& raw, Id who, const CatalogPractice* fromCatalog,
                          std::optional<CaptureKind> as) {
    const std::string text = trim(raw);
    if (text.empty() && !fromCatalog) return false;
    if (!m_workshop || m_dilemma == 0) {
        say(warning("No dilemma is running: pick one in the agenda first."));
        return false;
    }
    switch (as.value_or(captureKind())) {
    case CaptureKind::Question: {
        Question q;
        q.dilemma = m_dilemma;
        q.text = text;
        q.asker = who;
        q.open = classify(text).open;
        return m_workshop->addQuestion(q) != 0;
    }
    case CaptureKind::Practice: {
        Practice p;
        p.dilemma = m_dilemma;
        p.suggestedBy = who;
        if (fromCatalog) {
            p.title = fromCatalog->title;
            p.description = fromCatalog->summary;
            p.city = fromCatalog->city;
            p.country = fromCatalog->country;
            p.link = fromCatalog->link;
            p.catalog = fromCatalog->id;
        } else {
            p.title = text;
        }
        return m_workshop->addPractice(p) != 0;
    }
    case CaptureKind::Reflection:
        return updateDilemma([&](Dilemma& d) { d.reflection = appendParagraph(d.reflection, text); });
    case CaptureKind::Result:
        return updateDilemma([&](Dilemma& d) { d.result = appendParagraph(d.result, text); });
    case CaptureKind::Context:
        return updateDilemma([&](Dilemma& d) { d.information = appendParagraph(d.information, text); });
    }
    return false;
}

void LiveSession::toggleQuestionLabel(Id question) {
    if (!writable()) return;
    for (const auto* member : currentMembers())
        for (const auto* q : m_workshop->questionsOf(member->id)) {
            if (q->id != question) continue;
            Question changed = *q;
            changed.open = !q->open;
            // Back to the classifier's own label means it is no longer overridden.
            changed.overridden = changed.open != classify(q->text).open;
            m_workshop->updateQuestion(changed);
            return; // the snapshot changed: stop iterating it
        }
}

Id LiveSession::lastQuestion() const {
    Id last = 0;
    for (const auto* q : questions())
        last = std::max(last, q->id);
    return last;
}

std::vector<const Question*> LiveSession::questions() const {
    std::vector<const Question*> list;
    if (!m_workshop) return list;
    for (const auto* member : currentMembers())
        for (const auto* q : m_workshop->questionsOf(member->id))
            list.push_back(q);
    return list;
}

std::vector<const Practice*> LiveSession::practices() const {
    std::vector<const Practice*> list;
    if (!m_workshop) return list;
    for (const auto* member : currentMembers())
        for (const auto* p : m_workshop->practicesOf(member->id))
            list.push_back(p);
    return list;
}

bool LiveSession::setResult(const std::string& text, Id dilemma, std::uint64_t stretch) {
    if (!writable()) return true; // nothing to keep: nothing can be typed
    return m_workshop->typeInto(dilemma, &Dilemma::result, text, stretch);
}

void LiveSession::addDraftToResult() {
    if (!writable()) return;
    const auto* d = currentDilemma();
    if (!d) return;
    Dilemma changed = *d;
    changed.result = core::withDraft(d->result, draftResult());
    if (changed.result != d->result) m_workshop->updateDilemma(changed, "Draft result");
}

std::string LiveSession::draftResult() const {
    return m_workshop ? core::draftResult(m_workshop->data(), m_dilemma) : std::string{};
}

} // namespace plenary::session
