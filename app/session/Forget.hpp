#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

// "Forget this person" for the window and the command line: in one file, across a folder, and (in
// OpenWorkshop::forgetPerson) in the workshop on screen. Final: it cannot be undone.
namespace plenary::session {

// What a forgotten person is called in the people list (store::kForgottenName).
inline constexpr const char* kForgottenPerson = "A participant";

// What forgetting changed in one file (store::ForgetReport, without the store's header).
struct ForgetChanges {
    int people = 0;                                   // people made anonymous
    int fields = 0;                                   // text fields changed
    int undoSteps = 0;                                // undo steps cleared
    std::vector<std::pair<std::string, int>> byTable; // fields changed per table
};

struct ForgetOutcome {
    enum class Kind {
        Forgotten, // the person was in the file and is forgotten
        NotThere,  // nobody of that name: the file was only read
        Skipped,   // could not be forgotten here: `reason` says why, in one line
    };
    std::filesystem::path path;
    Kind kind = Kind::NotThere;
    ForgetChanges changes;
    std::string reason;
};

// Called with each file forgetting changed: where the library's index (a cache of every file's
// text) is told to read that file again, so the name leaves the cache too.
using FileChanged = std::function<void(const std::filesystem::path&)>;

// One file. It is first opened read-only to look for the person; only when they are in it is it
// opened for writing (refused when it is open in another Plenary window: Skipped).
ForgetOutcome forgetInFile(const std::filesystem::path& path, const std::string& name,
                           const FileChanged& changed = {});

// Every .plenary file of a folder (not its subfolders), in name order. Throws (one line) when the
// folder cannot be read.
std::vector<ForgetOutcome> forgetInFolder(const std::filesystem::path& folder, const std::string& name,
                                          const FileChanged& changed = {});

// "1 person forgotten, 9 fields changed (people 4, dilemmas 2, questions 3), 5 undo steps cleared".
std::string describe(const ForgetChanges& changes);

} // namespace plenary::session
