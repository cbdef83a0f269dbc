#include "bench/ScreenBench.hpp"

#include "store/Rows.hpp"
#include "store/UndoLog.hpp"
#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/MainScreen.hpp"
#include "ui/UiTrace.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <stdexcept>

namespace plenary::bench {

namespace fs = std::filesystem;

namespace {

// The frames of one screen, timed as the window builds them (NewFrame → draw → Render, no GPU).
void timeScreen(ui::Headless& harness, const std::string& screen, const std::string& tag, double targetMs,
                const Repeats& repeats, std::vector<Figure>& out) {
    harness.frame(3);         // layout settles as in the window
    ui::trace::enable(false); // the real window records no trace
    std::vector<double> p50, p99;
    for (int r = 0; r < repeats.frameRepeats; ++r) {
        std::vector<double> times;
        times.reserve(static_cast<std::size_t>(repeats.frames));
        for (int i = 0; i < repeats.frames; ++i) {
            const auto start = std::chrono::steady_clock::now();
            harness.frame();
            times.push_back(millisecondsSince(start));
        }
        p50.push_back(percentile(times, 0.5));
        p99.push_back(percentile(times, 0.99));
    }
    ui::trace::enable(true);
    harness.frame(); // the trace knows this screen again, for the clicks that follow
    out.push_back(figure("frame " + screen + " p50 " + tag, "ms", p50));
    out.push_back(figure("frame " + screen + " p99 " + tag, "ms", p99, targetMs));
}

} // namespace

void useSessionSettings(SQLite::Database& bare) {
    bare.exec("PRAGMA foreign_keys = ON");
    bare.exec("PRAGMA journal_mode = DELETE");
    bare.exec("PRAGMA synchronous = FULL");
}

void measureScreens(const fs::path& folder, const fs::path& ua, const fs::path& so, const std::string& tag,
                    double targetMs, const Repeats& repeats, std::vector<Figure>& out) {
    ui::AppState state(folder);
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    timeScreen(harness, "library", tag, targetMs, repeats, out);

    if (!state.openSession(ua))
        throw std::runtime_error("cannot open " + ua.string() + ": " + state.message());
    const auto phases = state.live().phases();
    for (std::size_t i = 0; i < phases.size(); ++i) {
        state.live().goToPhase(static_cast<int>(i));
        timeScreen(harness, "live " + phases[i].key, tag, targetMs, repeats, out);
    }
    // The room's view of each phase (presentation mode, F9).
    state.ui().presentation = true;
    for (std::size_t i = 0; i < phases.size(); ++i) {
        state.live().goToPhase(static_cast<int>(i));
        timeScreen(harness, "live " + phases[i].key + " presentation", tag, targetMs, repeats, out);
    }
    state.ui().presentation = false;
    state.ui().showHelp = true;
    timeScreen(harness, "help (F1)", tag, targetMs, repeats, out);
    state.ui().showHelp = false;

    state.setScreen("setup");
    harness.frame(2);
    for (const char* tab : {"Sessions and dilemmas", "Module", "People", "Introduction and wrap-up"}) {
        if (!harness.click(std::string("tab:") + tab))
            throw std::runtime_error(std::string("no setup tab ") + tab);
        timeScreen(harness, std::string("setup ") + tab, tag, targetMs, repeats, out);
    }
    state.setScreen("agenda");
    timeScreen(harness, "agenda", tag, targetMs, repeats, out);
    // The report preview: built once (not timed as a frame), then drawn from what is in view.
    state.setScreen("report");
    harness.frame(2);
    timeScreen(harness, "report preview", tag, targetMs, repeats, out);

    if (!state.openSession(so))
        throw std::runtime_error("cannot open " + so.string() + ": " + state.message());
    // A conference opens on its rings screen: the grid and each round's figures.
    for (int round = 1; round <= 3; ++round) {
        state.worker().conference().goToRound(round);
        timeScreen(harness, "rings round " + std::to_string(round), tag, targetMs, repeats, out);
    }
    // What the room sees on the projector: the ring's priorities, the heat map, the consensus board.
    state.ui().presentation = true;
    for (int round = 1; round <= 3; ++round) {
        state.worker().conference().goToRound(round);
        timeScreen(harness, "rings round " + std::to_string(round) + " presentation", tag, targetMs, repeats, out);
    }
    state.ui().presentation = false;
    state.setScreen("agenda");
    timeScreen(harness, "Social Olympics agenda", tag, targetMs, repeats, out);
    state.setScreen("report");
    harness.frame(2);
    timeScreen(harness, "Social Olympics report preview", tag, targetMs, repeats, out);
}

void measureLibraryScreens(const fs::path& folder, const fs::path& index, const std::string& tag,
                           const Repeats& repeats, std::vector<Figure>& out) {
    ui::AppState state(folder);
    state.worker().library().useIndex(index); // the warm index the library bench made
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    timeScreen(harness, "library " + tag, "1x", 2.0, repeats, out);
    state.ui().searchQuery = "language course";
    state.setScreen("search");
    timeScreen(harness, "search \"language course\" " + tag, "1x", 2.0, repeats, out);
    state.setScreen("practices");
    timeScreen(harness, "practices " + tag, "1x", 2.0, repeats, out);
}

void measureCapture(const fs::path& ua, const std::string& tag, const Repeats& repeats,
                    std::vector<Figure>& out) {
    // The bare insert: same pragmas, same disk, a table shaped like questions and as full.
    const fs::path barePath = ua.parent_path() / ("bare-" + ua.stem().string() + ".sqlite");
    fs::remove(barePath);
    SQLite::Database bare(barePath, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    useSessionSettings(bare);
    bare.exec("CREATE TABLE questions (id INTEGER PRIMARY KEY, dilemma_id INTEGER NOT NULL, position INTEGER "
              "NOT NULL, text TEXT NOT NULL, asker_id INTEGER, open INTEGER NOT NULL, overridden INTEGER NOT "
              "NULL)");

    ui::AppState state(ua.parent_path());
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    if (!state.openSession(ua))
        throw std::runtime_error("cannot open " + ua.string() + ": " + state.message());
    {
        const int rows = state.workshop()->counts().questions;
        SQLite::Transaction fill(bare);
        SQLite::Statement insert(bare, "INSERT INTO questions (dilemma_id, position, text, asker_id, open, "
                                       "overridden) VALUES (?, ?, ?, NULL, 1, 0)");
        for (int i = 0; i < rows; ++i) {
            insert.bind(1, i / 20 + 1);
            insert.bind(2, i % 20 + 1);
            insert.bind(3, "How did you bring the housing companies to the table?");
            insert.exec();
            insert.reset();
        }
        fill.commit();
    }
    const auto& phases = state.live().phases();
    for (std::size_t i = 0; i < phases.size(); ++i)
        if (phases[i].key == "questions") state.live().goToPhase(static_cast<int>(i));
    ui::trace::enable(false);
    harness.frame(3);

    std::vector<double> capture, plain, ratios;
    for (int i = 0; i < repeats.capturePairs; ++i) {
        const std::string text =
            "How did the neighbourhood mentors in Łódź reach parents, round " + std::to_string(i + 1) + "?";
        auto start = std::chrono::steady_clock::now();
        if (!state.live().capture(text, 1)) throw std::runtime_error("capture failed: " + state.message());
        harness.frame(); // edit to screen ready: the next frame shows it
        capture.push_back(millisecondsSince(start));

        start = std::chrono::steady_clock::now();
        SQLite::Transaction tx(bare, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement insert(bare, "INSERT INTO questions (dilemma_id, position, text, asker_id, open, "
                                       "overridden) VALUES (?, ?, ?, 1, 1, 0)");
        insert.bind(1, 1);
        insert.bind(2, i + 21);
        insert.bind(3, text);
        insert.exec();
        tx.commit();
        plain.push_back(millisecondsSince(start));
        ratios.push_back(capture.back() / plain.back());
    }
    ui::trace::enable(true);
    out.push_back(figure("capture " + tag, "ms", capture));
    out.push_back(figure("capture bare insert " + tag, "ms", plain));
    auto ratio = figure("capture ratio " + tag, "x", ratios, 1.5);
    ratio.median = percentile(capture, 0.5) / percentile(plain, 0.5); // the ratio of the medians
    out.push_back(ratio);
}

void addUndoSteps(const fs::path& file, int steps) {
    SQLite::Database db(file, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    SQLite::Transaction tx(db);
    const auto& table = store::RowMap<core::Question>::table();
    SQLite::Statement ids(db, "SELECT id FROM questions ORDER BY id LIMIT ?");
    ids.bind(1, steps);
    int made = 0;
    while (ids.executeStep()) {
        const std::int64_t id = ids.getColumn(0).getInt64();
        const auto step = store::beginUndoStep(db, "Add question");
        store::recordChange(db, step, 0, table, id, std::nullopt, store::rowImage(db, table, id));
        ++made;
    }
    tx.commit();
    if (made < steps) throw std::runtime_error("only " + std::to_string(made) + " questions for undo steps");
}

} // namespace plenary::bench
