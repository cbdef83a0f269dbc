// The Statements tab of a Social Olympics conference's setup: each ring's statements, typed in,
// imported from a spreadsheet, or taken from a benchmark set (templates/benchmarks).
#include "ui/SetupView.hpp"

#include "core/Wording.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace plenary::ui {

using namespace plenary::core;

namespace {

// A square of the ring's colour, a line high, before its name.
void colourChip(const std::string& hex) {
    const float side = ImGui::GetFrameHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + side, at.y + side),
                                              ImGui::GetColorU32(palette::fromHex(hex)), 0.2f * side);
    ImGui::Dummy(ImVec2(side, side));
}

// Every dimension of every benchmark set, in order, as one list to pick from.
struct Benchmark {
    const BenchmarkSet* set = nullptr;
    const BenchmarkDimension* dimension = nullptr;
};

std::vector<Benchmark> benchmarks(const std::vector<BenchmarkSet>& sets) {
    std::vector<Benchmark> list;
    for (const auto& set : sets)
        for (const auto& dimension : set.dimensions)
            list.push_back({&set, &dimension});
    return list;
}

// "Housing — 10 statements", with the set's name in front when there is more than one set.
std::string benchmarkLine(const Benchmark& b, bool named) {
    return (named ? b.set->name + ": " : std::string()) + b.dimension->name + " — " +
           std::to_string(b.dimension->statements.size()) + " statements";
}

// A ring picked earlier that is still there, or else the first ring (0 when there is none).
Id ringOrFirst(const std::vector<Ring>& rings, Id wanted) {
    for (const auto& r : rings)
        if (r.id == wanted) return wanted;
    return rings.empty() ? 0 : rings.front().id;
}

} // namespace

void SetupView::drawStatements() {
    heading("Statements");
    drawStatementTools();
    ImGui::Separator();
    // Statements can run to hundreds: one list of rows, drawn only where on screen.
    ImGui::BeginChild("statements", ImVec2(0.0f, 0.0f), false);
    const auto* workshop = m_state.workshop();
    if (workshop != m_statementsFor || workshop->revision() != m_statementsRevision) rebuildStatementRows();
    const auto& data = m_state.data();
    const float em = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float remove = ImGui::CalcTextSize("Remove").x + 2.0f * style.FramePadding.x;
    m_statementVirtual.draw([&](std::size_t r) {
        const StatementRow& row = m_statementRows[r];
        if (row.statement == 0) {
            const Ring* ring = nullptr;
            for (const auto& candidate : data.rings)
                if (candidate.id == row.ring) ring = &candidate;
            ImGui::PushID(static_cast<int>(row.ring));
            ImGui::Spacing();
            colourChip(ring ? ring->colour : std::string());
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::PushFont(fonts().bold);
            widgets::text(ring ? ringName(*ring) : std::string("Without a ring"));
            ImGui::PopFont();
            ImGui::SameLine();
            widgets::textColoured(
                palette::muted(),
                row.number == 1 ? "1 statement" : std::to_string(row.number) + " statements", false);
            if (ring) {
                ImGui::SameLine(0.0f, 2.0f * em);
                if (widgets::button("Add statement", "add-statement:" + ring->name)) {
                    // An empty statement with the keyboard in it: typing starts at once.
                    Statement s;
                    s.ring = ring->id;
                    m_state.editLater(
                        [this, s](session::OpenWorkshop& w) { m_focusStatement = w.addStatement(s); });
                }
            }
            ImGui::PopID();
            return;
        }
        const Statement& s = data.statements[row.at];
        const std::string tag = std::to_string(s.id);
        ImGui::PushID(static_cast<int>(s.id));
        ImGui::Indent(ImGui::GetFrameHeight());
        ImGui::AlignTextToFramePadding();
        widgets::text(std::to_string(row.number) + ".");
        ImGui::SameLine(ImGui::GetFrameHeight() + 2.5f * em);
        float right = remove + style.ItemSpacing.x;
        const Statement* into = row.into ? &data.statements[*row.into] : nullptr;
        if (into) right += ImGui::CalcTextSize("merged").x + style.ItemSpacing.x;
        ImGui::SetNextItemWidth(-right);
        if (m_focusStatement == s.id) {
            widgets::takeKeyboard("##text");
            m_focusStatement = 0;
        }
        widgets::inputDurable("##text", s.text, m_state.saveInto(s.id, &Statement::text), "the statement");
        trace::item("statement:" + tag);
        if (into) {
            // Rated as the statement it was merged into; which one is said when the mouse is on it.
            ImGui::SameLine();
            widgets::textColoured(palette::muted(), "merged", false);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Merged into: %s", into->text.c_str());
        }
        ImGui::SameLine();
        // Refused, with the reason, while other statements are merged into it.
        if (widgets::button("Remove", "remove-statement:" + tag))
            m_state.editLater([id = s.id](session::OpenWorkshop& w) { w.deleteStatement(id); });
        ImGui::Unindent(ImGui::GetFrameHeight());
        ImGui::PopID();
    });
    ImGui::EndChild();
}

