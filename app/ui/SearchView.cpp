#include "ui/SearchView.hpp"

#include "core/Text.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/MarkedText.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace plenary::ui {

namespace {

constexpr std::size_t kHeading = static_cast<std::size_t>(-1);

const char* kindName(const std::string& kind) {
    if (kind == "dilemma") return "Dilemma";
    if (kind == "question") return "Question";
    if (kind == "practice") return "Practice";
    if (kind == "statement") return "Statement";
    if (kind == "contribution") return "Introduction or wrap-up";
    return "Workshop";
}

std::string workshopLine(const session::LibraryEntry& entry) {
    std::string line = entry.workshop.date;
    if (!entry.workshop.venue.empty()) line += (line.empty() ? "" : " · ") + entry.workshop.venue;
    if (entry.titleShared) line += (line.empty() ? "" : " · ") + entry.path.filename().string();
    return line;
}

} // namespace

void SearchView::runSearch() {
    auto& library = m_state.worker().library();
    const auto generation = library.generation();
    const std::string& query = m_state.ui().searchQuery;
    if (query == m_searched && generation == m_generation) return;
    m_searched = query;
    m_generation = generation;
    m_found = library.search(query);
    m_rows.clear();
    for (std::size_t g = 0; g < m_found.groups.size(); ++g) {
        m_rows.push_back({g, kHeading});
        for (std::size_t r = 0; r < m_found.groups[g].results.size(); ++r)
            m_rows.push_back({g, r});
    }
    m_selected = -1;
    m_heights.assign(m_rows.size(), 0.0f);
}

void SearchView::open(std::size_t group, std::size_t result) {
    const auto& g = m_found.groups[group];
    m_state.later([this, path = g.entry->path, hit = g.results[result]] { m_state.openAt(path, hit); });
}

void SearchView::drawContent() {
    m_state.worker().library().continueReading(); // once a frame, before anything points into it
    const float em = ImGui::GetFontSize();
    widgets::textInFont(fonts().heading, "Search every workshop");
    if (widgets::button(m_state.workshop() ? "Back to the workshop" : "Back to the library", "search-back"))
        m_state.later([this] { m_state.setScreen(""); }); // the screen the workshop (or none) opens in
    ImGui::SameLine();
    widgets::textColoured(palette::muted(),
                          "Accents and case do not matter: \"lodz\" finds \"Łódź\". A click opens the workshop there.");
    ImGui::Spacing();
    if (m_focusField || ImGui::IsKeyPressed(keys::Escape, false)) {
        widgets::takeKeyboard("##query");
        m_focusField = false;
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 48.0f * em));
    const bool enter = widgets::inputText("##query", "words to find, e.g. language courses for employees",
                                          &m_state.ui().searchQuery, ImGuiInputTextFlags_EnterReturnsTrue,
                                          "search-query");
    widgets::keepUpDownKeys();
    runSearch();
    if (!m_state.message().empty())
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message());
    const auto& library = m_state.worker().library();
    if (!library.indexProblem().empty()) widgets::textColoured(palette::warning(), library.indexProblem());

    // ↑/↓ choose among the results, Enter opens the chosen one (the first when none is chosen).
    if (!m_rows.empty()) {
        const int last = static_cast<int>(m_rows.size()) - 1;
        auto step = [&](int from, int by) {
            for (int i = from + by; i >= 0 && i <= last; i += by)
                if (m_rows[static_cast<std::size_t>(i)].result != kHeading) return i;
            return from;
        };
        if (ImGui::IsKeyPressed(keys::Down)) m_selected = step(m_selected, 1);
        if (ImGui::IsKeyPressed(keys::Up)) m_selected = step(m_selected < 0 ? last + 1 : m_selected, -1);
        if (enter) {
            const int chosen = m_selected >= 0 ? m_selected : step(-1, 1);
            const auto& row = m_rows[static_cast<std::size_t>(chosen)];
            if (row.result != kHeading) open(row.group, row.result);
        }
    }
    ImGui::Spacing();
    if (core::searchTerms(m_state.ui().searchQuery).empty()) {
        widgets::textColoured(palette::muted(), std::to_string(m_state.worker().library().entries().size()) +
                                                    " workshops in the library. Type to search their dilemmas, "
                                                    "questions, practices, results and statements.");
        return;
    }
    const std::size_t workshops = m_found.groups.size();
    std::string summary = m_found.results == 0
                              ? "Nothing found. Fewer words, or the beginning of a word, find more."
                              : std::to_string(m_found.results) + (m_found.results == 1 ? " match" : " matches") +
                                    " in " + std::to_string(workshops) + (workshops == 1 ? " workshop" : " workshops");
    if (m_found.more) summary += " — the best ones; more words find fewer";
    if (const int left = m_state.worker().library().pending(); left > 0)
        summary += " (" + std::to_string(left) + " workshops still being read)";
    widgets::textColoured(palette::muted(), summary);
    ImGui::Separator();
    drawResults();
}

