#pragma once

#include <string>
#include <utility>
#include <vector>

namespace plenary::store {

// What forgetting a person (SessionStore::forgetPerson) changed in one file.
struct ForgetReport {
    int people = 0;    // people rows made anonymous; 0: nobody of that name, nothing was written
    int fields = 0;    // text fields changed, the people rows' own included
    int undoSteps = 0; // undo steps cleared (they held the name in their before/after images)
    std::vector<std::pair<std::string, int>> byTable; // fields changed per table, in the schema's order
};

// What a forgotten person is called in the people list, and in every text that named them.
inline constexpr const char* kForgottenName = "A participant";
inline constexpr const char* kForgottenMention = "a participant";

} // namespace plenary::store
