#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plenary::ui {

// The Urban Academy live screen: agenda sidebar, the current dilemma large, the phase ribbon, the
// big timer, the phase prompt, the capture line and what was captured. In presentation mode every
// control is hidden and the room sees only the dilemma, the phase, the timer and the captured items.
class LiveView : public View {
public:
    explicit LiveView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Live"; }

protected:
    void drawContent() override;

private:
    void drawAgenda(float width);
    void drawStage();
    void drawTimer();
    void drawTimerButtons();
    void drawPhaseRibbon();
    void takeIdleKeyboard(const char* field);
    void cursorToEndIfFocused();
    void drawCaptureLine();
    void drawWhoField();
    void drawCatalogMatches();
    void drawCaptured();
    void drawQuestions();
    void drawPractices();
    void drawResultEditor();
    float resultEditorHeight(float lineHeight) const;
    // Presentation mode (LiveViewPresentation.cpp): the room's screen.
    void drawPresentation();
    void drawPresentationRibbon(float right);
    void drawRoomQuestions(float height);
    void drawPracticeCards(float height);
    void draftResult();
    void submitCapture(const core::CatalogPractice* fromCatalog = nullptr);
    void restoreCaptureDraft();

    AppState& m_state;
    std::string m_capture;
    std::optional<core::CaptureKind> m_typedAs;       // what the text on the capture line was typed as
    std::uint64_t m_draftOpening = 0; // the opening of a workshop the line was restored for
    std::size_t m_captureShape = 0; // what the captured list held last frame (it follows the newest)
    int m_followFrames = 0;
    std::string m_who;
    core::Id m_whoId = 0;
    bool m_focusCapture = true;
    bool m_focusRequested = false; // the program (not a click) gave a field the keyboard
    int m_idleFrames = 0;          // frames in which no field had the keyboard
    ImGuiID m_captureId = 0;       // the capture line and "who?": their text lives in members, so
    ImGuiID m_whoField = 0;        // navigating away from them loses nothing
    struct AgendaRow {
        core::Id session = 0; // a session's title when dilemma is 0; a gap when both are 0
        core::Id dilemma = 0;
    };
    std::vector<AgendaRow> m_agendaRows;
    std::string m_catalogFor; // the capture text m_catalogMatches were found for
    std::vector<const core::CatalogPractice*> m_catalogMatches;
    int m_catalogPick = -1; // the match ↑/↓ picked on the capture line; -1: none, Enter adds the text
    static int onCaptureHistory(ImGuiInputTextCallbackData* data);
    std::uint64_t m_agendaRevision = 0;
};

} // namespace plenary::ui
