// Edits on a session file: each one is durable (visible after closing and reopening), undoable to
// the exact previous state, redoable, and kept in the full-text index.
#include "store_test_util.hpp"

#include "core/Csv.hpp"
#include "core/Rules.hpp"
#include "store/SessionStore.hpp"
#include "store/StoreError.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

using namespace store_test;
using plenary::core::Id;
using plenary::core::SessionData;
using plenary::store::OpenMode;
using plenary::store::SessionStore;
using plenary::store::StoreError;
using plenary::store::StoreErrorKind;
namespace core = plenary::core;

namespace {

fs::path makeSession(const TempDir& dir, const std::string& example = "urban-academy-education") {
    const fs::path path = dir / "session.plenary";
    SessionStore::create(path, exampleSession(example));
    return path;
}

// Runs one edit, then checks it the way a facilitator would meet it: the edit is there after
// closing and reopening, undo (after another reopen) gives back exactly the previous session,
// redo gives back exactly the edited one, and nothing but the .plenary file is left on disk.
void checkEdit(const fs::path& path, const std::function<void(SessionStore&)>& edit,
               const std::function<void(const SessionData& before, const SessionData& after)>& verify,
               const std::string& label) {
    SessionData before;
    SessionData after;
    {
        auto store = SessionStore::open(path);
        before = store->load();
        const int steps = store->counts().undoSteps;
        edit(*store);
        CHECK_FALSE(hasSideFiles(path)); // committed: no journal while the window stays open
        after = store->load();
        CHECK(store->counts().undoSteps == steps + 1); // one edit, one undo step
        CHECK(store->undoLabel() == label);
        CHECK_FALSE(store->canRedo());
    }
    CHECK(after != before);
    verify(before, after);
    {
        auto store = SessionStore::open(path);
        CHECK(store->load() == after);
        REQUIRE(store->canUndo());
        CHECK(store->undo());
        CHECK(store->load() == before);
        CHECK(store->canRedo());
        CHECK(store->redoLabel() == label);
        CHECK_FALSE(hasSideFiles(path));
    }
    {
        auto store = SessionStore::open(path);
        CHECK(store->load() == before); // the undo itself was durable
        REQUIRE(store->canRedo());
        CHECK(store->redo());
        CHECK(store->load() == after);
        CHECK_FALSE(store->canRedo());
        CHECK(store->integrityCheck() == "ok");
    }
    {
        auto store = SessionStore::open(path);
        CHECK(store->load() == after);
    }
}

template <class T, class Items> const T* byId(const Items& items, Id id) {
    const auto it = std::find_if(items.begin(), items.end(), [id](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

bool found(SessionStore& store, const std::string& query, const std::string& kind = "", Id ref = 0) {
    for (const auto& hit : store.search(query))
        if ((kind.empty() || hit.kind == kind) && (ref == 0 || hit.ref == ref)) return true;
    return false;
}

StoreErrorKind errorKind(const std::function<void()>& action) {
    try {
        action();
    } catch (const StoreError& e) {
        return e.kind();
    }
    FAIL("expected a StoreError");
    return StoreErrorKind::Io;
}

} // namespace

TEST_CASE("store: workshop and phase edits are durable and undoable") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    checkEdit(
        path,
        [](SessionStore& s) {
            auto w = s.workshop();
            w.title = "Renamed: Αθήνα — Київ 🎉";
            w.venue = "Łódź";
            w.threshold = 0.75;
            w.rounds = 3;
            w.dotBudget = 5;
            s.updateWorkshop(w);
        },
        [](const SessionData&, const SessionData& after) {
            CHECK(after.workshop.title == "Renamed: Αθήνα — Київ 🎉");
            CHECK(after.workshop.venue == "Łódź");
            CHECK(after.workshop.threshold == 0.75);
            CHECK(after.workshop.rounds == 3);
        },
        "Edit workshop");
    checkEdit(
        path,
        [](SessionStore& s) {
            auto phases = s.phases();
            REQUIRE(phases.size() == 5);
            auto phase = phases[1];
            phase.seconds += 120;
            phase.prompt = "Ask only open questions.";
            s.updatePhase(phase);
        },
        [](const SessionData& before, const SessionData& after) {
            CHECK(after.phases[1].seconds == before.phases[1].seconds + 120);
            CHECK(after.phases[1].prompt == "Ask only open questions.");
            CHECK(after.phases[0] == before.phases[0]);
        },
        "Change phase");
}

TEST_CASE("store: undo gives back a threshold exactly, not rounded through text") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    auto store = SessionStore::open(path);
    auto w = store->workshop();
    w.threshold = 2.0 / 3.0;
    store->updateWorkshop(w);
    const auto withThird = store->load();
    CHECK(withThird.workshop.threshold == 2.0 / 3.0);
    w.threshold = static_cast<double>(0.6f); // what a float slider would hand over
    store->updateWorkshop(w);
    CHECK(store->workshop().threshold == static_cast<double>(0.6f));
    REQUIRE(store->undo());
    CHECK(store->load() == withThird);
    REQUIRE(store->redo());
    CHECK(store->workshop().threshold == static_cast<double>(0.6f));
}

TEST_CASE("store: people edits, and removing a person keeps what they said unattributed") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    Id added = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Person p;
            p.name = "Zoë Ξανθοπούλου";
            p.organisation = "Город Київ";
            p.city = "Thessaloniki";
            p.country = "GR";
            p.role = core::Role::Expert;
            added = s.addPerson(p);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.people.size() == before.people.size() + 1);
            const auto* p = byId<core::Person>(after.people, added);
            REQUIRE(p != nullptr);
            CHECK(p->name == "Zoë Ξανθοπούλου");
            CHECK(p->role == core::Role::Expert);
        },
        "Add person");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto people = s.people();
            auto p = *byId<core::Person>(people, added);
            p.city = "Αθήνα";
            p.role = core::Role::Rapporteur;
            s.updatePerson(p);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Person>(after.people, added)->city == "Αθήνα");
        },
        "Edit person");

    // Someone who presented a dilemma, asked a question, suggested a practice or gave a talk.
    const SessionData data = SessionStore::open(path)->load();
    Id person = 0;
    int bestRefs = 0;
    for (const auto& p : data.people) {
        const auto refs = std::count_if(data.dilemmas.begin(), data.dilemmas.end(),
                                        [&](const auto& d) { return d.presenter == p.id; }) +
                          std::count_if(data.questions.begin(), data.questions.end(),
                                        [&](const auto& q) { return q.asker == p.id; }) +
                          std::count_if(data.practices.begin(), data.practices.end(),
                                        [&](const auto& x) { return x.suggestedBy == p.id; }) +
                          std::count_if(data.contributions.begin(), data.contributions.end(),
                                        [&](const auto& c) { return c.person == p.id; });
        if (refs > bestRefs) {
            bestRefs = static_cast<int>(refs);
            person = p.id;
        }
    }
    REQUIRE(person != 0);
    REQUIRE(bestRefs >= 1);
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planRemovePerson(s.load(), person)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(byId<core::Person>(after.people, person) == nullptr);
            CHECK(after.people.size() == before.people.size() - 1);
            // Nothing said is lost; it is just no longer attributed.
            CHECK(after.dilemmas.size() == before.dilemmas.size());
            CHECK(after.questions.size() == before.questions.size());
            CHECK(after.practices.size() == before.practices.size());
            CHECK(after.contributions.size() == before.contributions.size());
            for (const auto& d : after.dilemmas)
                CHECK(d.presenter != person);
            for (const auto& q : after.questions)
                CHECK(q.asker != person);
            for (const auto& x : after.practices)
                CHECK(x.suggestedBy != person);
            for (const auto& c : after.contributions)
                CHECK(c.person != person);
            for (std::size_t i = 0; i < after.questions.size(); ++i)
                CHECK(after.questions[i].text == before.questions[i].text);
        },
        "Remove person");
}

