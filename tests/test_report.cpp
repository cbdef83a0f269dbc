// The report model (core/Report): built once from a session, in the seed report's order, with the
// consensus figures of core/Consensus; anonymised by one transform; and its tables.
#include "core/Consensus.hpp"
#include "core/Report.hpp"
#include "core/Rounds.hpp"
#include "core/SessionJson.hpp"

#include "support/Examples.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>

using namespace plenary::core;

namespace {

// Every text of the report, one after the other.
std::string allText(Report report) {
    std::string out;
    forEachText(report, [&](std::string& text) { out += text + "\n"; });
    for (const auto& table : reportTables(report))
        for (const auto& row : table.rows)
            for (const auto& cell : row)
                out += cell.display() + "\n";
    return out;
}

const ReportTable* table(const std::vector<ReportTable>& tables, const std::string& key) {
    for (const auto& t : tables)
        if (t.key == key) return &t;
    return nullptr;
}

int column(const ReportTable& t, const std::string& name) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i] == name) return static_cast<int>(i);
    FAIL("no column " << name << " in " << t.key);
    return -1;
}

} // namespace

TEST_CASE("report: an Urban Academy report has every dilemma once, numbered in running order") {
    const auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto report = buildReport(data);
    CHECK(report.title == data.workshop.title);
    REQUIRE(report.header.size() == 3);
    CHECK(report.header[0].label == "Facilitator");
    CHECK(report.sections.size() == data.sessions.size());
    std::set<Id> seen;
    int number = 0;
    std::size_t questions = 0;
    std::size_t practices = 0;
    int joint = 0;
    for (const auto& section : report.sections)
        for (const auto& block : section.blocks) {
            if (block.joint) ++joint;
            for (const auto& d : block.dilemmas) {
                CHECK(d.number == ++number);
                CHECK(seen.insert(d.id).second);
                questions += d.questions.size();
                practices += d.practices.size();
                CHECK(d.session == section.title);
            }
        }
    std::size_t notSkipped = 0;
    for (const auto& d : data.dilemmas)
        if (d.status != DilemmaStatus::Skipped) ++notSkipped;
    CHECK(seen.size() == notSkipped);
    CHECK(questions == data.questions.size());
    CHECK(practices == data.practices.size());
    CHECK(joint == 1);
    // The presenter of a dilemma is named as one, with the seed report's line.
    const auto& first = report.sections[0].blocks[0].dilemmas[0];
    CHECK(first.presenter.role == "Presenter");
    CHECK(personLine(first.presenter) == "Sanne van Dijk, City of Amsterdam, Education Department, Amsterdam (NL)");
    CHECK(report.introduction.size() == 1);
    CHECK(report.introduction[0].by == "Aliyyah Ahad");
}

TEST_CASE("report: the annex has each phase's time against its plan, and the share of open questions") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto report = buildReport(data);
    REQUIRE(!report.timings.empty());
    // The example's first phase ran 3 min 34 s against 3 minutes planned.
    const auto& t = report.timings.front();
    CHECK(t.dilemmaNumber == 1);
    CHECK(t.plannedSeconds == 180);
    CHECK(t.actualSeconds == 214);
    CHECK(t.phase == data.phases.front().name);
    // A pause is left out: the timer's reading, not the wall clock.
    data.phaseLog.front().clockOffset = 60;
    CHECK(buildReport(data).timings.front().actualSeconds == 154);
    for (const auto& s : report.openShares) {
        int open = 0;
        int total = 0;
        for (const auto& q : data.questions)
            if (q.dilemma == s.dilemma) {
                ++total;
                if (q.open) ++open;
            }
        CHECK(s.open == open);
        CHECK(s.total == total);
        if (total > 0) CHECK(s.share == doctest::Approx(static_cast<double>(open) / total));
    }
}

