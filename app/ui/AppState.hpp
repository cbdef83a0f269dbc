#pragma once

#include "core/Model.hpp"
#include "store/Library.hpp"
#include "store/SessionStore.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace plenary::ui {

enum class Screen { Library, Agenda };

// The data side of the program (Tracy's Worker): the library folder, the open session and a
// snapshot of it for drawing. Views read from here and ask it to act; they never touch SQL.
class AppState {
public:
    explicit AppState(std::filesystem::path libraryFolder);

    const std::filesystem::path& libraryFolder() const { return m_libraryFolder; }
    const std::vector<store::LibraryEntry>& library() const { return m_library; }
    void refreshLibrary();

    // False (and message() says why, in one line) when the file cannot be opened.
    bool openSession(const std::filesystem::path& path, bool readOnly = false);
    void closeSession();
    store::SessionStore* session() { return m_session.get(); }
    const core::SessionData& snapshot() const { return m_snapshot; }
    void reload(); // after an edit

    bool undo();
    bool redo();

    Screen screen() const { return m_session ? Screen::Agenda : Screen::Library; }
    const std::string& message() const { return m_message; }
    void setMessage(std::string message) { m_message = std::move(message); }
    void clearMessage() { m_message.clear(); }

private:
    std::filesystem::path m_libraryFolder;
    std::vector<store::LibraryEntry> m_library;
    std::unique_ptr<store::SessionStore> m_session;
    core::SessionData m_snapshot;
    std::string m_message;
};

} // namespace plenary::ui