TEST_CASE("store: thematic sessions; one that holds dilemmas cannot be removed") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    Id added = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::ThematicSession t;
            t.title = "Языки и школы";
            added = s.addSession(t);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.sessions.size() == before.sessions.size() + 1);
            const auto* t = byId<core::ThematicSession>(after.sessions, added);
            REQUIRE(t != nullptr);
            CHECK(t->position > before.sessions.back().position); // position 0 puts it last
        },
        "Add thematic session");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto t = *byId<core::ThematicSession>(s.sessions(), added);
            t.title = "Languages and schools";
            s.updateSession(t);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::ThematicSession>(after.sessions, added)->title == "Languages and schools");
        },
        "Edit thematic session");

    {
        auto store = SessionStore::open(path);
        const auto before = store->load();
        const int steps = store->counts().undoSteps;
        const Id busy = before.dilemmas.front().session;
        // The rules refuse it before anything is written.
        CHECK_THROWS_AS(core::planRemoveSession(before, busy), core::RuleError);
        CHECK(store->load() == before);
        CHECK(store->counts().undoSteps == steps);
        // A contribution tied to the empty session keeps its text when the session goes.
        core::Contribution c;
        c.kind = core::ContributionKind::WrapUp;
        c.session = added;
        c.title = "Closing words";
        c.text = "Thank you all.";
        store->addContribution(c);
    }
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planRemoveSession(s.load(), added)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(byId<core::ThematicSession>(after.sessions, added) == nullptr);
            CHECK(after.contributions.size() == before.contributions.size());
            for (const auto& c : after.contributions) {
                CHECK(c.session != added);
                if (c.title == "Closing words") CHECK(c.session == 0);
            }
        },
        "Remove thematic session");
}

