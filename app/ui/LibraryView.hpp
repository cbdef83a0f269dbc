#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <string>

namespace plenary::ui {

// The workshops in the library folder: title, format, date, place, counts. Enter or a click opens one.
class LibraryView : public View {
public:
    explicit LibraryView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Library"; }

protected:
    void drawContent() override;

private:
    void drawNewWorkshop();

    AppState& m_state;
    std::string m_newTitle;
    int m_newTemplate = -1; // -1: the Urban Academy template, once the list is known
};

} // namespace plenary::ui
