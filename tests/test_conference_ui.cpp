// A Social Olympics conference run as a facilitator runs it: the real rings screen, headless, keys
// only. Once per vote scale: the rings draft their statements in round 1 (F2, Enter, Esc) and
// type their tallies into the grid (digits, arrows, Enter, Tab, Backspace, Delete), PageDown steps
// ring by ring and into the next round, round 2 and 3 rate every statement, round 3 merges a
// duplicate (M … M) and Ctrl+Z takes the merge back. What was typed is then read from the file by
// a store of its own, and the consensus board's figures are read from the screen and compared
// with core::rankRound on the same tallies — and, for a case small enough, with figures worked out
// by hand. Also: a cell refuses what is not a count, round 1 never shows another ring's
// statements (console and presentation), and an empty conference draws round 3 without a crash;
// and what went wrong once: a digit after PageDown or Ctrl+Z went on from the last cell's count,
// two digits in one frame made one digit's count, a ring's unsent words became the next ring's
// statement, and the room's board counted consensus only over the rows it had room for.
#include "support/ScreenFixture.hpp"

#include "core/Consensus.hpp"
#include "core/Rounds.hpp"
#include "core/Templates.hpp"
#include "store/SessionStore.hpp"

#include <imgui_internal.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace plenary;
namespace keys = plenary::ui::keys;
namespace fs = std::filesystem;

