#include "core/Consensus.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace plenary::core {
namespace {

// So that 3/5 >= 0.6 holds however the threshold was computed or stored.
constexpr double kEpsilon = 1e-9;

struct Counts {
    int support = 0;
    int total = 0;
    bool blocked = false;
};

// (statement, ring) → counts; ordered so one statement's rings are adjacent, by ring id.
using CountMap = std::map<std::pair<Id, Id>, Counts>;

struct RoundCounts {
    CountMap cells;
    std::map<Id, int> ringTotals; // all votes (dots) each ring cast in the round
};

bool usable(const VoteTally& t, const VoteScale& scale) {
    return t.count > 0 && scale.level(t.level) != nullptr;
}

RoundCounts countRound(const std::vector<VoteTally>& votes, int round, const VoteScale& scale) {
    RoundCounts out;
    for (const auto& t : votes) {
        // Zero rows must not make a ring "voted"; invalid rows are validateTallies' business.
        if (t.round != round || !usable(t, scale)) continue;
        const ScaleLevel* l = scale.level(t.level);
        Counts& c = out.cells[{t.statement, t.ring}];
        c.total += t.count;
        if (l->support) c.support += t.count;
        if (l->block) c.blocked = true;
        out.ringTotals[t.ring] += t.count;
    }
    return out;
}

// Rings that voted on a statement, as a [first, last) range of the map.
std::pair<CountMap::const_iterator, CountMap::const_iterator> cellsOf(const CountMap& cells, Id statement) {
    return {cells.lower_bound({statement, std::numeric_limits<Id>::min()}),
            cells.upper_bound({statement, std::numeric_limits<Id>::max()})};
}

double dotShare(int dots, int ringTotal) {
    return ringTotal > 0 ? static_cast<double>(dots) / ringTotal : 0.0;
}

StatementResult consensusResult(Id statement, const RoundCounts& counts, double threshold) {
    StatementResult r;
    r.statement = statement;
    auto [first, last] = cellsOf(counts.cells, statement);
    bool allAbove = true;
    double gac = 1.0;
    double minP = 1.0;
    double maxP = 0.0;
    for (auto it = first; it != last; ++it) {
        const Counts& c = it->second;
        RingResult ring;
        ring.ring = it->first.second;
        ring.support = c.support;
        ring.total = c.total;
        ring.blocked = c.blocked;
        ring.share = static_cast<double>(c.support) / c.total;
        ring.smoothed = static_cast<double>(c.support + 1) / (c.total + 2);
        gac *= ring.smoothed;
        minP = std::min(minP, ring.smoothed);
        maxP = std::max(maxP, ring.smoothed);
        if (ring.share + kEpsilon < threshold) allAbove = false;
        r.blocked = r.blocked || c.blocked;
        r.totalSupport += c.support;
        r.rings.push_back(ring);
    }
    r.hasVotes = !r.rings.empty();
    if (!r.hasVotes) return r; // gac 0, not reached
    r.gac = gac;
    r.reached = allAbove && !r.blocked;
    r.divisiveness = maxP - minP; // 0 with a single ring
    return r;
}

StatementResult dotResult(Id statement, const RoundCounts& counts) {
    StatementResult r;
    r.statement = statement;
    auto [first, last] = cellsOf(counts.cells, statement);
    for (auto it = first; it != last; ++it) {
        RingResult ring;
        ring.ring = it->first.second;
        ring.support = ring.total = ring.dots = it->second.total;
        ring.dotShare = dotShare(ring.dots, counts.ringTotals.at(ring.ring));
        r.totalDots += ring.dots;
        r.rings.push_back(ring);
    }
    r.totalSupport = r.totalDots;
    r.hasVotes = !r.rings.empty();
    return r;
}

// GACs that are equal in exact arithmetic can differ in the last bits when the products run
// over different rings; compare them on a fixed grid so such ties fall through to total support
// (a tolerance would not be transitive, which sorting needs).
long long gacKey(double gac) {
    return std::llround(gac * 1e12);
}

// The board's order. Ties end on the statement id, so the order is total: sorting any
// arrangement of the same results gives the same ranking.
auto rankedBefore(const VoteScale& scale) {
    return [&scale](const StatementResult& x, const StatementResult& y) {
        if (x.hasVotes != y.hasVotes) return x.hasVotes;
        if (scale.dots) {
            if (x.totalDots != y.totalDots) return x.totalDots > y.totalDots;
        } else {
            if (x.reached != y.reached) return x.reached;
            if (gacKey(x.gac) != gacKey(y.gac)) return gacKey(x.gac) > gacKey(y.gac);
            if (x.totalSupport != y.totalSupport) return x.totalSupport > y.totalSupport;
        }
        return x.statement < y.statement;
    };
}

void putInOrder(std::vector<StatementResult>& ranked, const VoteScale& scale) {
    std::sort(ranked.begin(), ranked.end(), rankedBefore(scale));
    for (std::size_t i = 0; i < ranked.size(); ++i)
        ranked[i].rank = static_cast<int>(i) + 1;
}

} // namespace

