// The open workshop's snapshot is kept current in place (only the rows an edit touched are read
// again): after every edit, undo and redo it must be exactly what a fresh load of the file gives,
// and the agenda index must agree with the core's own running order.
#include "support/Process.hpp"

#include "core/Agenda.hpp"
#include "core/SessionJson.hpp"
#include "session/OpenWorkshop.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace plenary;
using core::Id;

namespace {

std::filesystem::path fromExample(const test::TempDir& dir, const std::string& name) {
    const std::string file = std::string(PLENARY_EXAMPLES) + "/" + name + ".json";
    const auto path = dir / (name + ".plenary");
    store::SessionStore::create(path, core::parseSessionJson(test::readFile(file), name));
    return path;
}

void checkSameAsFile(const session::OpenWorkshop& w, int step) {
    CAPTURE(step);
    auto store = store::SessionStore::open(w.path(), store::OpenMode::ReadOnly);
    const auto file = store->load();
    const auto& d = w.data();
    CHECK(d.workshop == file.workshop);
    CHECK(d.people == file.people);
    CHECK(d.phases == file.phases);
    CHECK(d.sessions == file.sessions);
    CHECK(d.dilemmas == file.dilemmas);
    CHECK(d.questions == file.questions);
    CHECK(d.practices == file.practices);
    CHECK(d.contributions == file.contributions);
    CHECK(d.phaseLog == file.phaseLog);
    CHECK(d.rings == file.rings);
    CHECK(d.statements == file.statements);
    CHECK(d.votes == file.votes);
    // The index derived once per change says what the core derives from scratch.
    std::vector<Id> order;
    for (const auto* x : core::runningOrder(file))
        order.push_back(x->id);
    CHECK(w.agenda().runningOrder() == order);
    for (const auto& x : file.dilemmas) {
        // Each dilemma's questions and practices, in position order, from the kept index.
        std::vector<core::Question> questions;
        for (const auto& q : file.questions)
            if (q.dilemma == x.id) questions.push_back(q);
        std::stable_sort(questions.begin(), questions.end(), [](const auto& a, const auto& b) {
            return a.position != b.position ? a.position < b.position : a.id < b.id;
        });
        std::vector<core::Question> indexed;
        for (const auto* q : w.questionsOf(x.id))
            indexed.push_back(*q);
        CHECK(indexed == questions);
        std::size_t practices = 0;
        for (const auto& p : file.practices)
            practices += p.dilemma == x.id ? 1 : 0;
        CHECK(w.practicesOf(x.id).size() == practices);
        CHECK(w.agenda().leadOf(x.id) == core::leadOf(file, x.id));
        CHECK(w.agenda().membersOf(x.id).size() == core::jointMembers(file, x.id).size());
    }
}

template <class T> Id pick(std::mt19937& random, const std::vector<T>& items) {
    if (items.empty()) return 0;
    return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(random)].id;
}

} // namespace

TEST_CASE("snapshot: kept in place, it equals a fresh load after every edit, undo and redo") {
    for (const char* example : {"urban-academy-education", "social-olympics-renewal"}) {
        CAPTURE(example);
        test::TempDir dir;
        std::vector<std::string> errors;
        session::OpenWorkshop w(fromExample(dir, example), session::OpenWorkshop::Mode::Edit,
                                [&](session::Message m) { errors.push_back(m.text); });
        std::mt19937 random(20261123);
        const auto firstRevision = w.revision();
        for (int step = 0; step < 160; ++step) {
            const auto& d = w.data();
            const Id dilemma = pick(random, d.dilemmas);
            const Id session = pick(random, d.sessions);
            switch (std::uniform_int_distribution<int>(0, 15)(random)) {
            case 0: {
                // Names whose order is not their bytes' order (folded: case, diacritics, ł, ß).
                static const char* const kNames[] = {"Zoë Łukasiewicz", "Åsa",   "bálint",  "Birgit",
                                                     "Łukasz",          "lukas", "Øystein", "ZOE",
                                                     "Straße",          "Éamonn"};
                const char* name = kNames[static_cast<std::size_t>(step) % std::size(kNames)];
                w.addPerson(
                    core::Person{0, name + std::string(step % 3 == 0 ? "" : " ") + std::to_string(step % 7),
                                 "", "Łódź", "PL", core::Role::Participant, 0});
                break;
            }
            case 1:
                if (const Id p = pick(random, d.people)) w.deletePerson(p);
                break;
            case 2:
                if (session)
                    w.addDilemma(core::Dilemma{0, session, 0, "Why " + std::to_string(step) + "?", 0, "", "",
                                               "", core::DilemmaStatus::Pending, 0});
                break;
            case 3:
                if (dilemma) w.deleteDilemma(dilemma);
                break;
            case 4:
            case 5:
                if (dilemma)
                    w.addQuestion(
                        core::Question{0, dilemma, 0, "How " + std::to_string(step) + "?", 0, true, false});
                break;
            case 6:
                if (const Id q = pick(random, d.questions)) w.deleteQuestion(q);
                break;
            case 7:
                if (dilemma)
                    w.addPractice(core::Practice{0, dilemma, 0, "Buddies " + std::to_string(step), "", "", "",
                                                 0, "", "", true, false, false, false});
                break;
            case 8:
                if (dilemma && session) w.moveDilemma(dilemma, session, step % 3);
                break;
            case 9:
                if (session) w.moveSession(session, step % 4);
                break;
            case 10: {
                const Id other = pick(random, d.dilemmas);
                if (dilemma && other) w.joinDilemmas({dilemma, other});
                break;
            }
            case 11:
                if (dilemma) w.splitDilemma(dilemma);
                break;
            case 12:
                if (dilemma) {
                    auto changed = *w.agenda().dilemma(dilemma);
                    changed.status = core::DilemmaStatus::Done;
                    changed.result = "Result " + std::to_string(step);
                    w.updateDilemma(changed);
                }
                break;
            case 13:
                if (!d.rings.empty() && !d.statements.empty())
                    w.setVote(core::VoteTally{0, 1 + step % 3, d.rings.front().id, pick(random, d.statements),
                                              1 + step % 3, step % 4});
                break;
            case 14:
                w.undo();
                break;
            case 15:
                w.redo();
                break;
            }
            checkSameAsFile(w, step);
        }
        CHECK(w.revision() - firstRevision > 25); // the steps really changed the workshop
    }
}

TEST_CASE("snapshot: a refused edit changes nothing and says why") {
    test::TempDir dir;
    std::vector<session::Message> messages;
    session::OpenWorkshop w(fromExample(dir, "urban-academy-education"), session::OpenWorkshop::Mode::Edit,
                            [&](session::Message m) { messages.push_back(std::move(m)); });
    const auto before = w.data();
    CHECK_FALSE(w.deleteSession(w.data().dilemmas.front().session)); // it still holds dilemmas
    REQUIRE(messages.size() == 1);
    CHECK(messages.back().level == session::Message::Level::Error);
    CHECK(messages.back().text.find("still holds dilemmas") != std::string::npos);
    CHECK_FALSE(w.setVote(core::VoteTally{0, 1, 1, 1, 1, -3}));
    CHECK(w.data() == before);
    checkSameAsFile(w, -1);
}
