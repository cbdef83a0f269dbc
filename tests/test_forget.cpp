// "Forget this person": the name leaves every byte of the file — texts, the people row, the undo
// history, free pages, the full-text index — while everything else stays as it was.
#include "store_test_util.hpp"

#include "core/NameReplace.hpp"
#include "core/Text.hpp"
#include "session/Forget.hpp"
#include "session/OpenWorkshop.hpp"
#include "store/SessionStore.hpp"
#include "store/StoreError.hpp"
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <sys/stat.h>

using namespace store_test;
using plenary::core::Id;
using plenary::core::SessionData;
using plenary::store::OpenMode;
using plenary::store::SessionStore;
namespace core = plenary::core;
namespace session = plenary::session;

namespace {

template <class T> Id nextId(const std::vector<T>& rows) {
    Id id = 0;
    for (const auto& row : rows)
        id = std::max(id, row.id);
    return id + 1;
}

// The education demo with "Łukasz Nowak" from Gdańsk in it: he presents the first dilemma, asks a
// question, suggests a practice, gives an introduction and is mentioned in texts. The demo's own
// Łukasz is renamed, so that no other person keeps the first name in the file.
SessionData withLukasz() {
    auto data = exampleSession("urban-academy-education");
    for (auto& p : data.people)
        if (p.name == "Łukasz Wiśniewski") p.name = "Tomasz Wiśniewski";
    const Id id = nextId(data.people);
    data.people.push_back(
        {id, "Łukasz Nowak", "Politechnika Gdańska", "Gdańsk", "PL", core::Role::Expert, 0});
    auto& d = data.dilemmas.front();
    d.presenter = id;
    d.information += "\nAs Łukasz said, the schools are full.";
    d.reflection += "\nŁUKASZ asked for more time.";
    d.result += "\nnowak's idea was adopted. Analysis follows.";
    core::Question q;
    q.id = nextId(data.questions);
    q.dilemma = d.id;
    q.text = "Łukasz Nowak: who pays for the buses?";
    q.asker = id;
    data.questions.push_back(q);
    core::Practice pr;
    pr.id = nextId(data.practices);
    pr.dilemma = d.id;
    pr.title = "Nowak's mentoring scheme";
    pr.description = "lukasz brought this from Gdańsk.";
    pr.city = "Gdańsk";
    pr.suggestedBy = id;
    data.practices.push_back(pr);
    core::Contribution c;
    c.id = nextId(data.contributions);
    c.person = id;
    c.title = "Welcome";
    c.text = "Łukasz Nowak opened the day.";
    data.contributions.push_back(c);
    return data;
}

// Makes edits whose undo images hold the name: one undone, one still to undo, a capture draft.
void editWithName(SessionStore& store) {
    auto d = store.dilemmas().front();
    d.question += " (asked by Łukasz)";
    store.updateDilemma(d);
    core::Question q;
    q.dilemma = d.id;
    q.text = "Nowak again: and the teachers?";
    store.deleteQuestion(store.addQuestion(q));
    for (auto p : store.people())
        if (p.name == "Łukasz Nowak") {
            p.organisation = "Politechnika Gdańska, WILiŚ";
            store.updatePerson(p);
        }
    REQUIRE(store.undo()); // an undone step holds the name too
    store.saveCaptureDraft({d.id, 0, "Łukasz wants to add"});
}

std::string asciiLower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// Every form the name could take in the file's bytes: as written, upper case, folded (the search
// index's tokens), ASCII.
void checkNoTrace(const fs::path& path) {
    const std::string bytes = readBytes(path);
    const std::string lower = asciiLower(bytes);
    for (const char* needle : {"Łukasz", "ŁUKASZ", "łukasz", "Politechnika"})
        CHECK_MESSAGE(bytes.find(needle) == std::string::npos, needle << " is still in " << path.filename());
    for (const char* needle : {"lukasz", "nowak", "ukasz"})
        CHECK_MESSAGE(lower.find(needle) == std::string::npos, needle << " is still in " << path.filename());
    CHECK_FALSE(hasSideFiles(path));
}

const core::Person* personNamed(const SessionData& data, const std::string& name) {
    for (const auto& p : data.people)
        if (p.name == name) return &p;
    return nullptr;
}

} // namespace

