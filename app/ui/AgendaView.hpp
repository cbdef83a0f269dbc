#pragma once

#include "ui/AppState.hpp"
#include "ui/View.hpp"
#include "ui/VirtualRows.hpp"

#include <cstdint>
#include <vector>

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
    void rebuildRows();

    AppState& m_state;
    // One row per session title, dilemma, ring title or statement; rebuilt when the workshop
    // changes, drawn only where on screen.
    struct Row {
        core::Id group = 0; // a thematic session or a ring
        core::Id item = 0;  // a dilemma or a statement; 0 for the group's title
        int number = 0;     // a dilemma's number within its session
        std::size_t at = 0; // a statement's place in the snapshot
    };
    std::vector<Row> m_rows;
    VirtualRows m_virtual;
    std::uint64_t m_revision = ~std::uint64_t{0};
    const void* m_workshop = nullptr;
};

} // namespace plenary::ui
