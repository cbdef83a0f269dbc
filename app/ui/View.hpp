#pragma once

namespace plenary::ui {

// One screen of the program (in the manner of ImHex: one class per window, drawContent()).
// draw() makes the window fill the display; drawContent() is the view's own.
class View {
public:
    virtual ~View() = default;
    virtual const char* name() const = 0;
    void draw();

protected:
    virtual void drawContent() = 0;
};

} // namespace plenary::ui
