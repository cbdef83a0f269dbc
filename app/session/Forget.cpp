#include "session/Forget.hpp"

#include "core/NameReplace.hpp"
#include "store/SessionStore.hpp"

#include <algorithm>
#include <stdexcept>

namespace plenary::session {

namespace fs = std::filesystem;

static_assert(std::string_view(kForgottenPerson) == std::string_view(store::kForgottenName));

namespace {

bool hasPersonNamed(const fs::path& path, const std::string& key) {
    // Reading never writes: a file without the person is never opened for writing.
    const auto reader = store::SessionStore::open(path, store::OpenMode::ReadOnly);
    const auto people = reader->people();
    return std::any_of(people.begin(), people.end(),
                       [&](const core::Person& p) { return core::nameKey(p.name) == key; });
}

std::string requireName(const std::string& name) {
    const std::string key = core::nameKey(name);
    if (key.empty() || key == core::nameKey(store::kForgottenName))
        throw std::runtime_error("give the name of a person to forget");
    return key;
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

ForgetOutcome forgetInFile(const fs::path& path, const std::string& name, const FileChanged& changed) {
    ForgetOutcome outcome;
    outcome.path = path;
    const std::string key = requireName(name);
    try {
        if (!hasPersonNamed(path, key)) return outcome;
        const auto writer = store::SessionStore::open(path, store::OpenMode::ReadWrite);
        const auto report = writer->forgetPerson(name);
        outcome.changes = {report.people, report.fields, report.undoSteps, report.byTable};
        outcome.kind = report.people > 0 ? ForgetOutcome::Kind::Forgotten : ForgetOutcome::Kind::NotThere;
    } catch (const std::exception& e) {
        outcome.kind = ForgetOutcome::Kind::Skipped;
        outcome.reason = e.what();
        return outcome;
    }
    if (outcome.kind == ForgetOutcome::Kind::Forgotten && changed) changed(path);
    return outcome;
}

std::vector<ForgetOutcome> forgetInFolder(const fs::path& folder, const std::string& name,
                                          const FileChanged& changed) {
    requireName(name);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder.string() + ": no such folder");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".plenary") files.push_back(entry.path());
    if (ec) throw std::runtime_error(folder.string() + ": cannot read the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<ForgetOutcome> outcomes;
    for (const auto& file : files)
        outcomes.push_back(forgetInFile(file, name, changed));
    return outcomes;
}

std::string describe(const ForgetChanges& changes) {
    std::string text = plural(changes.people, "person", "people") + " forgotten, " +
                       plural(changes.fields, "field", "fields") + " changed";
    if (!changes.byTable.empty()) {
        text += " (";
        for (std::size_t i = 0; i < changes.byTable.size(); ++i)
            text += (i == 0 ? "" : ", ") + changes.byTable[i].first + " " +
                    std::to_string(changes.byTable[i].second);
        text += ")";
    }
    if (changes.undoSteps > 0)
        text += ", " + plural(changes.undoSteps, "undo step", "undo steps") + " cleared";
    return text;
}

} // namespace plenary::session