RoundResult rankRound(const std::vector<VoteTally>& votes, int round,
                      const std::vector<Statement>& statements, const VoteScale& scale, double threshold) {
    const RoundCounts counts = countRound(votes, round, scale);
    RoundResult out;
    out.round = round;
    for (const auto& s : statements) {
        // Merging is round 3's: from then on a merged statement is rated as its target (its own
        // votes are not added to the target's: keep it simple); before, it was rated itself.
        if (s.mergedInto != 0 && round >= 3) continue;
        out.ranked.push_back(scale.dots ? dotResult(s.id, counts) : consensusResult(s.id, counts, threshold));
    }
    putInOrder(out.ranked, scale);
    return out;
}

std::optional<std::pair<std::size_t, std::size_t>> rerankStatement(RoundResult& result, Id statement,
                                                                   const std::vector<VoteTally>& votes,
                                                                   const VoteScale& scale, double threshold) {
    if (scale.dots) return std::nullopt;
    auto& ranked = result.ranked;
    const auto at = std::find_if(ranked.begin(), ranked.end(),
                                 [statement](const StatementResult& r) { return r.statement == statement; });
    if (at == ranked.end()) return std::nullopt;
    *at = consensusResult(statement, countRound(votes, result.round, scale), threshold);
    // The others stay in order: the changed one moves up or down to its place, past the fewest.
    const auto before = rankedBefore(scale);
    auto first = at;
    auto last = at;
    if (at != ranked.begin() && before(*at, *(at - 1))) {
        first = std::lower_bound(ranked.begin(), at, *at, before);
        std::rotate(first, at, at + 1);
    } else if (at + 1 != ranked.end() && before(*(at + 1), *at)) {
        last = std::upper_bound(at + 1, ranked.end(), *at, before) - 1;
        std::rotate(at, at + 1, last + 1);
    }
    for (auto it = first; it <= last; ++it)
        it->rank = static_cast<int>(it - ranked.begin()) + 1;
    return std::pair{static_cast<std::size_t>(first - ranked.begin()), static_cast<std::size_t>(last - ranked.begin())};
}

std::vector<Shift> shiftBetween(const std::vector<VoteTally>& votes, int fromRound, int toRound,
                                const VoteScale& scale) {
    const RoundCounts a = countRound(votes, fromRound, scale);
    const RoundCounts b = countRound(votes, toRound, scale);
    std::vector<Shift> out;
    if (!scale.dots) {
        for (const auto& [key, ca] : a.cells) {
            auto it = b.cells.find(key);
            if (it == b.cells.end()) continue; // the ring did not vote on it in both rounds
            const double from = static_cast<double>(ca.support) / ca.total;
            const double to = static_cast<double>(it->second.support) / it->second.total;
            out.push_back({key.first, key.second, from, to, to - from});
        }
        return out;
    }
    // Dot voting: moving all dots away from a statement is a shift too, so a ring that spent
    // dots in both rounds is compared on every statement it put dots on in either round.
    std::map<std::pair<Id, Id>, std::pair<int, int>> dots;
    for (const auto& [key, c] : a.cells)
        dots[key].first = c.total;
    for (const auto& [key, c] : b.cells)
        dots[key].second = c.total;
    for (const auto& [key, d] : dots) {
        auto ta = a.ringTotals.find(key.second);
        auto tb = b.ringTotals.find(key.second);
        if (ta == a.ringTotals.end() || tb == b.ringTotals.end()) continue;
        const double from = dotShare(d.first, ta->second);
        const double to = dotShare(d.second, tb->second);
        out.push_back({key.first, key.second, from, to, to - from});
    }
    return out;
}

std::vector<std::string> validateTallies(const std::vector<VoteTally>& votes, const VoteScale& scale) {
    std::vector<std::string> errors;
    for (const auto& t : votes) {
        const std::string where = "round " + std::to_string(t.round) + ", ring " + std::to_string(t.ring) +
                                  ", statement " + std::to_string(t.statement) + ", level " +
                                  std::to_string(t.level) + ": ";
        if (!scale.level(t.level)) errors.push_back(where + "not a level of the " + scale.key + " scale");
        if (t.count < 0) errors.push_back(where + "negative count " + std::to_string(t.count));
    }
    return errors;
}

} // namespace plenary::core