namespace {

// (round, ring, statement, level) → count, for every count that is not 0.
using TallyKey = std::tuple<int, core::Id, core::Id, int>;
using Tallies = std::map<TallyKey, int>;

// ---- The file, read by a store of its own (not the window's) ----

core::SessionData fileData(const fs::path& path) {
    auto store = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    return store->load();
}

Tallies fileTallies(const core::SessionData& data) {
    Tallies out;
    for (const auto& v : data.votes)
        if (v.count != 0) out[{v.round, v.ring, v.statement, v.level}] = v.count;
    return out;
}

int countIn(const Tallies& tallies, int round, core::Id ring, core::Id statement, int level) {
    const auto it = tallies.find({round, ring, statement, level});
    return it == tallies.end() ? 0 : it->second;
}

const core::Statement* findStatement(const core::SessionData& data, core::Id id) {
    for (const auto& s : data.statements)
        if (s.id == id) return &s;
    return nullptr;
}

// ---- A new conference file ----

// Where the conference files go: in memory where possible (test::memoryFolder). Every count is a
// durable edit of its own, and a conference typed key by key makes over a thousand: on a disk that
// alone took half a minute (at 3.5 ms an fdatasync).
struct ScratchFolder : test::TempDir {
    ScratchFolder() : test::TempDir(test::memoryFolder()) {}
};

struct Setup {
    std::string scale = "fist-to-five";
    int dotBudget = 0;
    std::vector<int> members; // people placed in each of the template's rings, in order
    std::vector<std::pair<int, std::string>> statements; // (ring index, text), made in the file
    int rings = -1;                                      // keep only the first n rings (-1: all)
};

fs::path createConference(test::ScreenFixture& f, const fs::path& path, const Setup& setup) {
    core::SessionData data = core::sessionFromTemplate(f.state.resources().requireFormat("social-olympics"),
                                                       "Conference " + path.stem().string());
    data.workshop.scale = setup.scale;
    data.workshop.dotBudget = setup.dotBudget;
    if (setup.rings >= 0) data.rings.resize(static_cast<std::size_t>(setup.rings));
    core::Id person = 1;
    for (std::size_t r = 0; r < setup.members.size() && r < data.rings.size(); ++r)
        for (int i = 0; i < setup.members[r]; ++i) {
            core::Person p;
            p.id = person++;
            p.name = data.rings[r].name + " member " + std::to_string(i + 1);
            p.ring = data.rings[r].id;
            data.people.push_back(p);
        }
    core::Id statement = 1;
    for (const auto& [ring, text] : setup.statements) {
        core::Statement s;
        s.id = statement;
        s.ring = data.rings[static_cast<std::size_t>(ring)].id;
        s.position = static_cast<int>(statement);
        s.text = text;
        data.statements.push_back(s);
        ++statement;
    }
    store::SessionStore::create(path, data);
    REQUIRE(f.state.openSession(path));
    f.harness.frame(3);
    REQUIRE(f.state.screen() == "rings");
    return path;
}

session::Conference& conference(test::ScreenFixture& f) {
    return f.state.worker().conference();
}

// ---- Keys ----

// Cells can be found by what they show: the count, or the count being typed ("3|").
std::string cellName(core::Id statement, int level) {
    return "cell:" + std::to_string(statement) + ":" + std::to_string(level);
}

std::vector<std::string> textsInCell(const test::ScreenFixture& f, core::Id statement, int level) {
    std::vector<std::string> out;
    const auto rect = f.harness.itemRect(cellName(statement, level));
    if (!rect) return out;
    for (const auto& t : f.harness.textItems("")) {
        const float x = (t.min.x + t.max.x) / 2, y = (t.min.y + t.max.y) / 2;
        if (x >= rect->min.x && x <= rect->max.x && y >= rect->min.y && y <= rect->max.y)
            out.push_back(t.text);
    }
    return out;
}

bool cellShows(const test::ScreenFixture& f, core::Id statement, int level, const std::string& text) {
    const auto texts = textsInCell(f, statement, level);
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

std::string shown(const test::ScreenFixture& f, core::Id statement, int level) {
    std::string out;
    for (const auto& t : textsInCell(f, statement, level))
        out += "[" + t + "]";
    return out.empty() ? "nothing" : out;
}

// A facilitator at the keyboard. A key goes down in one frame and up in the next, which is the
// next key's frame (a second press of the same key needs a frame in between); one character a
// frame. Keeps where the grid's cursor is, as the keys put it.
class Facilitator {
public:
    explicit Facilitator(test::ScreenFixture& f) : m_f(f) {}

    void tap(int key) {
        if (m_held == key) release();
        lift();
        ImGui::GetIO().KeysDown[key] = true;
        m_held = key;
        frame();
    }
    void tap(int key, int times) {
        for (int i = 0; i < times; ++i)
            tap(key);
    }
    void type(char c) {
        lift();
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        frame();
    }
    // As a keyboard sends a letter: the key, and the character it types, in one frame.
    void letter(int key, char c) {
        if (m_held == key) release();
        lift();
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        ImGui::GetIO().KeysDown[key] = true;
        m_held = key;
        frame();
    }
    void chord(int key, bool ctrl) {
        release();
        m_f.harness.pressKey(key, ctrl);
    }
    void release() {
        lift();
        frame();
    }

    // The capture line: F2, each statement and Enter, Esc back to the grid.
    void addStatements(const std::vector<std::string>& texts) {
        tap(keys::F2);
        release();
        frame();
        for (const auto& text : texts) {
            m_f.harness.type(text);
            tap(keys::Enter);
            release();
            frame();
        }
        tap(keys::Escape);
        release();
    }

    // The grid's cursor: where the view keeps it after a change of ring or round (each grid
    // clamps it to its own rows and columns).
    void clampCursor() {
        auto& c = m_f.state.worker().conference();
        const int rows = static_cast<int>(c.statements().size());
        const int columns = static_cast<int>(c.scale().levels.size());
        m_row = std::clamp(m_row, 0, std::max(0, rows - 1));
        m_column = std::clamp(m_column, 0, std::max(0, columns - 1));
    }
    void toRow(int row) {
        clampCursor();
        if (m_column != 0) tap(keys::Home);
        tap(row < m_row ? keys::Up : keys::Down, std::abs(row - m_row));
        m_row = row;
        m_column = 0;
    }

    // Types the current ring's counts for the current round into its grid ([row][column], in the
    // grid's order), as a facilitator does: → or Tab along a row to its last count (Tab from a
    // row's last cell wraps to the next row), then Enter or ↓ (↑ when going up) and Home; a slip
    // taken back with Backspace, a stray count emptied with Delete. Works upwards (↑ and Home)
    // when the cursor is on the last row, else from the first row down. Each count is remembered
    // in `expected`.
    void typeGrid(const std::vector<std::vector<int>>& counts, Tallies& expected) {
        auto& c = m_f.state.worker().conference();
        const auto rows = c.statements();
        const auto& levels = c.scale().levels;
        REQUIRE(rows.size() == counts.size());
        if (rows.empty()) return;
        const int round = c.round();
        const core::Id ring = c.ring();
        const int rowCount = static_cast<int>(rows.size());
        const int columns = static_cast<int>(levels.size());
        clampCursor();
        const bool upwards = rowCount > 1 && m_row == rowCount - 1;
        if (!upwards) toRow(0);
        if (m_column != 0) tap(keys::Home);
        m_column = 0;
        bool slipped = false, emptied = false;
        for (int i = 0; i < rowCount; ++i) {
            const int r = upwards ? rowCount - 1 - i : i;
            const auto& row = counts[static_cast<std::size_t>(r)];
            const int style = i % 3; // 0: Tab, 1: → then ↓, 2: → then Enter
            int last = -1;           // the row's last column with a count
            for (int col = 0; col < columns; ++col)
                if (row[static_cast<std::size_t>(col)] != 0) last = col;
            for (int col = 0; col <= last; ++col) {
                const int n = row[static_cast<std::size_t>(col)];
                const core::Id statement = rows[static_cast<std::size_t>(r)]->id;
                const int level = levels[static_cast<std::size_t>(col)].value;
                INFO("round " << round << ", ring id " << ring << ", row " << r << ", level " << level);
                if (n != 0) {
                    if (!slipped) { // a wrong digit, taken back
                        type('9');
                        tap(keys::Backspace);
                        slipped = true;
                    }
                    for (char digit : std::to_string(n))
                        type(digit);
                    m_check = {statement, level, std::to_string(n)};
                    expected[{round, ring, statement, level}] = n;
                } else if (!emptied) { // a count typed by mistake, emptied
                    type('7');
                    tap(keys::Delete);
                    emptied = true;
                }
                if (col < last) tap(style == 0 ? keys::Tab : keys::Right);
            }
            m_row = r;
            m_column = std::max(0, last);
            if (i + 1 == rowCount) break;
            if (!upwards && style == 0 && last == columns - 1) {
                tap(keys::Tab); // on from the row's last cell to the next row's first
            } else {
                tap(upwards ? keys::Up : style == 1 ? keys::Down : keys::Enter);
                if (m_column != 0) tap(keys::Home);
            }
            m_column = 0;
        }
        release();
        checkCell();
    }

private:
    void lift() {
        if (m_held >= 0) ImGui::GetIO().KeysDown[m_held] = false;
        m_held = -1;
    }
    // Every frame: the count typed last is in the cell the cursor model says (the frame after
    // the keystroke shows it, as the count or as "3|" while still being typed).
    void frame() {
        m_f.harness.frame();
        clampCursor();
        checkCell();
    }
    void checkCell() {
        if (!m_check.statement) return;
        const auto [statement, level, digits] = m_check;
        m_check = {};
        CHECK_MESSAGE(
            (cellShows(m_f, statement, level, digits) || cellShows(m_f, statement, level, digits + "|")),
            "typed " << digits << " into " << cellName(statement, level) << ", which shows "
                     << shown(m_f, statement, level));
    }

    struct Check {
        core::Id statement = 0;
        int level = 0;
        std::string digits;
    };
    test::ScreenFixture& m_f;
    int m_held = -1;
    int m_row = 0;
    int m_column = 0;
    Check m_check;
};

// ---- The conference's content ----

struct Statement {
    int ring; // index into the rings
    std::string text;
    core::Id id = 0;
};

// Short, each with a beginning of its own (the protection check looks for those), and two that
// say the same (merged in round 3).
std::vector<Statement> statementsToType() {
    return {
        {0, "Open the town hall on Saturdays"},   {0, "A budget line for street parties"},
        {0, "One desk for every permit"},         {1, "More green space"},
        {1, "Youth workers in every school"},     {1, "Shared office for the care teams"},
        {2, "Safer crossings near the school"},   {2, "Cheaper rent for local shops"},
        {2, "Parks and more green space nearby"}, // the professionals' first, again
        {3, "Yearly neighbourhood vote"},         {3, "Fix the bus line to the centre"},
        {4, "Measure loneliness every year"},     {4, "Pilot a car-free Sunday"},
    };
}
constexpr std::size_t kDuplicate = 8; // merged into…
constexpr std::size_t kOriginal = 3;

// Deterministic counts: a small linear congruential generator seeded per grid.
struct Random {
    std::uint32_t state;
    std::uint32_t next() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

// How one ring votes on one statement in one round: counts per level of the scale, in the
// scale's order. Four kinds of statement, so the board has consensus, near misses, low support
// and blocks; the kind moves with the round, so rings change their ratings.
std::vector<int> ratings(const core::VoteScale& scale, int members, int round, int ring, int statement) {
    Random rng{static_cast<std::uint32_t>(round * 7919 + ring * 104729 + statement * 1299709 + 17)};
    std::vector<int> counts(scale.levels.size(), 0);
    std::vector<std::size_t> support, neutral, block;
    for (std::size_t i = 0; i < scale.levels.size(); ++i) {
        const auto& l = scale.levels[i];
        (l.block ? block : l.support ? support : neutral).push_back(i);
    }
    const int kind = (statement + (round == 2 ? 1 : 0)) % 4;
    const int n = members - rng.below(2); // someone may be out of the room
    const int agree = kind == 0 ? n - rng.below(2) : kind == 1 ? n / 2 : kind == 2 ? rng.below(2) : n - 1;
    const int blocks = kind == 3 && !block.empty() && ring == statement % 5 ? 1 : 0;
    const int others = n - agree - blocks;
    // Most supporters on one level, so large rings type two-digit counts.
    const std::size_t favourite =
        support[static_cast<std::size_t>(rng.below(static_cast<int>(support.size())))];
    for (int i = 0; i < agree; ++i)
        ++counts[rng.below(4) == 0
                     ? support[static_cast<std::size_t>(rng.below(static_cast<int>(support.size())))]
                     : favourite];
    for (int i = 0; i < others; ++i)
        ++counts[neutral[static_cast<std::size_t>(rng.below(static_cast<int>(neutral.size())))]];
    if (blocks) ++counts[block.front()];
    return counts;
}

// Dot voting: up to three dots a statement, never more than the ring's members hold together.
std::vector<std::vector<int>> dotGrid(int members, int budget, int round, int ring, std::size_t rows) {
    Random rng{static_cast<std::uint32_t>(round * 31 + ring * 977 + 5)};
    int left = members * budget;
    std::vector<std::vector<int>> grid;
    for (std::size_t r = 0; r < rows; ++r) {
        const int dots = std::min(left, rng.below(4));
        left -= dots;
        grid.push_back({dots});
    }
    return grid;
}

std::vector<std::vector<int>> gridCounts(test::ScreenFixture& f, const std::vector<int>& members,
                                         const std::vector<Statement>& statements, int dotBudget) {
    auto& c = conference(f);
    const auto rows = c.statements();
    const auto& rings = c.rings();
    int ring = 0;
    while (rings[static_cast<std::size_t>(ring)].id != c.ring())
        ++ring;
    const int people = members[static_cast<std::size_t>(ring)];
    if (c.scale().dots) return dotGrid(people, dotBudget, c.round(), ring, rows.size());
    std::vector<std::vector<int>> grid;
    for (const auto* s : rows) {
        int index = 0;
        while (statements[static_cast<std::size_t>(index)].id != s->id)
            ++index;
        grid.push_back(ratings(c.scale(), people, c.round(), ring, index));
    }
    return grid;
}

// ---- The consensus board, as drawn ----

struct BoardRow {
    std::string rank, status, text, figure, divisiveness;
    std::vector<std::string> rings; // left to right
};

struct Board {
    std::string heading, summary;
    float left = 0;
    std::vector<BoardRow> rows;
    int more = 0; // rows the room's screen folded into "N more statements"
};

Board readBoard(const test::ScreenFixture& f, bool dots) {
    Board board;
    const auto all = f.harness.textItems("");
    const std::string headingStart = dots ? "Dots, round " : "Consensus, round ";
    const ui::trace::Text* heading = nullptr;
    for (const auto& t : all)
        if (t.text.rfind(headingStart, 0) == 0) heading = &t;
    REQUIRE_MESSAGE(heading, "no consensus board on screen");
    board.heading = heading->text;
    const float left = heading->min.x;
    board.left = left;
    auto columnOf = [&](const std::string& text) {
        for (const auto& t : all)
            if (t.text == text && t.min.x >= left && t.min.y > heading->min.y) return t.min.x;
        FAIL("no column " << text);
        return 0.0f;
    };
    const float textX = columnOf("Statement");
    const float numberX = columnOf(dots ? "dots" : "GAC");
    auto near = [](float a, float b) { return std::abs(a - b) < 1.0f; };
    for (const auto& rank : all) {
        if (!near(rank.min.x, left) || rank.text.size() < 2 || rank.text.back() != '.') continue;
        if (rank.text.find_first_not_of("0123456789.") != std::string::npos) continue;
        BoardRow row;
        row.rank = rank.text;
        const float line = rank.max.y - rank.min.y;
        std::vector<std::pair<float, std::string>> rings;
        for (const auto& t : all) {
            if (t.min.x < left + 1.0f) continue;
            const float dy = t.min.y - rank.min.y;
            if (std::abs(dy) < 0.4f * line) {
                if (t.min.x < textX - 1.0f)
                    row.status = t.text;
                else if (near(t.min.x, textX))
                    row.text = t.text;
                else if (near(t.min.x, numberX))
                    row.figure = t.text;
                else if (t.min.x > numberX)
                    rings.push_back({t.min.x, t.text});
            } else if (std::abs(dy - line) < 0.4f * line && near(t.min.x, numberX) && t.text.rfind("div.", 0) == 0) {
                row.divisiveness = t.text;
            }
        }
        std::sort(rings.begin(), rings.end());
        for (auto& [x, text] : rings)
            row.rings.push_back(text);
        board.rows.push_back(row);
    }
    for (const auto& t : all) {
        if (t.text.find(" reached consensus") != std::string::npos) board.summary = t.text;
        const std::string fold = " more statements";
        if (t.min.x >= left - 1.0f && t.text.size() > fold.size() &&
            t.text.compare(t.text.size() - fold.size(), fold.size(), fold) == 0)
            board.more = std::stoi(t.text);
    }
    return board;
}

// A statement as a row draws it: whole, or cut with "…" where two lines do not hold it.
bool drawnAs(const std::string& drawn, const std::string& full) {
    if (drawn == full) return true;
    const std::string ellipsis = "…";
    if (drawn.size() < ellipsis.size() + 8 ||
        drawn.compare(drawn.size() - ellipsis.size(), ellipsis.size(), ellipsis) != 0)
        return false;
    return full.rfind(drawn.substr(0, drawn.size() - ellipsis.size()), 0) == 0;
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100.0))) + "%";
}

