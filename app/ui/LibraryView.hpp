#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

namespace plenary::ui {

// The workshops in the library folder: title, format, date, place, counts. Enter or a click opens one.
class LibraryView : public View {
public:
    explicit LibraryView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Library"; }

protected:
    void drawContent() override;

private:
    AppState& m_state;
};

} // namespace plenary::ui
