#include "core/Counts.hpp"

namespace plenary::core {

WorkshopCounts countsOf(const SessionData& d) {
    auto n = [](const auto& items) { return static_cast<int>(items.size()); };
    WorkshopCounts c;
    c.people = n(d.people);
    c.sessions = n(d.sessions);
    c.dilemmas = n(d.dilemmas);
    c.questions = n(d.questions);
    c.practices = n(d.practices);
    c.contributions = n(d.contributions);
    c.phaseLog = n(d.phaseLog);
    c.rings = n(d.rings);
    c.statements = n(d.statements);
    c.votes = n(d.votes);
    return c;
}

WorkshopCounts& operator+=(WorkshopCounts& sum, const WorkshopCounts& c) {
    sum.people += c.people;
    sum.sessions += c.sessions;
    sum.dilemmas += c.dilemmas;
    sum.questions += c.questions;
    sum.practices += c.practices;
    sum.contributions += c.contributions;
    sum.phaseLog += c.phaseLog;
    sum.rings += c.rings;
    sum.statements += c.statements;
    sum.votes += c.votes;
    sum.undoSteps += c.undoSteps;
    return sum;
}

} // namespace plenary::core