std::string format(const char* pattern, double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

// The board on screen says what core::rankRound says of the file's tallies.
struct Outcome {
    int reached = 0, blocked = 0, short_ = 0; // statements with votes: consensus, a block, neither
};

// The board on screen — the console's right-hand panel, or the room's screen — says what
// core::rankRound says of the file's tallies. The room may fold the last rows ("3 more").
Outcome checkBoard(test::ScreenFixture& f, const fs::path& path, bool room = false) {
    INFO(std::string(room ? "presentation" : "console"));
    f.harness.frame(2);
    const core::SessionData data = fileData(path);
    const core::VoteScale& scale = core::scaleOf(data.workshop);
    const int round = conference(f).figuresRound();
    const auto result = core::rankRound(data.votes, round, data.statements, scale, data.workshop.threshold);
    const Board board = readBoard(f, scale.dots);
    CHECK(board.heading.find("round " + std::to_string(round)) != std::string::npos);
    if (!room) {
        const auto grid = f.harness.itemRect("statement"); // the capture line, over the grid
        REQUIRE(grid);
        CHECK(board.left >= grid->max.x);
    }
    CHECK(board.rows.size() + static_cast<std::size_t>(board.more) == result.ranked.size());
    CHECK((room || board.more == 0));
    std::map<core::Id, int> numbers; // each statement keeps its number from the grid
    const auto order = core::statementsInRound(data, 2, 0);
    for (std::size_t i = 0; i < order.size(); ++i)
        numbers[order[i]->id] = static_cast<int>(i) + 1;
    Outcome outcome;
    for (std::size_t i = 0; i < result.ranked.size(); ++i) {
        const core::StatementResult& r = result.ranked[i];
        if (r.hasVotes) ++(r.reached ? outcome.reached : r.blocked ? outcome.blocked : outcome.short_);
        if (i >= board.rows.size()) continue; // folded
        const BoardRow& row = board.rows[i];
        const core::Statement* s = findStatement(data, r.statement);
        REQUIRE(s);
        INFO("rank " << r.rank << ": " << s->text);
        CHECK(row.rank == std::to_string(r.rank) + ".");
        std::string text = std::to_string(numbers[s->id]) + ". " + s->text;
        if (const auto merged = core::mergedInto(data, s->id); !merged.empty())
            text += " (+" + std::to_string(merged.size()) + " merged)";
        CHECK_MESSAGE(drawnAs(row.text, text), row.text);
        if (scale.dots) {
            CHECK(row.figure == format("%.0f", r.totalDots));
        } else {
            // The status is a mark (its meaning in the legend); the room's one-line rows show GAC
            // alone, the console's GAC over the divisiveness.
            const std::string status = !r.hasVotes ? "–" : r.reached ? "✓" : r.blocked ? "✗" : "·";
            CHECK(row.status == status);
            CHECK(row.figure == (r.hasVotes ? format(room ? "%.2f" : "GAC %.2f", r.gac) : "–"));
            CHECK(row.divisiveness == (r.hasVotes && !room ? format("div. %.2f", r.divisiveness) : ""));
        }
        std::vector<std::string> rings;
        for (const auto& ring : data.rings) {
            const core::RingResult* rr = nullptr;
            for (const auto& each : r.rings)
                if (each.ring == ring.id) rr = &each;
            if (!rr)
                rings.push_back("–");
            else if (scale.dots)
                rings.push_back(std::to_string(rr->dots));
            else
                rings.push_back(percent(rr->share) + (rr->blocked ? " ✗" : ""));
        }
        CHECK(row.rings == rings);
    }
    if (!scale.dots)
        CHECK(board.summary.rfind("✓ " + std::to_string(outcome.reached) + " of " +
                                      std::to_string(result.ranked.size()) + " reached consensus",
                                  0) == 0);
    return outcome;
}

// Round 1, ring `current` up: none of the other rings' statements is drawn anywhere.
void checkOnlyOwnStatements(test::ScreenFixture& f, const std::vector<Statement>& statements, int current,
                            const std::string& mode) {
    INFO(mode << ", ring " << current);
    for (const auto& s : statements) {
        const std::string start = s.text.substr(0, 12);
        if (s.ring == current)
            CHECK_MESSAGE(f.harness.hasText(start), "its own statement is missing: " << s.text);
        else
            CHECK_MESSAGE(!f.harness.hasText(start), "another ring's statement is on screen: " << s.text);
    }
}

const std::vector<int> kMembers{5, 6, 4, 12, 5};

// The whole conference on one scale.
void runConference(const std::string& scaleKey) {
    INFO("scale " << scaleKey);
    // A tall screen: the console draws only the board's rows in view, and the test reads them all.
    test::ScreenFixture f(1920, 3000);
    Setup setup;
    setup.scale = scaleKey;
    setup.dotBudget = scaleKey == "dots" ? 3 : 0;
    setup.members = kMembers;
    const ScratchFolder folder;
    const fs::path path = createConference(f, folder.path() / (scaleKey + ".plenary"), setup);
    auto& c = conference(f);
    REQUIRE(c.rings().size() == 5);
    REQUIRE(c.scale().key == scaleKey);
    REQUIRE(c.round() == 1);
    REQUIRE(c.ring() == c.rings().front().id);
    auto ringAt = [&](int index) { return c.rings()[static_cast<std::size_t>(index)].id; };

    auto statements = statementsToType();
    {
        std::map<std::string, int> starts;
        for (const auto& s : statements)
            REQUIRE(++starts[s.text.substr(0, 12)] == 1);
    }
    Tallies expected;
    Facilitator typist(f);
    auto counts = [&] { return gridCounts(f, kMembers, statements, setup.dotBudget); };

    // Round 1: each ring drafts its statements and rates them, alone.
    for (int ring = 0; ring < 5; ++ring) {
        INFO("round 1, ring " << ring);
        REQUIRE(c.round() == 1);
        REQUIRE(c.ring() == ringAt(ring));
        std::vector<std::string> texts;
        for (const auto& s : statements)
            if (s.ring == ring) texts.push_back(s.text);
        typist.addStatements(texts);
        const auto own = c.statements();
        REQUIRE_MESSAGE(own.size() == texts.size(), "Enter on the capture line did not add each statement");
        std::size_t next = 0;
        for (auto& s : statements)
            if (s.ring == ring) {
                CHECK(own[next]->text == s.text);
                s.id = own[next++]->id;
            }
        typist.typeGrid(counts(), expected);
        checkOnlyOwnStatements(f, statements, ring, "console");
        if (ring < 4) typist.tap(keys::PageDown);
    }

    // Back through the rings: still nothing of the others, on the console or for the room.
    for (int ring = 4; ring >= 0; --ring) {
        REQUIRE(c.ring() == ringAt(ring));
        typist.release();
        checkOnlyOwnStatements(f, statements, ring, "console");
        typist.tap(keys::F9);
        typist.release();
        REQUIRE(f.state.ui().presentation);
        checkOnlyOwnStatements(f, statements, ring, "presentation");
        for (int other = 0; other < 5; ++other)
            if (other != ring) CHECK_FALSE(f.harness.hasItem("ring:" + std::to_string(ringAt(other))));
        typist.tap(keys::F9);
        REQUIRE_FALSE(f.state.ui().presentation);
        if (ring > 0) typist.tap(keys::PageUp);
    }

    // Round 2: PageDown past the last ring of round 1; every ring rates every statement.
    typist.tap(keys::PageDown, 5);
    REQUIRE(c.round() == 2);
    REQUIRE(c.ring() == ringAt(0));
    for (int ring = 0; ring < 5; ++ring) {
        INFO("round 2, ring " << ring);
        REQUIRE(c.ring() == ringAt(ring));
        REQUIRE(c.statements().size() == statements.size());
        typist.typeGrid(counts(), expected);
        if (ring < 4) typist.tap(keys::PageDown);
    }

    // Round 3: Ctrl+PageDown (the ring stays the last), then back ring by ring with PageUp.
    typist.chord(keys::PageDown, true);
    REQUIRE(c.round() == 3);
    REQUIRE(c.ring() == ringAt(4));
    for (int ring = 4; ring >= 0; --ring) {
        INFO("round 3, ring " << ring);
        REQUIRE(c.ring() == ringAt(ring));
        typist.typeGrid(counts(), expected);
        if (ring > 0) typist.tap(keys::PageUp);
    }
    typist.release();
    REQUIRE(c.round() == 3);
    CHECK(c.figuresRound() == 3);

    // Every statement and every count typed is in the file, and nothing else.
    {
        const core::SessionData data = fileData(path);
        CHECK(data.statements.size() == statements.size());
        for (const auto& s : statements) {
            const core::Statement* saved = findStatement(data, s.id);
            REQUIRE(saved);
            CHECK(saved->text == s.text);
            CHECK(saved->ring == ringAt(s.ring));
            CHECK(saved->mergedInto == 0);
        }
        const Tallies saved = fileTallies(data);
        CHECK(saved.size() == expected.size());
        for (const auto& [key, count] : expected) {
            const auto& [round, ring, statement, level] = key;
            INFO("round " << round << ", ring " << ring << ", statement " << statement << ", level "
                          << level);
            const auto it = saved.find(key);
            REQUIRE(it != saved.end());
            CHECK(it->second == count);
        }
        for (const auto& [key, count] : saved)
            CHECK_MESSAGE(expected.count(key), "a count nobody typed: round "
                                                   << std::get<0>(key) << ", statement " << std::get<2>(key)
                                                   << " = " << count);
        // Every ring rated every statement in rounds 2 and 3, and only its own in round 1.
        for (int round = 1; round <= 3; ++round)
            for (int ring = 0; ring < 5; ++ring)
                for (const auto& s : statements) {
                    const bool rated = std::any_of(saved.begin(), saved.end(), [&](const auto& t) {
                        return std::get<0>(t.first) == round && std::get<1>(t.first) == ringAt(ring) &&
                               std::get<2>(t.first) == s.id;
                    });
                    if (round > 1 || s.ring == ring)
                        CHECK_MESSAGE((rated || scaleKey == "dots"),
                                      "round " << round << ", ring " << ring << ": " << s.text);
                    else
                        CHECK_FALSE(rated);
                }
    }
    const Outcome outcome = checkBoard(f, path);
    if (scaleKey != "dots") { // the tallies make every kind of row
        CHECK(outcome.reached > 0);
        CHECK(outcome.short_ > 0);
        if (scaleKey != "agreement") CHECK(outcome.blocked > 0);
    }
    typist.tap(keys::F9);
    checkBoard(f, path, true);
    typist.tap(keys::F9);
    typist.release();

    // The duplicate: M on it, M on the statement it repeats.
    const core::Id duplicate = statements[kDuplicate].id, original = statements[kOriginal].id;
    auto rowOf = [&](core::Id id) {
        const auto rows = c.statements();
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i]->id == id) return static_cast<int>(i);
        FAIL("not in the grid: " << id);
        return 0;
    };
    typist.toRow(rowOf(duplicate));
    typist.letter(keys::M, 'm');
    typist.release();
    CHECK(f.harness.hasText("Merging “" + statements[kDuplicate].text));
    typist.toRow(rowOf(original));
    typist.letter(keys::M, 'm');
    typist.release();
    {
        const core::SessionData data = fileData(path);
        const core::Statement* merged = findStatement(data, duplicate);
        REQUIRE(merged);
        CHECK(merged->mergedInto == original);
        CHECK(findStatement(data, original)->mergedInto == 0);
        CHECK(fileTallies(data) == expected); // a merge keeps every count
    }
    CHECK(c.statements().size() == statements.size() - 1);
    CHECK_FALSE(f.harness.hasItem(cellName(duplicate, c.scale().levels.front().value))); // its row is gone
    CHECK(f.harness.hasText(std::to_string(rowOf(original) + 1) + ". " + statements[kOriginal].text +
                            " (+1 merged)"));
    checkBoard(f, path);

    // Ctrl+Z takes the merge back, in the file too.
    REQUIRE(f.state.workshop()->undoLabel() == "Merge statements");
    typist.chord(keys::Z, true);
    typist.release();
    {
        const core::SessionData data = fileData(path);
        CHECK(findStatement(data, duplicate)->mergedInto == 0);
        CHECK(fileTallies(data) == expected);
    }
    CHECK(f.state.message().find("Undone: Merge statements") == 0);
    CHECK(c.statements().size() == statements.size());
    CHECK(f.harness.hasItem(cellName(duplicate, c.scale().levels.front().value)));
    CHECK_FALSE(f.harness.hasText("merged)"));
    checkBoard(f, path);
}

} // namespace

