#include "core/Rules.hpp"

#include "core/Agenda.hpp"

#include <algorithm>

namespace plenary::core {

namespace {

template <class T> const T* find(const std::vector<T>& items, Id id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

// A session's dilemmas in their order.
std::vector<Dilemma> dilemmasOf(const SessionData& data, Id session) {
    std::vector<Dilemma> list;
    for (const auto& d : data.dilemmas)
        if (d.session == session) list.push_back(d);
    std::stable_sort(list.begin(), list.end(), [](const Dilemma& a, const Dilemma& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    return list;
}

// When `leaving` goes out of its joint discussion and one dilemma is left, that one is no longer
// joined: a discussion of one is no discussion.
void endLoneDiscussion(const SessionData& data, const Dilemma& leaving, EditPlan& plan) {
    if (leaving.jointGroup == 0) return;
    std::vector<Dilemma> rest;
    for (const auto& d : data.dilemmas)
        if (d.jointGroup == leaving.jointGroup && d.id != leaving.id) rest.push_back(d);
    if (rest.size() != 1) return;
    rest.front().jointGroup = 0;
    plan.steps.push_back(rest.front());
}

} // namespace

EditPlan planRemovePerson(const SessionData& data, Id person) {
    EditPlan plan{"Remove person", {}};
    for (auto d : data.dilemmas)
        if (d.presenter == person) d.presenter = 0, plan.steps.push_back(d);
    for (auto q : data.questions)
        if (q.asker == person) q.asker = 0, plan.steps.push_back(q);
    for (auto p : data.practices)
        if (p.suggestedBy == person) p.suggestedBy = 0, plan.steps.push_back(p);
    for (auto c : data.contributions)
        if (c.person == person) c.person = 0, plan.steps.push_back(c);
    plan.steps.push_back(EditPlan::Remove{Table::People, person});
    return plan;
}

EditPlan planRemoveSession(const SessionData& data, Id session) {
    for (const auto& d : data.dilemmas)
        if (d.session == session)
            throw RuleError("this thematic session still holds dilemmas; move or delete them first");
    EditPlan plan{"Remove thematic session", {}};
    for (auto c : data.contributions)
        if (c.session == session) c.session = 0, plan.steps.push_back(c);
    plan.steps.push_back(EditPlan::Remove{Table::Sessions, session});
    return plan;
}

EditPlan planRemoveDilemma(const SessionData& data, Id dilemma) {
    EditPlan plan{"Remove dilemma", {}};
    // Children first: undo replays the step backwards, restoring the dilemma before them.
    for (const auto& q : data.questions)
        if (q.dilemma == dilemma) plan.steps.push_back(EditPlan::Remove{Table::Questions, q.id});
    for (const auto& p : data.practices)
        if (p.dilemma == dilemma) plan.steps.push_back(EditPlan::Remove{Table::Practices, p.id});
    for (const auto& e : data.phaseLog)
        if (e.dilemma == dilemma) plan.steps.push_back(EditPlan::Remove{Table::PhaseLog, e.id});
    const auto* self = find(data.dilemmas, dilemma);
    plan.steps.push_back(EditPlan::Remove{Table::Dilemmas, dilemma});
    if (self) endLoneDiscussion(data, *self, plan);
    return plan;
}

EditPlan planMoveSession(const SessionData& data, Id session, int index) {
    std::vector<ThematicSession> sessions = data.sessions;
    std::stable_sort(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    const auto it =
        std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) { return s.id == session; });
    if (it == sessions.end()) throw RuleError("no such thematic session");
    const auto moved = *it;
    sessions.erase(it);
    index = std::clamp(index, 0, static_cast<int>(sessions.size()));
    sessions.insert(sessions.begin() + index, moved);
    EditPlan plan{"Reorder thematic sessions", {}};
    int position = 1;
    for (auto& s : sessions) {
        if (s.position != position) {
            s.position = position;
            plan.steps.push_back(s);
        }
        ++position;
    }
    return plan;
}

EditPlan planMoveDilemma(const SessionData& data, Id dilemma, Id session, int index) {
    const auto* self = find(data.dilemmas, dilemma);
    if (!self) throw RuleError("no such dilemma");
    if (!find(data.sessions, session)) throw RuleError("no such thematic session");
    EditPlan plan{"Move dilemma", {}};
    auto renumber = [&](std::vector<Dilemma>& list, Id inSession) {
        int position = 1;
        for (auto& d : list) {
            if (d.position != position || d.session != inSession) {
                d.position = position;
                d.session = inSession;
                plan.steps.push_back(d);
            }
            ++position;
        }
    };
    const Id from = self->session;
    auto target = dilemmasOf(data, session);
    std::erase_if(target, [&](const auto& d) { return d.id == dilemma; });
    index = std::clamp(index, 0, static_cast<int>(target.size()));
    target.insert(target.begin() + index, *self);
    renumber(target, session);
    if (from != session) {
        auto source = dilemmasOf(data, from);
        std::erase_if(source, [&](const auto& d) { return d.id == dilemma; });
        renumber(source, from);
    }
    return plan;
}

EditPlan planJoin(const SessionData& data, const std::vector<Id>& ids) {
    if (ids.size() < 2) throw RuleError("pick at least two dilemmas to discuss together");
    const Id group = newJointGroup(data);
    // Joining a dilemma that is already in a discussion brings its partners along.
    std::vector<Id> members(ids.begin(), ids.end());
    for (const Id id : ids)
        if (const auto* d = find(data.dilemmas, id); d && d->jointGroup != 0)
            for (const auto& partner : data.dilemmas)
                if (partner.jointGroup == d->jointGroup) members.push_back(partner.id);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    EditPlan plan{"Discuss dilemmas together", {}};
    for (const Id id : members)
        if (const auto* d = find(data.dilemmas, id)) {
            Dilemma joined = *d;
            joined.jointGroup = group;
            plan.steps.push_back(joined);
        }
    return plan;
}

EditPlan planSplit(const SessionData& data, Id dilemma) {
    EditPlan plan{"Discuss separately", {}};
    const auto* self = find(data.dilemmas, dilemma);
    if (!self || self->jointGroup == 0) return plan;
    Dilemma alone = *self;
    alone.jointGroup = 0;
    plan.steps.push_back(alone);
    endLoneDiscussion(data, *self, plan);
    return plan;
}

namespace {

// "3 statements", "1 vote count".
std::string countOf(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

EditPlan planRemoveRing(const SessionData& data, Id ring) {
    const auto* self = find(data.rings, ring);
    if (!self) throw RuleError("no such ring");
    const auto statements = static_cast<std::size_t>(std::count_if(
        data.statements.begin(), data.statements.end(), [&](const Statement& s) { return s.ring == ring; }));
    const auto votes = static_cast<std::size_t>(std::count_if(
        data.votes.begin(), data.votes.end(), [&](const VoteTally& v) { return v.ring == ring; }));
    if (statements > 0 || votes > 0) {
        std::string what;
        if (statements > 0) what = countOf(statements, "statement", "statements");
        if (votes > 0) what += (what.empty() ? "" : " and ") + countOf(votes, "vote count", "vote counts");
        const std::string name = self->name.empty() ? std::string("this ring") : "“" + self->name + "”";
        // Short enough for the setup's one message line; the tab itself says the rule.
        throw RuleError(name + " cannot be removed: it already has " + what);
    }
    EditPlan plan{"Remove ring", {}};
    // Its members stay in the workshop, in no ring, before the ring goes (they refer to it).
    for (auto p : data.people)
        if (p.ring == ring) p.ring = 0, plan.steps.push_back(p);
    plan.steps.push_back(EditPlan::Remove{Table::Rings, ring});
    return plan;
}

EditPlan planMoveRing(const SessionData& data, Id ring, int index) {
    std::vector<Ring> rings = data.rings;
    std::stable_sort(rings.begin(), rings.end(), [](const Ring& a, const Ring& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    const auto it = std::find_if(rings.begin(), rings.end(), [&](const Ring& r) { return r.id == ring; });
    if (it == rings.end()) throw RuleError("no such ring");
    const Ring moved = *it;
    rings.erase(it);
    index = std::clamp(index, 0, static_cast<int>(rings.size()));
    rings.insert(rings.begin() + index, moved);
    EditPlan plan{"Reorder rings", {}};
    int position = 1;
    for (auto& r : rings) {
        if (r.position != position) {
            r.position = position;
            plan.steps.push_back(r);
        }
        ++position;
    }
    return plan;
}

EditPlan planRemoveStatement(const SessionData& data, Id statement) {
    if (!find(data.statements, statement)) throw RuleError("no such statement");
    const auto merged = static_cast<std::size_t>(
        std::count_if(data.statements.begin(), data.statements.end(),
                      [&](const Statement& s) { return s.mergedInto == statement; }));
    if (merged > 0)
        throw RuleError("this statement cannot be removed: " +
                        countOf(merged, "other statement is", "other statements are") + " merged into it");
    EditPlan plan{"Remove statement", {}};
    // Its tallies first: they refer to it, and undo restores the statement before them.
    for (const auto& v : data.votes)
        if (v.statement == statement) plan.steps.push_back(EditPlan::Remove{Table::Votes, v.id});
    plan.steps.push_back(EditPlan::Remove{Table::Statements, statement});
    return plan;
}

} // namespace plenary::core
