#pragma once

namespace plenary::ui {

class AppState;

// "Similar past dilemmas" beside the live screen (Ctrl+K): the library's closest dilemmas and what
// was suggested for them, so the facilitator can bring the archive into the room. For the room
// (presentation mode, when asked for) in the stage's sizes. It reads, and never opens another
// workshop: that would end the live one.
void drawRecallPanel(AppState& state, float width, bool forTheRoom);

} // namespace plenary::ui