TEST_CASE(
    "conference: a whole conference typed with keys, on each vote scale, is in the file and on the board") {
    SUBCASE("agreement") {
        runConference("agreement");
    }
    SUBCASE("fist-to-five") {
        runConference("fist-to-five");
    }
    SUBCASE("gradients") {
        runConference("gradients");
    }
    SUBCASE("dots") {
        runConference("dots");
    }
}

namespace {

// Two rings of the template, two statements of each, fist to five.
fs::path smallConference(test::ScreenFixture& f, const ScratchFolder& folder,
                         const std::string& scale = "fist-to-five") {
    Setup setup;
    setup.scale = scale;
    setup.rings = 2;
    setup.members = {5, 4};
    setup.statements = {{0, "Keep the library open late"},
                        {0, "A second bus stop by the school"},
                        {1, "Benches along the canal"},
                        {1, "Free swimming lessons for children"}};
    return createConference(f, folder.path() / (scale + ".plenary"), setup);
}

} // namespace

TEST_CASE(
    "conference: a digit typed after PageDown or Ctrl+Z starts a new count, never continues the last one") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    const fs::path path = smallConference(f, folder);
    auto& c = conference(f);
    Facilitator typist(f);
    const core::Id first = c.rings()[0].id, second = c.rings()[1].id;
    const auto own = c.statements();
    REQUIRE(own.size() == 2);
    const int level = c.scale().levels.front().value;

    // Ring 1 types 5 into its first cell; the clicker moves on to ring 2, whose cursor is on the
    // same place of its own grid: 3 typed there is 3.
    typist.type('5');
    typist.tap(keys::PageDown);
    REQUIRE(c.ring() == second);
    const core::Id theirs = c.statements().front()->id;
    typist.type('3');
    typist.release();
    Tallies saved = fileTallies(fileData(path));
    CHECK(countIn(saved, 1, first, own.front()->id, level) == 5);
    CHECK_MESSAGE(countIn(saved, 1, second, theirs, level) == 3,
                  "the count went on from the other ring's: " << countIn(saved, 1, second, theirs, level));

    // Into round 2 with Ctrl+PageDown: the same.
    typist.chord(keys::PageDown, true);
    REQUIRE(c.round() == 2);
    typist.type('4');
    typist.release();
    saved = fileTallies(fileData(path));
    CHECK_MESSAGE(
        countIn(saved, 2, second, c.statements().front()->id, level) == 4,
        "the count went on from round 1's: " << countIn(saved, 2, second, c.statements().front()->id, level));

    // Ctrl+Z takes the 4 back; 2 typed next is 2, not 42.
    typist.chord(keys::Z, true);
    saved = fileTallies(fileData(path));
    CHECK(countIn(saved, 2, second, c.statements().front()->id, level) == 0);
    typist.type('2');
    typist.release();
    saved = fileTallies(fileData(path));
    CHECK_MESSAGE(countIn(saved, 2, second, c.statements().front()->id, level) == 2,
                  "the count went on from the one undone: " << countIn(saved, 2, second,
                                                                       c.statements().front()->id, level));
}

