#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

namespace plenary::ui {

// The open workshop at a glance: module header, then thematic sessions with their dilemmas
// (presenter, status, joint discussions), or the rings and statements of a Social Olympics.
class AgendaView : public View {
public:
    explicit AgendaView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Agenda"; }

protected:
    void drawContent() override;

private:
    void drawHeader();
    void drawUrbanAcademy();
    void drawSocialOlympics();

    AppState& m_state;
};

} // namespace plenary::ui
