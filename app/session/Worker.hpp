#pragma once

#include "session/Conference.hpp"
#include "session/Library.hpp"
#include "session/LiveSession.hpp"
#include "session/Message.hpp"
#include "session/OpenWorkshop.hpp"
#include "session/Recall.hpp"
#include "session/ReportPreview.hpp"
#include "session/Resources.hpp"
#include "session/Settings.hpp"

#include <filesystem>
#include <memory>

namespace plenary::session {

// The program's data side (Tracy's Worker), with no screen: the templates, the library folder,
// the open workshop, its live session and the user's settings. Screens ask it and tell it; the
// command line uses the same pieces.
class Worker {
public:
    // An empty settingsFile keeps the settings in memory only (screenshots, tests).
    Worker(std::filesystem::path libraryFolder, std::filesystem::path templatesFolder = {},
           std::filesystem::path settingsFile = {});
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Where messages go (the screen shows the newest). Without one they are dropped.
    void setReporter(Reporter reporter) { m_reporter = std::move(reporter); }
    void report(Message message) const;
    // Problems met while starting (a broken template or settings file), to show once.
    const std::vector<Message>& startupProblems() const { return m_startupProblems; }

    const Resources& resources() const { return m_resources; }
    Library& library() { return m_library; }
    // Another folder of workshops for the library, kept in the settings; false and a message when
    // it is no folder.
    bool addLibraryFolder(const std::string& typed);
    bool removeLibraryFolder(const std::filesystem::path& folder);
    // Forgets a person (session/Forget) in the open workshop, or in every workshop of the library,
    // and then in the library's index; a message says what changed. Final.
    void forgetInWorkshop(const std::string& name);
    void forgetInLibrary(const std::string& name);
    // Parallel rooms of one event as one new workshop in the library folder (session/Merge), named
    // after its title; a message says what was merged. Empty, and a message, when it cannot be.
    std::filesystem::path mergeIntoLibrary(const std::vector<std::filesystem::path>& rooms, const std::string& title);

    // Opens a workshop (closing the one open); false, and a message, when it cannot be opened.
    bool open(const std::filesystem::path& path, bool readOnly = false);
    // A new workshop from a template in the library folder, opened.
    bool create(const std::string& templateKey, const std::string& title);
    void close();
    OpenWorkshop* workshop() { return m_workshop.get(); }
    const OpenWorkshop* workshop() const { return m_workshop.get(); }
    LiveSession& live() { return m_live; }
    const LiveSession& live() const { return m_live; }
    Conference& conference() { return m_conference; }
    const Conference& conference() const { return m_conference; }
    ReportPreview& reportPreview() { return m_reportPreview; }
    // Past dilemmas of other workshops like the live screen's dilemma, with what was suggested.
    const std::vector<SimilarDilemma>& recall();

    Settings& settings() { return m_settings; }
    void saveSettings();

private:
    Reporter m_reporter;
    std::vector<Message> m_startupProblems;
    Resources m_resources;
    Library m_library;
    std::filesystem::path m_settingsFile;
    Settings m_settings;
    std::unique_ptr<OpenWorkshop> m_workshop;
    LiveSession m_live;
    Conference m_conference;
    ReportPreview m_reportPreview;
    Recall m_recall;
};

} // namespace plenary::session
