#include "session/Worker.hpp"

#include "session/Forget.hpp"
#include "session/Merge.hpp"
#include "session/Operations.hpp"
#include "session/Paths.hpp"

#include <algorithm>

namespace plenary::session {

namespace fs = std::filesystem;

Worker::Worker(fs::path libraryFolder, fs::path templatesFolder, fs::path settingsFile)
    : m_resources(Resources::load(templatesFolder)), m_library(std::move(libraryFolder),
                // Screenshots and tests (no settings file) keep the index in memory: they write nothing.
                settingsFile.empty() ? fs::path() : cacheFolder() / "library-index.sqlite"),
      m_settingsFile(std::move(settingsFile)),
      m_live(m_resources.classifier, [this](Message m) { report(std::move(m)); }),
      m_conference([this](Message m) { report(std::move(m)); }) {
    for (const auto& problem : m_resources.problems)
        m_startupProblems.push_back(warning(problem));
    if (!m_settingsFile.empty()) {
        std::string problem;
        m_settings = loadSettings(m_settingsFile, &problem);
        if (!problem.empty()) m_startupProblems.push_back(warning(problem));
        for (const auto& folder : m_settings.libraryFolders)
            m_library.addFolder(expandHome(folder)); // one that has gone stays in the settings
    }
}

void Worker::report(Message message) const {
    if (m_reporter) m_reporter(std::move(message));
}

void Worker::saveSettings() {
    if (!m_settingsFile.empty()) session::saveSettings(m_settingsFile, m_settings);
}

const std::vector<SimilarDilemma>& Worker::recall() {
    m_library.continueReading(); // the panel is drawn once a frame: the library's next files
    return m_recall.similarTo(m_library, m_workshop ? m_workshop->path() : fs::path(),
                              m_workshop ? m_live.currentDilemma() : nullptr);
}

fs::path Worker::mergeIntoLibrary(const std::vector<fs::path>& rooms, const std::string& title) {
    try {
        std::string name = title;
        if (name.empty() && !rooms.empty())
            for (const auto& entry : m_library.entries())
                if (entry.path == rooms.front()) name = entry.workshop.title + " (all rooms)";
        const fs::path path = freePathFor(m_library.folder(), name.empty() ? "Merged rooms" : name);
        const auto merged = mergeFiles(rooms, path, name);
        m_library.refresh();
        const auto& c = merged.merged;
        report(info("Merged " + std::to_string(rooms.size()) + " rooms into " + path.filename().string() + ": " +
                    std::to_string(c.sessions) + " thematic sessions, " + std::to_string(c.dilemmas) + " dilemmas, " +
                    std::to_string(c.questions) + " questions, " + std::to_string(c.practices) + " practices, " +
                    std::to_string(c.people) + " people (" + std::to_string(merged.duplicates) +
                    " met in several rooms); nothing lost"));
        return path;
    } catch (const std::exception& e) {
        report(error(e.what()));
        return {};
    }
}

void Worker::forgetInWorkshop(const std::string& name) {
    if (!m_workshop) return;
    const auto changes = m_workshop->forgetPerson(name);
    // A forgetting that failed half-way (the texts changed, the vacuum did not run) has changed
    // the file too: the index is cleaned all the same.
    if (changes && changes->people == 0) return;
    try {
        m_library.purgeIndex({m_workshop->path().parent_path()});
    } catch (const std::exception& e) {
        report(warning("Forgotten in the workshop, but the library index could not be cleaned: " +
                       std::string(e.what())));
        return;
    }
    if (changes) report(info("Forgotten: " + describe(*changes)));
}

void Worker::forgetInLibrary(const std::string& name) {
    int files = 0;
    std::vector<std::string> skipped;
    try {
        for (const auto& folder : m_library.folders())
            for (const auto& outcome : forgetInFolder(folder, name)) {
                if (outcome.kind == ForgetOutcome::Kind::Forgotten) ++files;
                if (outcome.kind == ForgetOutcome::Kind::Skipped) skipped.push_back(outcome.reason);
            }
        if (files > 0) m_library.purgeIndex();
    } catch (const std::exception& e) {
        report(error(e.what()));
        return;
    }
    if (!skipped.empty())
        report(warning(std::to_string(skipped.size()) + (skipped.size() == 1 ? " workshop" : " workshops") +
                       " could not be changed and may still name them: " + skipped.front()));
    else if (files == 0)
        report(info("Nobody called \"" + name + "\" in the library"));
    else
        report(info("Forgotten in " + std::to_string(files) + (files == 1 ? " workshop" : " workshops") +
                    " and in the library index"));
}

bool Worker::addLibraryFolder(const std::string& typed) {
    const fs::path folder = expandHome(typed);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        report(error(typed + " is not a folder"));
        return false;
    }
    if (!m_library.addFolder(folder)) {
        report(info(typed + " is already in the library"));
        return false;
    }
    m_settings.libraryFolders.push_back(m_library.folders().back().string());
    saveSettings();
    return true;
}

bool Worker::removeLibraryFolder(const fs::path& folder) {
    if (!m_library.removeFolder(folder)) return false;
    auto& list = m_settings.libraryFolders;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const std::string& f) {
                                  return fs::absolute(expandHome(f)).lexically_normal() ==
                                         fs::absolute(folder).lexically_normal();
                              }),
               list.end());
    saveSettings();
    return true;
}

bool Worker::open(const fs::path& path, bool readOnly) {
    try {
        auto workshop = std::make_unique<OpenWorkshop>(
            path, readOnly ? OpenWorkshop::Mode::ReadOnly : OpenWorkshop::Mode::Edit,
            [this](Message m) { report(std::move(m)); });
        m_live.attach(nullptr);
        m_conference.attach(nullptr);
        m_workshop = std::move(workshop);
        m_workshop->setListener([this](bool phaseLogChanged) {
            m_live.follow(phaseLogChanged);
            m_conference.follow();
        });
        m_live.attach(m_workshop.get());
        m_conference.attach(m_workshop.get());
        if (readOnly) report(info(path.filename().string() + " is open read-only: nothing will be changed"));
        return true;
    } catch (const std::exception& e) {
        // A damaged file can also fail while being read: one line, and the program goes on.
        report(error(e.what()));
        return false;
    }
}

bool Worker::create(const std::string& templateKey, const std::string& title) {
    try {
        const auto path = createInFolder(m_resources, templateKey, m_library.folder(), title);
        m_library.refresh();
        return open(path);
    } catch (const std::exception& e) {
        report(error(e.what()));
        return false;
    }
}

void Worker::close() {
    m_live.attach(nullptr);
    m_conference.attach(nullptr);
    m_workshop.reset();
    m_library.refresh();
}

} // namespace plenary::session