TEST_CASE("forget: the person is in no byte of the file, and everything else stays") {
    TempDir dir;
    const fs::path path = dir / "education.plenary";
    SessionStore::create(path, withLukasz());
    SessionData before;
    core::WorkshopCounts countsBefore;
    Id lukasz = 0;
    {
        auto store = SessionStore::open(path);
        editWithName(*store);
        before = store->load();
        countsBefore = store->counts();
        lukasz = personNamed(before, "Łukasz Nowak")->id;
        REQUIRE(store->canUndo());
        REQUIRE(store->canRedo());
        REQUIRE(readBytes(path).find("Łukasz") != std::string::npos);

        const auto report = store->forgetPerson("  lukasz   NOWAK ");
        CHECK(report.people == 1);
        CHECK(report.fields >= 10);
        CHECK(report.undoSteps >= 3);
        CHECK_FALSE(store->canUndo()); // the confirmation said so
        CHECK_FALSE(store->canRedo());
        CHECK_FALSE(hasSideFiles(path));
    }
    checkNoTrace(path);

    auto store = SessionStore::open(path, OpenMode::ReadOnly);
    CHECK(store->integrityCheck() == "ok");
    const auto after = store->load();
    auto countsAfter = store->counts();
    CHECK(countsAfter.undoSteps == 0);
    countsAfter.undoSteps = countsBefore.undoSteps;
    CHECK(countsAfter == countsBefore);

    // The row stays, anonymous; ids that refer to it still do.
    const auto* gone = personNamed(after, "A participant");
    REQUIRE(gone != nullptr);
    CHECK(gone->id == lukasz);
    CHECK(gone->organisation.empty());
    CHECK(gone->city.empty());
    CHECK(gone->country.empty());
    CHECK(gone->role == core::Role::Expert);
    const auto& d = after.dilemmas.front();
    CHECK(d.presenter == lukasz);
    CHECK(d.information.find("As a participant said, the schools are full.") != std::string::npos);
    CHECK(d.reflection.find("A participant asked for more time.") != std::string::npos);
    CHECK(d.result.find("\na participant's idea was adopted. Analysis follows.") != std::string::npos);
    CHECK(d.question.find("(asked by a participant)") != std::string::npos);
    const auto question = std::find_if(after.questions.begin(), after.questions.end(),
                                       [&](const core::Question& q) { return q.asker == lukasz; });
    REQUIRE(question != after.questions.end());
    CHECK(question->text == "A participant: who pays for the buses?");
    const auto& practice = after.practices.back();
    CHECK(practice.title == "A participant's mentoring scheme");
    CHECK(practice.description == "a participant brought this from Gdańsk."); // a city is also a place
    CHECK(practice.city == "Gdańsk");
    CHECK(practice.suggestedBy == lukasz);
    const auto welcome = std::find_if(after.contributions.begin(), after.contributions.end(),
                                      [&](const core::Contribution& c) { return c.person == lukasz; });
    REQUIRE(welcome != after.contributions.end());
    CHECK(welcome->text == "A participant opened the day.");
    CHECK(store->captureDraft().text == "A participant wants to add");

    // Everybody else, and every text that did not name him, is exactly as it was.
    REQUIRE(after.people.size() == before.people.size());
    for (const auto& p : before.people)
        if (p.id != lukasz) CHECK(personNamed(after, p.name) != nullptr);
    for (std::size_t i = 1; i < after.dilemmas.size(); ++i)
        CHECK(after.dilemmas[i] == before.dilemmas[i]);
    CHECK(after.workshop == before.workshop);
    CHECK(after.sessions == before.sessions);
    CHECK(after.phaseLog == before.phaseLog);

    // Search still works, and finds the stand-in, not the name.
    CHECK_FALSE(store->search("schools").empty());
    CHECK(store->search("Łukasz").empty());
    CHECK(store->search("nowak").empty());
    CHECK_FALSE(store->search("participant").empty());
}

TEST_CASE("forget: whole words only, another person's name kept whole, particles") {
    TempDir dir;
    const fs::path path = dir / "names.plenary";
    auto data = smallSession();
    data.people.push_back({1, "Ana Lima", "", "Lima", "PE", core::Role::Participant, 0});
    data.people.push_back({2, "Ana Costa", "", "Porto", "PT", core::Role::Participant, 0});
    data.people.push_back({3, "Sanne van Dijk", "", "", "NL", core::Role::Participant, 0});
    data.dilemmas.front().information =
        "Analysis by Ana Lima. Ana Costa agreed with ana; Anaïs did not.\nLima's plan, lima's map.";
    data.dilemmas.front().reflection = "Van Dijk said so; van der Berg and Dijkstra did not. Sanne too.";
    SessionStore::create(path, data);
    auto store = SessionStore::open(path);
    CHECK(store->forgetPerson("ANA LIMA").people == 1);
    auto d = store->dilemmas().front();
    CHECK(d.information == "Analysis by a participant. Ana Costa agreed with a participant; Anaïs did not.\n"
                           "A participant's plan, a participant's map.");
    CHECK(d.reflection == "Van Dijk said so; van der Berg and Dijkstra did not. Sanne too.");
    CHECK(store->forgetPerson("sanne van dijk").people == 1);
    d = store->dilemmas().front();
    CHECK(d.reflection == "A participant said so; van der Berg and Dijkstra did not. A participant too.");
    const auto people = store->people();
    CHECK(std::count_if(people.begin(), people.end(),
                        [](const core::Person& p) { return p.name == "Ana Costa"; }) == 1);
    CHECK(store->integrityCheck() == "ok");
}

