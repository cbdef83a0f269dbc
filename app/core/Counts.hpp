#pragma once

#include "core/Model.hpp"

// How much a workshop holds: what the library lists and `plenary info` prints.
namespace plenary::core {

struct WorkshopCounts {
    int people = 0;
    int sessions = 0;
    int dilemmas = 0;
    int questions = 0;
    int practices = 0;
    int contributions = 0;
    int phaseLog = 0;
    int rings = 0;
    int statements = 0;
    int votes = 0;
    int undoSteps = 0; // known only to the file; 0 when counted from memory
    bool operator==(const WorkshopCounts&) const = default;
};

WorkshopCounts countsOf(const SessionData& data);

// Field by field: what several workshops hold together.
WorkshopCounts& operator+=(WorkshopCounts& sum, const WorkshopCounts& counts);

} // namespace plenary::core