TEST_CASE("conference: two digits that arrive in one frame make one count") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    const fs::path path = smallConference(f, folder);
    auto& c = conference(f);
    const core::Id statement = c.statements().front()->id;
    const int level = c.scale().levels.front().value;
    f.harness.type("12"); // a fast typist, or a slow frame: both characters in one frame
    f.harness.frame(2);
    const int counted = countIn(fileTallies(fileData(path)), 1, c.ring(), statement, level);
    CHECK_MESSAGE(counted == 12, "\"12\" typed in one frame was counted as " << counted);
}

TEST_CASE("conference: words on the capture line stay with their ring, never become the next ring's") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    const fs::path path = smallConference(f, folder);
    auto& c = conference(f);
    Facilitator typist(f);
    const core::Id first = c.rings()[0].id, second = c.rings()[1].id;
    typist.tap(keys::F2);
    typist.release();
    f.harness.type("Half a statement of the policymakers");
    typist.tap(keys::PageDown); // the clicker, before Enter
    REQUIRE(c.ring() == second);
    typist.tap(keys::F2);
    typist.release();
    typist.tap(keys::Enter);
    typist.release();
    for (const auto& s : fileData(path).statements)
        CHECK_MESSAGE(s.text.find("Half a statement") == std::string::npos,
                      "the policymakers' words became a statement of ring " << s.ring);
    // Back on the policymakers' ring, their words are there for Enter.
    typist.tap(keys::Escape);
    typist.tap(keys::PageUp);
    REQUIRE(c.ring() == first);
    typist.tap(keys::F2);
    typist.release();
    typist.tap(keys::Enter);
    typist.release();
    const auto own = c.statements();
    REQUIRE(own.size() == 3);
    CHECK(own.back()->text == "Half a statement of the policymakers");
    CHECK(own.back()->ring == first);
}

