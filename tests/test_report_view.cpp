// The report preview and the export dialog, driven headless as a rapporteur would: Ctrl+R shows
// the report, Ctrl+E exports it with keys and clicks, the library exports a file without opening it.
#include "support/Examples.hpp"
#include "support/ScreenFixture.hpp"

#include "core/Report.hpp"
#include "store/SessionStore.hpp"
#include "core/SessionJson.hpp"
#include "ui/ReportView.hpp"

#include <fstream>
#include <sstream>

using namespace plenary;
namespace fs = std::filesystem;

namespace {

std::string allItems(const std::vector<ui::ReportItem>& items) {
    std::string out;
    for (const auto& item : items) {
        out += item.text + "\n";
        for (const auto& cell : item.cells)
            out += cell + "\n";
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

} // namespace

TEST_CASE("report view: the preview's lines hold every dilemma once, in order, and no name when anonymised") {
    const auto data = plenary::test::exampleSession("urban-academy-education.json");
    const auto report = core::buildReport(data);
    const std::string text = allItems(ui::reportItems(report));
    std::size_t at = 0;
    for (const auto& section : report.sections)
        for (const auto& block : section.blocks)
            for (const auto& d : block.dilemmas) {
                const std::string heading = "Question " + std::to_string(d.number) + ": " + d.question;
                CHECK(count(text, heading) == 1);
                const auto found = text.find(heading, at);
                CHECK(found != std::string::npos);
                if (found != std::string::npos) at = found;
                for (const auto& q : d.questions)
                    CHECK(text.find(q.text) != std::string::npos);
            }
    CHECK(text.find("Annex") != std::string::npos);
    const std::string anonymous = allItems(ui::reportItems(core::anonymise(report)));
    for (const auto& p : data.people) {
        INFO(p.name);
        CHECK(anonymous.find(p.name) == std::string::npos);
    }
    // A conference: each round with votes, its support, shift and consensus.
    const std::string so = allItems(ui::reportItems(core::buildReport(plenary::test::exampleSession("social-olympics-renewal.json"))));
    CHECK(count(so, "Support per ring") == 3);
    CHECK(count(so, "Shift since round 1") == 2);
    CHECK(so.find("✗ blocked") != std::string::npos);
}

TEST_CASE("report view: Ctrl+R shows the report and goes back; the anonymised switch hides names") {
    test::ScreenFixture f;
    f.openExample("urban-academy-education");
    REQUIRE(f.state.screen() == "live");
    f.harness.pressKey(ui::keys::R, true);
    f.harness.frame(2);
    REQUIRE(f.state.screen() == "report");
    CHECK(f.harness.hasText("Urban Academy on Integration"));
    CHECK(f.harness.hasText("Question 1: How can we attract refugees"));
    CHECK(f.harness.hasText("Sanne van Dijk"));
    REQUIRE(f.harness.click("anonymised"));
    f.harness.frame(2);
    CHECK(f.harness.hasText("Question 1: How can we attract refugees"));
    CHECK_FALSE(f.harness.hasText("Sanne van Dijk"));
    CHECK(f.harness.hasText("Presenter from Amsterdam"));
    f.harness.pressKey(ui::keys::R, true);
    f.harness.frame(2);
    CHECK(f.state.screen() == "live");
}

TEST_CASE("export dialog: Ctrl+E, a format, Enter — the file is beside the workshop; CSV anonymised has no people") {
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.harness.pressKey(ui::keys::E, true);
    f.harness.frame(2);
    REQUIRE(f.state.ui().showExport);
    CHECK(f.harness.hasItem("export"));
    REQUIRE(f.harness.click("format:md"));
    f.harness.frame(1);
    CHECK(f.harness.hasText((f.dir / "urban-academy-education.md").string()));
    f.harness.pressKey(ui::keys::Enter);
    f.harness.frame(2);
    const fs::path md = f.dir / "urban-academy-education.md";
    REQUIRE(fs::exists(md));
    CHECK(test::readFile(md).rfind("# Urban Academy on Integration", 0) == 0);
    CHECK(f.harness.hasText("Wrote Markdown (.md): " + md.string()));
    // ↓ moves to the next format: JSON, which is never anonymised.
    f.harness.pressKey(ui::keys::Down);
    f.harness.frame(2);
    CHECK(f.harness.hasText("never anonymised"));
    REQUIRE(f.harness.click("format:csv"));
    f.harness.frame(1);
    REQUIRE(f.harness.click("anonymise"));
    f.harness.frame(1);
    REQUIRE(f.harness.click("export"));
    f.harness.frame(2);
    const fs::path tables = f.dir / "urban-academy-education-anonymised-tables";
    CHECK(fs::is_regular_file(tables / "questions.csv"));
    CHECK_FALSE(fs::exists(tables / "people.csv"));
    CHECK(f.harness.hasText("Wrote 4 tables to"));
    // Esc closes it; nothing was written into the workshop.
    f.harness.pressKey(ui::keys::Escape);
    f.harness.frame(2);
    CHECK_FALSE(f.state.ui().showExport);
    CHECK(f.state.workshop()->path() == path);
}

TEST_CASE("export dialog: a folder that cannot be written says why, and nothing is lost") {
    test::ScreenFixture f;
    f.openExample("social-olympics-renewal");
    f.harness.pressKey(ui::keys::E, true);
    f.harness.frame(2);
    // The folder is a workshop file: the export is refused in one line and the file is untouched.
    const fs::path workshop = f.state.workshop()->path();
    const auto before = test::readFile(workshop);
    REQUIRE(f.harness.click("export-folder"));
    f.harness.pressKey(ui::keys::A, true);
    f.harness.type((workshop.parent_path() / "missing" / "deeper").string());
    f.harness.pressKey(ui::keys::Enter);
    f.harness.frame(2);
    CHECK(f.harness.hasText("cannot write"));
    CHECK(test::readFile(workshop) == before);
    CHECK(f.state.ui().showExport); // still open, to try another folder
}

TEST_CASE("export dialog: the library exports a listed workshop without opening it") {
    test::ScreenFixture f;
    const auto path = f.openExample("social-olympics-renewal");
    f.state.closeSession();
    f.harness.frame(3);
    REQUIRE(f.state.screen() == "library");
    REQUIRE(f.harness.click("export:" + path.filename().string()));
    f.harness.frame(2);
    REQUIRE(f.harness.click("format:html"));
    f.harness.frame(1);
    REQUIRE(f.harness.click("export"));
    f.harness.frame(2);
    const fs::path html = f.dir / "social-olympics-renewal.html";
    REQUIRE(fs::exists(html));
    CHECK(test::readFile(html).find("Schilderswijk") != std::string::npos);
    CHECK(f.state.workshop() == nullptr);
}

TEST_CASE("export dialog: over the live screen, what is typed goes to the dialog, not the capture line") {
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    REQUIRE(f.state.screen() == "live");
    f.harness.frame(4); // the capture line has the keyboard
    f.harness.pressKey(ui::keys::E, true);
    f.harness.frame(4);
    // Keys pressed with no field of the dialog chosen yet stay in the dialog: the capture line
    // under it does not take the keyboard back.
    f.harness.type("zzz");
    f.harness.frame(4);
    CHECK_FALSE(f.harness.hasText("zzz"));
    REQUIRE(f.harness.click("export-folder"));
    f.harness.pressKey(ui::keys::A, true);
    const fs::path folder = f.dir / "reports";
    fs::create_directories(folder);
    f.harness.type(folder.string());
    f.harness.frame(4);
    REQUIRE(f.harness.click("format:md"));
    f.harness.frame(4);
    f.harness.pressKey(ui::keys::Enter);
    f.harness.frame(4);
    CHECK(fs::exists(folder / "urban-academy-education.md"));
    // Nothing reached the capture line or its draft, and no entry was added.
    auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    CHECK(reader->captureDraft().text.empty());
    CHECK(f.state.data().questions.size() == test::exampleSession("urban-academy-education").questions.size());
    CHECK(f.state.data().dilemmas.front().information == test::exampleSession("urban-academy-education").dilemmas.front().information);
}

TEST_CASE("report view: End reaches the annex and Home the title, with keys only") {
    test::ScreenFixture f(1280, 720);
    f.openExample("urban-academy-education");
    f.harness.pressKey(ui::keys::R, true);
    f.harness.frame(3);
    REQUIRE(f.state.screen() == "report");
    CHECK_FALSE(f.harness.hasText("Share of open questions"));
    f.harness.pressKey(ui::keys::End);
    f.harness.frame(12);
    CHECK(f.harness.hasText("Share of open questions"));
    CHECK_FALSE(f.harness.hasText("Facilitator: Ceri Hutton"));
    f.harness.pressKey(ui::keys::Home);
    f.harness.frame(3);
    CHECK(f.harness.hasText("Facilitator: Ceri Hutton"));
    // A clicker's PageDown moves a page on.
    f.harness.pressKey(ui::keys::PageDown);
    f.harness.frame(3);
    CHECK_FALSE(f.harness.hasText("Facilitator: Ceri Hutton"));
}
