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

} // namespace plenary::core
