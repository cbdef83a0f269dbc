// Forget and merge over a generated library of workshop files, broken and hostile ones among them.
#include "support/GeneratedLibrary.hpp"
#include "support/Process.hpp"
#include "store_test_util.hpp"

#include "session/Forget.hpp"
#include "session/Library.hpp"
#include "session/Merge.hpp"
#include "session/Resources.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <map>

namespace fs = std::filesystem;
using namespace plenary;

TEST_CASE("library: forgetting a person across a generated library — every readable file, none broken, the index") {
    test::TempDir dir(test::memoryFolder());
    test::TempDir cache;
    const auto catalog = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    const test::GeneratedLibrary generated(dir.path(), 60, catalog.at(0).id);
    // The first named person of the first workshop, and the files that have them.
    const auto& someone = generated.files.front().data.people.front();
    REQUIRE_FALSE(someone.name.empty());
    std::vector<fs::path> with, without;
    for (const auto& f : generated.files) {
        const bool has = std::any_of(f.data.people.begin(), f.data.people.end(),
                                     [&](const core::Person& p) { return p.name == someone.name; });
        (has ? with : without).push_back(f.path);
    }
    REQUIRE(with.size() >= 2);
    std::map<fs::path, std::string> brokenBytes, untouchedBytes;
    for (const auto& b : generated.broken)
        if (b.regular) brokenBytes[b.path] = test::readFile(b.path);
    for (const auto& p : without)
        untouchedBytes[p] = test::readFile(p);

    session::Library library(dir.path(), cache / "library-index.sqlite");
    library.entries();
    REQUIRE(test::bytesWithJournal(cache / "library-index.sqlite").size() > 0);

    const auto outcomes = session::forgetInFolder(dir.path(), someone.name);
    library.purgeIndex();
    int forgotten = 0;
    for (const auto& o : outcomes)
        if (o.kind == session::ForgetOutcome::Kind::Forgotten) ++forgotten;
    CHECK(forgotten == static_cast<int>(with.size()));
    for (const auto& p : with) {
        INFO(p.filename().string());
        const auto bytes = test::bytesWithJournal(p);
        CHECK(bytes.find(someone.name) == std::string::npos);
        auto store = store::SessionStore::open(p, store::OpenMode::ReadOnly);
        CHECK(store->integrityCheck() == "ok");
    }
    for (const auto& [path, bytes] : untouchedBytes)
        CHECK(test::readFile(path) == bytes);
    for (const auto& [path, bytes] : brokenBytes)
        CHECK(test::readFile(path) == bytes);
    CHECK(test::bytesWithJournal(cache / "library-index.sqlite").find(someone.name) == std::string::npos);
    // Still a library: every file listed, the broken ones with their reasons.
    CHECK(library.entries().size() == generated.files.size() + generated.broken.size());
}

TEST_CASE("library: merging generated rooms keeps every dilemma, question and practice; conferences are refused") {
    test::TempDir dir(test::memoryFolder());
    const auto catalog = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    const test::GeneratedLibrary generated(dir.path(), 30, catalog.at(0).id);
    std::vector<fs::path> rooms;
    core::WorkshopCounts sum;
    const test::GeneratedFile* conference = nullptr;
    for (const auto& f : generated.files) {
        if (f.data.workshop.format == core::Format::SocialOlympics) {
            conference = &f;
            continue;
        }
        if (rooms.size() == 4) continue;
        rooms.push_back(f.path);
        const auto c = store::SessionStore::open(f.path, store::OpenMode::ReadOnly)->counts();
        sum.sessions += c.sessions;
        sum.dilemmas += c.dilemmas;
        sum.questions += c.questions;
        sum.practices += c.practices;
    }
    REQUIRE(rooms.size() == 4);
    const auto report = session::mergeFiles(rooms, dir / "event.plenary", "One event");
    CHECK(report.merged.sessions == sum.sessions);
    CHECK(report.merged.dilemmas == sum.dilemmas);
    CHECK(report.merged.questions == sum.questions);
    CHECK(report.merged.practices == sum.practices);
    session::Library library(dir.path());
    CHECK(library.search("One event").results >= 1);

    REQUIRE(conference);
    CHECK_THROWS_WITH_AS(session::mergeFiles({rooms.front(), conference->path}, dir / "mixed.plenary"),
                         doctest::Contains("only Urban Academy"), std::runtime_error);
    CHECK_FALSE(fs::exists(dir / "mixed.plenary"));
    REQUIRE_FALSE(generated.broken.empty());
    CHECK_THROWS(session::mergeFiles({rooms.front(), generated.broken.front().path}, dir / "broken.plenary"));
    CHECK_FALSE(fs::exists(dir / "broken.plenary"));
}
