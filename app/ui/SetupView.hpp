#pragma once

#include "session/FolderListing.hpp"
#include "ui/AppState.hpp"
#include "ui/View.hpp"
#include "ui/VirtualRows.hpp"

#include <cstdint>
#include <vector>

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
    static void heading(const char* text);
    // The People tab (SetupViewPeople.cpp): the table, adding a person, the CSV import.
    void drawPeople();
    void drawSharedNames();
    void drawCsvImport();
    void drawCsvChooser();
    void drawContributions();
    void drawSessions();
    void drawSessionHeader(const core::ThematicSession& session, std::size_t index, std::size_t count);
    void drawDilemma(const core::Dilemma& dilemma, int index, int count);
    bool personCombo(const char* label, core::Id& person);

    AppState& m_state;
    std::set<core::Id> m_selected; // dilemmas ticked for "discuss together"
    core::Id m_focusDilemma = 0;   // its question takes the keyboard when next drawn (added, moved)
    std::string m_csvPath;
    session::FolderListing m_csvFolder; // what the CSV chooser shows; read when it opens or moves
    std::string m_newPerson;
    std::vector<std::string> m_sharedNames; // names two people have, worked out once per change
    const void* m_peopleFor = nullptr;
    std::uint64_t m_peopleRevision = 0;
    std::string m_newSession;
    struct Row {
        std::size_t session = 0; // place of its thematic session in the snapshot
        core::Id dilemma = 0;    // 0: the session's title row, or its drop target (index -1)
        int index = 0;           // the dilemma's place in its session
        int count = 0;           // dilemmas in the session
    };
    std::vector<Row> m_rows;
    VirtualRows m_virtual;
    const void* m_rowsFor = nullptr;
    std::uint64_t m_rowsRevision = 0;
};

} // namespace plenary::ui
