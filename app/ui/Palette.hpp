#pragma once

#include "core/PhaseTimer.hpp"
#include "session/Message.hpp"

#include <imgui.h>

#include <string>

// Colours with a meaning, for the light (projector) and the dark theme. Chosen for contrast on a
// washed-out projector, not for looks.
namespace plenary::ui::palette {

void setDark(bool dark);
bool dark();

ImVec4 text();
ImVec4 muted();
ImVec4 accent();                                    // the current phase, selected things
ImVec4 onAccent();                                  // text on accent
ImVec4 chip();                                      // other phases
ImVec4 good();                                      // open question, timer in time
ImVec4 warning();                                   // closed question, timer at 20 %
ImVec4 danger();                                    // timer at 5 % and overrun, errors
ImVec4 forMessage(const session::Message& message); // errors red, warnings orange, news quiet
ImVec4 forTimer(core::TimerColour colour);
// A ring's "#RRGGBB" from the file; anything else is drawn grey (a colour from a file is data).
ImVec4 fromHex(const std::string& hex);
// Black or white, whichever reads better on `background`.
ImVec4 textOn(const ImVec4& background);          // green, orange at 20 % left, red at 5 % and over

} // namespace plenary::ui::palette