void SearchView::drawResults() {
    const float em = ImGui::GetFontSize();
    ImGui::BeginChild("results", ImVec2(0, 0), false);
    const float width = std::min(ImGui::GetContentRegionAvail().x, 70.0f * em);
    const float indent = 1.5f * em;
    // Only the rows in view are drawn; the others are space of the height they had (a guess of
    // three lines until drawn), so 200 matches cost what ten do.
    const float top = ImGui::GetScrollY() - 4.0f * em;
    const float bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + 4.0f * em;
    const float guess = 3.0f * ImGui::GetTextLineHeightWithSpacing();
    float skipped = 0.0f;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& row = m_rows[i];
        const auto& group = m_found.groups[row.group];
        const float y = ImGui::GetCursorPosY() + skipped;
        const float height = m_heights[i] > 0.0f ? m_heights[i] : guess;
        if (static_cast<int>(i) != m_selected && (y + height < top || y > bottom)) {
            skipped += height;
            continue;
        }
        if (skipped > 0.0f) {
            ImGui::Dummy(ImVec2(1.0f, skipped - ImGui::GetStyle().ItemSpacing.y));
            skipped = 0.0f;
        }
        const float before = ImGui::GetCursorPosY();
        ImGui::PushID(static_cast<int>(i));
        if (row.result == kHeading) {
            if (i > 0) ImGui::Spacing();
            widgets::textInFont(fonts().bold, group.entry->workshop.title.empty() ? "(untitled workshop)"
                                                                                  : group.entry->workshop.title);
            if (const auto line = workshopLine(*group.entry); !line.empty())
                widgets::textColoured(palette::muted(), line, false);
            ImGui::PopID();
            m_heights[i] = ImGui::GetCursorPosY() - before;
            continue;
        }
        const auto& result = group.results[row.result];
        const bool selected = static_cast<int>(i) == m_selected;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        std::string label = kindName(result.kind);
        if (!result.context.empty()) label += " · for " + core::ellipsize(result.context, 90);
        widgets::textColoured(palette::muted(), widgets::fitText(label, width - indent), false);
        widgets::markedText(result.snippet, width - indent);
        ImGui::EndGroup();
        const ImVec2 end(start.x + width - indent, ImGui::GetItemRectMax().y);
        const bool hovered = ImGui::IsMouseHoveringRect(start, end);
        if (hovered || selected) {
            ImGui::GetWindowDrawList()->AddRect(ImVec2(start.x - 0.3f * em, start.y - 0.1f * em),
                                                ImVec2(end.x, end.y + 0.1f * em),
                                                ImGui::GetColorU32(palette::accent()), 0.2f * em, 0, 0.12f * em);
            if (selected) ImGui::SetScrollHereY(0.5f);
        }
        // One named target per result for the test harness, over the whole result.
        ImGui::SetCursorScreenPos(start);
        if (widgets::invisibleButton("##open", ImVec2(end.x - start.x, end.y - start.y),
                                     "result:" + group.entry->path.filename().string() + ":" + result.kind + ":" +
                                         std::to_string(result.ref)))
            open(row.group, row.result);
        ImGui::Spacing();
        ImGui::PopID();
        m_heights[i] = ImGui::GetCursorPosY() - before;
    }
    if (skipped > 0.0f) ImGui::Dummy(ImVec2(1.0f, skipped - ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndChild();
}

} // namespace plenary::ui
