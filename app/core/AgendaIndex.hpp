#pragma once

#include "core/Model.hpp"

#include <algorithm>
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

// Each dilemma's questions (or practices) in their order — position, then id — as places in the
// workshop's list, which is kept in id order so that a new one is appended. Rebuilt when rows are
// removed or moved; a row appended at the end is added to its dilemma's list alone.
template <class T> class ByDilemma {
public:
    void rebuild(const std::vector<T>& rows) {
        m_lists.clear();
        for (std::size_t i = 0; i < rows.size(); ++i)
            m_lists[rows[i].dilemma].push_back(i);
        for (auto& [dilemma, list] : m_lists)
            std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return rows[a].position != rows[b].position ? rows[a].position < rows[b].position
                                                            : rows[a].id < rows[b].id;
            });
    }
    void appended(const std::vector<T>& rows, std::size_t at) {
        auto& list = m_lists[rows[at].dilemma];
        const auto place = std::upper_bound(list.begin(), list.end(), at, [&](std::size_t a, std::size_t b) {
            return rows[a].position != rows[b].position ? rows[a].position < rows[b].position
                                                        : rows[a].id < rows[b].id;
        });
        list.insert(place, at);
    }
    std::vector<const T*> of(const std::vector<T>& rows, Id dilemma) const {
        std::vector<const T*> out;
        if (const auto it = m_lists.find(dilemma); it != m_lists.end())
            for (const std::size_t i : it->second)
                out.push_back(&rows[i]);
        return out;
    }

private:
    std::unordered_map<Id, std::vector<std::size_t>> m_lists;
};

} // namespace plenary::core
