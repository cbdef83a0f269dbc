// Text being typed is durable: it reaches the file within about a second while the field still has
// the keyboard, at once when the field goes from the screen, the workshop closes or Esc is
// pressed, and a whole stretch of typing is one undo step however often it was saved.
#include "support/KillRun.hpp"
#include "support/ScreenFixture.hpp"

#include "core/Agenda.hpp"
#include "store/OpenMode.hpp"
#include "store/SessionStore.hpp"

#include <imgui_internal.h>

using namespace plenary;
using ui::keys::End;
using ui::keys::Escape;

namespace {

// The file as another program would read it now (not the window's snapshot).
core::Dilemma dilemmaInFile(const std::filesystem::path& path, core::Id id) {
    auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    for (const auto& d : reader->load().dilemmas)
        if (d.id == id) return d;
    FAIL("dilemma " << id << " is not in the file");
    return {};
}

constexpr int kFramesPerSecond = 60; // the harness's clock: 1/60 s per frame

} // namespace

TEST_CASE("typing: saves that carry one stretch are one undo step; anything in between starts another") {
    test::TempDir dir;
    core::SessionData data;
    data.workshop.title = "Stretch";
    data.sessions.push_back(core::ThematicSession{});
    data.sessions[0].id = 1;
    data.sessions[0].title = "S";
    data.dilemmas.push_back(core::Dilemma{});
    data.dilemmas[0].id = 1;
    data.dilemmas[0].session = 1;
    data.dilemmas[0].question = "Q";
    auto store = store::SessionStore::create(dir / "s.plenary", data);
    auto save = [&](const std::string& text, std::uint64_t stretch) {
        auto d = store->load().dilemmas.at(0);
        d.information = text;
        store->setTypingStretch(stretch);
        store->updateDilemma(d);
        store->setTypingStretch(0);
    };
    save("Wh", 7);
    save("Where the", 7);
    save("Where the money goes", 7);
    REQUIRE(store->undo());
    CHECK(store->load().dilemmas.at(0).information.empty()); // the whole stretch at once
    CHECK_FALSE(store->canUndo());
    REQUIRE(store->redo());
    CHECK(store->load().dilemmas.at(0).information == "Where the money goes");

    // Another edit between two saves of the same stretch: three steps, each undone on its own.
    save("Where the money goes.", 8);
    auto d = store->load().dilemmas.at(0);
    d.question = "Q2";
    store->updateDilemma(d);
    save("Where the money goes. Always.", 8);
    REQUIRE(store->undo());
    CHECK(store->load().dilemmas.at(0).information == "Where the money goes.");
    CHECK(store->load().dilemmas.at(0).question == "Q2");
    REQUIRE(store->undo());
    CHECK(store->load().dilemmas.at(0).question == "Q");
    // Typing on after an undo does not fold into a step that was there before it.
    save("Where the money goes!", 8);
    REQUIRE(store->undo());
    CHECK(store->load().dilemmas.at(0).information == "Where the money goes.");
}

TEST_CASE(
    "typing: words in a setup field reach the file within a second while the field keeps the keyboard") {
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.setScreen("setup");
    f.harness.frame(2);
    const core::Id id = f.state.snapshot().dilemmas.at(0).id;
    const std::string before = f.state.snapshot().dilemmas.at(0).question;
    REQUIRE(f.harness.click("question:" + std::to_string(id)));
    f.harness.pressKey(End);
    f.harness.type(" — asked by Zoë in Łódź");
    f.harness.frame(kFramesPerSecond * 2 / 3);
    CHECK(ImGui::GetActiveID() != 0); // still typing: nobody left the field
    CHECK(dilemmaInFile(path, id).question == before + " — asked by Zoë in Łódź");

    // Typing on without a pause: the file is never more than about a second behind.
    std::string typed = before + " — asked by Zoë in Łódź";
    for (int i = 0; i < 3 * kFramesPerSecond; ++i) {
        const std::string c(1, static_cast<char>('a' + i % 26));
        f.harness.type(c);
        typed += c;
        const auto inFile = dilemmaInFile(path, id).question;
        REQUIRE(typed.rfind(inFile, 0) == 0); // what is in the file is what was typed, cut short
        CHECK(typed.size() - inFile.size() <= static_cast<std::size_t>(kFramesPerSecond + 1));
    }
    // Leaving the field saves the rest; the whole stretch is one undo step.
    f.harness.pressKey(Escape);
    f.harness.frame(2);
    CHECK(dilemmaInFile(path, id).question == typed);
    REQUIRE(f.state.undo());
    CHECK(dilemmaInFile(path, id).question == before);
}

