// A window reads a library new to its index a little at a time: never a stalled frame.
#include "support/GeneratedLibrary.hpp"
#include "store_test_util.hpp"

#include "session/Library.hpp"
#include "session/Resources.hpp"

#include <doctest/doctest.h>

using namespace plenary;

TEST_CASE("library: with a time budget, a new library is read over several calls, and then completely") {
    test::TempDir dir(test::memoryFolder());
    const auto catalog = session::Resources::load(std::string(PLENARY_SOURCE_DIR) + "/templates").catalog;
    const test::GeneratedLibrary generated(dir.path(), 40, catalog.at(0).id);
    const std::size_t total = generated.files.size() + generated.broken.size();

    session::Library library(dir.path());
    library.setRefreshBudget(1e-9); // one file per call
    library.entries();
    CHECK(library.entries().size() < total);
    CHECK(library.pending() > 0);
    int calls = 1;
    // Nothing more is read until asked: what points into the entries stays valid.
    const auto* first = &library.entries().front();
    CHECK(library.entries().size() == library.entries().size());
    CHECK(&library.entries().front() == first);
    while (library.pending() > 0 && calls < 1000) {
        library.continueReading();
        library.entries();
        ++calls;
    }
    CHECK(library.pending() == 0);
    CHECK(calls > 10);
    CHECK(library.entries().size() == total);
    // Nothing is read twice: a refresh now reads nothing and lists the same.
    const auto generation = library.generation();
    library.refresh();
    CHECK(library.entries().size() == total);
    CHECK(library.generation() == generation);
}
