#pragma once

#include "core/Model.hpp"

#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

// The domain's rules for edits that touch several rows — who keeps what a removed person said, a
// joint discussion's group number, renumbering after a move — decided here on the snapshot, as a
// plan the store then writes as one edit (one transaction, one undo step).
namespace plenary::core {

// An edit the rules refuse (a thematic session that still holds dilemmas); one readable line.
struct RuleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Table {
    People,
    Sessions,
    Dilemmas,
    Questions,
    Practices,
    Contributions,
    PhaseLog,
    Rings,
    Statements,
    Votes
};

struct EditPlan {
    // A row written as it is here (it exists), or a row removed. Steps run in order, so
    // references hold at every step (children before their parent).
    struct Remove {
        Table table;
        Id id = 0;
    };
    using Step = std::variant<ThematicSession, Dilemma, Contribution, Question, Practice, Person, Ring,
                              Statement, Remove>;
    std::string label;
    std::vector<Step> steps;
};

// Removing a person keeps what they said, no longer attributed to anyone.
EditPlan planRemovePerson(const SessionData& data, Id person);
// Refused (RuleError) while the session holds dilemmas; contributions to it become module-wide.
EditPlan planRemoveSession(const SessionData& data, Id session);
// With its questions, practices and phase log; a joint discussion left with one dilemma ends.
EditPlan planRemoveDilemma(const SessionData& data, Id dilemma);
// Positions are renumbered 1..n; index counts from 0 and is clamped.
EditPlan planMoveSession(const SessionData& data, Id session, int index);
// index counts from 0 among the target session's dilemmas (clamped); the dilemma may change session.
EditPlan planMoveDilemma(const SessionData& data, Id dilemma, Id session, int index);
// One discussion under a fresh group number; dilemmas already joined bring their partners along.
EditPlan planJoin(const SessionData& data, const std::vector<Id>& dilemmas);
// Out of its joint discussion; a discussion of one that is left is no discussion.
EditPlan planSplit(const SessionData& data, Id dilemma);

// Social Olympics. A ring is removed only while nothing was said or counted in it (RuleError
// otherwise: its statements and tallies are the conference's record); its members stay in the
// workshop, in no ring.
EditPlan planRemoveRing(const SessionData& data, Id ring);
// Positions of the rings renumbered 1..n; index counts from 0 and is clamped.
EditPlan planMoveRing(const SessionData& data, Id ring, int index);
// With its vote tallies (undo brings them back). Refused while other statements are merged into
// it: they would lose what they were rated as.
EditPlan planRemoveStatement(const SessionData& data, Id statement);

} // namespace plenary::core
