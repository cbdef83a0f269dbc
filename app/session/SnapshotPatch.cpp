#include "session/SnapshotPatch.hpp"

#include <algorithm>
#include <tuple>

namespace plenary::session {

using core::Id;

namespace {

// Each table's order, exactly as SessionStore::load() gives it.
struct Order {
    bool operator()(const core::Person& a, const core::Person& b) const { return core::personBefore(a, b); }
    bool operator()(const core::Phase& a, const core::Phase& b) const { return a.position < b.position; }
    // Questions and practices are kept in id order, so a capture is appended; each dilemma's own
    // list, in position order, is the open workshop's index (core::ByDilemma).
    bool operator()(const core::Question& a, const core::Question& b) const { return a.id < b.id; }
    bool operator()(const core::Practice& a, const core::Practice& b) const { return a.id < b.id; }
    template <class T>
    requires requires(T t) {
        t.position;
        t.id;
    }
    bool operator()(const T& a, const T& b) const {
        if constexpr (requires { a.kind; }) {
            const auto ka = core::contributionKey(a.kind);
            const auto kb = core::contributionKey(b.kind);
            if (ka != kb) return ka < kb;
        }
        if (a.position != b.position) return a.position < b.position;
        return a.id < b.id;
    }
    bool operator()(const core::PhaseLogEntry& a, const core::PhaseLogEntry& b) const { return a.id < b.id; }
    bool operator()(const core::RoundLogEntry& a, const core::RoundLogEntry& b) const { return a.id < b.id; }
    // Tallies as load() orders them; a tally's key never changes, only its count.
    bool operator()(const core::VoteTally& a, const core::VoteTally& b) const {
        return std::tie(a.round, a.ring, a.statement, a.level, a.id) <
               std::tie(b.round, b.ring, b.statement, b.level, b.id);
    }
};

template <class T> Id idOf(const T& item) {
    if constexpr (std::is_same_v<T, core::Phase>)
        return item.position; // a phase's row id is its position
    else
        return item.id;
}

enum class Placement { InPlace, Appended, Reshaped };

// Puts the row's current state (or its absence) where load() would have it, and says how: in
// place, appended at the end, or anything that moves other rows (an index of places is stale).
template <class T>
Placement patch(std::vector<T>& rows, store::SessionStore& store, const store::RowChange& change) {
    Order less;
    // Read whatever the change says: an edit rolled back at commit (a full disk) left the row as it was.
    std::optional<T> fresh = store.row<T>(change.id);
    if (fresh) {
        // Most often the row is where it was (an update) or new at its place (an insert).
        auto at = std::lower_bound(rows.begin(), rows.end(), *fresh, less);
        if (at != rows.end() && idOf(*at) == change.id) {
            bool regrouped = false;
            if constexpr (requires {
                              fresh->dilemma;
                              fresh->position;
                          })
                regrouped = at->dilemma != fresh->dilemma || at->position != fresh->position;
            *at = std::move(*fresh);
            return regrouped ? Placement::Reshaped : Placement::InPlace;
        }
    }
    bool moved = false;
    if (change.existedBefore || !fresh) {
        const auto old =
            std::find_if(rows.begin(), rows.end(), [&](const T& r) { return idOf(r) == change.id; });
        if (old != rows.end()) {
            rows.erase(old);
            moved = true;
        }
    }
    if (fresh) {
        const auto at = std::upper_bound(rows.begin(), rows.end(), *fresh, less);
        const bool atEnd = at == rows.end();
        rows.insert(at, std::move(*fresh));
        return moved || !atEnd ? Placement::Reshaped : Placement::Appended;
    }
    return moved ? Placement::Reshaped : Placement::InPlace;
}

} // namespace

Touched applyChanges(core::SessionData& data, store::SessionStore& store, const store::ChangeSet& changes) {
    Touched touched;
    for (const auto& change : changes) {
        touched.any = true;
        const std::string_view table = change.table;
        if (table == "workshop") {
            touched.conference = touched.conferenceShape = true;
            if (auto w = store.row<core::Workshop>(1)) data.workshop = std::move(*w);
            touched.workshop = true;
        } else if (table == "people") {
            touched.conference = touched.conferenceShape = true;
            patch(data.people, store, change);
            touched.agenda = true;
        } else if (table == "phases") {
            touched.conference = touched.conferenceShape = true;
            patch(data.phases, store, change);
            touched.phases = true;
        } else if (table == "thematic_sessions") {
            patch(data.sessions, store, change);
            touched.agenda = true;
        } else if (table == "dilemmas") {
            const core::Dilemma* before = nullptr;
            for (const auto& d : data.dilemmas)
                if (d.id == change.id) before = &d;
            const auto was = before ? std::optional<core::Dilemma>(*before) : std::nullopt;
            const bool moved = patch(data.dilemmas, store, change) != Placement::InPlace;
            const core::Dilemma* after = nullptr;
            for (const auto& d : data.dilemmas)
                if (d.id == change.id) after = &d;
            // A new status or text keeps the agenda's shape; a new place or group changes it.
            const bool regrouped = !was || !after || was->session != after->session ||
                                   was->position != after->position || was->jointGroup != after->jointGroup;
            touched.agenda = touched.agenda || moved || regrouped;
            touched.dilemmas = true;
        } else if (table == "questions") {
            const auto placed = patch(data.questions, store, change);
            if (placed == Placement::Appended) touched.appendedQuestions.push_back(data.questions.size() - 1);
            touched.questionsReshaped = touched.questionsReshaped || placed == Placement::Reshaped;
        } else if (table == "practices") {
            const auto placed = patch(data.practices, store, change);
            if (placed == Placement::Appended) touched.appendedPractices.push_back(data.practices.size() - 1);
            touched.practicesReshaped = touched.practicesReshaped || placed == Placement::Reshaped;
        } else if (table == "contributions") {
            patch(data.contributions, store, change);
        } else if (table == "phase_log") {
            patch(data.phaseLog, store, change);
            touched.phaseLog = true;
        } else if (table == "rings") {
            touched.conference = touched.conferenceShape = true;
            patch(data.rings, store, change);
        } else if (table == "statements") {
            touched.conference = touched.conferenceShape = true;
            patch(data.statements, store, change);
        } else if (table == "round_log") {
            patch(data.roundLog, store, change);
            touched.roundLog = true;
        } else if (table == "votes") {
            touched.conference = true;
            patch(data.votes, store, change);
            touched.votes = true;
            touched.voteRows.emplace_back(change.id, store.row<core::VoteTally>(change.id));
        }
    }
    return touched;
}

} // namespace plenary::session
