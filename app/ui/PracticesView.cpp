#include "ui/PracticesView.hpp"

#include "core/Text.hpp"
#include "ui/FacetCombo.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

namespace plenary::ui {

namespace {

std::string placeOf(const session::PracticeSummary& p) {
    if (p.city.empty()) return p.country;
    return p.country.empty() ? p.city : p.city + " (" + p.country + ")";
}

std::string usesLine(const session::PracticeSummary& p) {
    const std::size_t n = p.uses.size();
    std::string line = n == 1 ? "suggested once" : "suggested " + std::to_string(n) + " times";
    if (n > 1) line += " in " + std::to_string(p.workshops) + (p.workshops == 1 ? " workshop" : " workshops");
    return line;
}

} // namespace

void PracticesView::drawContent() {
    m_state.worker().library().continueReading(); // once a frame, before anything points into it
    const float em = ImGui::GetFontSize();
    widgets::textInFont(fonts().heading, "Practices across workshops");
    if (widgets::button(m_state.workshop() ? "Back to the workshop" : "Back to the library", "practices-back"))
        m_state.later([this] { m_state.setScreen(""); });
    ImGui::SameLine();
    widgets::textColoured(palette::muted(),
                          "Every good practice suggested in the library's workshops, the most suggested first.");
    ImGui::Spacing();
    drawFilters();
    ImGui::Spacing();
    if (m_listed.empty()) {
        widgets::textWrapped(m_state.worker().library().practices(m_state.resources().catalog).empty()
                                 ? "No practices yet: they are suggested in the ideas phase of an Urban Academy "
                                   "dilemma."
                                 : "No practice matches these filters.");
        return;
    }
    m_selected = std::clamp(m_selected, 0, static_cast<int>(m_listed.size()) - 1);
    if (ImGui::IsKeyPressed(keys::Down) && !ImGui::GetIO().WantTextInput) m_selected = std::min(m_selected + 1, static_cast<int>(m_listed.size()) - 1);
    if (ImGui::IsKeyPressed(keys::Up) && !ImGui::GetIO().WantTextInput) m_selected = std::max(m_selected - 1, 0);
    const float listWidth = std::min(34.0f * em, ImGui::GetContentRegionAvail().x * 0.45f);
    drawList(listWidth);
    ImGui::SameLine();
    ImGui::BeginChild("practice", ImVec2(0, 0), false);
    drawDetails(*m_listed[static_cast<std::size_t>(m_selected)]);
    ImGui::EndChild();
}

void PracticesView::drawFilters() {
    const float em = ImGui::GetFontSize();
    auto& library = m_state.worker().library();
    const auto& catalog = m_state.resources().catalog;
    const auto generation = library.generation();
    if (generation != m_listedGeneration) {
        std::map<std::string, int> themes, countries;
        for (const auto& p : library.practices(catalog)) {
            if (!p.theme.empty()) ++themes[p.theme];
            if (!p.country.empty()) ++countries[core::countryCode(p.country)];
        }
        m_themes.clear();
        m_countries.clear();
        for (const auto& [value, n] : themes)
            m_themes.push_back({value, n});
        for (const auto& [value, n] : countries)
            m_countries.push_back({value, n});
    }
    widgets::facetCombo("##theme", "Every theme", m_filter.theme, m_themes, 18.0f * em, "theme");
    widgets::flowNext(9.0f * em);
    widgets::facetCombo("##country", "Every country", m_filter.country, m_countries, 9.0f * em, "country");
    widgets::flowNext(18.0f * em);
    ImGui::SetNextItemWidth(18.0f * em);
    widgets::inputText("##words", "words in the title, place or summary", &m_filter.text, 0, "practice-words");
    if (generation != m_listedGeneration || !(m_filter == m_listedFor)) {
        m_listed = library.filteredPractices(catalog, m_filter);
        m_listedFor = m_filter;
        m_listedGeneration = generation;
        m_selected = 0;
    }
    ImGui::SameLine();
    widgets::textColoured(palette::muted(), std::to_string(m_listed.size()) +
                                                (m_listed.size() == 1 ? " practice" : " practices"), false);
}

void PracticesView::drawList(float width) {
    ImGui::BeginChild("practices", ImVec2(width, 0), true);
    const float inner = ImGui::GetContentRegionAvail().x;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_listed.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& p = *m_listed[static_cast<std::size_t>(row)];
            ImGui::PushID(row);
            const ImVec2 start = ImGui::GetCursorPos();
            const float height = 2.0f * ImGui::GetTextLineHeightWithSpacing();
            if (widgets::selectable("##pick", row == m_selected, ("practice:" + std::to_string(row)).c_str(),
                                    ImGuiSelectableFlags_AllowItemOverlap, ImVec2(inner, height)))
                m_selected = row;
            if (row == m_selected && (ImGui::IsKeyPressed(keys::Down) || ImGui::IsKeyPressed(keys::Up)))
                ImGui::SetScrollHereY(0.5f);
            ImGui::SetCursorPos(start);
            ImGui::PushFont(fonts().bold);
            widgets::text(widgets::fitText(p.title.empty() ? "(untitled practice)" : p.title, inner));
            ImGui::PopFont();
            std::string line = usesLine(p);
            if (const auto place = placeOf(p); !place.empty()) line = place + " · " + line;
            widgets::textColoured(palette::muted(), widgets::fitText(line, inner), false);
            ImGui::SetCursorPosY(start.y + height);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void PracticesView::drawDetails(const session::PracticeSummary& p) {
    widgets::textInFont(fonts().heading, p.title.empty() ? "(untitled practice)" : p.title);
    std::string line = placeOf(p);
    if (!p.theme.empty()) line += (line.empty() ? "" : " · ") + p.theme;
    if (!line.empty()) widgets::textColoured(palette::muted(), line);
    if (!p.description.empty()) widgets::textWrapped(p.description);
    if (!p.link.empty()) widgets::textColoured(palette::accent(), p.link);
    if (p.catalog) {
        std::string from = "In the practice catalog";
        if (!p.catalog->targetGroup.empty()) from += " · for " + p.catalog->targetGroup;
        if (!p.catalog->source.empty()) from += " · source " + p.catalog->source;
        widgets::textColoured(palette::muted(), from);
    }
    ImGui::Spacing();
    widgets::textInFont(fonts().bold, "Suggested " + (p.uses.size() == 1 ? std::string("once") : std::to_string(p.uses.size()) + " times") + ", for these dilemmas");
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < p.uses.size(); ++i) {
        const auto& use = p.uses[i];
        ImGui::PushID(static_cast<int>(i));
        const auto& w = use.entry->workshop;
        const std::string label = widgets::fitText(use.dilemmaQuestion.empty() ? "(a dilemma with no question yet)"
                                                                                : use.dilemmaQuestion,
                                                   width) +
                                  "##use";
        if (widgets::selectable(label.c_str(), false, ("use:" + std::to_string(i)).c_str())) {
            session::SearchResult hit{"practice", use.practice, use.dilemma, {}, {}, p.title};
            m_state.later([this, path = use.entry->path, hit] { m_state.openAt(path, hit); });
        }
        std::string where = w.title;
        if (!w.date.empty()) where += " · " + w.date;
        if (!w.venue.empty()) where += " · " + w.venue;
        widgets::textColoured(palette::muted(), widgets::fitText(where, width), false);
        ImGui::Spacing();
        ImGui::PopID();
    }
}

} // namespace plenary::ui
