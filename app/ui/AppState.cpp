#include "ui/AppState.hpp"

namespace plenary::ui {

AppState::AppState(std::filesystem::path libraryFolder) : m_libraryFolder(std::move(libraryFolder)) { refreshLibrary(); }

void AppState::refreshLibrary() { m_library = store::scanLibrary(m_libraryFolder); }

bool AppState::openSession(const std::filesystem::path& path, bool readOnly) {
    try {
        auto session = store::SessionStore::open(path, readOnly ? store::OpenMode::ReadOnly : store::OpenMode::ReadWrite);
        auto snapshot = session->load();
        m_session = std::move(session);
        m_snapshot = std::move(snapshot);
        m_message = readOnly ? path.filename().string() + " is open read-only: nothing will be changed" : "";
        return true;
    } catch (const store::StoreError& e) {
        m_message = e.what();
        return false;
    }
}

void AppState::closeSession() {
    m_session.reset();
    m_snapshot = {};
    m_message.clear();
    refreshLibrary();
}

void AppState::reload() {
    if (m_session) m_snapshot = m_session->load();
}

bool AppState::undo() {
    if (!m_session || m_session->readOnly()) return false;
    try {
        const bool done = m_session->undo();
        reload();
        return done;
    } catch (const std::exception& e) {
        m_message = e.what();
        return false;
    }
}

bool AppState::redo() {
    if (!m_session || m_session->readOnly()) return false;
    try {
        const bool done = m_session->redo();
        reload();
        return done;
    } catch (const std::exception& e) {
        m_message = e.what();
        return false;
    }
}

} // namespace plenary::ui
