#pragma once

#include "session/FolderListing.hpp"
#include "ui/AppState.hpp"
#include "ui/View.hpp"
#include "ui/VirtualRows.hpp"

#include <cstdint>
#include <optional>
#include <vector>

#include <set>
#include <string>
#include <string_view>

namespace plenary::ui {

// Preparing a module: the header (title, dates, venue, facilitators, experts, rapporteur), the
// expert introduction and wrap-up, the people (also from CSV), and the thematic sessions with their
// dilemmas — added, edited, reordered (drag, or the arrow buttons), moved, skipped, joined, split.
// Preparing a Social Olympics conference instead: its topic, scale, threshold and rounds, the
// rings, the people in them, and each ring's statements (typed, from CSV or from a benchmark set).
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
    void drawForgetPopup(); // "Forget <name>?": asks first, then forgets for good
    // A path field `width` wide, Choose… and Import CSV; statements without a ring in the file go
    // to `ring`. csvButtonsWidth() is what the two buttons take beside the field.
    void drawCsvImport(std::string& path, const char* hint, core::Id ring, float width);
    static float csvButtonsWidth();
    static float buttonWidth(const char* label); // a button's width with this label, measured
    void drawCsvChooser();
    // A Social Olympics conference (SetupViewConference.cpp, SetupViewStatements.cpp).
    void drawConference();
    void drawRounds();
    void drawRings();
    void drawStatements();
    void drawStatementTools();
    void rebuildStatementRows();
    // A combo of the rings (and "—" when none is allowed); true when another was picked.
    bool ringCombo(const char* label, core::Id& ring, std::string_view traceName, bool none);
    void drawContributions();
    void drawSessions();
    void drawSessionHeader(const core::ThematicSession& session, std::size_t index, std::size_t count);
    void drawDilemma(const core::Dilemma& dilemma, int index, int count);
    bool personCombo(const char* label, core::Id& person);

    AppState& m_state;
    std::set<core::Id> m_selected; // dilemmas ticked for "discuss together"
    core::Id m_focusDilemma = 0;   // its question takes the keyboard when next drawn (added, moved)
    std::string m_csvPath;
    std::string* m_csvTarget = &m_csvPath; // the path field the chooser fills in
    session::FolderListing m_csvFolder;    // what the CSV chooser shows; read when it opens or moves
    std::string m_newPerson;
    std::string m_forgetName; // the person the "Forget…" popup asks about
    bool m_openForget = false;
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
    // The conference's tabs.
    core::Id m_focusRing = 0;      // its name takes the keyboard when next drawn (just added)
    core::Id m_focusStatement = 0; // likewise its text
    std::string m_statementsCsvPath;
    core::Id m_csvRing = 0;       // where statements of a file without a ring column go
    std::size_t m_benchmark = 0;  // the benchmark dimension picked, counted over all sets
    core::Id m_benchmarkRing = 0; // and the ring its statements go to
    struct StatementRow {
        core::Id ring = 0;      // the ring's heading row when statement is 0
        core::Id statement = 0; // a statement's row
        int number = 0;         // its place in its ring, from 1 (in a heading: how many)
        // Places in the snapshot's statements, valid until its next revision (when rows are rebuilt).
        std::size_t at = 0;
        std::optional<std::size_t> into; // the statement it was merged into
    };
    std::vector<StatementRow> m_statementRows;
    VirtualRows m_statementVirtual;
    const void* m_statementsFor = nullptr;
    std::uint64_t m_statementsRevision = 0;
};

} // namespace plenary::ui
