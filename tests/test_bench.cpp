#include "support/Process.hpp"

#include "bench/StressWorkshop.hpp"
#include "store/SessionStore.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace plenary;

TEST_CASE("bench: the stress workshop has the counts of PRODUCT.md §10 and is deterministic") {
    const auto data = bench::stressWorkshop(1);
    const auto expected = bench::stressCounts(1);
    CHECK(expected.dilemmas == 1000);
    CHECK(expected.questions == 20000);
    CHECK(expected.votes == 33000);
    CHECK(data.sessions.size() == 50);
    CHECK(data.dilemmas.size() == 1000);
    CHECK(data.questions.size() == 20000);
    CHECK(data.practices.size() == 2000);
    CHECK(data.people.size() == 200);
    CHECK(data.rings.size() == 5);
    CHECK(data.statements.size() == 1000);
    CHECK(data.votes.size() == 33000);
    CHECK(data.phases.size() == 5);
    CHECK(data.workshop.format == core::Format::UrbanAcademy);
    CHECK(data.workshop.scale == "agreement");

    // 10 % of the dilemmas in joint pairs.
    const auto joint = std::count_if(data.dilemmas.begin(), data.dilemmas.end(),
                                     [](const core::Dilemma& d) { return d.jointGroup != 0; });
    CHECK(joint == 100);
    // Mixed open and closed questions, some with askers; practices with catalog ids and places.
    CHECK(std::any_of(data.questions.begin(), data.questions.end(), [](const auto& q) { return !q.open; }));
    CHECK(std::any_of(data.questions.begin(), data.questions.end(), [](const auto& q) { return q.open; }));
    CHECK(std::any_of(data.questions.begin(), data.questions.end(),
                      [](const auto& q) { return q.asker != 0; }));
    CHECK(std::any_of(data.practices.begin(), data.practices.end(),
                      [](const auto& p) { return !p.catalog.empty(); }));
    CHECK(std::any_of(data.practices.begin(), data.practices.end(),
                      [](const auto& p) { return !p.city.empty(); }));
    CHECK(std::any_of(data.practices.begin(), data.practices.end(),
                      [](const auto& p) { return !p.link.empty(); }));
    // Roles of every kind, names with diacritics.
    std::set<core::Role> roles;
    for (const auto& p : data.people)
        roles.insert(p.role);
    CHECK(roles.size() == 4);
    CHECK(std::any_of(data.people.begin(), data.people.end(),
                      [](const auto& p) { return p.name.find("ł") != std::string::npos; }));
    // A phase log for every done dilemma; tallies on the agreement levels 1..3 in three rounds.
    const auto done = std::count_if(data.dilemmas.begin(), data.dilemmas.end(), [](const core::Dilemma& d) {
        return d.status == core::DilemmaStatus::Done;
    });
    CHECK(done > 0);
    CHECK(data.phaseLog.size() == static_cast<std::size_t>(done) * 5);
    CHECK(std::all_of(data.votes.begin(), data.votes.end(),
                      [](const auto& v) { return v.level >= 1 && v.level <= 3 && v.count > 0; }));
    CHECK(std::count_if(data.votes.begin(), data.votes.end(), [](const auto& v) { return v.round == 1; }) ==
          3000);

    CHECK(bench::stressWorkshop(1) == data);
    const auto so = bench::socialOlympicsCopy(data);
    CHECK(so.workshop.format == core::Format::SocialOlympics);
    CHECK(so.workshop.rounds == 3);
    CHECK(so.votes == data.votes);
}

TEST_CASE("bench: the stress workshop scales and is written as a valid session file") {
    const auto data = bench::stressWorkshop(2);
    CHECK(data.dilemmas.size() == 2000);
    CHECK(data.votes.size() == static_cast<std::size_t>(bench::stressCounts(2).votes));
    test::TempDir dir;
    auto store = store::SessionStore::create(dir / "stress.plenary", bench::stressWorkshop(1));
    const auto counts = store->counts();
    CHECK(counts.dilemmas == 1000);
    CHECK(counts.questions == 20000);
    CHECK(counts.votes == 33000);
    CHECK(store->integrityCheck() == "ok");
}

TEST_CASE("bench: plenary bench --quick runs and prints every figure as JSON") {
    // Only the shape is checked: timings depend on the machine and are never asserted.
    const auto result = test::run(PLENARY_BINARY, {"bench", "--quick", "--json"});
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.rfind("[", 0) == 0);
    for (const char* figure : {"\"name\": \"frame live questions p99 1x\"", "\"name\": \"capture ratio 1x\"",
                               "\"name\": \"idle redraws/s (timer running)\"", "\"name\": \"first frame (1x)\"",
                               "\"name\": \"memory peak (1x)\"", "\"name\": \"tally ratio 1x\"",
                               "\"name\": \"ranking after one tally 1x\"",
                               "\"name\": \"frame rings round 3 presentation p99 1x\"",
                               "\"name\": \"import of the stress workshop's JSON (1x)\"", "\"median\": ",
                               "\"target\": ", "\"met\": ", "\"growth\": "})
        CHECK(result.out.find(figure) != std::string::npos);
    // Every figure was measured: none says why it could not be.
    CHECK(result.out.find("not_measured") == std::string::npos);
}
