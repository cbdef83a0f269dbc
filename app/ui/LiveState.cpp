#include "ui/LiveState.hpp"

#include "core/ResultDraft.hpp"
#include "core/Text.hpp"
#include "core/Time.hpp"
#include "store/Clock.hpp"
#include "ui/AppState.hpp"

#include <chrono>
#include <optional>
#include <utility>

namespace plenary::ui {

using namespace plenary::core;

namespace {

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string appendParagraph(const std::string& existing, const std::string& addition) {
    return existing.empty() ? addition : existing + "\n" + addition;
}

} // namespace

LiveState::LiveState(AppState& app) : m_app(app), m_clock(steadySeconds), m_wallClock(store::utcNow) {}

void LiveState::setClocks(Clock monotonic, WallClock wall) {
    m_clock = std::move(monotonic);
    m_wallClock = std::move(wall);
}

const std::vector<Phase>& LiveState::phases() const {
    return m_app.snapshot().phases;
}

void LiveState::reset() {
    m_dilemma = 0;
    m_phase = 0;
    m_logEntry = 0;
    m_timer = PhaseTimer(phases().empty() ? 0 : phases().front().seconds);
    resync();
}

void LiveState::resync() {
    const auto& data = m_app.snapshot();
    if (data.workshop.format != Format::UrbanAcademy) return;
    // The phase-log entry that has not ended says where the session is: after an undo, a redo,
    // a restart or a crash, the live view picks up exactly there.
    const PhaseLogEntry* open = nullptr;
    for (const auto& entry : data.phaseLog)
        if (entry.endedAt.empty() && (!open || entry.id > open->id)) open = &entry;
    if (open && leadOf(data, open->dilemma) != 0) {
        const Id lead = leadOf(data, open->dilemma);
        int phase = 0;
        for (std::size_t i = 0; i < phases().size(); ++i)
            if (phases()[i].key == open->phase) phase = static_cast<int>(i);
        const bool moved = lead != m_dilemma || phase != m_phase || m_logEntry != open->id;
        m_dilemma = lead;
        m_phase = phase;
        m_logEntry = open->id;
        if (moved) {
            m_timer = PhaseTimer(currentPhase() ? currentPhase()->seconds : 0);
            // The clock goes on from when the phase really started.
            const auto started = parseUtc(open->startedAt);
            const auto now = parseUtc(m_wallClock());
            const double elapsed =
                started && now && *now >= *started ? static_cast<double>(*now - *started) : 0.0;
            m_timer.start(m_clock() - elapsed);
        }
        return;
    }
    m_logEntry = 0;
    if (!currentDilemma()) {
        m_dilemma = core::nextDilemma(data, 0);
        m_phase = 0;
        m_timer = PhaseTimer(phases().empty() ? 0 : phases().front().seconds);
    }
}

void LiveState::afterReload() {
    // The running dilemma was deleted or undone away: follow the file.
    if (m_dilemma != 0 && !currentDilemma()) resync();
}

const Dilemma* LiveState::currentDilemma() const {
    for (const auto& d : m_app.snapshot().dilemmas)
        if (d.id == m_dilemma) return &d;
    return nullptr;
}

std::vector<const Dilemma*> LiveState::currentMembers() const {
    return jointMembers(m_app.snapshot(), m_dilemma);
}

const Phase* LiveState::currentPhase() const {
    const auto& list = phases();
    if (m_phase < 0 || m_phase >= static_cast<int>(list.size())) return nullptr;
    return &list[static_cast<std::size_t>(m_phase)];
}

CaptureKind LiveState::captureKind() const {
    const auto* phase = currentPhase();
    return phase ? captureFor(phase->key) : CaptureKind::Context;
}

void LiveState::updateDilemma(const std::function<void(Dilemma&)>& change) {
    const auto* current = currentDilemma();
    if (!current || !m_app.session() || m_app.session()->readOnly()) return;
    Dilemma copy = *current;
    change(copy);
    if (copy == *current) return;
    m_app.edit([&](store::SessionStore& s) { s.updateDilemma(copy); });
}

void LiveState::moveTo(Id dilemma, int phase, bool finishCurrent, const char* label) {
    const auto& data = m_app.snapshot();
    const Id target = dilemma == 0 ? 0 : leadOf(data, dilemma);
    if (dilemma != 0 && (target == 0 || phases().empty())) return;
    phase = phases().empty() ? 0 : std::clamp(phase, 0, static_cast<int>(phases().size()) - 1);

    // Everything one step of the session changes, as one edit and so one undo step.
    store::SessionStore::PhaseSwitch change;
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
        for (const auto* d : jointMembers(data, target))
            if (d->status != DilemmaStatus::Active) setStatus(d, DilemmaStatus::Active);
        next = phases()[static_cast<std::size_t>(phase)];
        PhaseLogEntry entry;
        entry.dilemma = target;
        entry.phase = next->key;
        entry.startedAt = change.endedAt;
        entry.plannedSeconds = next->seconds;
        change.start = entry;
    }

