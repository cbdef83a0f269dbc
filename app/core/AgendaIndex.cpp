#include "core/AgendaIndex.hpp"

#include <algorithm>

namespace plenary::core {

void AgendaIndex::rebuild(const SessionData& data) {
    m_data = &data;
    m_dilemmaAt.clear();
    m_personAt.clear();
    m_sessionAt.clear();
    m_bySession.clear();
    m_groups.clear();
    m_runningAt.clear();
    m_running.clear();
    for (std::size_t i = 0; i < data.people.size(); ++i)
        m_personAt[data.people[i].id] = i;
    for (std::size_t i = 0; i < data.sessions.size(); ++i)
        m_sessionAt[data.sessions[i].id] = i;
    // Dilemmas are kept in (position, id) order, so each session's list comes out in order.
    for (std::size_t i = 0; i < data.dilemmas.size(); ++i) {
        m_dilemmaAt[data.dilemmas[i].id] = i;
        m_bySession[data.dilemmas[i].session].push_back(i);
    }
    // Sessions are kept in (position, id) order: that is the running order of their dilemmas.
    for (const auto& session : data.sessions) {
        const auto found = m_bySession.find(session.id);
        if (found == m_bySession.end()) continue;
        for (const std::size_t i : found->second) {
            const auto& d = data.dilemmas[i];
            if (d.jointGroup != 0) {
                auto& members = m_groups[d.jointGroup];
                members.push_back(d.id);
                if (members.size() > 1) continue; // the discussion runs once, on its lead
            }
            m_runningAt[d.id] = m_running.size();
            m_running.push_back(d.id);
        }
    }
}

const Dilemma* AgendaIndex::dilemma(Id id) const {
    const auto it = m_dilemmaAt.find(id);
    return it == m_dilemmaAt.end() ? nullptr : &m_data->dilemmas[it->second];
}

const Person* AgendaIndex::person(Id id) const {
    if (id == 0) return nullptr;
    const auto it = m_personAt.find(id);
    return it == m_personAt.end() ? nullptr : &m_data->people[it->second];
}

const ThematicSession* AgendaIndex::session(Id id) const {
    const auto it = m_sessionAt.find(id);
    return it == m_sessionAt.end() ? nullptr : &m_data->sessions[it->second];
}

Id AgendaIndex::leadOf(Id id) const {
    const auto* d = dilemma(id);
    if (!d) return 0;
    if (d->jointGroup == 0) return id;
    const auto group = m_groups.find(d->jointGroup);
    return group == m_groups.end() || group->second.empty() ? id : group->second.front();
}

std::vector<const Dilemma*> AgendaIndex::membersOf(Id id) const {
    const auto* d = dilemma(id);
    if (!d) return {};
    if (d->jointGroup == 0) return {d};
    std::vector<const Dilemma*> members;
    const auto group = m_groups.find(d->jointGroup);
    if (group == m_groups.end()) return {d};
    for (const Id member : group->second)
        members.push_back(dilemma(member));
    return members;
}

std::span<const std::size_t> AgendaIndex::dilemmasIn(Id session) const {
    const auto it = m_bySession.find(session);
    if (it == m_bySession.end()) return {};
    return it->second;
}

Id AgendaIndex::step(Id current, int direction) const {
    const auto at = m_runningAt.find(leadOf(current));
    if (at == m_runningAt.end()) {
        for (const Id id : m_running)
            if (dilemma(id)->status != DilemmaStatus::Skipped) return id;
        return 0;
    }
    auto index = static_cast<long>(at->second);
    for (index += direction; index >= 0 && index < static_cast<long>(m_running.size()); index += direction) {
        const Id id = m_running[static_cast<std::size_t>(index)];
        if (dilemma(id)->status != DilemmaStatus::Skipped) return id;
    }
    return 0;
}

} // namespace plenary::core
