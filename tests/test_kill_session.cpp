// Kill -9 at random moments of a scripted session (PRODUCT.md §10): the session tool
// (tool_session.cpp) captures, counts votes, undoes and redoes through the session layer the window
// uses, or imports and merges files, and is killed with SIGKILL at a seeded random moment: while
// it starts and opens the file, in the middle of an edit, or between edits. Afterwards every edit
// it reported saved is in the file with its value (an undone one is gone), at most the edit in
// flight is there as well, the file passes its integrity check and takes one more edit; an import
// or a merge leaves its output complete or not at all, and its inputs as they were.
// PLENARY_KILL_ROUNDS=1000 runs five times the rounds (support/KillRun.hpp).
#include "core/Counts.hpp"
#include "session/Merge.hpp"
#include "session/Operations.hpp"
#include "store/SessionStore.hpp"
#include "support/Examples.hpp"
#include "support/KillFacts.hpp"
#include "support/KillRun.hpp"
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <regex>

using namespace plenary;
namespace fs = std::filesystem;
using test::Facts;

namespace {

const std::string kTemplates = std::string(PLENARY_SOURCE_DIR) + "/templates";
const std::string kExamples = PLENARY_EXAMPLES;

// What the tool printed before it died, played over the facts the file had before it started.
struct Replay {
    Facts expected;
    std::optional<std::pair<std::string, std::string>> inFlight; // "doing" with no "saved" after it
    int saved = 0;                                               // edits reported saved
    int undone = 0;                                              // of which undos and redos
};

Replay replay(Facts facts, const std::string& out) {
    Replay r;
    r.expected = std::move(facts);
    std::size_t start = 0;
    // Only complete lines: a line cut off by the kill reports nothing.
    for (auto nl = out.find('\n'); nl != std::string::npos; start = nl + 1, nl = out.find('\n', start)) {
        const std::string line = out.substr(start, nl - start);
        REQUIRE_MESSAGE(line.rfind("error ", 0) != 0, "the tool stopped: " << line);
        const auto keyAt = line.find(' ');
        const auto valueAt = line.find(' ', keyAt + 1);
        REQUIRE_MESSAGE(valueAt != std::string::npos, "not a report: " << line);
        const std::string verb = line.substr(0, keyAt);
        std::string key = line.substr(keyAt + 1, valueAt - keyAt - 1);
        const std::string value = line.substr(valueAt + 1);
        if (verb == "doing" || verb == "undoing" || verb == "redoing") {
            r.inFlight = {key, value};
            continue;
        }
        REQUIRE_MESSAGE((verb == "saved" || verb == "undone" || verb == "redone"), "not a report: " << line);
        REQUIRE(r.inFlight);
        // The new question's id is known once saved; anything else is saved as it was announced.
        const auto& announced = r.inFlight->first;
        if (announced.ends_with(":new"))
            CHECK(key.rfind(announced.substr(0, announced.size() - 3), 0) == 0);
        else
            CHECK(key == announced);
        if (value == "-")
            r.expected.erase(key);
        else
            r.expected[key] = value;
        r.inFlight.reset();
        ++r.saved;
        r.undone += verb == "saved" ? 0 : 1;
    }
    return r;
}

// The file holds every reported edit, and at most the one in flight besides.
void checkFacts(const Replay& r, const Facts& inFile) {
    std::vector<std::string> differ;
    for (const auto& [key, value] : r.expected)
        if (test::factOf(inFile, key) != value) differ.push_back(key);
    for (const auto& [key, value] : inFile)
        if (!r.expected.count(key)) differ.push_back(key);
    if (differ.empty()) return;
    INFO("differs: " << differ.front() << " reported " << test::factOf(r.expected, differ.front())
                     << ", in the file " << test::factOf(inFile, differ.front()));
    REQUIRE(r.inFlight);
    INFO("in flight: " << r.inFlight->first << " " << r.inFlight->second);
    REQUIRE(differ.size() == 1);
    const auto& [key, value] = *r.inFlight;
    if (key.ends_with(":new")) {
        CHECK(differ[0].rfind(key.substr(0, key.size() - 3), 0) == 0);
        CHECK(!r.expected.count(differ[0]));
    } else {
        CHECK(differ[0] == key);
    }
    if (value != "*") CHECK(test::factOf(inFile, differ[0]) == value);
}

// When the kill comes: a third of the rounds count from the start (the tool may still be starting
// or opening the file), the others from its first report (so each has saved edits), either soon
// after it or well into the session. Edits follow each other without a pause, so most kills
// after the first report land inside an edit's transaction.
struct Moment {
    int ms = 0;
    bool afterFirstReport = false;
};
Moment momentFor(std::mt19937& random, int round, int spanMs) {
    const auto upTo = [&](int from, int to) { return std::uniform_int_distribution<int>(from, to)(random); };
    switch (round % 3) {
    case 0:
        return {upTo(0, spanMs), false};
    case 1:
        return {upTo(0, spanMs / 4), true};
    default:
        return {upTo(spanMs / 4, spanMs * 2), true};
    }
}

struct Tally {
    int rounds = 0, saved = 0, undone = 0, beforeFirstEdit = 0, midEdit = 0, leftovers = 0;
};

void summary(const char* what, const Tally& t) {
    MESSAGE(std::string(what) << ": " << t.rounds << " kills; " << t.saved << " edits reported saved ("
                              << t.undone << " undos and redos); killed before the first edit was saved: "
                              << t.beforeFirstEdit
                              << "; in the middle of an edit (a journal or temporary file left): "
                              << t.midEdit);
}

// A workshop edited live (captures or tallies), killed, then checked.
void killEditing(const std::string& mode, const fs::path& pristine, unsigned seedBase, int normalRounds) {
    test::TempDir dir;
    Facts before;
    {
        auto store = store::SessionStore::open(pristine, store::OpenMode::ReadOnly);
        before = test::factsOf(store->load());
    }
    Tally tally;
    const int rounds = test::killRounds(normalRounds);
    for (int round = 0; round < rounds; ++round) {
        const unsigned seed = seedBase + static_cast<unsigned>(round);
        std::mt19937 random(seed);
        const Moment moment = momentFor(random, round, 120);
        INFO(mode << " round " << round << ", seed " << seed << ", kill after " << moment.ms << " ms"
                  << std::string(moment.afterFirstReport ? " from the first report" : " from the start"));
        const fs::path folder = dir / ("round-" + std::to_string(round));
        fs::create_directories(folder);
        const fs::path file = folder / "workshop.plenary";
        fs::copy_file(pristine, file);

        const auto killed =
            test::runAndKill({PLENARY_SESSION_TOOL, mode, file.string(), kTemplates, std::to_string(seed)},
                             moment.ms, moment.afterFirstReport, "saved ");
        CHECK_FALSE(killed.exitedOnItsOwn);
        CHECK(killed.killed);
        const Replay r = replay(before, killed.out);
        if (moment.afterFirstReport) CHECK(r.saved > 0);
        ++tally.rounds;
        tally.saved += r.saved;
        tally.undone += r.undone;
        tally.beforeFirstEdit += r.saved == 0 ? 1 : 0;
        tally.midEdit += fs::exists(file.string() + "-journal") ? 1 : 0;

        // Opened read-write, as the window would: the edit in flight is rolled back or kept whole.
        auto store = store::SessionStore::open(file);
        REQUIRE(store->integrityCheck() == "ok");
        checkFacts(r, test::factsOf(store->load()));

        // The file goes on working: one more edit and its undo.
        const int people = store->counts().people;
        store->addPerson({0, "Na de crash", "", "Gent", "BE", core::Role::Participant, 0});
        CHECK(store->counts().people == people + 1);
        CHECK(store->undo());
        CHECK(store->counts().people == people);
        CHECK(store->integrityCheck() == "ok");
        store.reset();
        CHECK_FALSE(fs::exists(file.string() + "-journal"));
        fs::remove_all(folder);
    }
    summary(mode.c_str(), tally);
}

std::string countsOf(const fs::path& file, store::OpenMode mode = store::OpenMode::ReadOnly) {
    auto store = store::SessionStore::open(file, mode);
    CHECK(store->integrityCheck() == "ok");
    return test::countsLine(store->counts());
}

// The tool making new files (imports or merges) again and again, killed, then the folder checked:
// each output it reported is complete, the one in flight is complete or absent, anything else is
// a temporary file named as no output is, and the inputs are as they were.
void killMaking(const std::string& mode, const std::vector<std::vector<std::string>>& argsPerKind,
                const std::vector<std::string>& expectedPerKind, const std::vector<fs::path>& inputs,
                unsigned seedBase, int normalRounds) {
    std::vector<std::string> inputBytes;
    for (const auto& input : inputs)
        inputBytes.push_back(test::readFile(input));
    const std::regex output(R"((import|merged)-\d+\.plenary)");
    const std::regex temporary(R"((import|merged)-\d+\.plenary\.tmp-\d+(-journal)?)");
    test::TempDir dir;
    Tally tally;
    const int rounds = test::killRounds(normalRounds);
    for (int round = 0; round < rounds; ++round) {
        const unsigned seed = seedBase + static_cast<unsigned>(round);
        std::mt19937 random(seed);
        const Moment moment = momentFor(random, round, 80);
        const std::size_t kind = static_cast<std::size_t>(round) % argsPerKind.size();
        INFO(mode << " round " << round << ", seed " << seed << ", kill after " << moment.ms << " ms"
                  << std::string(moment.afterFirstReport ? " from the first report" : " from the start"));
        const fs::path folder = dir / ("round-" + std::to_string(round));
        fs::create_directories(folder);
        auto args = argsPerKind[kind];
        args.insert(args.begin(), {PLENARY_SESSION_TOOL, mode});
        args.push_back(folder.string());

        const auto killed = test::runAndKill(args, moment.ms, moment.afterFirstReport, "saved ");
        CHECK_FALSE(killed.exitedOnItsOwn);
        CHECK(killed.killed);
        const Replay r = replay({}, killed.out);
        if (moment.afterFirstReport) CHECK(r.saved > 0);
        for (const auto& [key, value] : r.expected)
            CHECK(value == expectedPerKind[kind]); // the tool's own count of what it wrote

        Facts inFolder;
        fs::path last;
        bool leftover = false;
        for (const auto& entry : fs::directory_iterator(folder)) {
            const std::string name = entry.path().filename().string();
            INFO("in the folder: " << name);
            if (std::regex_match(name, output)) {
                inFolder["file:" + name] = countsOf(entry.path());
                CHECK(inFolder["file:" + name] == expectedPerKind[kind]);
                if (last.empty() || entry.path() > last) last = entry.path();
            } else {
                CHECK(std::regex_match(name, temporary));
                leftover = true;
            }
        }
        checkFacts(r, inFolder);
        ++tally.rounds;
        tally.saved += r.saved;
        tally.beforeFirstEdit += r.saved == 0 ? 1 : 0;
        tally.midEdit += leftover ? 1 : 0;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            CHECK_MESSAGE(test::readFile(inputs[i]) == inputBytes[i], inputs[i].string() << " was changed");

        // The newest output opens read-write and takes an edit.
        if (!last.empty()) {
            auto store = store::SessionStore::open(last);
            const int people = store->counts().people;
            store->addPerson({0, "Na de crash", "", "Gent", "BE", core::Role::Participant, 0});
            CHECK(store->counts().people == people + 1);
            CHECK(store->integrityCheck() == "ok");
        }
        fs::remove_all(folder);
    }
    summary(mode.c_str(), tally);
}

} // namespace

