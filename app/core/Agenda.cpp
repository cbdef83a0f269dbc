#include "core/Agenda.hpp"

#include <algorithm>
#include <unordered_map>

namespace plenary::core {

CaptureKind captureFor(std::string_view phaseKey) {
    if (phaseKey == "questions") return CaptureKind::Question;
    if (phaseKey == "reflection") return CaptureKind::Reflection;
    if (phaseKey == "ideas") return CaptureKind::Practice;
    if (phaseKey == "result") return CaptureKind::Result;
    return CaptureKind::Context;
}

std::vector<const ThematicSession*> sessionsInOrder(const SessionData& data) {
    std::vector<const ThematicSession*> sessions;
    for (const auto& s : data.sessions)
        sessions.push_back(&s);
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const auto* a, const auto* b) { return a->position < b->position; });
    return sessions;
}

namespace {

// Grouped by session in one pass: asked once per joint dilemma while a report is built, a pass over
// every dilemma per session made the export of a large workshop grow with its square.
std::vector<const Dilemma*> allInOrder(const SessionData& data) {
    std::unordered_map<Id, std::vector<const Dilemma*>> bySession;
    for (const auto& d : data.dilemmas)
        bySession[d.session].push_back(&d);
    std::vector<const Dilemma*> order;
    order.reserve(data.dilemmas.size());
    for (const auto* s : sessionsInOrder(data)) {
        const auto found = bySession.find(s->id);
        if (found == bySession.end()) continue;
        auto& inSession = found->second;
        std::stable_sort(inSession.begin(), inSession.end(),
                         [](const auto* a, const auto* b) { return a->position < b->position; });
        order.insert(order.end(), inSession.begin(), inSession.end());
    }
    return order;
}

} // namespace

std::vector<const Dilemma*> jointMembers(const SessionData& data, Id dilemma) {
    const Dilemma* self = nullptr;
    for (const auto& d : data.dilemmas)
        if (d.id == dilemma) self = &d;
    if (!self) return {};
    if (self->jointGroup == 0) return {self};
    std::vector<const Dilemma*> members;
    for (const auto* d : allInOrder(data))
        if (d->jointGroup == self->jointGroup) members.push_back(d);
    return members;
}

Id leadOf(const SessionData& data, Id dilemma) {
    const auto members = jointMembers(data, dilemma);
    return members.empty() ? 0 : members.front()->id;
}

std::vector<const Dilemma*> runningOrder(const SessionData& data) {
    std::vector<const Dilemma*> order;
    std::vector<Id> groupsSeen;
    for (const auto* d : allInOrder(data)) {
        if (d->jointGroup != 0) {
            if (std::find(groupsSeen.begin(), groupsSeen.end(), d->jointGroup) != groupsSeen.end()) continue;
            groupsSeen.push_back(d->jointGroup);
        }
        order.push_back(d);
    }
    return order;
}

namespace {

Id step(const SessionData& data, Id current, int direction) {
    const auto order = runningOrder(data);
    const Id lead = leadOf(data, current);
    auto it = std::find_if(order.begin(), order.end(), [&](const Dilemma* d) { return d->id == lead; });
    if (it == order.end()) {
        for (const auto* d : order)
            if (d->status != DilemmaStatus::Skipped) return d->id;
        return 0;
    }
    auto index = static_cast<long>(it - order.begin());
    for (index += direction; index >= 0 && index < static_cast<long>(order.size()); index += direction)
        if (order[static_cast<std::size_t>(index)]->status != DilemmaStatus::Skipped)
            return order[static_cast<std::size_t>(index)]->id;
    return 0;
}

} // namespace

Id nextDilemma(const SessionData& data, Id current) {
    return step(data, current, +1);
}
Id previousDilemma(const SessionData& data, Id current) {
    return step(data, current, -1);
}

Id newJointGroup(const SessionData& data) {
    Id highest = 0;
    for (const auto& d : data.dilemmas)
        highest = std::max(highest, d.jointGroup);
    return highest + 1;
}

} // namespace plenary::core
