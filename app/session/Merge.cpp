#include "session/Merge.hpp"

#include "core/Merge.hpp"
#include "session/Paths.hpp"
#include "store/SessionStore.hpp"

#include <stdexcept>

namespace plenary::session {

namespace fs = std::filesystem;

namespace {

// One file however it is spelled: "a.plenary", "./a.plenary", a hard link or a symbolic link to it.
bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::equivalent(a, b, ec)) return true;
    const auto left = fs::weakly_canonical(fs::absolute(a, ec), ec);
    const auto right = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return !ec && left == right;
}

// How an input is named in messages: its file name, or its path when two inputs share a name.
std::vector<std::string> inputNames(const std::vector<fs::path>& paths) {
    std::vector<std::string> names;
    for (const auto& path : paths) {
        int sharing = 0;
        for (const auto& other : paths)
            sharing += other.filename() == path.filename() ? 1 : 0;
        names.push_back(sharing > 1 ? path.string() : path.filename().string());
    }
    return names;
}

core::WorkshopCounts withoutUndo(core::WorkshopCounts counts) {
    counts.undoSteps = 0;
    return counts;
}

} // namespace

MergeReport mergeFiles(const std::vector<fs::path>& typedInputs, const fs::path& typedOutput,
                       const std::string& title) {
    std::vector<fs::path> inputs;
    for (const auto& typed : typedInputs)
        inputs.push_back(expandHome(typed.string()));
    const fs::path output = expandHome(typedOutput.string());

    // Everything that can be refused without reading is refused before reading.
    if (inputs.size() < 2) throw std::runtime_error("a merge needs at least two workshop files");
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (std::size_t j = i + 1; j < inputs.size(); ++j)
            if (sameFile(inputs[i], inputs[j]))
                throw std::runtime_error(inputs[j].string() + " is given twice; each room's file once");
    for (const auto& input : inputs)
        if (sameFile(input, output))
            throw std::runtime_error("the output " + output.string() +
                                     " is one of the inputs; merge into a new file");
    std::error_code ec;
    if (fs::exists(fs::symlink_status(output, ec)))
        throw std::runtime_error(output.string() + " already exists; choose another name");

    MergeReport report;
    report.output = output;
    std::vector<core::SessionData> data;
    for (const auto& input : inputs) {
        auto store = store::SessionStore::open(input, store::OpenMode::ReadOnly);
        data.push_back(store->load());
        report.inputs.push_back({input, withoutUndo(store->counts())});
    }
    const auto merged = core::mergeSessions(data, {inputNames(inputs), title});
    report.duplicates = static_cast<int>(merged.duplicates.size());
    for (const auto& duplicate : merged.duplicates)
        report.notes.insert(report.notes.end(), duplicate.notes.begin(), duplicate.notes.end());

    // What the files count, not what was loaded: the check covers reading as well as writing.
    core::WorkshopCounts expected;
    for (const auto& input : report.inputs)
        expected += input.counts;
    expected.people -= report.duplicates;

    try {
        store::SessionStore::create(output, merged.data).reset(); // closed before it is re-read
    } catch (const store::StoreError& e) {
        // Written but not re-opened: not a file anyone should take for the event. A file that
        // appeared under the name meanwhile is someone else's and stays.
        if (e.kind() != store::StoreErrorKind::AlreadyExists) fs::remove(output, ec);
        throw;
    }
    std::string problem;
    try {
        report.merged = withoutUndo(store::SessionStore::open(output, store::OpenMode::ReadOnly)->counts());
        problem = core::countsDifference(expected, report.merged);
    } catch (const std::exception& e) {
        problem = e.what();
    }
    if (!problem.empty()) {
        fs::remove(output, ec);
        throw std::runtime_error(output.string() + " did not hold what the inputs do (" + problem +
                                 "); it was removed");
    }
    return report;
}

} // namespace plenary::session
