#include "session/Conference.hpp"

#include "session/OpenWorkshop.hpp"
#include "store/Clock.hpp"

#include "core/Consensus.hpp"
#include "core/Text.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace plenary::session {

using core::Id;

namespace {
const std::vector<core::Ring> kNoRings;
} // namespace

Conference::Conference(Reporter reporter) : m_report(std::move(reporter)) {
    m_clock = core::monotonicSeconds;
    m_wallClock = store::utcNow;
}

bool Conference::active() const {
    return m_workshop && m_workshop->data().workshop.format == core::Format::SocialOlympics;
}

// The file changed (an edit, an undo): rounds and rings may be others now.
void Conference::resync() {
    m_rounds = core::roundsOf(m_workshop->data());
    if (m_rounds.empty()) m_rounds = core::defaultRounds();
    m_round = std::clamp(m_round, 1, static_cast<int>(m_rounds.size()));
    if (!findRing(m_ring)) m_ring = rings().empty() ? 0 : rings().front().id;
}

const core::RoundInfo* Conference::roundInfo(int number) const {
    for (const auto& r : m_rounds)
        if (r.number == number) return &r;
    return nullptr;
}

const std::vector<core::Ring>& Conference::rings() const {
    return active() ? m_workshop->data().rings : kNoRings;
}

const core::Ring* Conference::findRing(Id id) const {
    for (const auto& r : rings())
        if (r.id == id) return &r;
    return nullptr;
}

const core::Ring* Conference::currentRing() const {
    return findRing(m_ring);
}

const core::VoteScale& Conference::scale() const {
    static const core::Workshop none;
    return core::scaleOf(active() ? m_workshop->data().workshop : none);
}

double Conference::threshold() const {
    return active() ? m_workshop->data().workshop.threshold : 0.6;
}

void Conference::goToRing(Id ring) {
    if (findRing(ring)) m_ring = ring;
}

void Conference::nextStep() {
    if (!active()) return;
    resync();
    const auto& list = rings();
    auto at = std::find_if(list.begin(), list.end(), [&](const core::Ring& r) { return r.id == m_ring; });
    if (at != list.end() && std::next(at) != list.end()) {
        m_ring = std::next(at)->id;
        return;
    }
    if (m_round >= static_cast<int>(m_rounds.size())) return; // the last ring of the last round
    goToRound(m_round + 1);
    if (!list.empty()) m_ring = list.front().id;
}

void Conference::previousStep() {
    if (!active()) return;
    resync();
    const auto& list = rings();
    auto at = std::find_if(list.begin(), list.end(), [&](const core::Ring& r) { return r.id == m_ring; });
    if (at != list.end() && at != list.begin()) {
        m_ring = std::prev(at)->id;
        return;
    }
    if (m_round <= 1) return;
    goToRound(m_round - 1);
    if (!list.empty()) m_ring = list.back().id;
}

void Conference::nextRound() {
    if (m_round < static_cast<int>(m_rounds.size())) goToRound(m_round + 1);
}

void Conference::previousRound() {
    if (m_round > 1) goToRound(m_round - 1);
}

const std::vector<const core::Statement*>& Conference::statementsIn(int round, Id ring) const {
    static const std::vector<const core::Statement*> none;
    if (!active()) return none;
    auto& rows = const_cast<Cache&>(cache()).rows;
    const auto key = std::pair{round, round == 1 ? ring : Id{0}}; // later rounds: the same for every ring
    auto it = rows.find(key);
    if (it == rows.end()) it = rows.emplace(key, core::statementsInRound(m_workshop->data(), round, ring)).first;
    return it->second;
}

int Conference::mergedCount(Id statement) const {
    if (!active()) return 0;
    const auto& merged = cache().merged;
    const auto it = merged.find(statement);
    return it == merged.end() ? 0 : it->second;
}

