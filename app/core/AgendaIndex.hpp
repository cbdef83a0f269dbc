#pragma once

#include "core/Model.hpp"

#include <span>
#include <unordered_map>
#include <vector>

// What the screens derive from a workshop's agenda — running order, joint-discussion leads, each
// thematic session's dilemmas, lookups by id — built once per change to the agenda, never per
// frame. It holds positions in the SessionData it was built from, so it is rebuilt whenever rows
// of those tables are added, removed or reordered.
namespace plenary::core {

class AgendaIndex {
public:
    void rebuild(const SessionData& data);

    const Dilemma* dilemma(Id id) const;
    const Person* person(Id id) const;
    const ThematicSession* session(Id id) const;

    // Dilemmas in running order, a joint discussion once (as its lead); skipped ones included.
    const std::vector<Id>& runningOrder() const { return m_running; }
    // The lead of the discussion a dilemma belongs to (itself if not joined); 0 if unknown.
    Id leadOf(Id dilemma) const;
    // The dilemmas discussed together with this one, lead first; just itself if not joined.
    std::vector<const Dilemma*> membersOf(Id dilemma) const;
    // A thematic session's dilemmas in their order.
    std::span<const std::size_t> dilemmasIn(Id session) const;

    // The next or previous dilemma to run after `current`, skipping skipped ones; 0 at either end.
    // With current unknown, the first one to run.
    Id step(Id current, int direction) const;

private:
    const SessionData* m_data = nullptr;
    std::unordered_map<Id, std::size_t> m_dilemmaAt;
    std::unordered_map<Id, std::size_t> m_personAt;
    std::unordered_map<Id, std::size_t> m_sessionAt;
    std::unordered_map<Id, std::vector<std::size_t>> m_bySession;
    std::unordered_map<Id, std::vector<Id>> m_groups; // joint group → members in running order
    std::unordered_map<Id, std::size_t> m_runningAt;  // lead → place in m_running
    std::vector<Id> m_running;
};

// The questions or practices of one dilemma: a contiguous run, since both lists are kept in
// (dilemma, position, id) order.
std::span<const Question> questionsOf(const SessionData& data, Id dilemma);
std::span<const Practice> practicesOf(const SessionData& data, Id dilemma);

} // namespace plenary::core