TEST_CASE("report: the Social Olympics figures are core/Consensus's, named") {
    const auto data = plenary::test::exampleSession("social-olympics-renewal.json");
    const auto report = buildReport(data);
    const auto& c = report.conference;
    const VoteScale& scale = scaleOf(data.workshop);
    CHECK(c.rings.size() == data.rings.size());
    CHECK(c.rings[0].members.size() == static_cast<std::size_t>(ringMembers(data, c.rings[0].id)));
    CHECK(c.statements.size() == data.statements.size());
    REQUIRE(c.rounds.size() == 3);
    CHECK(c.consensusRound == 3);
    for (const auto& round : c.rounds) {
        const auto expected = rankRound(data.votes, round.number, data.statements, scale, data.workshop.threshold);
        REQUIRE(round.ranking.size() == expected.ranked.size());
        for (std::size_t i = 0; i < expected.ranked.size(); ++i) {
            const auto& row = round.ranking[i];
            const auto& want = expected.ranked[i];
            CHECK(row.statement == want.statement);
            CHECK(row.rank == want.rank);
            CHECK(row.gac == doctest::Approx(want.gac));
            CHECK(row.divisiveness == doctest::Approx(want.divisiveness));
            CHECK(row.status == consensusStatus(want));
            for (const auto& r : want.rings)
                for (const auto& cell : row.rings)
                    if (cell.ring == r.ring) {
                        CHECK(cell.voted);
                        CHECK(cell.support == r.support);
                        CHECK(cell.votes == r.total);
                        CHECK(cell.share == doctest::Approx(r.share));
                        CHECK(cell.blocked == r.blocked);
                    }
        }
        // The heat map's rows are the same statements, by number.
        CHECK(round.support.size() == round.ranking.size());
        for (std::size_t i = 1; i < round.support.size(); ++i)
            CHECK(round.support[i - 1].number < round.support[i].number);
    }
    std::size_t shifts = 0;
    for (const int to : {2, 3})
        shifts += shiftBetween(data.votes, 1, to, scale).size();
    CHECK(c.shifts.size() == shifts);
    std::size_t counted = 0;
    for (const auto& v : data.votes)
        if (v.count > 0) ++counted;
    CHECK(c.tallies.size() == counted);
}

TEST_CASE("report: the tables' consensus figures equal core/Consensus, with six decimals") {
    const auto data = plenary::test::exampleSession("social-olympics-renewal.json");
    const auto tables = reportTables(buildReport(data));
    std::vector<std::string> keys;
    for (const auto& t : tables)
        keys.push_back(t.key);
    CHECK(keys == std::vector<std::string>{"statements", "votes", "ring-support", "ranking", "shift", "people"});
    const auto* ranking = table(tables, "ranking");
    REQUIRE(ranking != nullptr);
    const VoteScale& scale = scaleOf(data.workshop);
    std::map<std::pair<int, Id>, const ReportCell*> gacs;
    for (const auto& row : ranking->rows)
        gacs[{static_cast<int>(row[column(*ranking, "round")].number),
              static_cast<Id>(row[column(*ranking, "statement_id")].number)}] = &row[column(*ranking, "gac")];
    for (const int round : {1, 2, 3})
        for (const auto& s : rankRound(data.votes, round, data.statements, scale, data.workshop.threshold).ranked) {
            const auto it = gacs.find({round, s.statement});
            REQUIRE(it != gacs.end());
            char want[32];
            std::snprintf(want, sizeof want, "%.6f", s.gac);
            CHECK(it->second->display() == want);
            CHECK(it->second->kind == ReportCell::Kind::Decimal);
        }
    // Every tally once, in the votes table, in order of round, ring and statement.
    const auto* votes = table(tables, "votes");
    REQUIRE(votes != nullptr);
    std::set<std::tuple<int, std::string, Id, int>> seen;
    std::size_t counted = 0;
    for (const auto& v : data.votes)
        if (v.count > 0) ++counted;
    CHECK(votes->rows.size() == counted);
    for (const auto& row : votes->rows)
        CHECK(seen.insert({static_cast<int>(row[column(*votes, "round")].number), row[column(*votes, "ring")].text,
                           static_cast<Id>(row[column(*votes, "statement_id")].number),
                           static_cast<int>(row[column(*votes, "level")].number)})
                  .second);
    for (std::size_t i = 1; i < votes->rows.size(); ++i)
        CHECK(votes->rows[i - 1][column(*votes, "round")].number <= votes->rows[i][column(*votes, "round")].number);
    const auto* support = table(tables, "ring-support");
    REQUIRE(support != nullptr);
    CHECK(support->columns == std::vector<std::string>{"round", "statement_id", "statement", "ring", "support",
                                                       "votes", "share", "smoothed", "blocked"});
    const auto* shift = table(tables, "shift");
    REQUIRE(shift != nullptr);
    CHECK(std::vector<std::string>(shift->columns.begin(), shift->columns.begin() + 6) ==
          std::vector<std::string>{"statement_id", "statement", "ring", "share_from", "share_to", "delta"});
    for (const auto& row : shift->rows)
        CHECK(row[column(*shift, "delta")].number ==
              doctest::Approx(row[column(*shift, "share_to")].number - row[column(*shift, "share_from")].number));
}

TEST_CASE("report: cells write decimals with a point and their digits") {
    CHECK(ReportCell::ofDecimal(2.0 / 3).display() == "0.666667");
    CHECK(ReportCell::ofDecimal(-0.25).display() == "-0.250000");
    CHECK(ReportCell::ofDecimal(-0.0000001).display() == "0.000000");
    CHECK(ReportCell::ofDecimal(3.5, 2).display() == "3.50");
    CHECK(ReportCell::ofInteger(-42).display() == "-42");
    CHECK(ReportCell::ofText("=1+1").display() == "=1+1");
    CHECK(ReportCell::empty().display().empty());
}

