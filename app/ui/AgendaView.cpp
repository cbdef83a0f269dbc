#include "ui/AgendaView.hpp"

#include "ui/Fonts.hpp"
#include "ui/LiveToolbar.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include "core/Wording.hpp"

#include <algorithm>
#include <string>

namespace plenary::ui {

using namespace plenary::core;

namespace {

std::string statusLabel(DilemmaStatus status) {
    switch (status) {
    case DilemmaStatus::Pending:
        return "to do";
    case DilemmaStatus::Active:
        return "now";
    case DilemmaStatus::Done:
        return "done";
    case DilemmaStatus::Skipped:
        return "skipped";
    }
    return {};
}

ImVec4 statusColour(DilemmaStatus status) {
    switch (status) {
    case DilemmaStatus::Active:
        return palette::good();
    case DilemmaStatus::Done:
        return palette::accent();
    case DilemmaStatus::Skipped:
        return palette::muted();
    case DilemmaStatus::Pending:
        break;
    }
    return palette::warning();
}

} // namespace

void AgendaView::drawContent() {
    const float em = ImGui::GetFontSize();
    if (widgets::button("← Workshops")) m_state.later([this] { m_state.closeSession(); });
    if (m_state.data().workshop.format == Format::UrbanAcademy) {
        ImGui::SameLine();
        if (widgets::button("Live")) m_state.setScreen("live");
    }
    // Both formats are set up there (a conference: its rings, people, statements and rounds).
    ImGui::SameLine();
    if (widgets::button("Set up")) m_state.setScreen("setup");
    ImGui::SameLine();
    drawReportButtons(m_state);
    if (!m_state.message().empty()) {
        ImGui::SameLine(0.0f, em);
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message());
    }
    drawHeader();
    ImGui::Separator();
    ImGui::BeginChild("agenda", ImVec2(0, 0), false);
    if (m_state.workshop() != m_workshop ||
        (m_state.workshop() && m_state.workshop()->revision() != m_revision))
        rebuildRows();
    if (m_state.data().workshop.format == Format::UrbanAcademy)
        drawUrbanAcademy();
    else
        drawSocialOlympics();
    ImGui::EndChild();
}

void AgendaView::drawHeader() {
    const auto& d = m_state.data();
    const auto& w = d.workshop;
    widgets::textInFont(fonts().heading, w.title);
    std::string when = w.date + (w.endDate.empty() ? "" : " – " + w.endDate);
    if (!w.venue.empty()) when += (when.empty() ? "" : " · ") + w.venue;
    when +=
        std::string(when.empty() ? "" : " · ") +
        (w.format == Format::UrbanAcademy ? "Urban Academy open-question format" : "Social Olympics rings");
    widgets::textColoured(palette::muted(), when);
    for (const auto& line : roleHeader(d)) {
        std::string names;
        for (const auto& name : line.names)
            names += (names.empty() ? "" : "; ") + name;
        ImGui::PushFont(fonts().bold);
        widgets::text(line.label + ":");
        ImGui::PopFont();
        ImGui::SameLine();
        widgets::textWrapped(names);
    }
}

void AgendaView::rebuildRows() {
    const auto* workshop = m_state.workshop();
    m_rows.clear();
    if (workshop) {
        const auto& d = workshop->data();
        if (d.workshop.format == Format::UrbanAcademy) {
            for (const auto& session : d.sessions) {
                m_rows.push_back({session.id, 0, 0});
                int number = 0;
                for (const std::size_t i : workshop->agenda().dilemmasIn(session.id))
                    m_rows.push_back({session.id, d.dilemmas[i].id, ++number});
            }
        } else {
            for (const auto& ring : d.rings) {
                m_rows.push_back({ring.id, 0, 0});
                for (std::size_t i = 0; i < d.statements.size(); ++i)
                    if (d.statements[i].ring == ring.id)
                        m_rows.push_back({ring.id, d.statements[i].id, 0, i});
            }
        }
        m_revision = workshop->revision();
    }
    m_workshop = workshop;
    m_virtual.reset(m_rows.size(), 2.0f * ImGui::GetTextLineHeightWithSpacing());
}

void AgendaView::drawUrbanAcademy() {
    const auto& d = m_state.data();
    const auto& agenda = m_state.workshop()->agenda();
    const float em = ImGui::GetFontSize();
    if (d.sessions.empty()) widgets::textWrapped("No thematic sessions yet.");
    m_virtual.draw([&](std::size_t i) {
        const Row& row = m_rows[i];
        if (row.item == 0) {
            const auto* session = agenda.session(row.group);
            ImGui::Spacing();
            ImGui::PushFont(fonts().bold);
            widgets::textWrapped(session ? session->title : "");
            ImGui::PopFont();
            return;
        }
        const auto* x = agenda.dilemma(row.item);
        if (!x) return;
        ImGui::PushID(static_cast<int>(x->id));
        ImGui::Indent(em);
        widgets::textColoured(statusColour(x->status), statusLabel(x->status), false);
        ImGui::SameLine(4.5f * em);
        const float wrapStart = ImGui::GetCursorPosX();
        ImGui::PushTextWrapPos(0.0f);
        widgets::textWrapped(std::to_string(row.number) + ". " + questionText(*x));
        ImGui::PopTextWrapPos();
        if (const auto* presenter = agenda.person(x->presenter)) {
            ImGui::SetCursorPosX(wrapStart);
            widgets::textColoured(palette::muted(), presenterLine(*presenter));
        }
        if (x->jointGroup != 0) {
            ImGui::SetCursorPosX(wrapStart);
            widgets::textColoured(palette::muted(), "Discussed " + jointPartnersLine(d, x->id));
        }
        ImGui::Unindent(em);
        ImGui::PopID();
    });
}

void AgendaView::drawSocialOlympics() {
    const auto& d = m_state.data();
    const float em = ImGui::GetFontSize();
    m_virtual.draw([&](std::size_t i) {
        const Row& row = m_rows[i];
        if (row.item == 0) {
            const core::Ring* ring = nullptr;
            for (const auto& r : d.rings)
                if (r.id == row.group) ring = &r;
            if (!ring) return;
            ImGui::Spacing();
            const ImVec2 p = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 0.8f * em, p.y + em),
                                                      ImGui::GetColorU32(palette::fromHex(ring->colour)));
            ImGui::Dummy(ImVec2(0.8f * em, em));
            ImGui::SameLine();
            ImGui::PushFont(fonts().bold);
            widgets::text(ring->name);
            ImGui::PopFont();
            return;
        }
        if (row.at >= d.statements.size()) return;
        const auto* statement = &d.statements[row.at];
        ImGui::Indent(1.4f * em);
        widgets::textWrapped("• " + statement->text + (statement->mergedInto ? "  (merged)" : ""));
        ImGui::Unindent(1.4f * em);
    });
}

} // namespace plenary::ui
