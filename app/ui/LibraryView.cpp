#include "ui/LibraryView.hpp"

#include "core/Text.hpp"
#include "ui/FacetCombo.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

namespace plenary::ui {

namespace {

std::string formatName(core::Format format) {
    return format == core::Format::UrbanAcademy ? "Urban Academy" : "Social Olympics";
}

std::string countsLine(const session::LibraryEntry& entry) {
    const auto& c = entry.counts;
    if (entry.workshop.format == core::Format::SocialOlympics)
        return std::to_string(c.rings) + " rings · " + std::to_string(c.statements) + " statements";
    return std::to_string(c.dilemmas) + " dilemmas · " + std::to_string(c.questions) + " questions · " +
           std::to_string(c.practices) + " practices";
}

constexpr const char* kForgetPopup = "Forget a person in every workshop###library-forget";

} // namespace

// Forgetting is final: the popup says what goes and asks before anything changes.
void LibraryView::drawForget() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(34.0f * em, 0.0f));
    if (!ImGui::BeginPopupModal(kForgetPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    widgets::textWrapped("In every workshop of the library, the person's name, organisation and city are removed, "
                         "every text that mentions them says “a participant”, and the undo history is cleared; "
                         "the library's index forgets them too. This cannot be undone.");
    if (ImGui::IsWindowAppearing()) widgets::takeKeyboard("##forgetname");
    ImGui::SetNextItemWidth(-1.0f);
    // No Enter here: only the button, which names the person, forgets.
    widgets::inputText("##forgetname", "the person's name, as the people lists have it", &m_forgetName, 0,
                       "forget-name");
    const std::string name = core::trim(m_forgetName);
    ImGui::BeginDisabled(name.empty());
    if (widgets::button(("Forget " + (name.empty() ? std::string("them") : name) + " everywhere").c_str(),
                        "forget-everywhere")) {
        m_state.later([this, name] { m_state.worker().forgetInLibrary(name); });
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button("Cancel", "forget-cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void LibraryView::drawContent() {
    auto& library = m_state.worker().library();
    m_state.worker().library().continueReading(); // once a frame, before anything points into it
    widgets::textInFont(fonts().heading, "Plenary — workshops");
    if (!m_state.message().empty()) {
        ImGui::Spacing();
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message());
    }
    if (!library.indexProblem().empty()) widgets::textColoured(palette::warning(), library.indexProblem());
    ImGui::Spacing();
    drawNewWorkshop();
    ImGui::Spacing();
    // Search and the practices: the archive's two questions, "where did we discuss…" and "what
    // did cities suggest…".
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(20.0f * em);
    const bool search = widgets::inputText("##search", "search every workshop…", &m_searchWords,
                                           ImGuiInputTextFlags_EnterReturnsTrue, "library-search");
    widgets::flowNext(widgets::buttonWidth("Search"));
    if (widgets::button("Search", "library-search-go") || search) {
        m_state.ui().searchQuery = m_searchWords;
        m_state.later([this] { m_state.setScreen("search"); });
    }
    widgets::flowNext(widgets::buttonWidth("Practices across workshops"));
    if (widgets::button("Practices across workshops", "library-practices"))
        m_state.later([this] { m_state.setScreen("practices"); });
    widgets::flowNext(widgets::buttonWidth("Merge rooms…"));
    if (widgets::button(m_merging ? "Stop merging" : "Merge rooms…", "library-merge")) {
        m_merging = !m_merging;
        m_rooms.clear();
    }
    widgets::flowNext(widgets::buttonWidth("Forget a person…"));
    if (widgets::button("Forget a person…", "library-forget")) {
        m_forgetName.clear();
        ImGui::OpenPopup(kForgetPopup);
    }
    drawForget();
    widgets::flowNext(widgets::buttonWidth("Hide folders"));
    if (widgets::button(m_showFolders ? "Hide folders" : "Folders…", "library-folders")) m_showFolders = !m_showFolders;
    if (m_showFolders) drawFolders();
    if (m_merging) drawMerge();
    ImGui::Spacing();
    const bool empty = library.entries().empty();
    if (library.pending() > 0)
        widgets::textColoured(palette::muted(), "Reading the library: " + std::to_string(library.pending()) +
                                                    " workshops still to read…");
    else if (empty)
        widgets::textWrapped("No workshops here yet: give the first one a title above.");
    if (empty) return;
    drawFilters();
    drawTable();
}

void LibraryView::drawFolders() {
    auto& library = m_state.worker().library();
    const float em = ImGui::GetFontSize();
    ImGui::Indent(1.0f * em);
    const auto folders = library.folders(); // a copy: a click below may change the list
    for (std::size_t i = 0; i < folders.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        widgets::textColoured(palette::muted(), folders[i].string() + (i == 0 ? "  (new workshops go here)" : ""),
                              false);
        if (i > 0) {
            ImGui::SameLine();
            if (widgets::smallButton("Remove", "folder-remove:" + folders[i].filename().string()))
                m_state.later([this, f = folders[i]] { m_state.worker().removeLibraryFolder(f); });
        }
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(24.0f * em);
    const bool enter = widgets::inputText("##folder", "another folder of workshops, e.g. ~/Documents/Urban Academy",
                                          &m_newFolder, ImGuiInputTextFlags_EnterReturnsTrue, "folder-add-path");
    ImGui::SameLine();
    if ((widgets::button("Add folder", "folder-add") || enter) && !core::trim(m_newFolder).empty()) {
        m_state.later([this] {
            if (m_state.worker().addLibraryFolder(core::trim(m_newFolder))) m_newFolder.clear();
        });
    }
    ImGui::Unindent(1.0f * em);
}

// Parallel rooms of one Urban Academy event, ticked in the list, become one new workshop.
void LibraryView::drawMerge() {
    const float em = ImGui::GetFontSize();
    ImGui::Indent(1.0f * em);
    widgets::textColoured(palette::muted(),
                          "Tick the rooms of one Urban Academy event in the list; their thematic sessions are kept "
                          "apart and people who were in several rooms become one. The rooms stay as they are.");
    ImGui::SetNextItemWidth(24.0f * em);
    widgets::inputText("##mergetitle", "title of the merged workshop (the first room's if empty)", &m_mergeTitle, 0,
                       "merge-title");
    ImGui::SameLine();
    const std::string label = "Merge " + std::to_string(m_rooms.size()) + " rooms";
    ImGui::BeginDisabled(m_rooms.size() < 2);
    if (widgets::button(label.c_str(), "merge-go")) {
        m_state.later([this] {
            if (!m_state.worker().mergeIntoLibrary(m_rooms, core::trim(m_mergeTitle)).empty()) {
                m_rooms.clear();
                m_mergeTitle.clear();
                m_merging = false;
            }
        });
    }
    ImGui::EndDisabled();
    ImGui::Unindent(1.0f * em);
}

void LibraryView::drawFilters() {
    auto& library = m_state.worker().library();
    const float em = ImGui::GetFontSize();
    if (library.generation() != m_listedGeneration) m_facets = library.facets();
    ImGui::SetNextItemWidth(11.0f * em);
    const char* formats[] = {"Every format", "Urban Academy", "Social Olympics"};
    const int format = !m_filter.format ? 0 : (*m_filter.format == core::Format::UrbanAcademy ? 1 : 2);
    if (widgets::beginCombo("##format", formats[format], "filter-format")) {
        for (int i = 0; i < 3; ++i)
            if (widgets::selectable(formats[i], i == format, (std::string("format:") + std::to_string(i)).c_str())) {
                if (i == 0) m_filter.format.reset();
                else m_filter.format = i == 1 ? core::Format::UrbanAcademy : core::Format::SocialOlympics;
            }
        ImGui::EndCombo();
    }
    widgets::flowNext(8.0f * em);
    widgets::facetCombo("##year", "Every year", m_filter.year, m_facets.years, 8.0f * em, "filter-year");
    widgets::flowNext(8.0f * em);
    widgets::facetCombo("##country", "Every country", m_filter.country, m_facets.countries, 8.0f * em, "filter-country");
    widgets::flowNext(16.0f * em);
    widgets::facetCombo("##theme", "Every theme", m_filter.theme, m_facets.themes, 16.0f * em, "filter-theme");
    widgets::flowNext(10.0f * em);
    ImGui::SetNextItemWidth(10.0f * em);
    const char* sorts[] = {"Newest first", "Oldest first", "By title", "By place"};
    const int sort = static_cast<int>(m_filter.sort);
    if (widgets::beginCombo("##sort", sorts[sort], "sort")) {
        for (int i = 0; i < 4; ++i)
            if (widgets::selectable(sorts[i], i == sort, (std::string("sort:") + std::to_string(i)).c_str()))
                m_filter.sort = static_cast<session::LibrarySort>(i);
        ImGui::EndCombo();
    }
}

void LibraryView::drawTable() {
    auto& library = m_state.worker().library();
    const float em = ImGui::GetFontSize();
    if (library.generation() != m_listedGeneration || !(m_filter == m_listedFor)) {
        m_listed = library.filtered(m_filter);
        m_listedFor = m_filter;
        m_listedGeneration = library.generation();
    }
    const std::size_t all = library.entries().size();
    widgets::textColoured(palette::muted(), m_listed.size() == all
                                                ? std::to_string(all) + " workshops"
                                                : std::to_string(m_listed.size()) + " of " + std::to_string(all) +
                                                      " workshops");
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("library", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Workshop", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Format", ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, 6.0f * em);
    ImGui::TableSetupColumn(m_merging ? "Merge" : "Report", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
    ImGui::TableHeadersRow();
    const session::LibraryEntry* toOpen = nullptr;
    // Only the rows in view are drawn: 500 workshops cost what 15 do.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_listed.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& entry = *m_listed[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(entry.path.string().c_str());
            ImGui::PushFont(fonts().bold);
            const std::string label =
                widgets::fitText(entry.workshop.title, ImGui::GetContentRegionAvail().x) + "##open";
            if (widgets::selectable(label.c_str(), false, ("open:" + entry.path.filename().string()).c_str(),
                                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                toOpen = &entry;
            ImGui::PopFont();
            if (entry.problem.empty()) {
                // Two workshops of one title are told apart by their file names.
                std::string details = entry.titleShared ? entry.path.filename().string() : "";
                if (!entry.workshop.venue.empty()) details += (details.empty() ? "" : " · ") + entry.workshop.venue;
                details += (details.empty() ? "" : " · ") + countsLine(entry);
                widgets::textColoured(palette::muted(), widgets::fitText(details, ImGui::GetContentRegionAvail().x),
                                      false);
            } else {
                widgets::textColoured(palette::danger(),
                                      widgets::fitText(entry.problem, ImGui::GetContentRegionAvail().x), false);
            }
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            widgets::text(entry.problem.empty() ? formatName(entry.workshop.format) : "—");
            ImGui::TableSetColumnIndex(2);
            widgets::text(entry.workshop.date);
            ImGui::TableSetColumnIndex(3);
            if (m_merging) {
                if (entry.problem.empty() && entry.workshop.format == core::Format::UrbanAcademy) {
                    const auto found = std::find(m_rooms.begin(), m_rooms.end(), entry.path);
                    bool ticked = found != m_rooms.end();
                    const std::string id = "##room" + entry.path.string();
                    if (widgets::checkbox(id.c_str(), &ticked, "room:" + entry.path.filename().string())) {
                        if (ticked) m_rooms.push_back(entry.path);
                        else m_rooms.erase(std::find(m_rooms.begin(), m_rooms.end(), entry.path));
                    }
                }
            }
            // A past workshop's report without opening it (opening could start its live session).
            else if (entry.problem.empty() && widgets::smallButton(("Export…##" + entry.path.string()).c_str(),
                                                              "export:" + entry.path.filename().string()))
                m_state.openExport(entry.path);
        }
    }
    ImGui::EndTable();
    if (toOpen) m_state.later([this, path = toOpen->path] { m_state.openSession(path); });
}

void LibraryView::drawNewWorkshop() {
    const float em = ImGui::GetFontSize();
    const auto& formats = m_state.resources().formats;
    if (formats.empty()) return;
    if (m_newTemplate < 0)
        for (std::size_t i = 0; i < formats.size(); ++i)
            if (formats[i].key == "urban-academy") m_newTemplate = static_cast<int>(i);
    m_newTemplate = std::clamp(m_newTemplate, 0, static_cast<int>(formats.size()) - 1);
    ImGui::SetNextItemWidth(20.0f * em);
    const bool enter = widgets::inputText("##newtitle", "title of a new workshop", &m_newTitle,
                                          ImGuiInputTextFlags_EnterReturnsTrue, "new-title");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(14.0f * em);
    if (widgets::beginCombo("##template", formats[static_cast<std::size_t>(m_newTemplate)].name.c_str(),
                            "template")) {
        for (std::size_t i = 0; i < formats.size(); ++i)
            if (widgets::selectable(formats[i].name.c_str(), static_cast<int>(i) == m_newTemplate,
                                    ("template:" + formats[i].key).c_str()))
                m_newTemplate = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (widgets::button("New workshop") || (enter && !m_newTitle.empty())) {
        const std::string key = formats[static_cast<std::size_t>(m_newTemplate)].key;
        const std::string title = m_newTitle;
        m_state.later([this, key, title] {
            if (m_state.createSession(key, title)) m_newTitle.clear();
        });
    }
}

} // namespace plenary::ui
