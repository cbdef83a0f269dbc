#pragma once

#include "core/Model.hpp"

// The stress workshop of PRODUCT.md §10, generated deterministically (same scale, same bytes):
// at 1×, 1,000 dilemmas in 50 thematic sessions (10 % in joint pairs), 20,000 questions, 2,000
// practices, 200 people, 5 rings × 200 statements with about 33,000 tallies in 3 rounds.
namespace plenary::bench {

struct StressCounts {
    int sessions = 0;
    int dilemmas = 0;
    int questions = 0;
    int practices = 0;
    int people = 0;
    int statements = 0;
    int votes = 0;
};

// What stressWorkshop(scale) holds: every count is the 1× figure times scale.
StressCounts stressCounts(int scale);

// An Urban Academy module with the phases of templates/formats/urban-academy.json.
core::SessionData stressWorkshop(int scale);

// The same data as a Social Olympics conference (format, scale, threshold and rounds set).
core::SessionData socialOlympicsCopy(core::SessionData data);

} // namespace plenary::bench