TEST_CASE(
    "store: dilemmas; removing one takes its questions, practices and phase log, and undo brings them back") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    const SessionData data = SessionStore::open(path)->load();
    const Id session = data.sessions.front().id;
    Id added = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Dilemma d;
            d.session = session;
            d.question = "How do we teach Καλημέρα and Привет in one class?";
            d.information = "Context 🎒";
            d.presenter = data.people.front().id;
            added = s.addDilemma(d);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.dilemmas.size() == before.dilemmas.size() + 1);
            const auto* d = byId<core::Dilemma>(after.dilemmas, added);
            REQUIRE(d != nullptr);
            int lastPosition = 0;
            for (const auto& other : before.dilemmas)
                if (other.session == session) lastPosition = std::max(lastPosition, other.position);
            CHECK(d->position == lastPosition + 1);
        },
        "Add dilemma");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto d = *byId<core::Dilemma>(s.dilemmas(), added);
            d.reflection = "We reflected.";
            d.result = "A shared curriculum.";
            d.status = core::DilemmaStatus::Done;
            d.jointGroup = 7;
            s.updateDilemma(d);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* d = byId<core::Dilemma>(after.dilemmas, added);
            CHECK(d->status == core::DilemmaStatus::Done);
            CHECK(d->jointGroup == 7);
            CHECK(d->result == "A shared curriculum.");
        },
        "Edit dilemma");

    // The example dilemma with the most children.
    Id victim = 0;
    std::size_t children = 0;
    for (const auto& d : data.dilemmas) {
        const auto n = std::count_if(data.questions.begin(), data.questions.end(),
                                     [&](auto& q) { return q.dilemma == d.id; }) +
                       std::count_if(data.practices.begin(), data.practices.end(),
                                     [&](auto& p) { return p.dilemma == d.id; }) +
                       std::count_if(data.phaseLog.begin(), data.phaseLog.end(),
                                     [&](auto& e) { return e.dilemma == d.id; });
        if (static_cast<std::size_t>(n) > children) {
            children = static_cast<std::size_t>(n);
            victim = d.id;
        }
    }
    REQUIRE(victim != 0);
    {
        auto store = SessionStore::open(path);
        REQUIRE_FALSE(store->questions(victim).empty());
        REQUIRE_FALSE(store->practices(victim).empty());
    }
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planRemoveDilemma(s.load(), victim)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(byId<core::Dilemma>(after.dilemmas, victim) == nullptr);
            for (const auto& q : after.questions)
                CHECK(q.dilemma != victim);
            for (const auto& p : after.practices)
                CHECK(p.dilemma != victim);
            for (const auto& e : after.phaseLog)
                CHECK(e.dilemma != victim);
            CHECK(after.questions.size() + after.practices.size() + after.phaseLog.size() + children ==
                  before.questions.size() + before.practices.size() + before.phaseLog.size());
        },
        "Remove dilemma");
}

TEST_CASE("store: questions, practices, contributions and the phase log") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    const SessionData data = SessionStore::open(path)->load();
    const Id dilemma = data.dilemmas.back().id;
    const Id asker = data.people.back().id;

    Id question = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Question q;
            q.dilemma = dilemma;
            q.text = "Why \"now\" — and who pays? {\"json\": [1, 2]} \\ \t tab";
            q.asker = asker;
            question = s.addQuestion(q);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.questions.size() == before.questions.size() + 1);
            const auto* q = byId<core::Question>(after.questions, question);
            REQUIRE(q != nullptr);
            CHECK(q->text == "Why \"now\" — and who pays? {\"json\": [1, 2]} \\ \t tab");
            CHECK(q->asker == asker);
            CHECK(q->open);
        },
        "Add question");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto q = *byId<core::Question>(s.questions(dilemma), question);
            q.open = false;
            q.overridden = true;
            q.asker = 0;
            s.updateQuestion(q);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* q = byId<core::Question>(after.questions, question);
            CHECK_FALSE(q->open);
            CHECK(q->overridden);
            CHECK(q->asker == 0);
        },
        "Edit question");
    checkEdit(
        path, [&](SessionStore& s) { s.deleteQuestion(question); },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Question>(after.questions, question) == nullptr);
        },
        "Remove question");

    Id practice = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Practice p;
            p.dilemma = dilemma;
            p.title = "Buddy programme";
            p.description = "Older pupils mentor newcomers.";
            p.city = "Gent";
            p.country = "BE";
            p.suggestedBy = asker;
            p.link = "https://example.org/buddy";
            p.innovative = true;
            p.replicable = true;
            practice = s.addPractice(p);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* p = byId<core::Practice>(after.practices, practice);
            REQUIRE(p != nullptr);
            CHECK(p->innovative);
            CHECK_FALSE(p->sustainable);
            CHECK(p->replicable);
            CHECK(p->suggestedBy == asker);
        },
        "Add practice");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto p = *byId<core::Practice>(s.practices(dilemma), practice);
            p.sustainable = true;
            p.catalog = "catalog-17";
            s.updatePractice(p);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Practice>(after.practices, practice)->catalog == "catalog-17");
        },
        "Edit practice");
    checkEdit(
        path, [&](SessionStore& s) { s.deletePractice(practice); },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Practice>(after.practices, practice) == nullptr);
        },
        "Remove practice");

    Id contribution = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Contribution c;
            c.kind = core::ContributionKind::Introduction;
            c.person = asker;
            c.title = "Welcome";
            c.text = "Добро пожаловать";
            contribution = s.addContribution(c);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* c = byId<core::Contribution>(after.contributions, contribution);
            REQUIRE(c != nullptr);
            CHECK(c->session == 0);
            CHECK(c->text == "Добро пожаловать");
        },
        "Add contribution");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto c = *byId<core::Contribution>(s.contributions(), contribution);
            c.kind = core::ContributionKind::WrapUp;
            s.updateContribution(c);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Contribution>(after.contributions, contribution)->kind ==
                  core::ContributionKind::WrapUp);
        },
        "Edit contribution");
    checkEdit(
        path, [&](SessionStore& s) { s.deleteContribution(contribution); },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Contribution>(after.contributions, contribution) == nullptr);
        },
        "Remove contribution");

    Id entry = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::PhaseLogEntry e;
            e.dilemma = dilemma;
            e.phase = "questions";
            e.startedAt = "2024-05-02T09:00:00Z";
            e.plannedSeconds = 900;
            entry = s.addPhaseLog(e);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* e = byId<core::PhaseLogEntry>(after.phaseLog, entry);
            REQUIRE(e != nullptr);
            CHECK(e->endedAt.empty());
        },
        "Start phase");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto e = *byId<core::PhaseLogEntry>(s.load().phaseLog, entry);
            e.endedAt = "2024-05-02T09:14:30Z";
            s.updatePhaseLog(e);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::PhaseLogEntry>(after.phaseLog, entry)->endedAt == "2024-05-02T09:14:30Z");
        },
        "End phase");
}

