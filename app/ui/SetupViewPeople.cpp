// The setup's People tab: the people of the module (or conference, with their rings), adding one,
// and importing a spreadsheet of participants, dilemmas or statements (with a small chooser for the
// file, inside the program).
#include "ui/SetupView.hpp"

#include "core/Matching.hpp"
#include "core/NameReplace.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "session/Forget.hpp"
#include "session/Operations.hpp"
#include "session/Paths.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <optional>

namespace plenary::ui {

using namespace plenary::core;

namespace {

constexpr const char* kChooser = "Choose a .csv file###csv-chooser";
constexpr const char* kForget = "Forget a person###forget-person";

} // namespace

void SetupView::drawPeople() {
    heading("People");
    const float em = ImGui::GetFontSize();
    const bool conference = m_state.data().workshop.format == Format::SocialOlympics;
    widgets::textColoured(palette::muted(),
                          conference
                              ? "Seat each participant in a ring: the vote counts warn when a ring casts "
                                "more votes than it has members."
                              : "Facilitators, experts and the rapporteur make the module header; "
                                "presenters and participants are picked in the dilemmas and the live "
                                "capture.");
    drawSharedNames();
    // The table scrolls on its own, so adding and importing stay on screen however many come.
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    // The ring column only where there are rings; the remove button stays the last column.
    const int forget = conference ? 6 : 5;
    const int remove = forget + 1;
    if (ImGui::BeginTable("people", remove + 1, flags, ImVec2(0.0f, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("Organisation", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("City", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("CC", ImGuiTableColumnFlags_WidthFixed, 2.5f * em);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, 7.5f * em);
        if (conference) ImGui::TableSetupColumn("Ring", ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
        ImGui::TableSetupColumn("##forget", ImGuiTableColumnFlags_WidthFixed, buttonWidth("Forget…"));
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
                if (conference) {
                    ImGui::TableSetColumnIndex(5);
                    ImGui::SetNextItemWidth(-1.0f);
                    changed |= ringCombo("##ring", p.ring, "ring:" + person.name, true);
                }
                ImGui::TableSetColumnIndex(forget);
                // Someone already forgotten, or not yet named, has nothing left to forget.
                const std::string named = trim(person.name);
                if (!named.empty() && nameKey(named) != nameKey(session::kForgottenPerson) &&
                    widgets::smallButton("Forget…", "forget-person:" + person.name)) {
                    m_forgetName = named;
                    m_openForget = true; // opened outside the row's ID scope, so the popup has one id
                }
                ImGui::TableSetColumnIndex(remove);
                if (widgets::smallButton("×", "remove-person:" + person.name)) {
                    const Id id = p.id;
                    m_state.editLater([=](session::OpenWorkshop& s) { s.deletePerson(id); });
                }
                if (changed) m_state.editLater([=](session::OpenWorkshop& s) { s.updatePerson(p); });
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    if (m_openForget) ImGui::OpenPopup(kForget);
    m_openForget = false;
    drawForgetPopup();
    // The name and the path share what the buttons leave, up to 16 em each: nothing is cut off
    // on a 1280-pixel projector.
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float buttons = buttonWidth("Add person") + spacing + 2.0f * em + csvButtonsWidth() + spacing;
    const float field =
        std::clamp((ImGui::GetContentRegionAvail().x - buttons) / 2.0f, 6.0f * em, 16.0f * em);
    ImGui::SetNextItemWidth(field);
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
    drawCsvImport(m_csvPath, conference ? "participants .csv" : "participants or dilemmas .csv", 0, field);
}

void SetupView::drawForgetPopup() {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(30.0f * em, 0.0f));
    if (!ImGui::BeginPopupModal(kForget, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    widgets::textWrapped("Forget " + m_forgetName +
                         "? Their name, organisation and city are removed from this workshop, every text "
                         "that mentions them says “a participant”, and the undo history is cleared. "
                         "This cannot be undone.");
    if (widgets::button("Forget", "forget-confirm")) {
        // Text still being typed is saved first, so that it is forgotten too rather than saved after.
        m_state.flushTyping();
        m_state.later([this, name = m_forgetName] { m_state.worker().forgetInWorkshop(name); });
        m_forgetName.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (widgets::button("Cancel", "forget-cancel")) {
        m_forgetName.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

float SetupView::buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

float SetupView::csvButtonsWidth() {
    return buttonWidth("Choose…") + buttonWidth("Import CSV") + 2.0f * ImGui::GetStyle().ItemSpacing.x;
}

bool SetupView::ringCombo(const char* label, Id& ring, std::string_view traceName, bool none) {
    const auto& rings = m_state.data().rings;
    const Ring* current = nullptr;
    for (const auto& r : rings)
        if (r.id == ring) current = &r;
    bool changed = false;
    // "Non-involved experts" in a narrow column ends in "…" rather than being cut mid-letter.
    const float room =
        ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 2.0f * ImGui::GetStyle().FramePadding.x;
    const std::string preview = widgets::fitText(current ? ringName(*current) : std::string("—"), room);
    if (widgets::beginCombo(label, preview.c_str(), traceName)) {
        if (none && widgets::selectable("—", ring == 0, "pick-ring:none")) changed = ring != 0, ring = 0;
        for (const auto& r : rings) {
            ImGui::PushID(static_cast<int>(r.id));
            if (widgets::selectable(ringName(r).c_str(), r.id == ring, ("pick-ring:" + r.name).c_str()))
                changed = r.id != ring, ring = r.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
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

void SetupView::drawCsvImport(std::string& typed, const char* hint, Id ring, float width) {
    ImGui::SetNextItemWidth(width);
    if (typed.empty() && !m_state.settings().lastFolder.empty()) typed = m_state.settings().lastFolder + "/";
    widgets::inputText("##csv", hint, &typed, 0, "csv-path");
    ImGui::SameLine();
    if (widgets::button("Choose…", "csv-choose")) {
        m_csvTarget = &typed;
        m_csvFolder =
            session::listFolder(session::startingFolder(typed, m_state.settings().lastFolder), ".csv");
        ImGui::OpenPopup(kChooser);
    }
    ImGui::SameLine();
    if (widgets::button("Import CSV") && !core::trim(typed).empty()) {
        try {
            const auto path = session::expandHome(core::trim(typed)); // "~/…" as a shell reads it
            auto batch = session::readCsvFile(path);
            batch.ring = ring;
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
                    *m_csvTarget = (folder / entry.name).string();
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