    Id started = 0;
    if (m_app.session() && !m_app.session()->readOnly())
        if (!m_app.edit([&](store::SessionStore& s) { started = s.switchPhase(change); })) return;
    m_dilemma = target;
    m_phase = phase;
    m_logEntry = started;
    if (next) {
        // Entering a phase starts its clock: one keystroke moves the room on.
        m_timer = PhaseTimer(next->seconds);
        m_timer.start(m_clock());
    } else {
        m_timer.pause(m_clock());
    }
}

void LiveState::goToDilemma(Id dilemma) {
    if (leadOf(m_app.snapshot(), dilemma) == 0) return;
    moveTo(dilemma, 0, false, "Start dilemma");
}

void LiveState::goToPhase(int index) {
    if (m_dilemma == 0) return;
    moveTo(m_dilemma, index, false, "Change phase");
}

void LiveState::nextPhase() {
    if (m_dilemma == 0) return;
    if (m_phase + 1 < static_cast<int>(phases().size())) {
        moveTo(m_dilemma, m_phase + 1, false, "Next phase");
        return;
    }
    const Id next = core::nextDilemma(m_app.snapshot(), m_dilemma);
    const Id finished = m_dilemma;
    moveTo(next, 0, true, "Finish dilemma");
    if (next == 0) {
        // Stay on the finished discussion, so its result stays on screen.
        m_dilemma = finished;
        m_phase = static_cast<int>(phases().size()) - 1;
        m_app.setMessage("That was the last dilemma of the module.");
    }
}

void LiveState::previousPhase() {
    if (m_dilemma == 0) return;
    if (m_phase > 0) {
        moveTo(m_dilemma, m_phase - 1, false, "Previous phase");
        return;
    }
    const Id previous = core::previousDilemma(m_app.snapshot(), m_dilemma);
    if (previous != 0) moveTo(previous, static_cast<int>(phases().size()) - 1, false, "Previous dilemma");
}

void LiveState::nextDilemma() {
    const Id next = core::nextDilemma(m_app.snapshot(), m_dilemma);
    if (next != 0) goToDilemma(next);
}

void LiveState::previousDilemma() {
    const Id previous = core::previousDilemma(m_app.snapshot(), m_dilemma);
    if (previous != 0) goToDilemma(previous);
}

void LiveState::toggleTimer() {
    if (m_dilemma != 0) m_timer.toggle(m_clock()); // no timer nobody can see
}
void LiveState::resetTimer() {
    m_timer.reset();
    if (const auto* phase = currentPhase()) m_timer.setDuration(phase->seconds);
}
void LiveState::addMinute() {
    m_timer.addSeconds(60);
}

Classification LiveState::classify(const std::string& text) const {
    return m_app.classifier().classify(text, m_app.snapshot().workshop.language);
}

std::string LiveState::rephraseHint() const {
    const auto* rules = m_app.classifier().rules(m_app.snapshot().workshop.language);
    return rules && !rules->hint.empty() ? rules->hint : "Try: How…? What…? Why…?";
}

bool LiveState::capture(const std::string& raw, Id who, const CatalogPractice* fromCatalog) {
    const std::string text = trim(raw);
    if (text.empty() && !fromCatalog) return false;
    if (m_dilemma == 0) {
        m_app.setMessage("No dilemma is running: pick one in the agenda first.");
        return false;
    }
    switch (captureKind()) {
    case CaptureKind::Question: {
        Question q;
        q.dilemma = m_dilemma;
        q.text = text;
        q.asker = who;
        q.open = classify(text).open;
        return m_app.edit([&](store::SessionStore& s) { s.addQuestion(q); });
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
        return m_app.edit([&](store::SessionStore& s) { s.addPractice(p); });
    }
    case CaptureKind::Reflection:
        updateDilemma([&](Dilemma& d) { d.reflection = appendParagraph(d.reflection, text); });
        return true;
    case CaptureKind::Result:
        updateDilemma([&](Dilemma& d) { d.result = appendParagraph(d.result, text); });
        return true;
    case CaptureKind::Context:
        updateDilemma([&](Dilemma& d) { d.information = appendParagraph(d.information, text); });
        return true;
    }
    return false;
}

void LiveState::toggleQuestionLabel(Id question) {
    for (const auto& q : m_app.snapshot().questions) {
        if (q.id != question) continue;
        Question changed = q;
        changed.open = !q.open;
        // Back to the classifier's own label means it is no longer overridden.
        changed.overridden = changed.open != classify(q.text).open;
        m_app.edit([&](store::SessionStore& s) { s.updateQuestion(changed); });
        return; // the snapshot was replaced: stop iterating it
    }
}

Id LiveState::lastQuestion() const {
    Id last = 0;
    for (const auto* member : currentMembers())
        for (const auto& q : m_app.snapshot().questions)
            if (q.dilemma == member->id && q.id > last) last = q.id;
    return last;
}

void LiveState::setResult(const std::string& text, Id dilemma) {
    if (!m_app.session() || m_app.session()->readOnly()) return;
    for (const auto& d : m_app.snapshot().dilemmas) {
        if (d.id != dilemma || d.result == text) continue;
        Dilemma changed = d;
        changed.result = text;
        m_app.edit([&](store::SessionStore& s) { s.updateDilemma(changed); });
        return; // the snapshot was replaced
    }
}

std::string LiveState::draftResult() const {
    return core::draftResult(m_app.snapshot(), m_dilemma);
}

} // namespace plenary::ui