void SetupView::rebuildStatementRows() {
    const auto& data = m_state.data();
    // Each ring's statements in position order (the snapshot keeps them by position overall).
    std::map<Id, std::vector<std::size_t>> byRing;
    std::unordered_map<Id, std::size_t> places;
    for (std::size_t i = 0; i < data.statements.size(); ++i) {
        byRing[data.statements[i].ring].push_back(i);
        places.emplace(data.statements[i].id, i);
    }
    m_statementRows.clear();
    auto add = [&](Id ring, const std::vector<std::size_t>& list) {
        m_statementRows.push_back({ring, 0, static_cast<int>(list.size()), 0, std::nullopt});
        int number = 0;
        for (const std::size_t at : list) {
            const auto into = places.find(data.statements[at].mergedInto);
            m_statementRows.push_back({ring, data.statements[at].id, ++number, at,
                                       into == places.end() ? std::nullopt : std::optional(into->second)});
        }
    };
    for (const auto& ring : data.rings) {
        const auto found = byRing.find(ring.id);
        add(ring.id, found == byRing.end() ? std::vector<std::size_t>{} : found->second);
        if (found != byRing.end()) byRing.erase(found);
    }
    // Statements of no ring (or of a ring the file does not have) are still shown, to edit or remove.
    std::vector<std::size_t> orphans;
    for (const auto& [ring, list] : byRing)
        orphans.insert(orphans.end(), list.begin(), list.end());
    if (!orphans.empty()) add(0, orphans);
    m_statementVirtual.reset(m_statementRows.size(), ImGui::GetFrameHeightWithSpacing());
    m_statementsFor = m_state.workshop();
    m_statementsRevision = m_state.workshop() ? m_state.workshop()->revision() : 0;
    if (m_focusStatement != 0) {
        const auto row = std::find_if(m_statementRows.begin(), m_statementRows.end(),
                                      [&](const StatementRow& r) { return r.statement == m_focusStatement; });
        if (row != m_statementRows.end())
            m_statementVirtual.scrollTo(static_cast<std::size_t>(row - m_statementRows.begin()));
        else
            m_focusStatement = 0; // removed meanwhile (or undone)
    }
}

void SetupView::drawStatementTools() {
    const float em = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const auto& data = m_state.data();
    widgets::textColoured(
        palette::muted(),
        "Add statements from a spreadsheet (a “statement” column; a “ring” column, or the ring "
        "picked here) or from a benchmark set.");
    // Both rows end in "into [ring]", measured so that nothing runs off a 1280-pixel projector.
    const float ringWidth = 10.0f * em;
    const float into = ImGui::CalcTextSize("into").x + 2.0f * spacing + ringWidth;
    ImGui::PushID("csv");
    m_csvRing = ringOrFirst(data.rings, m_csvRing);
    const float path =
        std::max(6.0f * em, ImGui::GetContentRegionAvail().x - csvButtonsWidth() - spacing - into);
    drawCsvImport(m_statementsCsvPath, "statements .csv", m_csvRing, path);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text("into");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ringWidth);
    ringCombo("##ring", m_csvRing, "csv-ring", false);
    ImGui::PopID();

    ImGui::PushID("benchmarks");
    const auto list = benchmarks(m_state.resources().benchmarks);
    if (list.empty()) {
        widgets::textColoured(palette::muted(), "No benchmark sets in templates/benchmarks.", false);
        ImGui::PopID();
        return;
    }
    const bool named = m_state.resources().benchmarks.size() > 1; // one set needs no name
    m_benchmark = std::min(m_benchmark, list.size() - 1);
    const float combo = std::max(8.0f * em, ImGui::GetContentRegionAvail().x - into - spacing -
                                                buttonWidth("Add benchmark statements"));
    ImGui::SetNextItemWidth(combo);
    const std::string preview = widgets::fitText("Benchmarks: " + benchmarkLine(list[m_benchmark], named),
                                                 combo - 2.0f * ImGui::GetFrameHeight());
    if (widgets::beginCombo("##dimension", preview.c_str(), "benchmark")) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (widgets::selectable(benchmarkLine(list[i], named).c_str(), i == m_benchmark,
                                    ("benchmark:" + list[i].dimension->key).c_str()))
                m_benchmark = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::text("into");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ringWidth);
    m_benchmarkRing = ringOrFirst(data.rings, m_benchmarkRing);
    ringCombo("##ring", m_benchmarkRing, "benchmark-ring", false);
    ImGui::SameLine();
    ImGui::BeginDisabled(m_benchmarkRing == 0);
    if (widgets::button("Add benchmark statements")) {
        std::vector<Statement> statements;
        for (const auto& text : list[m_benchmark].dimension->statements) {
            Statement s;
            s.ring = m_benchmarkRing;
            s.text = text;
            statements.push_back(std::move(s));
        }
        const std::string what = list[m_benchmark].dimension->name;
        m_state.editLater([this, statements, what](session::OpenWorkshop& w) {
            if (const auto added = w.addStatements(statements, "Add benchmark statements"))
                m_state.setMessage(
                    session::info("Added " + std::to_string(*added) + " statements on " + what));
        });
    }
    ImGui::EndDisabled();
    ImGui::PopID();
}

} // namespace plenary::ui
