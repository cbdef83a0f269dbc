// Readers wait briefly for a writer: while another process commits edit after edit, every export
// and every info succeeds, and the writer goes on undisturbed.
#include "store_test_util.hpp"

#include "store/SessionStore.hpp"
#include "support/KillRun.hpp"
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

using namespace store_test;
using plenary::store::SessionStore;

TEST_CASE("store: commands that read wait for a writer instead of failing while it edits") {
    TempDir dir;
    const fs::path file = dir / "busy.plenary";
    SessionStore::create(file, smallSession());
    // Fifty edits a second: a window saving typed text does two.
    plenary::test::Background writer({PLENARY_WRITER_TOOL, file.string(), "1", "100000000", "3"});
    // Let it get going: the file then changes many times a second.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    int failures = 0;
    std::string firstFailure;
    for (int i = 0; i < 40; ++i) {
        const bool info = i % 4 == 3;
        const auto out = dir / ("export-" + std::to_string(i) + ".json");
        const auto result = info ? plenary::test::run(PLENARY_BINARY, {"info", file.string()})
                                 : plenary::test::run(PLENARY_BINARY, {"export", file.string(), "--format",
                                                                       "json", "-o", out.string()});
        if (result.exitCode != 0) {
            ++failures;
            if (firstFailure.empty()) firstFailure = result.err;
        }
    }
    INFO("first failure: " << firstFailure);
    CHECK(failures == 0);
    CHECK(writer.running()); // the readers never stopped the writer
}