TEST_CASE("forget: nobody of that name writes nothing") {
    TempDir dir;
    const fs::path path = dir / "education.plenary";
    SessionStore::create(path, withLukasz());
    const auto hash = fileHash(path);
    {
        auto store = SessionStore::open(path);
        const auto report = store->forgetPerson("Jan Kowalski");
        CHECK(report.people == 0);
        CHECK(report.fields == 0);
        CHECK_THROWS_AS(store->forgetPerson("   "), plenary::store::StoreError);
        CHECK_THROWS_AS(store->forgetPerson("a participant"), plenary::store::StoreError);
    }
    CHECK(fileHash(path) == hash);
}

TEST_CASE("forget: the name replacer matches folded whole words, longest first") {
    core::NameReplacer replacer(core::NameMatch::Folded);
    replacer.add("Łukasz Nowak", "a participant");
    for (const auto& part : core::nameParts("Łukasz Nowak"))
        replacer.add(part, "a participant");
    replacer.keep("Łukasz Wiśniewski");
    replacer.finish();
    std::string text = "Łukasz Nowak met lukasz wisniewski and ŁUKASZ; Nowakowski saw nowak’s note.";
    CHECK(replacer.apply(text));
    CHECK(text ==
          "A participant met lukasz wisniewski and a participant; Nowakowski saw a participant’s note.");
    std::string untouched = "Nowakowski and Łukaszewicz";
    CHECK_FALSE(replacer.apply(untouched));
    CHECK(core::nameKey("  ŁUKASZ \t nowak ") == core::nameKey("Łukasz Nowak"));
}

TEST_CASE("forget: across a folder — changed, untouched, broken and locked files") {
    TempDir dir;
    const fs::path a = dir / "a.plenary";
    const fs::path b = dir / "b.plenary";
    const fs::path other = dir / "c-other.plenary";
    const fs::path broken = dir / "d-broken.plenary";
    const fs::path locked = dir / "e-locked.plenary";
    SessionStore::create(a, withLukasz());
    SessionStore::create(b, withLukasz());
    SessionStore::create(other, exampleSession("social-olympics-renewal"));
    SessionStore::create(locked, withLukasz());
    writeBytes(broken, std::string("SQLite format 3\0 but not a workshop, Łukasz Nowak", 50));
    {
        auto store = SessionStore::open(b);
        editWithName(*store);
    }
    const auto otherHash = fileHash(other);
    const auto brokenHash = fileHash(broken);
    const auto lockedHash = fileHash(locked);
    struct stat otherStat {};
    REQUIRE(::stat(other.c_str(), &otherStat) == 0);

    const auto holder = SessionStore::open(locked); // another Plenary window
    std::vector<fs::path> told;
    const auto outcomes =
        session::forgetInFolder(dir.path(), "Łukasz Nowak", [&](const fs::path& p) { told.push_back(p); });
    REQUIRE(outcomes.size() == 5);
    using Kind = session::ForgetOutcome::Kind;
    CHECK(outcomes[0].kind == Kind::Forgotten);
    CHECK(outcomes[1].kind == Kind::Forgotten);
    CHECK(outcomes[1].changes.undoSteps > 0);
    CHECK(outcomes[2].kind == Kind::NotThere);
    CHECK(outcomes[3].kind == Kind::Skipped);
    CHECK_FALSE(outcomes[3].reason.empty());
    CHECK(outcomes[3].reason.find('\n') == std::string::npos);
    CHECK(outcomes[4].kind == Kind::Skipped);
    CHECK(outcomes[4].reason.find("already open in another Plenary window") != std::string::npos);
    CHECK(told == std::vector<fs::path>{a, b});
    CHECK(session::describe(outcomes[0].changes).find("1 person forgotten") == 0);

    checkNoTrace(a);
    checkNoTrace(b);
    CHECK(fileHash(other) == otherHash);
    struct stat otherAfter {};
    REQUIRE(::stat(other.c_str(), &otherAfter) == 0);
    CHECK(otherAfter.st_mtim.tv_sec == otherStat.st_mtim.tv_sec);
    CHECK(otherAfter.st_mtim.tv_nsec == otherStat.st_mtim.tv_nsec);
    CHECK(fileHash(broken) == brokenHash);
    CHECK(fileHash(locked) == lockedHash);
    CHECK_THROWS(session::forgetInFolder(dir / "missing", "Łukasz Nowak"));
}