TEST_CASE("conference: the board's figures for two rings and two statements, worked out by hand") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    Setup setup;
    setup.scale = "agreement";
    setup.rings = 2;
    setup.members = {5, 4};
    setup.statements = {{0, "Keep the library open late"}, {1, "Benches along the canal"}};
    const fs::path path = createConference(f, folder.path() / "by-hand.plenary", setup);
    auto& c = conference(f);
    Facilitator typist(f);
    typist.chord(keys::PageDown, true);
    typist.chord(keys::PageDown, true);
    REQUIRE(c.round() == 3);
    REQUIRE(c.ring() == c.rings()[0].id);
    // agree / pass / disagree. Policymakers: 4 / 1 / 0 on the library, 1 / 1 / 3 on the benches;
    // professionals: 3 / 0 / 1 and 3 / 1 / 0.
    Tallies typed;
    typist.typeGrid({{4, 1, 0}, {1, 1, 3}}, typed);
    typist.tap(keys::PageDown);
    REQUIRE(c.ring() == c.rings()[1].id);
    typist.typeGrid({{3, 0, 1}, {3, 1, 0}}, typed);
    const core::SessionData data = fileData(path);
    CHECK(fileTallies(data) == typed);

    // By hand. Library: a = 4/5 = 0.8 and 3/4 = 0.75, p = 5/7 and 4/6; GAC = 20/42 = 0.476;
    // both rings ≥ 0.6 and no block: reached; divisiveness 5/7 − 4/6 = 1/21 = 0.048.
    // Benches: a = 1/5 = 0.2 and 0.75, p = 2/7 and 4/6; GAC = 8/42 = 0.190; 0.2 < 0.6: not
    // reached; divisiveness 4/6 − 2/7 = 8/21 = 0.381. The library ranks first.
    const auto result = core::rankRound(data.votes, 3, data.statements, core::scaleOf(data.workshop), 0.6);
    REQUIRE(result.ranked.size() == 2);
    const auto& library = result.ranked[0];
    const auto& benches = result.ranked[1];
    CHECK(library.statement == data.statements[0].id);
    CHECK(library.gac == doctest::Approx(20.0 / 42.0));
    CHECK(library.reached);
    CHECK(library.divisiveness == doctest::Approx(1.0 / 21.0));
    REQUIRE(library.rings.size() == 2);
    CHECK(library.rings[0].share == doctest::Approx(0.8));
    CHECK(library.rings[0].smoothed == doctest::Approx(5.0 / 7.0));
    CHECK(library.rings[1].share == doctest::Approx(0.75));
    CHECK(library.rings[1].smoothed == doctest::Approx(4.0 / 6.0));
    CHECK(benches.gac == doctest::Approx(8.0 / 42.0));
    CHECK_FALSE(benches.reached);
    CHECK_FALSE(benches.blocked);
    CHECK(benches.divisiveness == doctest::Approx(8.0 / 21.0));

    f.harness.frame(2);
    const Board board = readBoard(f, false);
    CHECK(board.heading == "Consensus, round 3 — threshold 60%");
    REQUIRE(board.rows.size() == 2);
    CHECK(board.rows[0].rank == "1.");
    CHECK(board.rows[0].status == "✓");
    CHECK(board.rows[0].text == "1. Keep the library open late");
    CHECK(board.rows[0].figure == "GAC 0.48");
    CHECK(board.rows[0].divisiveness == "div. 0.05");
    CHECK(board.rows[0].rings == std::vector<std::string>{"80%", "75%"});
    CHECK(board.rows[1].rank == "2.");
    CHECK(board.rows[1].status == "·");
    CHECK(board.rows[1].text == "2. Benches along the canal");
    CHECK(board.rows[1].figure == "GAC 0.19");
    CHECK(board.rows[1].divisiveness == "div. 0.38");
    CHECK(board.rows[1].rings == std::vector<std::string>{"20%", "75%"});
    CHECK(board.summary == "✓ 1 of 2 reached consensus (every ring ≥ 60%, no block) · ✗ blocked");
    checkBoard(f, path);
}