const std::vector<int>& Conference::totals() const {
    static const std::vector<int> none;
    if (!active()) return none;
    auto& all = const_cast<Cache&>(cache()).totals;
    const auto key = std::pair{m_round, m_ring};
    auto it = all.find(key);
    if (it == all.end()) {
        const auto& levels = scale().levels;
        std::vector<int> sums(levels.size() + 1, 0);
        for (const core::Statement* s : statements())
            for (std::size_t c = 0; c < levels.size(); ++c) {
                const int n = count(s->id, levels[c].value);
                sums[c] += n;
                sums.back() += n;
            }
        it = all.emplace(key, std::move(sums)).first;
    }
    return it->second;
}

const std::string& Conference::topPriorities(int round) const {
    static const std::string none;
    if (!active()) return none;
    auto& tops = const_cast<Cache&>(cache()).tops;
    auto it = tops.find(round);
    if (it != tops.end()) return it->second;
    std::string line;
    const auto& list = statementsIn(2, 0);
    for (const auto& ring : rings()) {
        std::vector<std::pair<double, int>> order;
        for (const core::Statement* s : list)
            if (const auto a = share(round, s->id, ring.id)) order.push_back({-*a, number(s->id)});
        std::stable_sort(order.begin(), order.end());
        std::string top3;
        for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k)
            top3 += (k ? ", " : "") + std::to_string(order[k].second);
        if (!top3.empty()) line += (line.empty() ? "" : " · ") + ring.name + ": " + top3;
    }
    return tops.emplace(round, std::move(line)).first->second;
}

const core::Statement* Conference::statement(Id id) const {
    if (!active()) return nullptr;
    const auto& index = cache().statements;
    const auto it = index.find(id);
    return it == index.end() ? nullptr : it->second;
}

int Conference::number(Id statement) const {
    if (!active()) return 0;
    const auto& numbers = cache().numbers;
    const auto it = numbers.find(statement);
    return it == numbers.end() ? 0 : it->second;
}

int Conference::members(Id ring) const {
    if (!active()) return 0;
    const auto& members = cache().members;
    const auto it = members.find(ring);
    return it == members.end() ? 0 : it->second;
}

const Conference::Cache& Conference::cache() const {
    if (!m_workshop) return m_cache;
    const auto revision = m_workshop->conferenceRevision();
    if (m_cache.revision == revision) return m_cache;
    // A tally typed into the grid: follow it rather than count tens of thousands again.
    const auto& change = m_workshop->lastVoteChange();
    if (change.from == m_cache.revision && change.to == revision) {
        patchVotes(change.rows);
        m_cache.revision = revision;
        return m_cache;
    }
    m_cache = {};
    m_cache.revision = m_workshop->conferenceRevision();
    for (const auto& s : m_workshop->data().statements)
        m_cache.statements[s.id] = &s;
    for (const auto& s : m_workshop->data().statements)
        if (s.mergedInto != 0) ++m_cache.merged[s.mergedInto];
    for (const auto& p : m_workshop->data().people)
        if (p.ring != 0) ++m_cache.members[p.ring];
    m_cache.numbers = core::statementNumbers(m_workshop->data());
    const core::VoteScale& sc = scale();
    for (const auto& v : m_workshop->data().votes) {
        m_cache.counts[{v.round, v.ring, v.statement, v.level}] = v.count;
        if (sc.level(v.level)) m_cache.cast[{v.round, v.ring, v.statement}] += v.count;
        m_cache.votes[v.id] = v;
    }
    return m_cache;
}