TEST_CASE("forget: in the open workshop, the snapshot follows") {
    TempDir dir;
    const fs::path path = dir / "open.plenary";
    SessionStore::create(path, withLukasz());
    std::vector<session::Message> messages;
    session::OpenWorkshop workshop(path, session::OpenWorkshop::Mode::Edit,
                                   [&](session::Message m) { messages.push_back(std::move(m)); });
    auto d = workshop.data().dilemmas.front();
    d.question += " Łukasz?";
    REQUIRE(workshop.updateDilemma(d));
    REQUIRE(workshop.canUndo());
    const auto revision = workshop.revision();
    const auto changes = workshop.forgetPerson("Łukasz Nowak");
    REQUIRE(changes.has_value());
    CHECK(changes->people == 1);
    CHECK(messages.empty());
    CHECK(workshop.revision() > revision);
    CHECK_FALSE(workshop.canUndo());
    CHECK(personNamed(workshop.data(), "Łukasz Nowak") == nullptr);
    CHECK(personNamed(workshop.data(), "A participant") != nullptr);
    CHECK(workshop.data().dilemmas.front().question.find("A participant?") != std::string::npos);
    // Edits go on as before.
    d = workshop.data().dilemmas.front();
    d.question = "Who pays?";
    CHECK(workshop.updateDilemma(d));
    CHECK(workshop.canUndo());
}

namespace {

int lineCount(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("forget: the command line lists what it changed and fails when it could not finish") {
    const std::string plenary = PLENARY_BINARY;
    TempDir dir;
    const fs::path a = dir / "a.plenary";
    const fs::path other = dir / "c-other.plenary";
    SessionStore::create(a, withLukasz());
    SessionStore::create(other, exampleSession("social-olympics-renewal"));
    const auto otherHash = fileHash(other);

    const auto help = plenary::test::run(plenary, {"--help"});
    CHECK(help.out.find("forget") != std::string::npos);

    auto result = plenary::test::run(plenary, {"forget", "lukasz nowak", "--in", dir.path().string()});
    CHECK(result.exitCode == 0);
    CHECK(result.err.empty());
    CHECK(lineCount(result.out) == 1); // the file that did not name him is not listed
    CHECK(result.out.rfind("a.plenary: 1 person forgotten, ", 0) == 0);
    CHECK(result.out.find("undo steps cleared") == std::string::npos); // a new file has no history
    checkNoTrace(a);
    CHECK(fileHash(other) == otherHash);

    // Nobody of that name anywhere (any more): said in one line, non-zero.
    result = plenary::test::run(plenary, {"forget", "Łukasz Nowak", "--in", dir.path().string()});
    CHECK(result.exitCode != 0);
    CHECK(result.out.empty());
    CHECK(lineCount(result.err) == 1);
    CHECK(result.err.find("nobody called") != std::string::npos);

    // One file.
    const fs::path single = dir / "single.plenary";
    SessionStore::create(single, withLukasz());
    result = plenary::test::run(plenary, {"forget", "ŁUKASZ NOWAK", "--in", single.string()});
    CHECK(result.exitCode == 0);
    CHECK(result.out.rfind("single.plenary: 1 person forgotten", 0) == 0);
    checkNoTrace(single);

    // A file open in another window and a broken one are skipped, each with its reason, and the
    // command fails: the name may still be in them.
    const fs::path locked = dir / "e-locked.plenary";
    SessionStore::create(locked, withLukasz());
    writeBytes(dir / "d-broken.plenary", "not a workshop at all");
    const auto lockedHash = fileHash(locked);
    {
        const auto holder = SessionStore::open(locked);
        result = plenary::test::run(plenary, {"forget", "Łukasz Nowak", "--in", dir.path().string()});
    }
    CHECK(result.exitCode != 0);
    CHECK(result.out.empty());
    CHECK(lineCount(result.err) == 3);
    CHECK(result.err.find("skipped: e-locked.plenary is already open in another Plenary window\n") !=
          std::string::npos);
    CHECK(result.err.find("skipped: d-broken.plenary") != std::string::npos);
    CHECK(result.err.find("plenary: 2 files were skipped") != std::string::npos);
    CHECK(fileHash(locked) == lockedHash);

    result = plenary::test::run(plenary, {"forget", "x", "--in", (dir / "missing").string()});
    CHECK(result.exitCode != 0);
    CHECK(lineCount(result.err) == 1);
    result = plenary::test::run(plenary, {"forget"});
    CHECK(result.exitCode != 0);
    CHECK(lineCount(result.err) == 1);
}