TEST_CASE("kill: captures on the live screen, with undo and redo, lose nothing reported saved") {
    test::TempDir dir;
    const auto file = dir / "education.plenary";
    session::importJsonFile(kExamples + "/urban-academy-education.json", file);
    killEditing("captures", file, 20261123u, 50);
}

TEST_CASE("kill: tallies of a Social Olympics conference, with undo and redo, lose nothing reported saved") {
    test::TempDir dir;
    const auto file = dir / "renewal.plenary";
    session::importJsonFile(kExamples + "/social-olympics-renewal.json", file);
    killEditing("tallies", file, 20261124u, 50);
}

TEST_CASE("kill: an import leaves its output whole or not at all, and its input as it was") {
    test::TempDir dir;
    std::vector<std::string> json, expected;
    std::vector<fs::path> inputs;
    for (const char* name : {"urban-academy-education.json", "social-olympics-renewal.json"}) {
        inputs.push_back(fs::path(kExamples) / name);
        json.push_back(inputs.back().string());
        session::importJsonFile(inputs.back(), dir / "reference.plenary");
        expected.push_back(countsOf(dir / "reference.plenary"));
        fs::remove(dir / "reference.plenary");
    }
    killMaking("imports", {{json[0]}, {json[1]}}, expected, inputs, 20261125u, 40);
}

TEST_CASE("kill: a merge leaves its output whole or not at all, and its inputs as they were") {
    test::TempDir dir;
    const auto a = dir / "room-a.plenary";
    const auto b = dir / "room-b.plenary";
    session::importJsonFile(kExamples + "/urban-academy-education.json", a);
    auto copy = test::exampleSession("urban-academy-education");
    copy.workshop.title = "Room B";
    copy.people[1].city = "Antwerp";
    copy.people.push_back(
        {1000, "Nieuwe Deelnemer", "Gemeente Gent", "Gent", "BE", core::Role::Participant, 0});
    copy.questions[0].asker = 1000;
    store::SessionStore::create(b, copy).reset();
    const auto reference = session::mergeFiles({a, b}, dir / "reference.plenary");
    const std::string expected = test::countsLine(reference.merged);
    CHECK(countsOf(dir / "reference.plenary") == expected);
    killMaking("merges", {{a.string(), b.string()}}, {expected}, {a, b}, 20261126u, 40);
}