TEST_CASE("store: rings, statements and vote tallies") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    Id ring = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Ring r;
            r.key = "violet";
            r.name = "Violet ring";
            r.colour = "#8040C0";
            ring = s.addRing(r);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.rings.size() == before.rings.size() + 1);
            CHECK(after.rings.back().id == ring);
        },
        "Add ring");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto r = *byId<core::Ring>(s.load().rings, ring);
            r.name = "Фиолетовое кольцо";
            s.updateRing(r);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Ring>(after.rings, ring)->name == "Фиолетовое кольцо");
        },
        "Edit ring");

    Id statement = 0;
    checkEdit(
        path,
        [&](SessionStore& s) {
            core::Statement st;
            st.ring = ring;
            st.text = "Every neighbourhood gets a renewal council 🏘️";
            statement = s.addStatement(st);
        },
        [&](const SessionData&, const SessionData& after) {
            const auto* st = byId<core::Statement>(after.statements, statement);
            REQUIRE(st != nullptr);
            CHECK(st->ring == ring);
        },
        "Add statement");
    const SessionData data = SessionStore::open(path)->load();
    const Id target = data.statements.front().id;
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto st = *byId<core::Statement>(s.load().statements, statement);
            st.mergedInto = target;
            s.updateStatement(st);
        },
        [&](const SessionData&, const SessionData& after) {
            CHECK(byId<core::Statement>(after.statements, statement)->mergedInto == target);
        },
        "Edit statement");

    const core::VoteTally fresh{0, 9, ring, statement, 2, 4};
    auto findVote = [](const SessionData& d, const core::VoteTally& v) -> const core::VoteTally* {
        for (const auto& x : d.votes)
            if (x.round == v.round && x.ring == v.ring && x.statement == v.statement && x.level == v.level)
                return &x;
        return nullptr;
    };
    checkEdit(
        path, [&](SessionStore& s) { s.setVote(fresh); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.votes.size() == before.votes.size() + 1);
            REQUIRE(findVote(after, fresh) != nullptr);
            CHECK(findVote(after, fresh)->count == 4);
        },
        "Count votes");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto v = fresh;
            v.count = 11;
            s.setVote(v);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.votes.size() == before.votes.size());
            CHECK(findVote(after, fresh)->count == 11);
        },
        "Count votes");
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto v = fresh;
            v.count = 0;
            s.setVote(v);
        },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.votes.size() == before.votes.size() - 1);
            CHECK(findVote(after, fresh) == nullptr);
        },
        "Count votes");
    // An existing tally from the example, removed by a count of 0.
    const auto existing = data.votes.front();
    checkEdit(
        path,
        [&](SessionStore& s) {
            auto v = existing;
            v.count = 0;
            s.setVote(v);
        },
        [&](const SessionData&, const SessionData& after) { CHECK(findVote(after, existing) == nullptr); },
        "Count votes");

    auto store = SessionStore::open(path);
    const auto before = store->load();
    auto negative = fresh;
    negative.count = -1;
    CHECK(errorKind([&] { store->setVote(negative); }) == StoreErrorKind::Invalid);
    CHECK(store->load() == before);
}

TEST_CASE("store: a ring with statements or votes stays; an empty one goes, its members in no ring") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    {
        auto store = SessionStore::open(path);
        const auto before = store->load();
        const int steps = store->counts().undoSteps;
        CHECK_THROWS_AS(store->apply(core::planRemoveRing(before, before.rings.front().id)), core::RuleError);
        CHECK(store->load() == before);
        CHECK(store->counts().undoSteps == steps);
    }
    Id ring = 0;
    Id member = 0;
    {
        auto store = SessionStore::open(path);
        ring = store->addRing(core::Ring{0, "youth", "Youth council", "#2F855A", 6});
        auto person = store->load().people.front();
        person.ring = ring;
        store->updatePerson(person);
        member = person.id;
    }
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planRemoveRing(s.load(), ring)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(byId<core::Person>(before.people, member)->ring == ring);
            CHECK(byId<core::Ring>(after.rings, ring) == nullptr);
            CHECK(after.rings.size() == before.rings.size() - 1);
            CHECK(byId<core::Person>(after.people, member)->ring == 0);
            CHECK(after.people.size() == before.people.size());
        },
        "Remove ring");
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planMoveRing(s.load(), s.load().rings.back().id, 0)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(after.rings.front().id == before.rings.back().id);
            CHECK(after.rings.front().position == 1);
        },
        "Reorder rings");
}

TEST_CASE("store: removing a statement takes its vote tallies, and undo brings them all back") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    const auto data = SessionStore::open(path)->load();
    const Id statement = data.statements.front().id;
    auto tallies = [&](const SessionData& d) {
        return std::count_if(d.votes.begin(), d.votes.end(),
                             [&](const core::VoteTally& v) { return v.statement == statement; });
    };
    REQUIRE(tallies(data) > 0);
    checkEdit(
        path, [&](SessionStore& s) { s.apply(core::planRemoveStatement(s.load(), statement)); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(byId<core::Statement>(after.statements, statement) == nullptr);
            CHECK(tallies(after) == 0);
            CHECK(after.votes.size() == before.votes.size() - static_cast<std::size_t>(tallies(before)));
        },
        "Remove statement");
    // One that others are merged into stays.
    auto store = SessionStore::open(path);
    const auto now = store->load();
    const auto merged = std::find_if(now.statements.begin(), now.statements.end(),
                                     [](const core::Statement& s) { return s.mergedInto != 0; });
    REQUIRE(merged != now.statements.end());
    CHECK_THROWS_AS(store->apply(core::planRemoveStatement(now, merged->mergedInto)), core::RuleError);
    CHECK(store->load() == now);
}

