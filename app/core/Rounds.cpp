#include "core/Rounds.hpp"

#include "core/Text.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace plenary::core {

std::string roundKey(int number) {
    return "round-" + std::to_string(number);
}

std::optional<int> roundNumber(std::string_view key) {
    constexpr std::string_view prefix = "round-";
    if (key.substr(0, prefix.size()) != prefix) return std::nullopt;
    key.remove_prefix(prefix.size());
    int n = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), n);
    if (ec != std::errc() || end != key.data() + key.size() || n < 1) return std::nullopt;
    return n;
}

std::vector<RoundInfo> defaultRounds() {
    return {
        {1, "Own ring", "Each ring drafts its priorities and rates them — without seeing the others.", 30 * 60},
        {2, "Exchange", "All opinions side by side. Rate every statement; you may change your earlier ratings.",
         30 * 60},
        {3, "Plenary consensus", "Everyone together, still counted per ring. Merge duplicates, then vote.",
         45 * 60},
    };
}

std::vector<RoundInfo> roundsOf(const SessionData& data) {
    std::vector<RoundInfo> rounds;
    for (const auto& phase : data.phases)
        if (const auto n = roundNumber(phase.key)) rounds.push_back({*n, phase.name, phase.prompt, phase.seconds});
    std::sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    if (rounds.empty()) {
        rounds = defaultRounds();
        const int wanted = data.workshop.rounds;
        if (wanted > 0 && wanted < static_cast<int>(rounds.size())) rounds.resize(wanted);
    }
    return rounds;
}

std::vector<Phase> roundPhases(const std::vector<RoundInfo>& rounds) {
    std::vector<Phase> phases;
    for (const auto& r : rounds)
        phases.push_back({roundKey(r.number), r.name, r.prompt, r.seconds, r.number});
    return phases;
}

const VoteScale& scaleOf(const Workshop& workshop) {
    if (const VoteScale* scale = findScale(workshop.scale)) return *scale;
    return *findScale("fist-to-five");
}

std::vector<const Statement*> statementsInRound(const SessionData& data, int round, Id ring) {
    std::map<Id, int> ringOrder;
    for (const auto& r : data.rings)
        ringOrder[r.id] = r.position;
    std::vector<const Statement*> list;
    for (const auto& s : data.statements) {
        if (s.mergedInto != 0 && round >= 3) continue; // merging is round 3's: earlier rounds rated it
        if (round == 1 && s.ring != ring) continue;
        list.push_back(&s);
    }
    std::stable_sort(list.begin(), list.end(), [&](const Statement* a, const Statement* b) {
        const int ra = ringOrder.count(a->ring) ? ringOrder[a->ring] : 1 << 30;
        const int rb = ringOrder.count(b->ring) ? ringOrder[b->ring] : 1 << 30;
        if (ra != rb) return ra < rb;
        if (a->ring != b->ring) return a->ring < b->ring;
        if (a->position != b->position) return a->position < b->position;
        return a->id < b->id;
    });
    return list;
}

std::unordered_map<Id, int> statementNumbers(const SessionData& data) {
    std::unordered_map<Id, int> numbers;
    for (const Statement* s : statementsInRound(data, 2, 0))
        numbers[s->id] = static_cast<int>(numbers.size()) + 1;
    return numbers;
}

std::vector<const Statement*> mergedInto(const SessionData& data, Id statement) {
    std::vector<const Statement*> list;
    for (const auto& s : data.statements)
        if (s.mergedInto == statement && statement != 0) list.push_back(&s);
    return list;
}

bool hasCounts(const SessionData& data) {
    return std::any_of(data.votes.begin(), data.votes.end(), [](const VoteTally& v) { return v.count > 0; });
}

int ringMembers(const SessionData& data, Id ring) {
    return static_cast<int>(
        std::count_if(data.people.begin(), data.people.end(), [&](const Person& p) { return p.ring == ring; }));
}

std::optional<int> parseCount(std::string_view typed, std::string& why) {
    while (!typed.empty() && typed.front() == ' ')
        typed.remove_prefix(1);
    while (!typed.empty() && typed.back() == ' ')
        typed.remove_suffix(1);
    if (typed.empty()) return 0; // an emptied cell: no votes
    if (typed.front() == '-') {
        why = "a count cannot be negative: \"" + std::string(typed) + "\" was not counted";
        return std::nullopt;
    }
    int n = 0;
    const auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), n);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && n > kMostVotes)) {
        why = "a count is at most " + std::to_string(kMostVotes) + ": \"" + std::string(typed) + "\" was not counted";
        return std::nullopt;
    }
    if (ec != std::errc() || end != typed.data() + typed.size()) {
        why = "a count is a whole number: \"" + std::string(typed) + "\" was not counted";
        return std::nullopt;
    }
    return n;
}

std::vector<std::string> tallyWarnings(const SessionData& data, const VoteScale& scale, int round, Id ring) {
    std::vector<std::string> warnings;
    const Ring* which = nullptr;
    for (const auto& r : data.rings)
        if (r.id == ring) which = &r;
    const int members = ringMembers(data, ring);
    if (!which || members == 0) return warnings; // nobody placed in the ring: nothing to compare with
    std::map<Id, int> cast;
    int dots = 0;
    for (const auto& v : data.votes) {
        if (v.round != round || v.ring != ring || !scale.level(v.level)) continue;
        cast[v.statement] += v.count;
        dots += v.count;
    }
    const std::string members_ = std::to_string(members) + (members == 1 ? " member" : " members");
    if (scale.dots) {
        const int budget = members * std::max(0, data.workshop.dotBudget);
        if (data.workshop.dotBudget > 0 && dots > budget)
            warnings.push_back(which->name + " spent " + std::to_string(dots) + " dots, more than its " + members_ +
                               " × " + std::to_string(data.workshop.dotBudget) + " = " + std::to_string(budget));
        return warnings;
    }
    // One line for the ring, however many statements: the grid shows which by their counts.
    std::vector<const Statement*> over;
    int most = 0;
    for (const Statement* s : statementsInRound(data, round, ring)) {
        const auto it = cast.find(s->id);
        if (it == cast.end() || it->second <= members) continue;
        over.push_back(s);
        most = std::max(most, it->second);
    }
    if (over.size() == 1)
        warnings.push_back(which->name + ": " + std::to_string(most) + " votes on \"" + ellipsize(over[0]->text, 40) +
                           "\", but the ring has " + members_);
    else if (over.size() > 1)
        warnings.push_back(which->name + ": more votes than its " + members_ + " on " + std::to_string(over.size()) +
                           " statements (up to " + std::to_string(most) + ")");
    return warnings;
}

} // namespace plenary::core
