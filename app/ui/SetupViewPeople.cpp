// The setup's People tab: the people of the module, adding one, and importing a spreadsheet of
// participants or dilemmas (with a small chooser for the file, inside the program).
#include "ui/SetupView.hpp"

#include "core/Matching.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "session/Operations.hpp"
#include "session/Paths.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <optional>

namespace plenary::ui {

using namespace plenary::core;

namespace {

constexpr const char* kChooser = "Choose a .csv file###csv-chooser";

} // namespace

void SetupView::drawPeople() {
    heading("People");
    const float em = ImGui::GetFontSize();
    widgets::textColoured(palette::muted(),
                          "Facilitators, experts and the rapporteur make the module header; presenters and "
                          "participants are picked in the dilemmas and the live capture.");
    drawSharedNames();
    // The table scrolls on its own, so adding and importing stay on screen however many come.
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::BeginTable("people", 6, flags, ImVec2(0.0f, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("City", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("CC", ImGuiTableColumnFlags_WidthFixed, 2.5f * em);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, 7.5f * em);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 1.5f * em);
        ImGui::TableHeadersRow();
        // Rows of one height: only those on screen are drawn.
        const auto& people = m_state.data().people;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(people.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const auto& person = people[static_cast<std::size_t>(row)];
                ImGui::PushID(static_cast<int>(person.id));
                Person p = person;
                bool changed = false;
                auto cell = [&](int column, const char* id, std::string Person::*member) {
                    ImGui::TableSetColumnIndex(column);
                    ImGui::SetNextItemWidth(-1.0f);
                    widgets::inputDurable(id, p.*member, m_state.saveInto(p.id, member));
                };
                ImGui::TableNextRow();
                cell(0, "##name", &Person::name);
                cell(1, "##organisation", &Person::organisation);
                cell(2, "##city", &Person::city);
                cell(3, "##country", &Person::country);
                ImGui::TableSetColumnIndex(4);
                ImGui::SetNextItemWidth(-1.0f);
                if (widgets::beginCombo("##role", std::string(roleKey(p.role)).c_str(),
                                        "role:" + person.name)) {
                    for (const auto role :
                         {Role::Participant, Role::Facilitator, Role::Expert, Role::Rapporteur})
                        if (widgets::selectable(std::string(roleKey(role)).c_str(), role == p.role,
                                                ("role:" + std::string(roleKey(role))).c_str()))
                            p.role = role, changed = true;
                    ImGui::EndCombo();
                }
                ImGui::TableSetColumnIndex(5);
                if (widgets::smallButton("×", "remove-person:" + person.name)) {
                    const Id id = p.id;
                    m_state.editLater([=](session::OpenWorkshop& s) { s.deletePerson(id); });
                }
                if (changed) m_state.editLater([=](session::OpenWorkshop& s) { s.updatePerson(p); });
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    ImGui::SetNextItemWidth(16.0f * em);
    const bool add = widgets::inputText("##newperson", "name of a new person", &m_newPerson,
                                        ImGuiInputTextFlags_EnterReturnsTrue, "new-person");
    ImGui::SameLine();
    if ((widgets::button("Add person") || add) && !m_newPerson.empty()) {
        Person p;
        p.name = m_newPerson;
        m_state.editLater([=](session::OpenWorkshop& s) { s.addPerson(p); });
        m_newPerson.clear();
    }
    ImGui::SameLine(0.0f, 2.0f * em);
    drawCsvImport();
}

void SetupView::drawSharedNames() {
    const auto* workshop = m_state.workshop();
    if (workshop != m_peopleFor || (workshop && workshop->revision() != m_peopleRevision)) {
        m_sharedNames = sharedNames(m_state.data().people);
        m_peopleFor = workshop;
        m_peopleRevision = workshop ? workshop->revision() : 0;
    }
    if (m_sharedNames.empty()) return;
    std::string names;
    for (const auto& name : m_sharedNames)
        names += (names.empty() ? "“" : ", “") + name + "”";
    // Said as soon as it happens: in the room, "who?" would take the first of them every time.
    widgets::textColoured(palette::warning(), "More than one person is called " + names +
                                                  ": the live “who?” field cannot tell them apart. Add an "
                                                  "initial or a place to one of the names.");
}

void SetupView::drawCsvImport() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(16.0f * em);
    if (m_csvPath.empty() && !m_state.settings().lastFolder.empty())
        m_csvPath = m_state.settings().lastFolder + "/";
    widgets::inputText("##csv", "participants or dilemmas .csv", &m_csvPath, 0, "csv-path");
    ImGui::SameLine();
    if (widgets::button("Choose…", "csv-choose")) {
        m_csvFolder =
            session::listFolder(session::startingFolder(m_csvPath, m_state.settings().lastFolder), ".csv");
        ImGui::OpenPopup(kChooser);
    }
    ImGui::SameLine();
    if (widgets::button("Import CSV") && !core::trim(m_csvPath).empty()) {
        try {
            const auto path = session::expandHome(core::trim(m_csvPath)); // "~/…" as a shell reads it
            const auto batch = session::readCsvFile(path);
            if (const auto added = m_state.workshop()->importCsv(batch)) {
                m_state.setMessage(session::info("Imported " + std::to_string(*added) + " entries from " +
                                                 path.filename().string()));
                m_state.settings().lastFolder = path.parent_path().string();
                m_state.saveSettings();
            }
        } catch (const std::exception& e) {
            m_state.setMessage(session::error(e.what()));
        }
    }
    drawCsvChooser();
}

void SetupView::drawCsvChooser() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(36.0f * em, 0.0f));
    if (!ImGui::BeginPopupModal(kChooser, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const auto& folder = m_csvFolder.folder;
    widgets::textColoured(palette::muted(), folder.string());
    if (!m_csvFolder.problem.empty()) widgets::textColoured(palette::danger(), m_csvFolder.problem);
    // A click changes the listing, so it is applied after the list is drawn.
    std::optional<std::filesystem::path> enter;
    ImGui::BeginChild("entries", ImVec2(0.0f, 16.0f * em), true);
    if (folder.has_parent_path() && folder.parent_path() != folder &&
        widgets::selectable("..", false, "browse:..", ImGuiSelectableFlags_DontClosePopups))
        enter = folder.parent_path();
    const auto& entries = m_csvFolder.entries;
    if (entries.empty() && m_csvFolder.problem.empty())
        widgets::textColoured(palette::muted(), "No folders or .csv files here.");
    // Rows of one height: a folder of thousands of files costs what is on screen.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& entry = entries[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            const std::string label = entry.folder ? entry.name + "/" : entry.name;
            if (widgets::selectable(label.c_str(), false, ("browse:" + entry.name).c_str(),
                                    ImGuiSelectableFlags_DontClosePopups)) {
                if (entry.folder) {
                    enter = folder / entry.name;
                } else {
                    m_csvPath = (folder / entry.name).string();
                    ImGui::CloseCurrentPopup();
                }
            }
            ImGui::PopID();
        }
    ImGui::EndChild();
    if (widgets::button("Cancel", "csv-chooser-cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    if (enter) m_csvFolder = session::listFolder(enter->lexically_normal(), ".csv");
}

} // namespace plenary::ui