TEST_CASE("store: several statements are one edit, after the others") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    const Id ring = SessionStore::open(path)->load().rings.back().id;
    std::vector<Id> ids;
    checkEdit(
        path,
        [&](SessionStore& s) {
            std::vector<core::Statement> list(3);
            for (std::size_t i = 0; i < list.size(); ++i) {
                list[i].ring = ring;
                list[i].text = "Benchmark " + std::to_string(i + 1);
            }
            ids = s.addStatements(list, "Add benchmark statements");
        },
        [&](const SessionData& before, const SessionData& after) {
            REQUIRE(ids.size() == 3);
            CHECK(after.statements.size() == before.statements.size() + 3);
            int last = 0;
            for (const auto& st : before.statements)
                last = std::max(last, st.position);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const auto* st = byId<core::Statement>(after.statements, ids[i]);
                REQUIRE(st != nullptr);
                CHECK(st->ring == ring);
                CHECK(st->position == last + 1 + static_cast<int>(i));
                CHECK(st->text == "Benchmark " + std::to_string(i + 1));
            }
        },
        "Add benchmark statements");
}

TEST_CASE("store: the rounds are written in one edit, also into a file that has no round rows yet") {
    TempDir dir;
    const fs::path path = dir / "session.plenary";
    auto data = exampleSession("social-olympics-renewal");
    data.phases.clear(); // as an older file or a bare import: roundsOf shows the method's defaults
    SessionStore::create(path, data);
    auto rounds = core::roundsOf(SessionStore::open(path)->load());
    REQUIRE(rounds.size() == 3);
    rounds[1].seconds = 25 * 60;
    rounds[1].name = "Exchange — all rings";
    checkEdit(
        path, [&](SessionStore& s) { s.setRounds(rounds); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(before.phases.empty());
            REQUIRE(after.phases.size() == 3);
            const auto written = core::roundsOf(after);
            CHECK(written[0].name == core::defaultRounds()[0].name);
            CHECK(written[1].name == "Exchange — all rings");
            CHECK(written[1].seconds == 25 * 60);
            CHECK(written[2].prompt == core::defaultRounds()[2].prompt);
        },
        "Edit rounds");
    // Rows there are updated in place; a round left out goes, and the count follows.
    rounds.pop_back();
    rounds[0].seconds = 20 * 60;
    checkEdit(
        path, [&](SessionStore& s) { s.setRounds(rounds); },
        [&](const SessionData& before, const SessionData& after) {
            REQUIRE(after.phases.size() == 2);
            CHECK(after.phases[0].position == before.phases[0].position);
            CHECK(core::roundsOf(after)[0].seconds == 20 * 60);
            CHECK(after.workshop.rounds == 2);
        },
        "Edit rounds");
    auto store = SessionStore::open(path);
    const auto now = store->load();
    auto twice = rounds;
    twice[1].number = 1;
    CHECK(errorKind([&] { store->setRounds(twice); }) == StoreErrorKind::Invalid);
    CHECK(store->load() == now);
}

TEST_CASE("store: a CSV import of statements, and of people in rings; an unknown ring adds nothing") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    const auto rings = SessionStore::open(path)->load().rings;
    auto statements =
        core::parseImportCsv("statement;ring\nA market hall;RESIDENTS\nSafe crossings;\n", "s.csv");
    statements.ring = rings.back().id;
    int added = 0;
    checkEdit(
        path, [&](SessionStore& s) { added = s.importCsv(statements); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(added == 2);
            REQUIRE(after.statements.size() == before.statements.size() + 2);
            const auto& first = after.statements[after.statements.size() - 2];
            CHECK(first.text == "A market hall");
            CHECK(first.ring == core::matchRing(rings, "residents")->id);
            CHECK(after.statements.back().ring == rings.back().id);
        },
        "Import CSV");
    const auto people = core::parseImportCsv("name,ring\nLotte Visser,politicians\nBram Kok,\n", "p.csv");
    checkEdit(
        path, [&](SessionStore& s) { added = s.importCsv(people); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(added == 2);
            CHECK(after.people.size() == before.people.size() + 2);
            for (const auto& p : after.people) {
                if (p.name == "Lotte Visser") CHECK(p.ring == core::matchRing(rings, "Politicians")->id);
                if (p.name == "Bram Kok") CHECK(p.ring == 0);
            }
        },
        "Import CSV");
    auto store = SessionStore::open(path);
    const auto before = store->load();
    const int steps = store->counts().undoSteps;
    const auto unknown = core::parseImportCsv("name,ring\nNew Person,\nOther Person,Landlords\n", "p.csv");
    CHECK_THROWS_WITH_AS(
        store->importCsv(unknown),
        doctest::Contains("p.csv: line 3: ring \"Landlords\" is not one of this workshop's rings"),
        core::CsvError);
    CHECK(store->load() == before);
    CHECK(store->counts().undoSteps == steps);
}

