#include "ui/AppState.hpp"

#include "core/Text.hpp"
#include "store/Paths.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace plenary::ui {

namespace fs = std::filesystem;

AppState::AppState(fs::path libraryFolder, fs::path templatesFolder, fs::path settingsFile, bool scanLibrary)
    : m_libraryFolder(std::move(libraryFolder)), m_settingsFile(std::move(settingsFile)) {
    if (templatesFolder.empty()) templatesFolder = store::resourceFolder() / "templates";
    m_templates = store::loadTemplates(templatesFolder);
    m_classifier = core::QuestionClassifier(m_templates.questionRules);
    if (!m_templates.problems.empty()) m_message = m_templates.problems.front();
    if (!m_settingsFile.empty()) {
        std::string problem;
        m_settings = store::loadSettings(m_settingsFile, &problem);
        if (!problem.empty()) m_message = problem;
    }
    if (scanLibrary) refreshLibrary();
}

bool AppState::animating() const {
    return m_session && screen() == Screen::Live && m_live.timer().running();
}

double AppState::secondsToNextTick() const {
    const double remaining = m_live.timer().remaining(m_live.now());
    double wait = remaining - std::floor(remaining) + 0.01;
    if (wait < 0.02) wait += 1.0;
    return std::min(wait, 1.0);
}

void AppState::refreshLibrary() {
    m_library = store::scanLibrary(m_libraryFolder);
}

void AppState::saveSettings() {
    if (!m_settingsFile.empty()) store::saveSettings(m_settingsFile, m_settings);
}

namespace {

// A file name from a title: letters and digits kept (any script), the rest becomes dashes.
std::string fileStem(const std::string& title) {
    std::string stem;
    for (const char32_t c : core::decodeUtf8(title)) {
        const bool ascii = c < 0x80 && std::isalnum(static_cast<unsigned char>(c));
        // Letters of any script stay; punctuation, symbols and dashes become one '-'.
        const bool letter =
            c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) && c < 0x1F000;
        if (ascii || letter)
            core::appendUtf8(stem, c);
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
    }
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    return stem.empty() ? "workshop" : stem.substr(0, 80);
}

} // namespace

bool AppState::createSession(const std::string& templateKey, const std::string& title) {
    const auto* format = m_templates.format(templateKey);
    if (!format) {
        m_message = "no template named \"" + templateKey + "\"";
        return false;
    }
    std::error_code ec;
    fs::create_directories(m_libraryFolder, ec);
    const std::string stem = fileStem(title.empty() ? format->name : title);
    fs::path path = m_libraryFolder / (stem + ".plenary");
    for (int n = 2; fs::exists(path, ec); ++n)
        path = m_libraryFolder / (stem + "-" + std::to_string(n) + ".plenary");
    try {
        store::SessionStore::create(path, core::sessionFromTemplate(*format, title));
    } catch (const std::exception& e) {
        m_message = e.what();
        return false;
    }
    if (!openSession(path)) return false;
    m_screen = Screen::Setup;
    return true;
}

bool AppState::openSession(const fs::path& path, bool readOnly) {
    try {
        auto session = store::SessionStore::open(path, readOnly ? store::OpenMode::ReadOnly
                                                                : store::OpenMode::ReadWrite);
        auto snapshot = session->load();
        m_session = std::move(session);
        m_snapshot = std::move(snapshot);
        m_message = readOnly ? path.filename().string() + " is open read-only: nothing will be changed" : "";
        // An Urban Academy module opens in the live view; a Social Olympics one in the agenda.
        m_screen = m_snapshot.workshop.format == core::Format::UrbanAcademy ? Screen::Live : Screen::Agenda;
        m_live.reset();
        return true;
    } catch (const std::exception& e) {
        // A damaged file can also fail while being read: one line, and the program goes on.
        m_message = e.what();
        return false;
    }
}

void AppState::closeSession() {
    m_session.reset();
    m_snapshot = {};
    m_message.clear();
    m_ui.presentation = false;
    refreshLibrary();
}

void AppState::reload() {
    if (!m_session) return;
    m_snapshot = m_session->load();
    m_live.afterReload();
}

bool AppState::edit(const std::function<void(store::SessionStore&)>& change) {
    if (!m_session) return false;
    try {
        change(*m_session);
        reload();
        return true;
    } catch (const std::exception& e) {
        m_message = e.what();
        try {
            reload();
        } catch (const std::exception&) {
            // Keep the last good snapshot on screen; the message already says what failed.
        }
        return false;
    }
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

bool AppState::undo() {
    if (!m_session || m_session->readOnly()) return false;
    bool done = false;
    edit([&](store::SessionStore& s) { done = s.undo(); });
    m_live.resync();
    return done;
}

bool AppState::redo() {
    if (!m_session || m_session->readOnly()) return false;
    bool done = false;
    edit([&](store::SessionStore& s) { done = s.redo(); });
    m_live.resync();
    return done;
}

} // namespace plenary::ui
