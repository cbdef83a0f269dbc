// Killing a writer (kill -9) at random moments loses at most the edit in flight: every edit the
// writer reported as saved is in the file, nothing else is, and the file passes its integrity check.
#include "store_test_util.hpp"

#include "store/SessionStore.hpp"
#include "support/KillRun.hpp"

#include <doctest/doctest.h>

#include <poll.h>
#include <signal.h>

#include <chrono>
#include <map>

using namespace store_test;
using plenary::store::SessionStore;

namespace {

struct Saved {
    long long id = 0;
    int flag = 0; // 1: the question must be there; 0: it was undone at once and must be absent
    std::string text;
};

struct WriterRun {
    std::vector<Saved> saved;
    std::string partialLine; // a line cut off by the kill: not a report
};

std::vector<Saved> parseLines(const std::string& out, std::string& rest) {
    std::vector<Saved> saved;
    std::size_t start = 0;
    for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
        const std::string line = out.substr(start, nl - start);
        start = nl + 1;
        // "saved ID FLAG TEXT"
        REQUIRE(line.rfind("saved ", 0) == 0);
        const auto idEnd = line.find(' ', 6);
        REQUIRE(idEnd != std::string::npos);
        const auto flagEnd = line.find(' ', idEnd + 1);
        REQUIRE(flagEnd != std::string::npos);
        Saved s;
        s.id = std::stoll(line.substr(6, idEnd - 6));
        s.flag = std::stoi(line.substr(idEnd + 1, flagEnd - idEnd - 1));
        s.text = line.substr(flagEnd + 1);
        saved.push_back(std::move(s));
    }
    rest = out.substr(start);
    return saved;
}

// Starts the writer and kills it `deadlineMs` after the start (or after its first report).
WriterRun runAndKill(const fs::path& file, int deadlineMs, bool afterFirstReport) {
    const auto killed = plenary::test::runAndKill({PLENARY_WRITER_TOOL, file.string(), "1", "1000000"},
                                                  deadlineMs, afterFirstReport);
    CHECK_FALSE(killed.exitedOnItsOwn);
    CHECK(killed.killed);
    WriterRun run;
    run.saved = parseLines(killed.out, run.partialLine);
    return run;
}

} // namespace

TEST_CASE("kill: a store writer killed at random moments loses nothing that was reported saved") {
    const int kRounds = plenary::test::killRounds(30);
    TempDir dir;
    std::size_t totalSaved = 0;
    for (int round = 0; round < kRounds; ++round) {
        const unsigned seed = 20240502u + static_cast<unsigned>(round);
        std::mt19937 random(seed);
        const int deadlineMs = std::uniform_int_distribution<int>(5, 150)(random);
        // Half the rounds count from the start (the kill may land before the first edit, even
        // while the file is being opened); half from the first report, so each of those has edits.
        const bool afterFirstReport = round % 2 == 1;
        INFO("round " << round << ", seed " << seed << ", kill after " << deadlineMs << " ms"
                      << (afterFirstReport ? " from the first report" : " from the start"));

        const fs::path file = dir / ("kill-" + std::to_string(round) + ".plenary");
        SessionStore::create(file, smallSession());
        const WriterRun run = runAndKill(file, deadlineMs, afterFirstReport);
        if (afterFirstReport) CHECK_FALSE(run.saved.empty());
        totalSaved += run.saved.size();

        // Opening read-write rolls back the edit in flight, if any.
        auto store = SessionStore::open(file);
        CHECK(store->integrityCheck() == "ok");
        const auto questions = store->questions(1);
        std::map<long long, std::string> byId;
        std::map<std::string, int> textCount;
        for (const auto& q : questions) {
            byId[q.id] = q.text;
            ++textCount[q.text];
        }
        std::size_t mustExist = 0;
        for (const auto& s : run.saved) {
            INFO("saved " << s.id << " " << s.flag << " " << s.text);
            if (s.flag == 1) {
                ++mustExist;
                REQUIRE(byId.count(s.id) == 1);
                CHECK(byId[s.id] == s.text);
                CHECK(textCount[s.text] == 1);
            } else {
                CHECK(textCount.count(s.text) == 0); // undone, and the undo was reported saved
            }
        }
        // At most one more edit than reported: the one that committed just before the kill.
        CHECK(questions.size() >= mustExist);
        CHECK(questions.size() <= mustExist + 1);

        // Once reopened, the .plenary alone holds every saved edit: a copy of just that file
        // opens to the same session.
        const auto data = store->load();
        const fs::path copy = dir / ("copy-" + std::to_string(round) + ".plenary");
        fs::copy_file(file, copy);
        {
            auto copied = SessionStore::open(copy, plenary::store::OpenMode::ReadOnly);
            CHECK(copied->integrityCheck() == "ok");
            CHECK(copied->load() == data);
        }
        // A journal the kill may have left beside it (one whose header was never completed, so
        // SQLite leaves it until the next edit) is not one that would be played back.
        if (fs::exists(file.string() + "-journal")) {
            const fs::path both = dir / ("both-" + std::to_string(round) + ".plenary");
            fs::copy_file(file, both);
            fs::copy_file(file.string() + "-journal", both.string() + "-journal");
            auto copied = SessionStore::open(both);
            CHECK(copied->integrityCheck() == "ok");
            CHECK(copied->load() == data);
        }

        // The file keeps working: one more edit and its undo go through, leaving no journal.
        plenary::core::Question q;
        q.dilemma = 1;
        q.text = "After the crash";
        store->addQuestion(q);
        CHECK(store->counts().questions == static_cast<int>(questions.size()) + 1);
        CHECK(store->undo());
        CHECK(store->counts().questions == static_cast<int>(questions.size()));
        CHECK(store->integrityCheck() == "ok");
        store.reset();
        CHECK_FALSE(hasSideFiles(file));
        fs::remove(file);
    }
    MESSAGE("edits reported saved over all rounds: " << totalSaved);
    CHECK(totalSaved > 0);
}
