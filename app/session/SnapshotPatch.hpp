#pragma once

#include "core/Model.hpp"
#include "store/ChangeSet.hpp"
#include "store/SessionStore.hpp"

#include <optional>
#include <utility>
#include <vector>

// Keeps a workshop's snapshot current in place: after an edit, an undo or a redo, only the rows
// the store reports as touched are read again and put where a fresh load() would have them.
namespace plenary::session {

// What a patch touched, so that what is derived from those tables is rebuilt, and nothing else.
struct Touched {
    bool agenda = false;   // thematic sessions, people, or dilemmas added, removed or regrouped
    bool dilemmas = false; // any dilemma row (status, text)
    bool phaseLog = false;
    bool roundLog = false; // where a conference is, and its round's timer
    bool phases = false;
    bool workshop = false;
    bool votes = false;
    bool conference = false; // anything a conference's counts and figures are made of
    // A conference's shape: its rings, statements, people, phases (rounds), workshop (scale).
    bool conferenceShape = false;
    // The tallies touched, each as it is now (nullopt: gone), so the conference's counts and
    // figures follow one tally without counting every other again.
    std::vector<std::pair<core::Id, std::optional<core::VoteTally>>> voteRows;
    bool any = false;
    // Questions and practices: rows added at the end (their places), or any other reshaping.
    std::vector<std::size_t> appendedQuestions;
    std::vector<std::size_t> appendedPractices;
    bool questionsReshaped = false;
    bool practicesReshaped = false;
};

Touched applyChanges(core::SessionData& data, store::SessionStore& store, const store::ChangeSet& changes);

} // namespace plenary::session
