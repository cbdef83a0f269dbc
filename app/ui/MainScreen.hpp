#pragma once

#include "ui/AppState.hpp"
#include "ui/ExportDialog.hpp"
#include "ui/View.hpp"

#include <map>
#include <memory>
#include <string_view>

namespace plenary::ui {

// The whole program's screen: runs the shortcuts of the screen on view, draws that screen (one
// view per entry of the screen registry), the shortcut help (F1) over it, then what clicks asked.
class MainScreen {
public:
    explicit MainScreen(AppState& state);
    void draw();

private:
    void drawHelp();

    AppState& m_state;
    ExportDialog m_export{m_state};
    std::map<std::string_view, std::unique_ptr<View>> m_views;
};

} // namespace plenary::ui
