#pragma once

#include "core/Consensus.hpp"
#include "core/Model.hpp"
#include "core/PhaseTimer.hpp"
#include "core/Rounds.hpp"
#include "session/Message.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <tuple>
#include <vector>

namespace plenary::session {

class OpenWorkshop;

// A live Social Olympics conference, without a screen (as LiveSession is for the Urban Academy):
// which round and ring are up, each round's timer, the tally grid's counts and what the board
// shows. Every count and statement is written to the workshop at once; the figures are the core's
// (core/Consensus), computed once per change of the file, not once per frame.
//
// The round log in the file is the truth about which round is running and what its timer shows
// (as the phase log is for the Urban Academy), so an undo, a restart or a crash resume exactly
// there; without a log (a file that never ran) the latest round anyone voted in is shown. The ring
// on screen is the screen's: a restart starts at the first ring, so it never reveals another
// ring's work in round 1.
class Conference {
public:
    using Clock = std::function<double()>;          // monotonic seconds, for the timer
    using WallClock = std::function<std::string()>; // ISO 8601 UTC, for the round log

    explicit Conference(Reporter reporter);
    void setClocks(Clock monotonic, WallClock wall) {
        m_clock = std::move(monotonic);
        m_wallClock = std::move(wall);
    }
    void attach(OpenWorkshop* workshop);
    // After a change to the file (an undo of a round's start, a removed ring, new round rows):
    // back to where the round log says.
    void follow();

    bool active() const; // a Social Olympics workshop is open
    const std::vector<core::RoundInfo>& rounds() const { return m_rounds; }
    int round() const { return m_round; }
    const core::RoundInfo* currentRound() const { return roundInfo(m_round); }
    const core::RoundInfo* roundInfo(int number) const; // nullptr for a round the file has not
    core::Id ring() const { return m_ring; }
    const core::Ring* currentRing() const;
    const std::vector<core::Ring>& rings() const;
    const core::Ring* findRing(core::Id id) const;
    const core::VoteScale& scale() const;
    double threshold() const;

    // Navigation: a clicker steps ring by ring through a round, then into the next round. Entering
    // a round ends the running one in the log and starts its clock (a round entered again goes on
    // from the time it already ran).
    void goToRound(int round);
    void goToRing(core::Id ring);
    void nextStep();
    void previousStep();
    void nextRound();
    void previousRound();

    // What the current ring rates in the current round (core::statementsInRound).
    const std::vector<const core::Statement*>& statements() const { return statementsIn(m_round, m_ring); }
    const std::vector<const core::Statement*>& statementsIn(int round, core::Id ring) const;
    // How many statements were merged into this one.
    int mergedCount(core::Id statement) const;
    // The current ring's totals in the current round: one per level of the scale, then all votes.
    const std::vector<int>& totals() const;
    // Each ring's three statements of most support in a round ("Policymakers: 1, 12, 5"), by
    // their numbers; rings without votes are left out.
    const std::string& topPriorities(int round) const;
    const core::Statement* statement(core::Id id) const;
    int members(core::Id ring) const;
    // A statement's number wherever it is shown (grid, heat map, board): its place among every
    // statement in the rings' order, as the exchange shows them. 0 for an unknown one.
    int number(core::Id statement) const;

    // Tallies. A count for the current round and ring unless both are given.
    int count(core::Id statement, int level) const { return count(m_round, m_ring, statement, level); }
    int count(int round, core::Id ring, core::Id statement, int level) const;
    int votesOn(int round, core::Id ring, core::Id statement) const; // N: all levels
    // Writes what was typed into a cell; "-2", "x" or "2.5" are refused with a message and change
    // nothing. Saves with the same `stretch` (not 0) are one undo step.
    bool setCount(core::Id statement, int level, std::string_view typed, std::uint64_t stretch = 0) {
        return setCount(m_round, m_ring, statement, level, typed, stretch);
    }
    bool setCount(int round, core::Id ring, core::Id statement, int level, std::string_view typed,
                  std::uint64_t stretch = 0);
    bool setCount(int round, core::Id ring, core::Id statement, int level, int count, std::uint64_t stretch = 0);
    const std::vector<std::string>& warnings() const; // for the current round and ring

