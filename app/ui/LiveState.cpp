#include "ui/LiveState.hpp"

#include "core/ResultDraft.hpp"
#include "store/UndoLog.hpp"
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

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
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

const std::vector<Phase>& LiveState::phases() const { return m_app.snapshot().phases; }

void LiveState::reset() {
    m_dilemma = 0;
    m_phase = 0;
    m_logEntry = 0;
    m_timer = PhaseTimer(phases().empty() ? 0 : phases().front().seconds);
    const auto& data = m_app.snapshot();
    if (data.workshop.format != Format::UrbanAcademy) return;
    for (const auto& d : data.dilemmas)
        if (d.status == DilemmaStatus::Active) m_dilemma = leadOf(data, d.id);
    if (m_dilemma == 0) m_dilemma = core::nextDilemma(data, 0);
    if (!phases().empty()) m_timer = PhaseTimer(phases().front().seconds);
}

const Dilemma* LiveState::currentDilemma() const {
    for (const auto& d : m_app.snapshot().dilemmas)
        if (d.id == m_dilemma) return &d;
    return nullptr;
}

std::vector<const Dilemma*> LiveState::currentMembers() const { return jointMembers(m_app.snapshot(), m_dilemma); }

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

void LiveState::leavePhase() {
    const Id logEntry = std::exchange(m_logEntry, 0);
    if (logEntry == 0 || !m_app.session() || m_app.session()->readOnly()) return;
    std::optional<PhaseLogEntry> ended; // copied: the edit replaces the snapshot
    for (const auto& entry : m_app.snapshot().phaseLog)
        if (entry.id == logEntry) ended = entry;
    if (!ended) return; // undone meanwhile
    ended->endedAt = m_wallClock();
    m_app.edit([&](store::SessionStore& s) { s.updatePhaseLog(*ended); });
}

void LiveState::enterPhase(int index) {
    const auto& list = phases();
    if (list.empty() || m_dilemma == 0) return;
    m_phase = std::clamp(index, 0, static_cast<int>(list.size()) - 1);
    const Phase phase = list[static_cast<std::size_t>(m_phase)]; // a copy: edits replace the snapshot
    m_timer = PhaseTimer(phase.seconds);
    // Entering a phase starts its clock: one keystroke moves the room on.
    m_timer.start(m_clock());
    updateDilemma([](Dilemma& d) { d.status = DilemmaStatus::Active; });
    if (!m_app.session() || m_app.session()->readOnly()) return;
    PhaseLogEntry entry;
    entry.dilemma = m_dilemma;
    entry.phase = phase.key;
    entry.startedAt = m_wallClock();
    entry.plannedSeconds = phase.seconds;
    m_app.edit([&](store::SessionStore& s) { m_logEntry = s.addPhaseLog(entry); });
}

void LiveState::goToDilemma(Id dilemma) {
    const Id lead = leadOf(m_app.snapshot(), dilemma);
    if (lead == 0) return;
    leavePhase();
    m_dilemma = lead;
    enterPhase(0);
}

void LiveState::goToPhase(int index) {
    if (m_dilemma == 0) return;
    leavePhase();
    enterPhase(index);
}

void LiveState::nextPhase() {
    if (m_dilemma == 0) return;
    if (m_phase + 1 < static_cast<int>(phases().size())) {
        goToPhase(m_phase + 1);
        return;
    }
    leavePhase();
    std::vector<Dilemma> members;
    for (const auto* member : currentMembers()) members.push_back(*member);
    for (auto& done : members) {
        if (done.status == DilemmaStatus::Done) continue;
        done.status = DilemmaStatus::Done;
        m_app.edit([&](store::SessionStore& s) { s.updateDilemma(done); });
    }
    const Id next = core::nextDilemma(m_app.snapshot(), m_dilemma);
    if (next == 0) {
        m_timer.pause(m_clock());
        m_app.setMessage("That was the last dilemma of the module.");
        return;
    }
    m_dilemma = next;
    enterPhase(0);
}

void LiveState::previousPhase() {
    if (m_dilemma == 0) return;
    if (m_phase > 0) {
        goToPhase(m_phase - 1);
        return;
    }
    const Id previous = core::previousDilemma(m_app.snapshot(), m_dilemma);
    if (previous == 0) return;
    leavePhase();
    m_dilemma = previous;
    enterPhase(static_cast<int>(phases().size()) - 1);
}

void LiveState::nextDilemma() {
    const Id next = core::nextDilemma(m_app.snapshot(), m_dilemma);
    if (next != 0) goToDilemma(next);
}

void LiveState::previousDilemma() {
    const Id previous = core::previousDilemma(m_app.snapshot(), m_dilemma);
    if (previous != 0) goToDilemma(previous);
}

void LiveState::toggleTimer() { m_timer.toggle(m_clock()); }
void LiveState::resetTimer() {
    m_timer.reset();
    if (const auto* phase = currentPhase()) m_timer.setDuration(phase->seconds);
}
void LiveState::addMinute() { m_timer.addSeconds(60); }

Classification LiveState::classify(const std::string& text) const {
    return m_app.classifier().classify(text, m_app.snapshot().workshop.language);
}

std::string LiveState::rephraseHint() const {
    const auto* rules = m_app.classifier().rules(m_app.snapshot().workshop.language);
    return rules && !rules->hint.empty() ? rules->hint : "Try: How…? What…? Why…?";
}

bool LiveState::capture(const std::string& raw, Id who, const CatalogPractice* fromCatalog) {
    const std::string text = trimmed(raw);
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

void LiveState::setResult(const std::string& text) {
    updateDilemma([&](Dilemma& d) { d.result = text; });
}

std::string LiveState::draftResult() const { return core::draftResult(m_app.snapshot(), m_dilemma); }

} // namespace plenary::ui
