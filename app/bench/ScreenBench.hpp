#pragma once

#include "bench/Figures.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace plenary::bench {

// The settings of a session file (foreign keys, journal_mode DELETE, synchronous FULL) on a bare
// database, so an edit is compared with an insert made the same way.
void useSessionSettings(SQLite::Database& bare);

struct Repeats {
    int frames = 300; // per screen and repeat: enough for a p99
    int frameRepeats = 3;
    int capturePairs = 30;
};

// Builds frames of the screen on view in a headless harness and appends their p50 and p99.
void measureLibraryScreens(const std::filesystem::path& folder, const std::filesystem::path& index,
                           const std::string& tag, const Repeats& repeats, std::vector<Figure>& out);

// Builds frames of every screen in the headless harness (no GPU) and appends the p50 and p99 per
// screen. folder holds ua (Urban Academy) and so (Social Olympics) and is the library shown.
void measureScreens(const std::filesystem::path& folder, const std::filesystem::path& ua,
                    const std::filesystem::path& so, const std::string& tag, double targetMs,
                    const Repeats& repeats, std::vector<Figure>& out);

// Captures on the live capture line of ua (open questions), each up to the next frame built,
// interleaved with a bare SQLite insert transaction into a similar table next to it.
void measureCapture(const std::filesystem::path& ua, const std::string& tag, const Repeats& repeats,
                    std::vector<Figure>& out);

// Adds `steps` undo steps to a session file (one per question, as if each had just been captured).
void addUndoSteps(const std::filesystem::path& file, int steps);

} // namespace plenary::bench