TEST_CASE("conference: a block is drawn as ✗ on the board, for the ring and the statement") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    const fs::path path = smallConference(f, folder, "fist-to-five");
    auto& c = conference(f);
    Facilitator typist(f);
    typist.chord(keys::PageDown, true);
    typist.chord(keys::PageDown, true);
    REQUIRE(c.round() == 3);
    // Levels 0 (block) … 5. Policymakers all support everything; the professionals support the
    // first three and one of them blocks the last.
    Tallies typed;
    typist.typeGrid({{0, 0, 0, 5, 0, 0}, {0, 0, 0, 0, 5, 0}, {0, 0, 0, 0, 0, 5}, {0, 0, 0, 3, 2, 0}}, typed);
    typist.tap(keys::PageDown);
    typist.typeGrid({{0, 0, 0, 4, 0, 0}, {0, 0, 0, 0, 4, 0}, {0, 0, 0, 0, 0, 4}, {1, 0, 0, 3, 0, 0}}, typed);
    CHECK(fileTallies(fileData(path)) == typed);
    f.harness.frame(2);
    const Board board = readBoard(f, false);
    REQUIRE(board.rows.size() == 4);
    // The blocked one ranks last: 5/5 and 3/4 ≥ 60 %, but blocked.
    CHECK(board.rows[3].status == "✗");
    CHECK(board.rows[3].text == "4. Free swimming lessons for children");
    CHECK(board.rows[3].rings == std::vector<std::string>{"100%", "75% ✗"});
    for (int i = 0; i < 3; ++i)
        CHECK(board.rows[static_cast<std::size_t>(i)].status == "✓");
    CHECK(board.summary.rfind("✓ 3 of 4 reached consensus", 0) == 0);
    checkBoard(f, path);
}