TEST_CASE("typing: a screen change, closing the workshop and Esc keep what was just typed") {
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    const core::Id id = f.state.snapshot().dilemmas.at(0).id;

    SUBCASE("the result, and the screen changes at once") {
        f.state.live().goToPhase(4); // result
        f.harness.frame(2);
        REQUIRE(f.harness.click("result"));
        f.harness.pressKey(End, true);
        f.harness.type(" Agreed in the room.");
        f.state.setScreen("agenda"); // one frame later: no time for a timed save
        f.harness.frame(1);
        CHECK(dilemmaInFile(path, id).result.ends_with(" Agreed in the room."));
    }
    SUBCASE("the information on the dilemma, and the workshop closes") {
        f.state.setScreen("setup");
        f.harness.frame(2);
        REQUIRE(f.harness.click("information:" + std::to_string(id)));
        f.harness.frame(2);
        REQUIRE(f.harness.click("##information"));
        f.harness.pressKey(End, true);
        f.harness.type(" Written just before closing.");
        f.state.closeSession();
        f.harness.frame(1);
        CHECK(dilemmaInFile(path, id).information.ends_with(" Written just before closing."));
    }
    SUBCASE("Esc leaves the field and keeps the words (a clicker's Esc/F5 button)") {
        f.state.setScreen("setup");
        f.harness.frame(2);
        REQUIRE(f.harness.click("question:" + std::to_string(id)));
        f.harness.pressKey(End);
        f.harness.type(" Kept.");
        f.harness.pressKey(Escape);
        f.harness.frame(1);
        CHECK(ImGui::GetActiveID() == 0);
        CHECK(dilemmaInFile(path, id).question.ends_with(" Kept."));
        CHECK(f.state.snapshot().dilemmas.at(0).question.ends_with(" Kept."));
    }
}

TEST_CASE("kill: typing killed in the middle loses at most the last second") {
    test::TempDir dir;
    for (int round = 0; round < test::killRounds(3); ++round) {
        const auto path = dir / ("typing-" + std::to_string(round) + ".plenary");
        const auto made = test::run(
            PLENARY_BINARY,
            {"import", std::string(PLENARY_EXAMPLES) + "/urban-academy-education.json", "-o", path.string()});
        REQUIRE(made.exitCode == 0);
        // Killed 1.3, 2.1 and 2.9 s after the first character: timed saves behind each (the long
        // mode's further rounds a little later each time).
        const int afterMs = 1300 + 800 * (round % 3) + 70 * (round / 3 % 10);
        INFO("round " << round << ", killed " << afterMs << " ms after the first character");
        const auto killed = test::runAndKill(
            {PLENARY_TYPIST_TOOL, path.string(), std::string(PLENARY_SOURCE_DIR) + "/templates"}, afterMs,
            true);
        CHECK_FALSE(killed.exitedOnItsOwn);
        CHECK(killed.killed);
        // The last complete line is the field as it was when the typist died.
        const auto end = killed.out.rfind('\n');
        REQUIRE(end != std::string::npos);
        const auto start = killed.out.rfind('\n', end - 1);
        const std::string line = killed.out.substr(start == std::string::npos ? 0 : start + 1,
                                                   end - (start == std::string::npos ? 0 : start + 1));
        const auto textAt = line.find(' ', line.find(' ', 6) + 1);
        REQUIRE(textAt != std::string::npos);
        const std::string typed = line.substr(textAt + 1);

        auto reader =
            store::SessionStore::open(path, store::OpenMode::ReadWrite); // recovers, as the program would
        CHECK(reader->integrityCheck() == "ok");
        const std::string inFile = reader->load().dilemmas.at(0).question;
        INFO("typed: " << typed << "\nin the file: " << inFile);
        CHECK(typed.rfind(inFile, 0) == 0);
        // One character a frame, sixty frames a second: a second of typing is 60 characters
        // (one more: the character whose frame the kill interrupted).
        CHECK(typed.size() - inFile.size() <= static_cast<std::size_t>(kFramesPerSecond + 1));
    }
}

TEST_CASE("typing: the capture line's words before Enter are in the file, come back on reopening, and go on "
          "Enter") {
    {
        test::TempDir dir;
        core::SessionData data;
        data.workshop.title = "Draft";
        auto store = store::SessionStore::create(dir / "d.plenary", data);
        CHECK(store->captureDraft().text.empty());
        store->saveCaptureDraft({3, 1, "How did Łódź start?"});
        CHECK(store->captureDraft() == core::CaptureDraft{3, 1, "How did Łódź start?"});
        CHECK_FALSE(store->canUndo()); // words not yet entered are no edit
        store->saveCaptureDraft({3, 1, ""});
        CHECK(store->captureDraft().text.empty());
    }
    test::ScreenFixture f;
    const auto path = f.openExample("urban-academy-education");
    f.state.live().goToPhase(1); // open questions
    f.harness.frame(2);
    const auto dilemma = f.state.live().dilemma();
    REQUIRE(f.harness.click("capture"));
    f.harness.type("How did the first schools hear of it?");
    f.harness.frame(kFramesPerSecond * 2 / 3);
    {
        auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
        const auto draft = reader->captureDraft();
        CHECK(draft.text == "How did the first schools hear of it?");
        CHECK(draft.kind == static_cast<int>(core::CaptureKind::Question));
        CHECK(draft.dilemma == dilemma);
    }
    // Closed and opened again (as after a crash): the line holds the words, still a question,
    // though the room has moved on to the reflection.
    f.state.closeSession();
    f.harness.frame(2);
    REQUIRE(f.state.openSession(path));
    f.state.live().attach(f.state.workshop());
    f.state.live().goToPhase(2); // reflection
    f.harness.frame(2);
    CHECK(f.harness.hasText("adds a question"));
    const auto questions = f.state.live().questions().size();
    REQUIRE(f.harness.click("capture"));
    f.harness.pressKey(ui::keys::Enter);
    f.harness.frame(2);
    CHECK(f.state.live().questions().size() == questions + 1);
    CHECK(f.state.live().questions().back()->text == "How did the first schools hear of it?");
    auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    CHECK(reader->captureDraft().text.empty()); // entered: no longer a draft
}