TEST_CASE("report: anonymising replaces every name by role and city, in free text too") {
    auto data = plenary::test::exampleSession("urban-academy-education.json");
    REQUIRE(data.dilemmas.size() >= 2);
    data.dilemmas[0].result = "As Sanne van Dijk explained, and Sanne repeated: van Dijk's city learnt from Ceri.";
    data.dilemmas[1].information = "Analysis by the Academy (not a name: Sanneke, Ceríse).";
    const auto plain = buildReport(data);
    const auto report = anonymise(plain);
    CHECK(report.anonymised);
    CHECK(report.people.empty());
    const std::string text = allText(report);
    for (const auto& p : data.people) {
        INFO(p.name);
        CHECK(text.find(p.name) == std::string::npos);
    }
    CHECK(text.find("As Presenter from Amsterdam explained, and Presenter from Amsterdam repeated: "
                    "Presenter from Amsterdam's city learnt from Facilitator") != std::string::npos);
    // A name inside another word is not a name.
    CHECK(text.find("Analysis by the Academy (not a name: Sanneke, Ceríse).") != std::string::npos);
    // The header keeps each person's organisation, with a stand-in for the name.
    CHECK(report.header[1].names[0].rfind("Expert", 0) == 0);
    CHECK(report.sections[0].blocks[0].dilemmas[0].presenter.name == "Presenter from Amsterdam");
    // No people table.
    for (const auto& t : reportTables(report))
        CHECK(t.key != "people");
    // Nothing but names changed: the same number of questions, the same figures.
    CHECK(report.openShares.size() == plain.openShares.size());
    CHECK(report.timings.size() == plain.timings.size());
}

TEST_CASE("report: anonymising a conference replaces ring members and names in statements") {
    auto data = plenary::test::exampleSession("social-olympics-renewal.json");
    REQUIRE(!data.statements.empty());
    data.statements[0].text = "Proposed by Esra Kaya: renew in phases.";
    data.statements[1].text = "Dr. Smith and Prof. Jones agree with Agnieszka.";
    const auto report = anonymise(buildReport(data));
    const std::string text = allText(report);
    for (const auto& p : data.people) {
        INFO(p.name);
        CHECK(text.find(p.name) == std::string::npos);
    }
    CHECK(report.conference.statements[0].text.rfind("Proposed by Participant", 0) == 0);
    // A title is not a name; a first name alone is ("Dr. Agnieszka Zielińska" is in the example).
    CHECK(report.conference.statements[1].text == "Dr. Smith and Prof. Jones agree with Participant from Delft.");
    // Members are counted, and each stand-in is given once with how many it stands for.
    for (const auto& ring : report.conference.rings) {
        CHECK(ring.memberCount == ringMembers(data, ring.id));
        std::set<std::string> unique(ring.members.begin(), ring.members.end());
        CHECK(unique.size() == ring.members.size());
    }
    CHECK(std::find(report.conference.rings[2].members.begin(), report.conference.rings[2].members.end(),
                    "Participant from The Hague (15)") != report.conference.rings[2].members.end());
}

TEST_CASE("report: a file whose parts do not fit together still reports every word, in every format") {
    auto data = plenary::test::exampleSession("urban-academy-education");
    // A dilemma of a session the file does not have, a vote on nothing, a statement of no ring,
    // a joint group of one, a threshold no template would hold.
    Dilemma orphan;
    orphan.id = 900;
    orphan.session = 777;
    orphan.question = "Who keeps the words of a session that is gone?";
    orphan.result = "They stay in the report.";
    orphan.jointGroup = 55;
    data.dilemmas.push_back(orphan);
    data.questions.push_back(Question{901, 900, 1, "What happened to the session?", 4242, true, false});
    data.statements.push_back(Statement{902, 999, 1, "A statement of no ring", 903});
    data.votes.push_back(VoteTally{904, 2, 998, 997, 3, 5});
    data.workshop.threshold = std::numeric_limits<double>::quiet_NaN();
    const auto report = buildReport(data);
    REQUIRE(!report.sections.empty());
    const auto& last = report.sections.back();
    CHECK(last.title == "Other dilemmas");
    REQUIRE(last.blocks.size() == 1);
    CHECK(last.blocks[0].dilemmas[0].question == orphan.question);
    CHECK(last.blocks[0].dilemmas[0].questions.size() == 1);
    CHECK(last.blocks[0].result == orphan.result);
    CHECK(last.blocks[0].dilemmas[0].number == static_cast<int>(data.dilemmas.size()));
    // Every table and the anonymised report come out of it too.
    CHECK(!reportTables(report).empty());
    CHECK(anonymise(report).sections.back().blocks[0].dilemmas[0].question == orphan.question);
}