void Conference::patchVotes(const std::vector<std::pair<Id, std::optional<core::VoteTally>>>& rows) const {
    const core::VoteScale& sc = scale();
    // (round, ring, statement, level) → how much its count changed.
    std::map<std::tuple<int, Id, Id, int>, int> deltas;
    for (const auto& [id, after] : rows) {
        if (const auto was = m_cache.votes.find(id); was != m_cache.votes.end()) {
            const core::VoteTally& v = was->second;
            m_cache.counts.erase({v.round, v.ring, v.statement, v.level});
            if (sc.level(v.level)) m_cache.cast[{v.round, v.ring, v.statement}] -= v.count;
            deltas[{v.round, v.ring, v.statement, v.level}] -= v.count;
            m_cache.votes.erase(was);
        }
        if (after) {
            const core::VoteTally& v = *after;
            m_cache.counts[{v.round, v.ring, v.statement, v.level}] = v.count;
            if (sc.level(v.level)) m_cache.cast[{v.round, v.ring, v.statement}] += v.count;
            deltas[{v.round, v.ring, v.statement, v.level}] += v.count;
            m_cache.votes[id] = v;
        }
    }
    std::set<std::pair<int, Id>> statements; // (round, statement) whose board entry changed
    std::set<int> rounds;
    for (const auto& [key, delta] : deltas) {
        const auto& [round, ring, statement, level] = key;
        rounds.insert(round);
        statements.insert({round, statement});
        m_cache.warnings.erase({round, ring});
        // The ring's totals per level: the count's change added, when the statement is a row of
        // that round's grid for the ring (as totals() sums them); recounted if that is not known.
        const auto totals = m_cache.totals.find({round, ring});
        if (totals == m_cache.totals.end()) continue;
        const auto grid = m_cache.rows.find({round, round == 1 ? ring : Id{0}});
        const auto column = std::find_if(sc.levels.begin(), sc.levels.end(),
                                         [level = level](const core::ScaleLevel& l) { return l.value == level; });
        if (grid == m_cache.rows.end()) {
            m_cache.totals.erase(totals);
        } else if (column != sc.levels.end() &&
                   std::any_of(grid->second.begin(), grid->second.end(),
                               [statement = statement](const core::Statement* s) { return s->id == statement; })) {
            totals->second[static_cast<std::size_t>(column - sc.levels.begin())] += delta;
            totals->second.back() += delta;
        }
    }
    for (const auto& [round, statement] : statements) {
        const auto board = m_cache.boards.find(round);
        if (board == m_cache.boards.end()) continue;
        // The statement's tallies in that round, from every ring.
        std::vector<core::VoteTally> tallies;
        for (const auto& r : rings())
            for (const auto& level : sc.levels)
                if (const auto c = m_cache.counts.find({round, r.id, statement, level.value}); c != m_cache.counts.end())
                    tallies.push_back(core::VoteTally{0, round, r.id, statement, level.value, c->second});
        const auto moved = core::rerankStatement(board->second, statement, tallies, sc, threshold());
        if (!moved) {
            m_cache.boards.erase(board);
            m_cache.places.erase(round);
            continue;
        }
        auto& places = m_cache.places[round];
        for (std::size_t i = moved->first; i <= moved->second; ++i)
            places[board->second.ranked[i].statement] = i;
    }
    for (const int round : rounds) {
        m_cache.tops.erase(round);
        if (round == 1)
            m_cache.shifts.clear(); // every shift starts from round 1
        else
            m_cache.shifts.erase(round);
    }
}

int Conference::count(int round, Id ring, Id statement, int level) const {
    const auto& counts = cache().counts;
    const auto it = counts.find({round, ring, statement, level});
    return it == counts.end() ? 0 : it->second;
}

int Conference::votesOn(int round, Id ring, Id statement) const {
    const auto& cast = cache().cast;
    const auto it = cast.find({round, ring, statement});
    return it == cast.end() ? 0 : it->second;
}

bool Conference::writable() const {
    if (!active()) return false;
    if (m_workshop->readOnly()) {
        say(error("this workshop is open read-only: nothing was changed"));
        return false;
    }
    return true;
}

void Conference::say(Message message) const {
    if (m_report) m_report(std::move(message));
}

bool Conference::setCount(int round, Id ring, Id statement, int level, std::string_view typed, std::uint64_t stretch) {
    std::string why;
    const auto n = core::parseCount(typed, why);
    if (!n) {
        say(error(why));
        return false;
    }
    return setCount(round, ring, statement, level, *n, stretch);
}

bool Conference::setCount(int round, Id ring, Id statement, int level, int count, std::uint64_t stretch) {
    if (!writable()) return false;
    if (count < 0) {
        say(error("a count cannot be negative: " + std::to_string(count) + " was not counted"));
        return false;
    }
    // Only a cell of that round's grid: in round 1 a ring rates its own statements, from round 3
    // on a merged statement is rated as its target.
    const core::Statement* s = this->statement(statement);
    if (!scale().level(level) || !findRing(ring) || !s || (round == 1 && s->ring != ring) ||
        (round >= 3 && s->mergedInto != 0) || round < 1 || round > static_cast<int>(m_rounds.size())) {
        say(error("there is no such cell in this round's grid"));
        return false;
    }
    if (this->count(round, ring, statement, level) == count) return true;
    return m_workshop->setVote(core::VoteTally{0, round, ring, statement, level, count}, stretch);
}

