// Shared wording (core/Wording): the one place screens and reports take an origin, a presenter, the
// module header, joint discussions and ring colours from.
#include "core/Model.hpp"
#include "core/SessionJson.hpp"
#include "core/Wording.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace plenary::core;

namespace {

Person person(Id id, std::string name, std::string organisation, std::string city, std::string country,
              Role role = Role::Participant) {
    Person p;
    p.id = id, p.name = std::move(name), p.organisation = std::move(organisation);
    p.city = std::move(city), p.country = std::move(country), p.role = role;
    return p;
}

Dilemma dilemma(Id id, Id session, int position, std::string question, Id presenter, Id group = 0) {
    Dilemma d;
    d.id = id, d.session = session, d.position = position, d.question = std::move(question);
    d.presenter = presenter, d.jointGroup = group;
    return d;
}

std::vector<std::vector<Id>> ids(const std::vector<std::vector<const Dilemma*>>& blocks) {
    std::vector<std::vector<Id>> out;
    for (const auto& block : blocks) {
        out.emplace_back();
        for (const auto* d : block)
            out.back().push_back(d->id);
    }
    return out;
}

// Two thematic sessions, listed out of position order on purpose: session 20 comes first.
SessionData agenda() {
    SessionData d;
    d.sessions = {{10, "Working with civil society", 2}, {20, "Providing effective education", 1}};
    d.people = {person(1, "Matleena Sierla", "City of Helsinki", "Helsinki", "FI"),
                person(2, "Anja Jungermann", "Stiftung Mercator", "Essen", "DE"),
                person(3, "Łukasz Wiśniewski", "Urząd Miasta", "Łódź", "PL"),
                person(4, "Katrin Schüßler", "", "", "DE")};
    d.dilemmas = {dilemma(101, 20, 2, "What are the best practices in motivating all stakeholders?", 1, 7),
                  dilemma(102, 20, 1, "How can we attract refugees to teaching?", 3),
                  dilemma(103, 10, 1, "Do participants have ideas about shared impact objectives?", 2, 7),
                  dilemma(104, 10, 2, "How do we keep the expertise we built up?", 4),
                  dilemma(105, 10, 3, "Which volunteers stay the longest, and why?", 3, 7)};
    return d;
}

} // namespace

TEST_CASE("wording: a practice's origin reads City (CC)") {
    CHECK(originLine("Essen", "DE") == "Essen (DE)");
    CHECK(originLine("Łódź", "PL") == "Łódź (PL)");
    CHECK(originLine("Essen", "") == "Essen");
    CHECK(originLine("", "DE") == "DE");
    CHECK(originLine("", "") == "");
    CHECK(originLine("  Zürich ", " CH\n") == "Zürich (CH)");
    CHECK(originLine("   ", "  ") == "");
}

TEST_CASE("wording: a presenter reads Name, Organisation, City (CC)") {
    CHECK(presenterLine(person(1, "Anja Jungermann", "Stiftung Mercator", "Essen", "DE")) ==
          "Anja Jungermann, Stiftung Mercator, Essen (DE)");
    CHECK(presenterLine(person(2, "Łukasz Wiśniewski", "Urząd Miasta Łodzi", "Łódź", "PL")) ==
          "Łukasz Wiśniewski, Urząd Miasta Łodzi, Łódź (PL)");
    CHECK(presenterLine(person(3, "Katrin Schüßler", "", "", "DE")) == "Katrin Schüßler, DE");
    CHECK(presenterLine(person(4, "Katrin Schüßler", "", "Köln", "")) == "Katrin Schüßler, Köln");
    CHECK(presenterLine(person(5, "", "City of Helsinki", "Helsinki", "FI")) ==
          "City of Helsinki, Helsinki (FI)");
    CHECK(presenterLine(person(6, "", "", "", "")) == "");
}

TEST_CASE("wording: the module header names facilitator, experts and rapporteur as the seed does") {
    SessionData d;
    d.people = {
        person(1, "Ceri Hutton", "MigrationWork", "London", "UK", Role::Facilitator),
        person(2, "Participant", "City", "Essen", "DE"),
        person(3, "Aliyyah Ahad", "Migration Policy Institute Europe", "", "", Role::Expert),
        person(4, "Laurent Bontoux", "European Commission, Joint Research Centre", "", "", Role::Rapporteur),
        person(5, "Katrin Schüßler", "", "", "", Role::Expert)};
    const auto header = roleHeader(d);
    REQUIRE(header.size() == 3);
    CHECK(header[0] == HeaderLine{"Facilitator", {"Ceri Hutton, MigrationWork"}});
    CHECK(header[1] ==
          HeaderLine{"Experts", {"Aliyyah Ahad, Migration Policy Institute Europe", "Katrin Schüßler"}});
    CHECK(header[2] ==
          HeaderLine{"Rapporteur", {"Laurent Bontoux, European Commission, Joint Research Centre"}});

    // Singular and plural follow the count; a role nobody holds gives no line; nameless people are left out.
    d.people = {person(1, "Sue Lukes", "MigrationWork", "", "", Role::Facilitator),
                person(2, "Łukasz Wiśniewski", "", "", "", Role::Facilitator),
                person(3, "Gemma Pinyol", "Instrategies", "", "", Role::Expert),
                person(4, "", "", "Essen", "DE", Role::Rapporteur)};
    const auto other = roleHeader(d);
    REQUIRE(other.size() == 2);
    CHECK(other[0] == HeaderLine{"Facilitators", {"Sue Lukes, MigrationWork", "Łukasz Wiśniewski"}});
    CHECK(other[1] == HeaderLine{"Expert", {"Gemma Pinyol, Instrategies"}});

    CHECK(roleHeader(SessionData{}).empty());
}

