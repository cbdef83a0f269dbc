// The one registry of screens and the one registry of shortcuts: what the README, the F1 help,
// --view and key handling all read.
#include "support/Process.hpp"

#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/Keys.hpp"
#include "ui/MainScreen.hpp"
#include "ui/Screens.hpp"
#include "ui/Shortcuts.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace plenary;

namespace {

// The first column of the table under "### Keys" in the README.
std::set<std::string> readmeKeys() {
    const auto text = test::readFile(std::string(PLENARY_SOURCE_DIR) + "/README.md");
    std::istringstream in(text);
    std::string line;
    bool inKeys = false;
    std::set<std::string> keys;
    while (std::getline(in, line)) {
        if (line.rfind("### ", 0) == 0 || line.rfind("## ", 0) == 0) inKeys = line == "### Keys";
        if (!inKeys || line.rfind("| ", 0) != 0) continue;
        const auto end = line.find(" |", 2);
        const std::string key = line.substr(2, end - 2);
        if (key == "key" || key.find("---") != std::string::npos) continue;
        keys.insert(key);
    }
    return keys;
}

} // namespace

TEST_CASE("registry: the README's key table lists exactly the keys the program has") {
    const auto documented = readmeKeys();
    REQUIRE(documented.size() > 5);
    std::set<std::string> registered;
    for (const auto& [keys, what] : ui::helpRows())
        registered.insert(std::string(keys));
    std::string missing, extra;
    for (const auto& key : registered)
        if (!documented.contains(key)) missing += " [" + key + "]";
    for (const auto& key : documented)
        if (!registered.contains(key)) extra += " [" + key + "]";
    INFO("in the program, not the README:" << missing);
    INFO("in the README, not the program:" << extra);
    CHECK(documented == registered);
    for (const auto& [keys, what] : ui::helpRows())
        CHECK_MESSAGE(!what.empty(), keys); // every help row says what it does
}

TEST_CASE("registry: screens have unique ids, build a view, and serve the formats they say") {
    std::set<std::string> ids;
    test::TempDir dir;
    ui::AppState state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates");
    for (const auto& screen : ui::screenRegistry()) {
        CHECK(ids.insert(std::string(screen.id)).second);
        CHECK(screen.make(state) != nullptr);
    }
    const auto names = ui::viewNames();
    CHECK(names.size() == ids.size() + 1);
    CHECK(names.back() == "help");
    CHECK(ui::resolveScreen("", std::nullopt) == "library");
    CHECK(ui::resolveScreen("live", std::nullopt) == "library");
    CHECK(ui::resolveScreen("", core::Format::UrbanAcademy) == "live");
    CHECK(ui::resolveScreen("setup", core::Format::UrbanAcademy) == "setup");
    CHECK(ui::resolveScreen("agenda", core::Format::UrbanAcademy) == "agenda");
    CHECK(ui::resolveScreen("setup", core::Format::SocialOlympics) == "setup");
    CHECK(ui::resolveScreen("live", core::Format::SocialOlympics) == "rings");
    CHECK(ui::resolveScreen("nonsense", core::Format::SocialOlympics) == "rings");
    CHECK(ui::resolveScreen("agenda", core::Format::SocialOlympics) == "agenda");
    CHECK(ui::resolveScreen("rings", core::Format::UrbanAcademy) == "live");
}

TEST_CASE("registry: shortcuts act through the registry on the screen they belong to") {
    test::TempDir dir;
    const auto ua = dir / "ua.plenary";
    REQUIRE(
        test::run(PLENARY_BINARY, {"import", std::string(PLENARY_EXAMPLES) + "/urban-academy-education.json",
                                   "-o", ua.string()})
            .exitCode == 0);
    ui::AppState state(dir.path(), std::string(PLENARY_SOURCE_DIR) + "/templates");
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    harness.frame(2);
    harness.pressKey(ui::keys::F9); // a live-screen key does nothing in the library
    CHECK_FALSE(state.ui().presentation);
    harness.pressKey(ui::keys::F1);
    CHECK(state.ui().showHelp);
    CHECK(harness.hasText("presentation mode on / off"));
    harness.pressKey(ui::keys::F1);
    CHECK_FALSE(state.ui().showHelp);
    REQUIRE(state.openSession(ua));
    harness.frame(2);
    harness.pressKey(ui::keys::F9);
    CHECK(state.ui().presentation);
    harness.pressKey(ui::keys::Escape);
    CHECK_FALSE(state.ui().presentation);
    const bool dark = state.settings().darkTheme;
    harness.pressKey(ui::keys::T, true);
    CHECK(state.settings().darkTheme != dark);
    const auto before = state.live().phaseIndex();
    harness.pressKey(ui::keys::PageDown);
    CHECK(state.live().phaseIndex() != before);
}
