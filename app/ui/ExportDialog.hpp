#pragma once

#include "session/Export.hpp"
#include "session/Message.hpp"

#include <filesystem>
#include <string>

namespace plenary::ui {

class AppState;

// "Export the report" over any screen (Ctrl+E, or Export… on the toolbars, the report preview and
// the library's list): the format, anonymised or not, the folder, the exact path that will be
// written; Enter exports, Esc closes. What was written, or why not, is said in the dialog, which
// stays open so another format or folder can follow.
class ExportDialog {
public:
    explicit ExportDialog(AppState& state) : m_state(state) {}
    void draw();

private:
    void drawContent();
    std::filesystem::path sessionFile();
    std::filesystem::path target();
    void exportNow();

    AppState& m_state;
    session::ExportOptions m_options;
    std::filesystem::path m_for; // the workshop file the folder below was filled for
    std::string m_folder;
    session::Message m_result;
    bool m_justOpened = true;
};

} // namespace plenary::ui