TEST_CASE("store: a CSV import is one edit") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    core::CsvImport batch;
    batch.kind = core::CsvImport::Kind::Dilemmas;
    core::CsvDilemma d;
    d.session = "A brand new theme";
    d.question = "Who teaches the teachers?";
    d.presenter.name = "Maija Meikäläinen";
    batch.dilemmas.push_back(d);
    d.question = "And in which language?";
    batch.dilemmas.push_back(d);
    int added = 0;
    checkEdit(
        path, [&](SessionStore& s) { added = s.importCsv(batch); },
        [&](const SessionData& before, const SessionData& after) {
            CHECK(added == 4); // one session, one person, two dilemmas
            CHECK(after.sessions.size() == before.sessions.size() + 1);
            CHECK(after.people.size() == before.people.size() + 1);
            CHECK(after.dilemmas.size() == before.dilemmas.size() + 2);
        },
        "Import CSV");
}

TEST_CASE("store: undo and redo across many edits and restarts") {
    TempDir dir;
    const fs::path path = dir / "small.plenary";
    SessionStore::create(path, smallSession());
    std::vector<SessionData> states;
    {
        auto store = SessionStore::open(path);
        CHECK_FALSE(store->canUndo()); // a new file has no history
        CHECK_FALSE(store->canRedo());
        CHECK_FALSE(store->undo());
        CHECK_FALSE(store->redo());
        CHECK(store->undoLabel().empty());
        states.push_back(store->load());
        for (int i = 0; i < 5; ++i) {
            core::Question q;
            q.dilemma = 1;
            q.text = "Question " + std::to_string(i);
            store->addQuestion(q);
            states.push_back(store->load());
        }
    }
    // Undo everything, one restart per step.
    for (int i = 5; i > 0; --i) {
        auto store = SessionStore::open(path);
        CHECK(store->load() == states[static_cast<std::size_t>(i)]);
        REQUIRE(store->undo());
    }
    {
        auto store = SessionStore::open(path);
        CHECK(store->load() == states[0]);
        CHECK_FALSE(store->canUndo());
        CHECK_FALSE(store->undo());
        // Redo two, then a new edit drops what could still have been redone.
        REQUIRE(store->redo());
        REQUIRE(store->redo());
        CHECK(store->load() == states[2]);
        CHECK(store->canRedo());
        core::Question q;
        q.dilemma = 1;
        q.text = "A different future";
        store->addQuestion(q);
        CHECK_FALSE(store->canRedo());
        CHECK_FALSE(store->redo());
    }
    {
        auto store = SessionStore::open(path);
        CHECK_FALSE(store->canRedo());
        const auto questions = store->questions(1);
        REQUIRE(questions.size() == 3);
        CHECK(questions[2].text == "A different future");
        REQUIRE(store->undo());
        CHECK(store->load() == states[2]);
        CHECK(store->counts().undoSteps == 2);
        CHECK(store->integrityCheck() == "ok");
    }
}

TEST_CASE("store: a failed edit changes nothing and leaves no undo step") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    auto store = SessionStore::open(path);
    { // something that could be redone: a failed edit must not throw it away
        core::Question q;
        q.dilemma = store->dilemmas().front().id;
        q.text = "Undone, waiting for redo";
        store->addQuestion(q);
        REQUIRE(store->undo());
    }
    const auto before = store->load();
    const int steps = store->counts().undoSteps;

    // Foreign keys are enforced: a question for a dilemma that does not exist.
    core::Question orphan;
    orphan.dilemma = 999999;
    orphan.text = "Nobody's question";
    CHECK_THROWS_AS(store->addQuestion(orphan), StoreError);
    core::Dilemma homeless;
    homeless.session = 999999;
    homeless.question = "Where do I belong?";
    CHECK_THROWS_AS(store->addDilemma(homeless), StoreError);
    // Updating something that is not there.
    core::Question ghost;
    ghost.id = 999999;
    ghost.dilemma = before.dilemmas.front().id;
    ghost.text = "Boo";
    CHECK(errorKind([&] { store->updateQuestion(ghost); }) == StoreErrorKind::Invalid);
    core::Phase phase;
    phase.key = "no-such-phase";
    CHECK(errorKind([&] { store->updatePhase(phase); }) == StoreErrorKind::Invalid);

    CHECK(store->load() == before);
    CHECK(store->counts().undoSteps == steps);
    CHECK_FALSE(store->canUndo());
    CHECK(store->canRedo());
    CHECK(store->redoLabel() == "Add question");
    CHECK_FALSE(hasSideFiles(path));
    CHECK(store->integrityCheck() == "ok");
    CHECK_FALSE(store->search("Nobody").size());
}