const std::vector<std::string>& Conference::warnings() const {
    static const std::vector<std::string> none;
    if (!active()) return none;
    auto& all = const_cast<Cache&>(cache()).warnings;
    const auto key = std::pair{m_round, m_ring};
    auto it = all.find(key);
    if (it == all.end()) it = all.emplace(key, core::tallyWarnings(m_workshop->data(), scale(), m_round, m_ring)).first;
    return it->second;
}

Id Conference::addStatement(const std::string& text) {
    if (!writable()) return 0;
    const std::string trimmed = core::trim(text);
    if (trimmed.empty()) return 0;
    if (!currentRing()) {
        say(error("add a ring in the setup first: a statement belongs to a ring"));
        return 0;
    }
    core::Statement s;
    s.ring = m_ring;
    s.text = trimmed;
    return m_workshop->addStatement(s);
}

bool Conference::merge(Id from, Id into) {
    if (!writable()) return false;
    const core::Statement* a = statement(from);
    const core::Statement* b = statement(into);
    if (!a || !b || from == into) {
        say(error("pick two different statements to merge"));
        return false;
    }
    if (b->mergedInto != 0) {
        say(error("that statement is itself merged into another: merge into that one"));
        return false;
    }
    return m_workshop->mergeStatements(from, into);
}

bool Conference::unmerge(Id id) {
    if (!writable()) return false;
    const core::Statement* s = statement(id);
    if (!s || s->mergedInto == 0) return false;
    core::Statement changed = *s;
    changed.mergedInto = 0;
    return m_workshop->updateStatement(changed);
}

const core::RoundResult& Conference::board(int round) const {
    static const core::RoundResult none;
    if (!active()) return none;
    auto& boards = const_cast<Cache&>(cache()).boards;
    auto it = boards.find(round);
    if (it == boards.end()) {
        const auto& d = m_workshop->data();
        it = boards.emplace(round, core::rankRound(d.votes, round, d.statements, scale(), threshold())).first;
        auto& places = m_cache.places[round];
        for (std::size_t i = 0; i < it->second.ranked.size(); ++i)
            places[it->second.ranked[i].statement] = i;
    }
    return it->second;
}

const core::StatementResult* Conference::result(int round, Id statement) const {
    const auto& ranked = board(round).ranked;
    const auto& places = m_cache.places[round];
    const auto at = places.find(statement);
    return at == places.end() ? nullptr : &ranked[at->second];
}

const std::vector<core::Shift>& Conference::shifts(int toRound) const {
    static const std::vector<core::Shift> none;
    if (!active()) return none;
    auto& all = const_cast<Cache&>(cache()).shifts;
    auto it = all.find(toRound);
    if (it == all.end()) it = all.emplace(toRound, core::shiftBetween(m_workshop->data().votes, 1, toRound, scale())).first;
    return it->second;
}

const core::Shift* Conference::shift(int toRound, Id statement, Id ring) const {
    const auto& list = shifts(toRound);
    const auto at = std::lower_bound(list.begin(), list.end(), std::pair{statement, ring},
                                     [](const core::Shift& s, const std::pair<Id, Id>& key) {
                                         return std::pair{s.statement, s.ring} < key;
                                     });
    if (at == list.end() || at->statement != statement || at->ring != ring) return nullptr;
    return &*at;
}

std::optional<double> Conference::share(int round, Id statement, Id ring) const {
    const core::StatementResult* s = result(round, statement);
    if (!s) return std::nullopt;
    for (const auto& r : s->rings)
        if (r.ring == ring) return scale().dots ? r.dotShare : r.share;
    return std::nullopt;
}

int Conference::figuresRound() const {
    for (int r = m_round; r > 1; --r)
        if (!board(r).ranked.empty() && board(r).ranked.front().hasVotes) return r;
    return 1;
}

} // namespace plenary::session
