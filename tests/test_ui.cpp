#include "support/Process.hpp"

#include "store/SessionStore.hpp"
#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

using plenary::test::run;
using plenary::test::TempDir;
namespace ui = plenary::ui;

namespace {

const std::string kPlenary = PLENARY_BINARY;
const std::string kExamples = PLENARY_EXAMPLES;

void importExample(const TempDir& dir, const std::string& name) {
    const auto result = run(
        kPlenary, {"import", kExamples + "/" + name + ".json", "-o", (dir / (name + ".plenary")).string()});
    REQUIRE(result.exitCode == 0);
}

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string all = path;
    std::size_t start = 0;
    while (start <= all.size()) {
        const auto end = all.find(':', start);
        const auto dir = all.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / program)) return true;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return false;
}

} // namespace

TEST_CASE("ui: the library lists the workshops of its folder and opens one with a click") {
    TempDir dir;
    importExample(dir, "urban-academy-education");
    importExample(dir, "social-olympics-renewal");
    plenary::test::writeFile(dir / "broken.plenary", "not a session");
    ui::AppState state(dir.path());
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    CHECK(harness.hasText("Urban Academy on Integration — Education in relation to integration"));
    CHECK(harness.hasText("Social Olympics"));
    CHECK(harness.hasText("14 dilemmas"));
    CHECK(harness.hasText("not a Plenary session file")); // a damaged file is listed with its reason
    REQUIRE(harness.click("open:urban-academy-education.plenary"));
    REQUIRE(state.workshop() != nullptr);
    // An Urban Academy module opens in the live view: agenda sidebar and the first dilemma.
    CHECK(state.screen() == "live");
    CHECK(harness.hasText("Qualifications, skills"));
    CHECK(harness.hasText("How can we attract refugees to seek employment as teachers"));
    CHECK(harness.hasText("Sanne van Dijk, City of Amsterdam, Education Department, Amsterdam (NL)"));
    REQUIRE(harness.click("dilemma:4"));
    CHECK(harness.hasText("Katrin Schüßler, International Rescue Committee, Berlin (DE)"));
    REQUIRE(harness.click("← Workshops"));
    CHECK(state.workshop() == nullptr);
    CHECK(harness.hasItem("open:social-olympics-renewal.plenary"));
}

TEST_CASE("ui: a file that cannot be opened shows its one-line reason and nothing changes") {
    TempDir dir;
    plenary::test::writeFile(dir / "broken.plenary", "not a session");
    ui::AppState state(dir.path());
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame();
    REQUIRE(harness.click("open:broken.plenary"));
    CHECK(state.workshop() == nullptr);
    CHECK(harness.hasText("broken.plenary is not a Plenary session file"));
    CHECK(plenary::test::readFile(dir / "broken.plenary") == "not a session");
}

TEST_CASE("ui: the Social Olympics agenda shows rings and their statements") {
    TempDir dir;
    importExample(dir, "social-olympics-renewal");
    ui::AppState state(dir.path());
    REQUIRE(state.openSession(dir / "social-olympics-renewal.plenary"));
    CHECK(state.screen() == "rings"); // a conference opens on its live screen
    state.setScreen("agenda");
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    for (const char* ring :
         {"Policymakers", "Professionals", "Residents", "Politicians", "Non-involved experts"})
        CHECK_MESSAGE(harness.hasText(ring), ring);
    CHECK(harness.hasText("(merged)"));
}

TEST_CASE("ui: Ctrl+Z and Ctrl+Y undo and redo the last edit, and the screen follows") {
    TempDir dir;
    importExample(dir, "urban-academy-education");
    ui::AppState state(dir.path());
    REQUIRE(state.openSession(dir / "urban-academy-education.plenary"));
    auto dilemma = state.snapshot().dilemmas.front();
    const std::string original = dilemma.question;
    dilemma.question = "Ποιος; Кто? Who — édité";
    state.workshop()->updateDilemma(dilemma);
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    CHECK(harness.hasText("Ποιος; Кто? Who — édité"));
    harness.pressKey(ui::keys::Z, true);
    CHECK(harness.hasText(original));
    CHECK_FALSE(harness.hasText("Ποιος; Кто? Who — édité"));
    harness.pressKey(ui::keys::Y, true);
    CHECK(harness.hasText("Ποιος; Кто? Who — édité"));
    // The undo history is in the file: a new window on the same file can undo again.
    state.closeSession();
    REQUIRE(state.openSession(dir / "urban-academy-education.plenary"));
    REQUIRE(state.undo());
    CHECK(state.snapshot().dilemmas.front().question == original);
}

TEST_CASE("ui: the window opens and saves a screenshot under Xvfb" * doctest::timeout(120)) {
    if (!onPath("xvfb-run")) {
        MESSAGE("xvfb-run is not installed; the window smoke test is skipped");
        return;
    }
    TempDir dir;
    importExample(dir, "urban-academy-education");
    const auto png = dir / "shot.png";
    const auto result = run("/usr/bin/env",
                            {"xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", kPlenary, "--screenshot",
                             png.string(), (dir / "urban-academy-education.plenary").string()},
                            {"XDG_CONFIG_HOME=" + (dir / "config").string()});
    INFO(result.err);
    REQUIRE(result.exitCode == 0);
    const auto bytes = plenary::test::readFile(png);
    REQUIRE(bytes.size() > 10000); // a real picture, not an empty frame
    CHECK(bytes.substr(1, 3) == "PNG");
    // Width and height from the IHDR chunk.
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 3]));
    };
    CHECK(be32(16) == 1920);
    CHECK(be32(20) == 1080);
    // Nothing was written into the working directory or the user's config.
    CHECK_FALSE(std::filesystem::exists("imgui.ini"));
}

