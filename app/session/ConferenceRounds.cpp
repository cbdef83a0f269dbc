// Where a conference is, in the file: each round's start and end and its timer in the round log
// (core::RoundLogEntry), written as the facilitator moves on and followed on undo and restart.
#include "session/Conference.hpp"

#include "core/Time.hpp"
#include "core/TimerLog.hpp"
#include "session/OpenWorkshop.hpp"

#include <algorithm>
#include <cmath>

namespace plenary::session {

using core::Id;
using core::RoundLogEntry;

void Conference::attach(OpenWorkshop* workshop) {
    m_workshop = workshop;
    m_cache = {};
    m_round = 1;
    m_ring = 0;
    m_rounds.clear();
    m_logEntry = 0;
    m_timer = core::PhaseTimer();
    m_timerState = {};
    if (!active()) return;
    resync();
    if (const RoundLogEntry* open = openEntry()) {
        m_round = std::clamp(open->round, 1, static_cast<int>(m_rounds.size()));
        m_logEntry = open->id;
        showTimer(*open);
        return;
    }
    // A conference that never ran here: where the tallies say it was, its clock not started.
    int latest = 1;
    for (const auto& v : m_workshop->data().votes)
        if (v.count > 0) latest = std::max(latest, v.round);
    m_round = std::min(latest, static_cast<int>(m_rounds.size()));
    const auto* info = currentRound();
    m_timer = core::PhaseTimer(info ? info->seconds : 0);
    m_timer.start(m_clock() - loggedSeconds(m_round));
    m_timer.pause(m_clock());
}

void Conference::follow() {
    if (!active()) return;
    resync();
    if (m_moving) return;
    const RoundLogEntry* open = openEntry();
    if (!open) {
        if (m_logEntry == 0) return;
        // The round's start was undone: the round and its clock are back where they were before,
        // as a restart would show them.
        m_logEntry = 0;
        const core::Id ring = m_ring;
        attach(m_workshop);
        goToRing(ring);
        return;
    }
    const TimerState state{open->round, open->plannedSeconds, open->clockOffset, open->pausedAt};
    if (open->id == m_logEntry && state == m_timerState) return;
    m_round = std::clamp(open->round, 1, static_cast<int>(m_rounds.size()));
    m_logEntry = open->id;
    showTimer(*open);
}

const RoundLogEntry* Conference::openEntry() const {
    if (!m_workshop) return nullptr;
    const auto& log = m_workshop->data().roundLog;
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->endedAt.empty()) return &*it;
    return nullptr;
}

double Conference::loggedSeconds(int round) const {
    // The newest ended entry of the round already carries the time of the ones before it.
    const auto& log = m_workshop->data().roundLog;
    for (auto it = log.rbegin(); it != log.rend(); ++it)
        if (it->round == round && !it->endedAt.empty()) return std::max(0.0, core::timerElapsed(*it, it->endedAt));
    return 0.0;
}

void Conference::showTimer(const RoundLogEntry& entry) {
    m_timer = core::PhaseTimer(entry.plannedSeconds);
    const double elapsed = std::max(0.0, core::timerElapsed(entry, m_wallClock()));
    m_timer.start(m_clock() - elapsed);
    if (!entry.pausedAt.empty()) m_timer.pause(m_clock());
    m_timerState = {entry.round, entry.plannedSeconds, entry.clockOffset, entry.pausedAt};
}

void Conference::goToRound(int round) {
    if (!active()) return;
    resync();
    round = std::clamp(round, 1, static_cast<int>(m_rounds.size()));
    if (round == m_round && m_logEntry != 0) return; // the running round never restarts its clock
    const core::RoundInfo* info = roundInfo(round);
    moveTo(round, "Round " + std::to_string(round) + (info ? ": " + info->name : std::string{}));
}

void Conference::moveTo(int round, const std::string& label) {
    const core::RoundInfo* info = roundInfo(round);
    const int seconds = info ? info->seconds : 0;
    const double logged = loggedSeconds(round);
    core::RoundSwitch change;
    change.label = label;
    change.endedAt = m_wallClock();
    change.endEntry = m_logEntry;
    RoundLogEntry entry;
    entry.round = round;
    entry.startedAt = change.endedAt;
    entry.plannedSeconds = seconds;
    entry.clockOffset = -static_cast<int>(logged); // a round entered again goes on from its time
    change.start = entry;
    Id started = 0;
    if (!m_workshop->readOnly()) {
        m_moving = true;
        const auto written = m_workshop->switchRound(change);
        m_moving = false;
        if (!written) return;
        started = *written;
    }
    // A read-only file still moves on screen (a rehearsal); nothing is written.
    m_round = round;
    m_logEntry = started;
    m_timer = core::PhaseTimer(seconds);
    m_timer.start(m_clock() - logged);
    m_timerState = {round, seconds, entry.clockOffset, ""};
}

void Conference::recordTimer(const std::function<void(RoundLogEntry&)>& change, const char* label) {
    if (!active() || m_workshop->readOnly()) return;
    const RoundLogEntry* entry = openEntry();
    if (!entry || entry->id != m_logEntry) return;
    RoundLogEntry changed = *entry;
    change(changed);
    m_moving = true; // our own change: the screen already shows it
    m_workshop->updateRoundLog(changed, label);
    m_moving = false;
    m_timerState = {changed.round, changed.plannedSeconds, changed.clockOffset, changed.pausedAt};
}

void Conference::toggleTimer() {
    if (!active()) return;
    // The first start of a round that is on screen but not logged starts it in the log.
    if (m_logEntry == 0 && !m_timer.running() && !m_workshop->readOnly()) {
        moveTo(m_round, "Start round " + std::to_string(m_round));
        return;
    }
    const bool pausing = m_timer.running();
    m_timer.toggle(m_clock());
    const std::string now = m_wallClock();
    recordTimer([&](RoundLogEntry& e) { core::logPauseOrResume(e, pausing, now); },
                pausing ? "Pause timer" : "Start timer");
}

void Conference::resetTimer() {
    m_timer.reset();
    const auto* info = currentRound();
    if (info) m_timer.setDuration(info->seconds);
    const std::string now = m_wallClock();
    recordTimer(
        [&](RoundLogEntry& e) {
            core::logReset(e, now);
            if (info) e.plannedSeconds = info->seconds;
        },
        "Reset timer");
}

void Conference::addMinute() {
    m_timer.addSeconds(60);
    recordTimer([](RoundLogEntry& e) { e.plannedSeconds += 60; }, "One more minute");
}

double Conference::secondsToNextTick() const {
    return m_timer.secondsToNextTick(now());
}

} // namespace plenary::session