    // The capture line: a statement of the current ring. Returns its id (0 when refused).
    core::Id addStatement(const std::string& text);
    // Merges `from` into `into` (round 3's duplicates): `from` keeps its text and votes, it is
    // rated as `into` from now on; an undo takes it back. Refused for a statement into itself or
    // into one that is itself merged.
    bool merge(core::Id from, core::Id into);
    bool unmerge(core::Id statement);

    // The figures, as the core computes them.
    const core::RoundResult& board(int round) const;
    const core::RoundResult& board() const { return board(m_round); }
    // One statement's figures in a round (nullptr for a merged or unknown one).
    const core::StatementResult* result(int round, core::Id statement) const;
    // Shift per ring and statement from round 1 to `round` (the exchange's movement).
    const std::vector<core::Shift>& shifts(int toRound) const;
    const core::Shift* shift(int toRound, core::Id statement, core::Id ring) const;
    // The support share (a) of one ring on one statement in a round; nullopt when it cast no vote.
    // For dot voting: the ring's dot share.
    std::optional<double> share(int round, core::Id statement, core::Id ring) const;
    // The round whose figures the room sees: for round 1 the current ring's; later the latest
    // round with tallies up to the current one (an empty round 3 still shows round 2's board).
    int figuresRound() const;

    // The timer of the current round; its changes are written to the round's log entry.
    const core::PhaseTimer& timer() const { return m_timer; }
    double now() const { return m_clock(); }
    void toggleTimer();
    void resetTimer();
    void addMinute();
    bool timerRunning() const { return active() && m_timer.running(); }
    double secondsToNextTick() const;

private:
    struct Cache {
        std::uint64_t revision = ~std::uint64_t{0};
        std::map<std::tuple<int, core::Id, core::Id, int>, int> counts; // (round, ring, statement, level)
        std::map<std::tuple<int, core::Id, core::Id>, int> cast;        // N per (round, ring, statement)
        std::unordered_map<core::Id, const core::Statement*> statements; // by id
        std::unordered_map<core::Id, int> numbers; // each statement's number on every screen
        std::unordered_map<core::Id, int> merged;  // how many were merged into each statement
        std::unordered_map<core::Id, int> members; // people placed in each ring
        std::map<std::pair<int, core::Id>, std::vector<const core::Statement*>> rows; // per (round, ring)
        std::map<std::pair<int, core::Id>, std::vector<int>> totals;
        std::map<int, std::string> tops;
        std::map<int, core::RoundResult> boards;
        std::map<int, std::map<core::Id, std::size_t>> places; // statement → its place in boards[round]
        std::map<int, std::vector<core::Shift>> shifts;
        std::map<std::pair<int, core::Id>, std::vector<std::string>> warnings; // per (round, ring)
        std::unordered_map<core::Id, core::VoteTally> votes; // every tally by id, as counted
    };
    const Cache& cache() const;
    // Follows tallies that changed (OpenWorkshop::lastVoteChange): their counts, and what is
    // derived from their rounds and rings; a board is ranked again for those statements alone.
    void patchVotes(const std::vector<std::pair<core::Id, std::optional<core::VoteTally>>>& rows) const;
    void resync();
    void say(Message message) const;
    bool writable() const;

    Reporter m_report;
    OpenWorkshop* m_workshop = nullptr;
    // ConferenceRounds.cpp: the round log.
    void moveTo(int round, const std::string& label);
    double loggedSeconds(int round) const;
    const core::RoundLogEntry* openEntry() const;
    void showTimer(const core::RoundLogEntry& entry);
    void recordTimer(const std::function<void(core::RoundLogEntry&)>& change, const char* label);

    Clock m_clock;
    WallClock m_wallClock;
    std::vector<core::RoundInfo> m_rounds;
    int m_round = 1;
    core::Id m_ring = 0;
    core::PhaseTimer m_timer;
    core::Id m_logEntry = 0; // the running round's log entry (0: none written yet)
    bool m_moving = false;   // our own change is being written: the file follows us, not we it
    struct TimerState {
        int round = 0;
        int planned = 0;
        int offset = 0;
        std::string pausedAt;
        bool operator==(const TimerState&) const = default;
    };
    TimerState m_timerState; // as last written or shown: an undo that changes it is followed
    mutable Cache m_cache;
};

} // namespace plenary::session