TEST_CASE("ui: a screenshot changes nothing in the workshop file, whatever screen or phase" *
          doctest::timeout(180)) {
    if (!onPath("xvfb-run")) {
        MESSAGE("xvfb-run is not installed; the screenshot test is skipped");
        return;
    }
    TempDir dir;
    importExample(dir, "urban-academy-education");
    const auto file = dir / "urban-academy-education.plenary";
    const auto before = plenary::test::readFile(file);
    const std::vector<std::vector<std::string>> variants{
        {"--phase", "questions"}, {"--phase", "result", "--present"}, {"--view", "setup"}, {}};
    for (const auto& extra : variants) {
        std::vector<std::string> args{"xvfb-run",
                                      "-a",
                                      "-s",
                                      "-screen 0 1280x720x24",
                                      kPlenary,
                                      "--screenshot",
                                      (dir / "shot.png").string(),
                                      "--size",
                                      "1280"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(file.string());
        const auto result = run("/usr/bin/env", args, {"XDG_CONFIG_HOME=" + (dir / "config").string()});
        INFO(result.err);
        REQUIRE(result.exitCode == 0);
        CHECK(plenary::test::readFile(file) == before); // byte for byte
        CHECK_FALSE(std::filesystem::exists(file.string() + "-journal"));
    }
    // Nothing else was left beside it.
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        files += entry.path().extension() == ".plenary" ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("ui: a new workshop from a template is created in the library folder and opens in the setup") {
    TempDir dir;
    ui::AppState state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates");
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    REQUIRE(harness.click("new-title"));
    harness.type("Integration & civil society — Łódź 2026");
    harness.pressKey(ui::keys::Enter);
    harness.frame(2);
    REQUIRE(state.workshop() != nullptr);
    CHECK(state.screen() == "setup");
    CHECK(state.snapshot().workshop.title == "Integration & civil society — Łódź 2026");
    CHECK(state.snapshot().phases.size() == 5);
    CHECK(std::filesystem::exists(dir / "Integration-civil-society-Łódź-2026.plenary"));
    // Setting up: a thematic session and a dilemma, then the header's venue.
    REQUIRE(harness.click("new-session"));
    harness.type("Volunteers");
    harness.pressKey(ui::keys::Enter);
    harness.frame(2);
    REQUIRE(state.snapshot().sessions.size() == 1);
    REQUIRE(harness.click("Add dilemma##" + std::to_string(state.snapshot().sessions[0].id)));
    REQUIRE(state.snapshot().dilemmas.size() == 1);
    REQUIRE(harness.click("tab:Module"));
    REQUIRE(harness.click("##Venue"));
    harness.type("Łódź, Poland");
    harness.pressKey(ui::keys::Enter);
    harness.frame(2);
    CHECK(state.snapshot().workshop.venue == "Łódź, Poland");
}

TEST_CASE("ui: a ring colour that is not a colour is refused on import and drawn grey if present") {
    TempDir dir;
    auto text = plenary::test::readFile(kExamples + "/social-olympics-renewal.json");
    const auto at = text.find("#2B6CB0");
    REQUIRE(at != std::string::npos);
    text.replace(at, 7, "#zzzzzz");
    plenary::test::writeFile(dir / "bad.json", text);
    const auto result =
        run(kPlenary, {"import", (dir / "bad.json").string(), "-o", (dir / "bad.plenary").string()});
    CHECK(result.exitCode != 0);
    CHECK(result.err.find("colour") != std::string::npos);
    // A file written by something else may still hold one: the agenda draws it, it does not crash.
    importExample(dir, "social-olympics-renewal");
    {
        auto store = plenary::store::SessionStore::open(dir / "social-olympics-renewal.plenary");
        auto ring = store->load().rings.front();
        ring.colour = "#zzzzzz";
        store->updateRing(ring);
    }
    ui::AppState state(dir.path());
    REQUIRE(state.openSession(dir / "social-olympics-renewal.plenary"));
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    CHECK(harness.hasText("Policymakers"));
}

TEST_CASE("ui: Ctrl + / Ctrl − and Ctrl+T change the scale and theme, kept in the settings file") {
    TempDir dir;
    const auto settings = dir / "config" / "settings.json";
    {
        ui::AppState state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates", settings);
        ui::MainScreen screen(state);
        ui::Headless harness([&] { screen.draw(); });
        harness.frame();
        harness.pressKey(ui::keys::Equal, true);
        harness.pressKey(ui::keys::Equal, true);
        harness.pressKey(ui::keys::Minus, true);
        harness.pressKey(ui::keys::T, true);
        CHECK(state.requests().rebuildFonts); // the window rebuilds the fonts between frames
        CHECK(state.settings().scale == doctest::Approx(1.1f));
        CHECK(state.settings().darkTheme);
        harness.pressKey(ui::keys::F1);
        CHECK(state.ui().showHelp);
        CHECK(harness.hasText("presentation mode on / off"));
    }
    REQUIRE(std::filesystem::exists(settings));
    const auto saved = plenary::session::loadSettings(settings);
    CHECK(saved.scale == doctest::Approx(1.1f));
    CHECK(saved.darkTheme);
    // A broken settings file gives the defaults and a message, never a stop.
    plenary::test::writeFile(settings, "{ \"scale\": \"big\" ");
    ui::AppState state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates", settings);
    CHECK(state.settings() == plenary::session::Settings{});
    CHECK(state.message().find("settings.json") != std::string::npos);
}
