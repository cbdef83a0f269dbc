#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <set>
#include <string>

namespace plenary::ui {

// Preparing a module: the header (title, dates, venue, facilitators, experts, rapporteur), the
// expert introduction and wrap-up, the people (also from CSV), and the thematic sessions with their
// dilemmas — added, edited, reordered (drag, or the arrow buttons), moved, skipped, joined, split.
class SetupView : public View {
public:
    explicit SetupView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Setup"; }

protected:
    void drawContent() override;

private:
    void drawModule();
    void drawPeople();
    void drawContributions();
    void drawSessions();
    void drawDilemma(const core::Dilemma& dilemma, int index, int count);
    bool personCombo(const char* label, core::Id& person);

    AppState& m_state;
    std::set<core::Id> m_selected; // dilemmas ticked for "discuss together"
    std::string m_csvPath;
    std::string m_newPerson;
    std::string m_newSession;
};

} // namespace plenary::ui
