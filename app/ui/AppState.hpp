#pragma once

#include "core/Model.hpp"
#include "core/QuestionClassifier.hpp"
#include "store/Library.hpp"
#include "store/SessionStore.hpp"
#include "store/Settings.hpp"
#include "store/TemplateFiles.hpp"
#include "ui/LiveState.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace plenary::ui {

enum class Screen { Library, Setup, Live, Agenda };

// What the window should do that only the window can (GLFW, fonts); the views only ask.
struct WindowRequests {
    bool toggleFullscreen = false;
    bool rebuildFonts = false;
    bool quit = false;
};

// The data side of the program (Tracy's Worker): the library folder, the open session, a
// snapshot of it for drawing, the templates, the live session and the user's settings. Views
// read from here and ask it to act; they never touch SQL.
class AppState {
public:
    // scanLibrary false: the library is read only when it is first shown (refreshLibrary), so
    // opening one file at start-up does not open every other one.
    explicit AppState(std::filesystem::path libraryFolder, std::filesystem::path templatesFolder = {},
                      std::filesystem::path settingsFile = {}, bool scanLibrary = true);

    const std::filesystem::path& libraryFolder() const { return m_libraryFolder; }
    const std::vector<store::LibraryEntry>& library() const { return m_library; }
    void refreshLibrary();

    // Creates a workshop from a template in the library folder and opens it in the setup view.
    bool createSession(const std::string& templateKey, const std::string& title);

    // False (and message() says why, in one line) when the file cannot be opened.
    bool openSession(const std::filesystem::path& path, bool readOnly = false);
    void closeSession();
    store::SessionStore* session() { return m_session.get(); }
    const core::SessionData& snapshot() const { return m_snapshot; }
    void reload(); // after an edit

    // Runs one edit against the store and refreshes the snapshot; a failure becomes the message.
    bool edit(const std::function<void(store::SessionStore&)>& change);
    bool undo();
    bool redo();

    // Views draw from the snapshot, and an edit replaces it; so what a click asks for runs after
    // the frame's drawing, never while a view still holds pointers into the old snapshot.
    void later(std::function<void()> action) { m_later.push_back(std::move(action)); }
    void editLater(std::function<void(store::SessionStore&)> change) {
        later([this, change = std::move(change)] { edit(change); });
    }
    void runLater();

    Screen screen() const {
        if (!m_session) return Screen::Library;
        // Social Olympics has no live or setup screen yet: its agenda is all there is.
        if (m_snapshot.workshop.format == core::Format::SocialOlympics) return Screen::Agenda;
        return m_screen;
    }
    void setScreen(Screen screen) { m_screen = screen; }
    LiveState& live() { return m_live; }

    const store::TemplateSet& templates() const { return m_templates; }
    const core::QuestionClassifier& classifier() const { return m_classifier; }

    store::Settings& settings() { return m_settings; }
    void saveSettings();
    WindowRequests& requests() { return m_requests; }
    struct UiFlags {
        bool presentation = false; // every control hidden; the room sees only the essentials
        bool showHelp = false;
        std::vector<std::string> monitors; // names, filled in by the window
    };
    UiFlags& ui() { return m_ui; }
    // True while something on screen changes by itself (a running timer): redraw every second.
    bool animating() const;
    // How long until what a running timer shows changes (so the window wakes on the second).
    double secondsToNextTick() const;
    bool readOnly() const { return m_session && m_session->readOnly(); }

    const std::string& message() const { return m_message; }
    void setMessage(std::string message) { m_message = std::move(message); }
    void clearMessage() { m_message.clear(); }

private:
    std::filesystem::path m_libraryFolder;
    std::filesystem::path m_settingsFile;
    std::vector<store::LibraryEntry> m_library;
    std::unique_ptr<store::SessionStore> m_session;
    core::SessionData m_snapshot;
    store::TemplateSet m_templates;
    core::QuestionClassifier m_classifier;
    store::Settings m_settings;
    WindowRequests m_requests;
    UiFlags m_ui;
    Screen m_screen = Screen::Live;
    LiveState m_live{*this};
    std::string m_message;
    std::vector<std::function<void()>> m_later;
};

} // namespace plenary::ui
