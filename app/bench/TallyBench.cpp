#include "bench/TallyBench.hpp"

#include "ui/AppState.hpp"
#include "ui/Headless.hpp"
#include "ui/MainScreen.hpp"
#include "ui/UiTrace.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <memory>
#include <stdexcept>

namespace plenary::bench {

namespace fs = std::filesystem;

namespace {

// A table shaped like votes, as full as the conference's, with the same settings as a session file.
void fillBare(SQLite::Database& bare, int rows) {
    useSessionSettings(bare);
    bare.exec("CREATE TABLE votes (id INTEGER PRIMARY KEY, round INTEGER NOT NULL, ring_id INTEGER NOT NULL, "
              "statement_id INTEGER NOT NULL, level INTEGER NOT NULL, count INTEGER NOT NULL CHECK (count >= 0), "
              "UNIQUE (round, ring_id, statement_id, level))");
    SQLite::Transaction fill(bare);
    SQLite::Statement insert(bare, "INSERT INTO votes (round, ring_id, statement_id, level, count) VALUES (?, ?, ?, ?, 3)");
    for (int i = 0; i < rows; ++i) {
        insert.bind(1, i % 3 + 1);
        insert.bind(2, i / 3 % 5 + 1);
        insert.bind(3, i / 15 + 1);
        insert.bind(4, i % 7);
        insert.exec();
        insert.reset();
    }
    fill.commit();
}

} // namespace

void measureTally(const fs::path& so, const std::string& tag, const Repeats& repeats, std::vector<Figure>& out) {
    const fs::path barePath = so.parent_path() / ("bare-votes-" + so.stem().string() + ".sqlite");
    fs::remove(barePath);
    auto bare = std::make_unique<SQLite::Database>(barePath, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);

    ui::AppState state(so.parent_path());
    ui::MainScreen screen(state);
    ui::Headless harness([&] { screen.draw(); });
    if (!state.openSession(so)) throw std::runtime_error("cannot open " + so.string() + ": " + state.message());
    auto& conference = state.worker().conference();
    fillBare(*bare, static_cast<int>(state.workshop()->data().votes.size()));
    conference.goToRound(3);
    ui::trace::enable(false);
    harness.frame(3);
    (void)conference.board(3); // ranked once before: each sample times what one tally changes
    const auto rows = conference.statements(); // round 3: every statement not merged
    const auto& levels = conference.scale().levels;
    if (rows.empty() || levels.empty()) throw std::runtime_error("no round-3 grid to tally into");

    std::vector<double> tally, plain, ratios, ranking;
    for (int i = 0; i < repeats.capturePairs; ++i) {
        const core::Statement* s = rows[static_cast<std::size_t>(i * 7) % rows.size()];
        const int level = levels[static_cast<std::size_t>(i) % levels.size()].value;
        const int count = conference.count(s->id, level) + 1;
        auto start = std::chrono::steady_clock::now();
        if (!conference.setCount(3, conference.ring(), s->id, level, count)) throw std::runtime_error("tally failed: " + state.message());
        harness.frame(); // the tally to the screen ready: the grid and the board show it
        tally.push_back(millisecondsSince(start));

        start = std::chrono::steady_clock::now();
        SQLite::Transaction tx(*bare, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement upsert(*bare, "INSERT INTO votes (round, ring_id, statement_id, level, count) "
                                       "VALUES (3, 1, ?, ?, ?) ON CONFLICT (round, ring_id, statement_id, level) "
                                       "DO UPDATE SET count = excluded.count");
        upsert.bind(1, static_cast<std::int64_t>(s->id));
        upsert.bind(2, level);
        upsert.bind(3, count);
        upsert.exec();
        tx.commit();
        plain.push_back(millisecondsSince(start));
        ratios.push_back(tally.back() / plain.back());

        // The ranking alone: one more tally, then the board's figures, no frame.
        if (!conference.setCount(3, conference.ring(), s->id, level, count + 1)) throw std::runtime_error("tally failed: " + state.message());
        start = std::chrono::steady_clock::now();
        if (conference.board(3).ranked.empty()) throw std::runtime_error("an empty consensus board");
        ranking.push_back(millisecondsSince(start));
        harness.frame();
    }
    ui::trace::enable(true);
    bare.reset(); // closed before its file goes: the library folder keeps workshops only
    fs::remove(barePath);
    out.push_back(figure("tally " + tag, "ms", tally));
    out.push_back(figure("tally bare upsert " + tag, "ms", plain));
    auto ratio = figure("tally ratio " + tag, "x", ratios, 1.5);
    ratio.median = percentile(tally, 0.5) / percentile(plain, 0.5); // the ratio of the medians
    out.push_back(ratio);
    out.push_back(figure("ranking after one tally " + tag, "ms", ranking));
}

} // namespace plenary::bench
