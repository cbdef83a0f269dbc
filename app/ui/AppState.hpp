#pragma once

#include "session/Message.hpp"
#include "session/Worker.hpp"
#include "ui/Widgets.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plenary::ui {

// A search result the report preview shows: its dilemma, question, practice or statement.
struct ReportTarget {
    std::string kind; // as session::SearchResult::kind
    core::Id ref = 0;
    core::Id dilemma = 0;
    std::string text; // the text that matched, to find a question or practice among its dilemma's
};

// What the window should do that only the window can (GLFW, fonts); the views only ask.
struct WindowRequests {
    bool toggleFullscreen = false;
    bool rebuildFonts = false;
    bool quit = false;
};

// The screen's own state, and the data side it shows (a session::Worker, as Tracy's View holds
// its Worker): which screen is up, presentation mode, the help, the newest message, and the
// actions a click asks for, run after the frame is drawn.
class AppState {
public:
    explicit AppState(std::filesystem::path libraryFolder, std::filesystem::path templatesFolder = {},
                      std::filesystem::path settingsFile = {});
    AppState(const AppState&) = delete;
    AppState& operator=(const AppState&) = delete;

    session::Worker& worker() { return m_worker; }
    const session::Resources& resources() const { return m_worker.resources(); }
    session::OpenWorkshop* workshop() { return m_worker.workshop(); }
    // The open workshop's snapshot (an empty one when none is open).
    const core::SessionData& data() const;
    const core::SessionData& snapshot() const { return data(); }
    session::LiveSession& live() { return m_worker.live(); }
    const session::LiveSession& live() const { return m_worker.live(); }
    bool readOnly() const { return m_worker.workshop() && m_worker.workshop()->readOnly(); }
    session::Settings& settings() { return m_worker.settings(); }
    void saveSettings() { m_worker.saveSettings(); }

    // Opening a workshop shows the screen its format opens in; false (and a message) on failure.
    bool openSession(const std::filesystem::path& path, bool readOnly = false);
    bool createSession(const std::string& templateKey, const std::string& title);
    void closeSession();
    // Opens the workshop (unless it is the open one) at a search result: the report preview,
    // scrolled to the result and marked.
    void openAt(const std::filesystem::path& path, const session::SearchResult& result);
    bool undo();
    bool redo();

    // The screen on view: an id from the screen registry (ui/Screens), always one that serves the
    // open workshop's format.
    std::string_view screen() const;
    // A message belongs to the screen it was given on: another screen starts without it.
    void setScreen(std::string_view id) {
        if (id != screen()) clearMessage();
        // The report preview goes back to where it was opened from.
        if (id == "report" && screen() != "report") m_returnScreen = std::string(screen());
        // The library's screens look at the folders again when shown: files copied in meanwhile appear.
        if (id != screen() && (id == "library" || id == "search" || id == "practices")) m_worker.library().refresh();
        m_screen = id;
    }
    // Where the report preview returns to ("" : the screen the workshop opens in).
    const std::string& returnScreen() const { return m_returnScreen; }

    // Views draw from the snapshot, and an edit changes it; so what a click asks for runs after
    // the frame's drawing, never while a view still holds pointers into the snapshot.
    void later(std::function<void()> action) { m_later.push_back(std::move(action)); }
    void editLater(std::function<void(session::OpenWorkshop&)> change) {
        later([this, change = std::move(change)] {
            if (auto* w = workshop()) change(*w);
        });
    }
    void runLater();
    // What a durable field (widgets::inputDurable) typed goes into one field of one row.
    template <class T> widgets::SaveTyped saveInto(core::Id id, std::string T::*field) {
        return [this, id, field](const widgets::Typed& typed) {
            editLater([id, field, typed](session::OpenWorkshop& w) {
                if (!w.typeInto(id, field, typed.text, typed.stretch)) widgets::saveFailed(typed);
            });
        };
    }
    // Every field's unsaved words are written now (before the workshop closes, the window goes).
    void flushTyping() {
        widgets::flushTyping();
        runLater();
    }

    WindowRequests& requests() { return m_requests; }
    struct UiFlags {
        bool presentation = false; // every control hidden; the room sees only the essentials
        bool showHelp = false;
        bool showExport = false;            // the export dialog (ui/ExportDialog)
        std::filesystem::path exportFile;   // a library file it exports; empty: the open workshop
        bool draftRequested = false;       // Ctrl+D: the live view drafts the result
        std::vector<unsigned> lineFields;  // fields whose text survives a phase change (capture, who)
        std::vector<std::string> monitors; // names, filled in by the window
        std::string searchQuery;           // what the search screen looks for
        std::optional<ReportTarget> reportTarget; // where the report preview scrolls to, once
        bool showRecall = false;                  // similar past dilemmas beside the live screen
        bool recallInPresentation = false;        // …also for the room (Ctrl+Shift+L)
    };
    UiFlags& ui() { return m_ui; }
    // The export dialog, for the open workshop (no file) or for a file the library lists; nothing
    // happens when there is neither.
    void openExport(std::filesystem::path file = {}) {
        if (file.empty() && !workshop()) return;
        m_ui.exportFile = std::move(file);
        m_ui.showExport = true;
    }
    // A window is drawn over the screen (F1, the export dialog): the screen under it leaves the
    // keyboard alone, so what is typed goes to that window.
    bool overlayOpen() const { return m_ui.showHelp || m_ui.showExport; }
    // True while something on screen changes by itself (a running timer): redraw every second.
    bool animating() const;
    double secondsToNextTick() const {
        return screen() == "rings" ? m_worker.conference().secondsToNextTick() : m_worker.live().secondsToNextTick();
    }

    // The newest message; its level decides its colour.
    const std::string& message() const { return m_message.text; }
    const session::Message& typedMessage() const { return m_message; }
    void setMessage(session::Message message) { m_message = std::move(message); }
    void clearMessage() { m_message = {}; }

private:
    session::Worker m_worker;
    WindowRequests m_requests;
    UiFlags m_ui;
    std::string m_screen;
    std::string m_returnScreen;
    session::Message m_message;
    std::vector<std::function<void()>> m_later;
};

} // namespace plenary::ui