TEST_CASE("conference: a cell refuses \"-\" and letters with a message, and the file is left as it was") {
    test::ScreenFixture f;
    const ScratchFolder folder;
    const fs::path path = smallConference(f, folder, "fist-to-five");
    auto& c = conference(f);
    Facilitator typist(f);
    const core::Id statement = c.statements().front()->id;
    const auto& levels = c.scale().levels;
    const int first = levels[0].value, second = levels[1].value;
    typist.type('3');
    typist.release();
    const Tallies before = fileTallies(fileData(path));
    REQUIRE(countIn(before, 1, c.ring(), statement, first) == 3);
    const auto revision = f.state.workshop()->revision();
    const std::string undo = f.state.workshop()->undoLabel();
    auto unchanged = [&](const std::string& what) {
        INFO(what);
        CHECK(fileTallies(fileData(path)) == before);
        CHECK(f.state.workshop()->revision() == revision);
        CHECK(f.state.workshop()->undoLabel() == undo);
    };

    // On an empty cell.
    typist.tap(keys::Right);
    typist.type('-');
    typist.release();
    CHECK(f.state.message().find("cannot be negative") != std::string::npos);
    CHECK(f.harness.hasText("a count cannot be negative"));
    CHECK(textsInCell(f, statement, second).empty());
    unchanged("-");
    typist.type('x');
    typist.release();
    CHECK(f.state.message().find("whole number") != std::string::npos);
    CHECK(f.harness.hasText("a count is a whole number: \"x\" was not counted"));
    CHECK(textsInCell(f, statement, second).empty());
    unchanged("x");
    f.harness.type("é");
    typist.release();
    CHECK(f.harness.hasText("\"é\" was not counted"));
    unchanged("é");

    // On a cell with a count, before and while typing a new one.
    typist.tap(keys::Left);
    typist.type('-');
    typist.release();
    CHECK(f.harness.hasText("a count cannot be negative"));
    CHECK(cellShows(f, statement, first, "3"));
    unchanged("- on 3");
    typist.type('q');
    typist.release();
    CHECK(cellShows(f, statement, first, "3"));
    unchanged("q on 3");
    typist.type('4');
    typist.type('a');
    typist.release();
    CHECK(f.harness.hasText("\"4a\" was not counted"));
    CHECK(countIn(fileTallies(fileData(path)), 1, c.ring(), statement, first) == 4);
    typist.type('2'); // the refused letter is not part of the count
    typist.release();
    CHECK(countIn(fileTallies(fileData(path)), 1, c.ring(), statement, first) == 42);
}

TEST_CASE("conference: round 3 draws without statements and without rings, on the console and for the room") {
    for (const std::string scale : {"agreement", "dots"}) {
        for (const int rings : {0, 5}) {
            INFO(scale << ", " << rings << " rings");
            test::ScreenFixture f;
            const ScratchFolder folder;
            Setup setup;
            setup.scale = scale;
            setup.rings = rings;
            const fs::path path = createConference(f, folder.path() / "empty.plenary", setup);
            auto& c = conference(f);
            REQUIRE(c.rings().size() == static_cast<std::size_t>(rings));
            Facilitator typist(f);
            for (const int round : {3, 2, 1, 3}) {
                c.goToRound(round);
                CHECK(c.round() == round);
                for (const bool room : {false, true}) {
                    f.state.ui().presentation = room;
                    typist.release();
                    typist.release();
                    if (rings == 0 && !room) CHECK(f.harness.hasText("This conference has no rings yet"));
                    if (rings > 0 && !room) CHECK(f.harness.hasText("No statements yet"));
                    // Every key of the grid and the rounds, on nothing.
                    for (const int key : {keys::Down, keys::Tab, keys::Enter, keys::Delete, keys::Backspace,
                                          keys::Home, keys::End, keys::PageDown, keys::PageUp})
                        typist.tap(key);
                    typist.type('3');
                    typist.letter(keys::M, 'm');
                    typist.letter(keys::M, 'm');
                    typist.chord(keys::PageDown, true);
                    typist.chord(keys::Z, true);
                    c.goToRound(round);
                }
            }
            f.state.ui().presentation = false;
            c.goToRound(3);
            typist.release();
            if (rings > 0 && scale != "dots") CHECK(f.harness.hasText("✓ 0 of 0 reached consensus"));
            CHECK(fileTallies(fileData(path)).empty());
            CHECK(fileData(path).statements.empty());
        }
    }
}
