#include "ui/AppState.hpp"

#include "ui/Screens.hpp"

namespace plenary::ui {

namespace fs = std::filesystem;

AppState::AppState(fs::path libraryFolder, fs::path templatesFolder, fs::path settingsFile)
    : m_worker(std::move(libraryFolder), std::move(templatesFolder), std::move(settingsFile)) {
    m_worker.setReporter([this](session::Message m) { m_message = std::move(m); });
    if (!m_worker.startupProblems().empty()) m_message = m_worker.startupProblems().front();
}

const core::SessionData& AppState::data() const {
    static const core::SessionData kNone;
    return m_worker.workshop() ? m_worker.workshop()->data() : kNone;
}

bool AppState::animating() const {
    if (!m_worker.workshop()) return false;
    if (screen() == "rings") return m_worker.conference().timerRunning();
    return screen() == "live" && m_worker.live().timer().running();
}

std::string_view AppState::screen() const {
    const auto* workshop = m_worker.workshop();
    return resolveScreen(m_screen, workshop ? std::optional(workshop->data().workshop.format) : std::nullopt);
}

bool AppState::openSession(const fs::path& path, bool readOnly) {
    clearMessage();
    if (!m_worker.open(path, readOnly)) return false;
    m_screen.clear(); // the screen this format opens in
    return true;
}

bool AppState::createSession(const std::string& templateKey, const std::string& title) {
    clearMessage();
    if (!m_worker.create(templateKey, title)) return false;
    m_screen = "setup";
    return true;
}

void AppState::openAt(const fs::path& path, const session::SearchResult& result) {
    std::error_code ec;
    const std::string from(screen()); // Ctrl+R goes back there: the results
    const bool isOpen = workshop() && fs::equivalent(workshop()->path(), path, ec);
    if (!isOpen && !openSession(path)) return;
    m_ui.reportTarget = ReportTarget{result.kind, result.ref, result.dilemma, result.text};
    if (result.kind == "dilemma") m_ui.reportTarget->dilemma = result.ref;
    setScreen("report");
    m_returnScreen = from;

}

void AppState::closeSession() {
    flushTyping(); // into the workshop it was typed for
    m_worker.close();
    clearMessage();
    m_ui.presentation = false;
    if (m_ui.exportFile.empty()) m_ui.showExport = false; // it was for the workshop just closed
}

// Each undo and redo says what it took back, so a second Ctrl+Z is never a surprise.
bool AppState::undo() {
    auto* w = m_worker.workshop();
    if (!w) return false;
    const std::string label = w->undoLabel();
    if (!w->undo()) return false;
    setMessage(session::info("Undone: " + label + " (Ctrl+Y brings it back)"));
    return true;
}

bool AppState::redo() {
    auto* w = m_worker.workshop();
    if (!w) return false;
    const std::string label = w->redoLabel();
    if (!w->redo()) return false;
    setMessage(session::info("Redone: " + label));
    return true;
}

void AppState::runLater() {
    // An action may queue more (rarely); run until the queue is empty.
    while (!m_later.empty()) {
        auto actions = std::move(m_later);
        m_later.clear();
        for (auto& action : actions)
            action();
    }
}

} // namespace plenary::ui