TEST_CASE("store: full-text search follows every edit, undo and redo") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    auto store = SessionStore::open(path);
    const Id dilemma = store->dilemmas().front().id;

    CHECK_FALSE(found(*store, "xylophonists"));
    core::Question q;
    q.dilemma = dilemma;
    q.text = "Should xylophonists teach music to newcomers?";
    const Id question = store->addQuestion(q);
    CHECK(found(*store, "xylophonists", "question", question));
    CHECK(found(*store, "xylophon", "question", question)); // the last word matches as a prefix
    for (const auto& hit : store->search("xylophonists"))
        if (hit.ref == question) {
            CHECK(hit.dilemma == dilemma);
            CHECK(hit.snippet.find("[xylophonists]") != std::string::npos);
        }

    q = store->questions(dilemma).back();
    REQUIRE(q.id == question);
    q.text = "Should harpists teach music to newcomers?";
    store->updateQuestion(q);
    CHECK_FALSE(found(*store, "xylophonists"));
    CHECK(found(*store, "harpists", "question", question));

    store->deleteQuestion(question);
    CHECK_FALSE(found(*store, "harpists"));
    REQUIRE(store->undo()); // the delete
    CHECK(found(*store, "harpists", "question", question));
    REQUIRE(store->undo()); // the update
    CHECK(found(*store, "xylophonists", "question", question));
    CHECK_FALSE(found(*store, "harpists"));
    REQUIRE(store->undo()); // the add
    CHECK_FALSE(found(*store, "xylophonists"));
    REQUIRE(store->redo());
    CHECK(found(*store, "xylophonists", "question", question));

    // Dilemmas (question, information, reflection, result), practices and statements are indexed.
    auto d = store->dilemmas().front();
    d.result = "Agreed on a quokka-friendly timetable";
    store->updateDilemma(d);
    CHECK(found(*store, "quokka", "dilemma", dilemma));
    core::Practice p;
    p.dilemma = dilemma;
    p.title = "Wombat walks";
    p.city = "Tartu";
    const Id practice = store->addPractice(p);
    CHECK(found(*store, "wombat", "practice", practice));
    CHECK(found(*store, "tartu", "practice", practice));
    core::Statement s;
    s.text = "Platypus parks for all";
    const Id statement = store->addStatement(s);
    CHECK(found(*store, "platypus", "statement", statement));

    // Removing a dilemma removes its questions and practices from the index; undo puts them back.
    store->apply(core::planRemoveDilemma(store->load(), dilemma));
    CHECK_FALSE(found(*store, "quokka"));
    CHECK_FALSE(found(*store, "wombat"));
    CHECK_FALSE(found(*store, "xylophonists"));
    REQUIRE(store->undo());
    CHECK(found(*store, "quokka", "dilemma", dilemma));
    CHECK(found(*store, "wombat", "practice", practice));
    CHECK(found(*store, "xylophonists", "question", question));

    // The index is in the file.
    store.reset();
    store = SessionStore::open(path, OpenMode::ReadOnly);
    CHECK(found(*store, "platypus", "statement", statement));
    CHECK(store->integrityCheck() == "ok");
}

TEST_CASE("store: search ignores diacritics and case") {
    TempDir dir;
    const fs::path path = dir / "small.plenary";
    SessionStore::create(path, smallSession());
    auto store = SessionStore::open(path);
    core::Question q;
    q.dilemma = 1;
    q.text = "Would Zoë from Kraków and Ærøskøbing agree? Łódź Αθήνα Москва";
    const Id id = store->addQuestion(q);
    CHECK(found(*store, "Zoe", "question", id));
    CHECK(found(*store, "zoë", "question", id));
    CHECK(found(*store, "ZOE", "question", id));
    CHECK(found(*store, "krakow", "question", id));
    CHECK(found(*store, "Αθήνα", "question", id));
    CHECK(found(*store, "αθήνα", "question", id));
    CHECK(found(*store, "москва", "question", id));
    // unicode61 folds ó and ź but has no decomposition for ł (nor ø, nor Greek accents), so "Łodz"
    // matches "Łódź" while "Lodz" does not.
    CHECK(found(*store, "łodz", "question", id));
    CHECK(found(*store, "Łódź", "question", id));
}

TEST_CASE("store: search text with FTS syntax never throws") {
    TempDir dir;
    const fs::path path = makeSession(dir);
    auto store = SessionStore::open(path);
    core::Question q;
    q.dilemma = store->dilemmas().front().id;
    q.text = "Teachers AND parents - (together) \"quoted\" near* the NOT school";
    const Id id = store->addQuestion(q);
    const std::vector<std::string> queries{"\"",
                                           "\"\"",
                                           "\"unbalanced",
                                           "unbalanced\"",
                                           "-",
                                           "--",
                                           "-teachers",
                                           "*",
                                           "**",
                                           "teach*ers",
                                           "AND",
                                           "OR",
                                           "NOT",
                                           "NEAR",
                                           "NEAR(",
                                           "NEAR(a b, 3)",
                                           "a AND",
                                           "AND b",
                                           "a OR OR b",
                                           "(",
                                           ")",
                                           "(a",
                                           "a)",
                                           "((",
                                           "^",
                                           "^teachers",
                                           ":",
                                           "body:",
                                           "body:teachers",
                                           "kind:question",
                                           "{body}: x",
                                           "+",
                                           "a + b",
                                           "'",
                                           "''",
                                           "\\",
                                           "%",
                                           "_",
                                           "[",
                                           "]",
                                           "{",
                                           "}",
                                           ",",
                                           ".",
                                           ";",
                                           " ",
                                           "   ",
                                           "",
                                           "\t\n",
                                           "🎉",
                                           "a\"b\"c",
                                           "\"a\" \"b",
                                           "teachers -parents",
                                           "NOT teachers",
                                           "teachers NOT",
                                           "*teachers",
                                           std::string("nul\0byte", 8),
                                           "\xff\xfe\xfd",
                                           "\xc3",
                                           "x*y*z*",
                                           "\"\"*",
                                           "a:b:c",
                                           "@",
                                           "#",
                                           "$",
                                           "&&",
                                           "||",
                                           "!"};
    for (const auto& query : queries) {
        INFO("query: [" << query << "]");
        CHECK_NOTHROW(store->search(query));
    }
    // Operators are plain words, not syntax.
    CHECK(found(*store, "AND", "question", id));
    CHECK(found(*store, "NOT school", "question", id));
    CHECK(found(*store, "(together)", "question", id));
    CHECK(found(*store, "\"quoted\"", "question", id));
    CHECK(found(*store, "teachers AND parents", "question", id));
    CHECK(found(*store, "near*", "question", id));
    CHECK_FALSE(found(*store, "teachers OR xylophones"));
}

