#include "ui/LibraryView.hpp"

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

} // namespace

void LibraryView::drawContent() {
    const float em = ImGui::GetFontSize();
    widgets::textInFont(fonts().heading, "Plenary — workshops");
    widgets::textColoured(palette::muted(), m_state.worker().library().folder().string());
    if (!m_state.message().empty()) {
        ImGui::Spacing();
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message());
    }
    ImGui::Spacing();
    drawNewWorkshop();
    ImGui::Spacing();
    if (m_state.worker().library().entries().empty()) {
        widgets::textWrapped("No workshops here yet: give the first one a title above.");
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("library", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Workshop", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Format", ImGuiTableColumnFlags_WidthFixed, 9.0f * em);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, 6.0f * em);
    ImGui::TableSetupColumn("Report", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
    ImGui::TableHeadersRow();
    const session::LibraryEntry* toOpen = nullptr;
    for (const auto& entry : m_state.worker().library().entries()) {
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
            if (!entry.workshop.venue.empty())
                details += (details.empty() ? "" : " · ") + entry.workshop.venue;
            details += (details.empty() ? "" : " · ") + countsLine(entry);
            widgets::textColoured(palette::muted(), details);
        } else {
            widgets::textColoured(palette::danger(), entry.problem);
        }
        ImGui::PopID();
        ImGui::TableSetColumnIndex(1);
        widgets::text(entry.problem.empty() ? formatName(entry.workshop.format) : "—");
        ImGui::TableSetColumnIndex(2);
        widgets::text(entry.workshop.date);
        ImGui::TableSetColumnIndex(3);
        // A past workshop's report without opening it (opening could start its live session).
        if (entry.problem.empty() &&
            widgets::smallButton(("Export…##" + entry.path.string()).c_str(), "export:" + entry.path.filename().string())) {
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