TEST_CASE("wording: report blocks follow the running order and put a joint group under its first session") {
    const auto d = agenda();
    // Session 20 runs first (position 1): 102, then the joint group 101 + 103 + 105 in running order.
    CHECK(ids(reportBlocks(d, 20)) == std::vector<std::vector<Id>>{{102}, {101, 103, 105}});
    // Session 10 does not repeat the group; its lone dilemma is a block of one.
    CHECK(ids(reportBlocks(d, 10)) == std::vector<std::vector<Id>>{{104}});
    CHECK(reportBlocks(d, 99).empty());
}

TEST_CASE("wording: report blocks leave skipped dilemmas out") {
    auto d = agenda();
    d.dilemmas[0].status = DilemmaStatus::Skipped; // 101, the group's member in session 20
    d.dilemmas[3].status = DilemmaStatus::Skipped; // 104, a lone dilemma
    // With 101 skipped the group's first reported member is 103, so session 10 reports it.
    CHECK(ids(reportBlocks(d, 20)) == std::vector<std::vector<Id>>{{102}});
    CHECK(ids(reportBlocks(d, 10)) == std::vector<std::vector<Id>>{{103, 105}});

    for (auto& x : d.dilemmas)
        if (x.jointGroup == 7) x.status = DilemmaStatus::Skipped;
    CHECK(ids(reportBlocks(d, 10)).empty());
    CHECK(ids(reportBlocks(d, 20)) == std::vector<std::vector<Id>>{{102}});
}

TEST_CASE("wording: joint partners are named by city, or by the question cut short") {
    auto d = agenda();
    CHECK(jointPartnersLine(d, 101) == "together with Essen, Łódź");
    CHECK(jointPartnersLine(d, 103) == "together with Helsinki, Łódź");
    CHECK(jointPartnersLine(d, 102) == ""); // not joined
    CHECK(jointPartnersLine(d, 999) == "");

    // Skipped members are still joined, so the views still name them.
    d.dilemmas[4].status = DilemmaStatus::Skipped;
    CHECK(jointPartnersLine(d, 101) == "together with Essen, Łódź");

    // Without a presenter's city: the question, cut at a word, in quotes; without a question, the id.
    d.dilemmas[2].presenter = 4; // Katrin Schüßler has no city
    d.dilemmas[4].presenter = 0;
    d.dilemmas[4].question = "";
    CHECK(jointPartnersLine(d, 101) == "together with “Do participants have ideas about…”, dilemma #105");
    d.dilemmas[2].question = "Wie?";
    CHECK(jointPartnersLine(d, 101) == "together with “Wie?”, dilemma #105");
}

TEST_CASE("wording: ring colours are #RRGGBB") {
    CHECK(parseHexColour("#2B6CB0") == 0x2B6CB0u);
    CHECK(parseHexColour("#2b6cb0") == 0x2B6CB0u);
    CHECK(parseHexColour("#000000") == 0u);
    CHECK(parseHexColour("#FFFFFF") == 0xFFFFFFu);
    CHECK_FALSE(parseHexColour("#12345"));
    CHECK_FALSE(parseHexColour("#1234567"));
    CHECK_FALSE(parseHexColour("#GGGGGG"));
    CHECK_FALSE(parseHexColour("123456"));
    CHECK_FALSE(parseHexColour("1234567"));
    CHECK_FALSE(parseHexColour(""));
    CHECK_FALSE(parseHexColour("#+12345"));
    CHECK_FALSE(parseHexColour("# 12345"));
    CHECK_FALSE(parseHexColour("#-12345"));
}

TEST_CASE("wording: a picked colour is written back as #RRGGBB, and reads as it was") {
    CHECK(hexColour(0x2B6CB0) == "#2B6CB0");
    CHECK(hexColour(0) == "#000000");
    CHECK(hexColour(0xFFFFFF) == "#FFFFFF");
    CHECK(hexColour(0x1FFFFFF) == "#FFFFFF"); // only the 24 bits of a colour
    for (const std::uint32_t rgb : {0x000001u, 0x0A0B0Cu, 0xC05621u, 0xABCDEFu})
        CHECK(parseHexColour(hexColour(rgb)) == rgb);
}

TEST_CASE("wording: a ring without a name yet is never a blank line") {
    Ring ring{1, "ring-6", "", "#2B6CB0", 6};
    CHECK(ringName(ring) == "(unnamed ring)");
    ring.name = "  ";
    CHECK(ringName(ring) == "(unnamed ring)");
    ring.name = "Youth council";
    CHECK(ringName(ring) == "Youth council");
}

TEST_CASE("wording: session validation uses the same colour check") {
    SessionData d;
    d.workshop.format = Format::SocialOlympics;
    d.rings = {{1, "a", "Ring A", "#2B6CB0", 1}, {2, "b", "Ring B", "#GGGGGG", 2}, {3, "c", "Ring C", "", 3}};
    const auto errors = validateSession(d);
    int colourErrors = 0;
    for (const auto& e : errors)
        if (e.find("colour") != std::string::npos) ++colourErrors;
    CHECK(colourErrors == 1);
}

TEST_CASE("wording: a dilemma without a question yet says so, on screens and in the report") {
    plenary::core::Dilemma d;
    CHECK(plenary::core::questionText(d) == "(no question yet)");
    d.question = "   ";
    CHECK(plenary::core::questionText(d) == "(no question yet)");
    d.question = "How do we reach the parents?";
    CHECK(plenary::core::questionText(d) == "How do we reach the parents?");
}