TEST_CASE("store: large and multilingual text round-trips exactly") {
    TempDir dir;
    const fs::path path = dir / "small.plenary";
    SessionStore::create(path, smallSession());
    std::string big;
    const std::string pieces[] = {
        "Ελληνικά κείμενα ", "Русский текст ",  "emoji 🎉👩🏽‍🏫🇪🇺 ",
        "\"quotes\" \\ ",    "tab\tnew\nline ", "ASCII words ",
        "Zoë Łódź Ærø "};
    for (std::size_t i = 0; big.size() < 50 * 1024; ++i)
        big += pieces[i % std::size(pieces)];
    const std::string multilingual = "Καλημέρα, Привет, こんにちは, مرحبا, 👋🏾";
    Id question = 0;
    {
        auto store = SessionStore::open(path);
        auto d = store->dilemmas().front();
        d.information = big;
        d.question = multilingual;
        store->updateDilemma(d);
        core::Question q;
        q.dilemma = d.id;
        q.text = big;
        question = store->addQuestion(q);
    }
    {
        auto store = SessionStore::open(path);
        const auto d = store->dilemmas().front();
        CHECK(d.information.size() == big.size());
        CHECK(d.information == big);
        CHECK(d.question == multilingual);
        CHECK(store->questions(d.id).front().text == big);
        CHECK(found(*store, "こんにちは", "dilemma", d.id));
        CHECK(found(*store, "Привет", "dilemma", d.id));
        // Undo images carry the big text too.
        REQUIRE(store->undo());
        REQUIRE(store->undo());
        CHECK(store->dilemmas().front().information.empty());
        REQUIRE(store->redo());
        REQUIRE(store->redo());
        CHECK(store->dilemmas().front().information == big);
        CHECK(store->questions(d.id).front().id == question);
        CHECK(store->questions(d.id).front().text == big);
    }
}

TEST_CASE("store: a read-only store refuses every kind of edit") {
    TempDir dir;
    const fs::path path = makeSession(dir, "social-olympics-renewal");
    { // some history, so undo would have something to do
        auto store = SessionStore::open(path);
        core::Statement s;
        s.text = "Something to undo";
        store->addStatement(s);
    }
    const auto hash = fileHash(path);
    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    const auto data = store->load();
    const auto vote = data.votes.front();
    const std::vector<std::pair<const char*, std::function<void()>>> edits{
        {"updateWorkshop", [&] { store->updateWorkshop(data.workshop); }},
        {"addPerson", [&] { store->addPerson(data.people.front()); }},
        {"updatePerson", [&] { store->updatePerson(data.people.front()); }},
        {"apply (remove person)", [&] { store->apply(core::planRemovePerson(data, data.people.front().id)); }},
        {"addSession",
         [&] {
             store->addSession(core::ThematicSession{0, "x", 0});
         }},
        {"apply (remove session)", [&] { store->apply(core::EditPlan{"Remove thematic session", {core::EditPlan::Remove{core::Table::Sessions, 1}}}); }},
        {"addDilemma", [&] { store->addDilemma(core::Dilemma{}); }},
        {"apply (remove dilemma)", [&] { store->apply(core::planRemoveDilemma(data, 1)); }},
        {"addQuestion", [&] { store->addQuestion(core::Question{}); }},
        {"deleteQuestion", [&] { store->deleteQuestion(1); }},
        {"addPractice", [&] { store->addPractice(core::Practice{}); }},
        {"deletePractice", [&] { store->deletePractice(1); }},
        {"addContribution", [&] { store->addContribution(core::Contribution{}); }},
        {"deleteContribution", [&] { store->deleteContribution(1); }},
        {"addPhaseLog", [&] { store->addPhaseLog(core::PhaseLogEntry{}); }},
        {"addRing", [&] { store->addRing(data.rings.front()); }},
        {"updateRing", [&] { store->updateRing(data.rings.front()); }},
        {"addStatement", [&] { store->addStatement(data.statements.front()); }},
        {"updateStatement", [&] { store->updateStatement(data.statements.front()); }},
        {"setVote", [&] { store->setVote(vote); }},
        {"addStatements", [&] { store->addStatements(data.statements, "Add statements"); }},
        {"setRounds", [&] { store->setRounds(core::roundsOf(data)); }},
        {"apply (remove statement)", [&] { store->apply(core::planRemoveStatement(data, data.statements.front().id)); }},
        {"importCsv", [&] { store->importCsv(core::CsvImport{}); }},
        {"undo", [&] { store->undo(); }},
        {"redo", [&] { store->redo(); }},
    };
    for (const auto& [name, edit] : edits) {
        INFO(name);
        CHECK(errorKind(edit) == StoreErrorKind::ReadOnly);
    }
    CHECK_FALSE(store->canUndo());
    CHECK(store->load() == data);
    store.reset();
    CHECK(fileHash(path) == hash);
    CHECK_FALSE(hasSideFiles(path));
}
