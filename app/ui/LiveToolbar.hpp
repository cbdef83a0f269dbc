#pragma once

namespace plenary::ui {

class AppState;

// The row over both live screens (an Urban Academy module's, a conference's): back to the
// workshops, set up, overview, presentation mode, the shortcuts, then the newest message (or the
// workshop's title) in what room is left.
void drawLiveToolbar(AppState& state);

// "Report" (the preview) and "Export…" (the dialog), on one line from the cursor: the same two
// buttons on every screen of an open workshop.
void drawReportButtons(AppState& state);

} // namespace plenary::ui
