#include "ui/AgendaView.hpp"

#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <charconv>
#include <map>
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

ImVec4 colourFromHex(const std::string& hex) {
    unsigned value = 0;
    // A colour from a file is data: anything that is not #RRGGBB is drawn grey, never a crash.
    if (hex.size() != 7 || hex[0] != '#' ||
        std::from_chars(hex.data() + 1, hex.data() + 7, value, 16).ptr != hex.data() + 7)
        return ImVec4(0.3f, 0.3f, 0.3f, 1.0f);
    return ImVec4(((value >> 16) & 0xFF) / 255.0f, ((value >> 8) & 0xFF) / 255.0f, (value & 0xFF) / 255.0f,
                  1.0f);
}

std::string peopleWithRole(const SessionData& d, Role role) {
    std::string line;
    for (const auto& p : d.people)
        if (p.role == role)
            line += (line.empty() ? "" : "; ") +
                    (p.organisation.empty() ? p.name : p.name + ", " + p.organisation);
    return line;
}

} // namespace

void AgendaView::drawContent() {
    const float em = ImGui::GetFontSize();
    if (widgets::button("← Workshops")) m_state.later([this] { m_state.closeSession(); });
    if (m_state.data().workshop.format == Format::UrbanAcademy) {
        ImGui::SameLine();
        if (widgets::button("Live")) m_state.setScreen("live");
        ImGui::SameLine();
        if (widgets::button("Set up")) m_state.setScreen("setup");
    }
    if (!m_state.message().empty()) {
        ImGui::SameLine(0.0f, em);
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message());
    }
    drawHeader();
    ImGui::Separator();
    ImGui::BeginChild("agenda", ImVec2(0, 0), false);
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
    const std::pair<Role, const char*> roles[] = {
        {Role::Facilitator, "Facilitator"}, {Role::Expert, "Experts"}, {Role::Rapporteur, "Rapporteur"}};
    for (const auto& [role, label] : roles) {
        const auto names = peopleWithRole(d, role);
        if (names.empty()) continue;
        ImGui::PushFont(fonts().bold);
        widgets::text(std::string(label) + ":");
        ImGui::PopFont();
        ImGui::SameLine();
        widgets::textWrapped(names);
    }
}

void AgendaView::drawUrbanAcademy() {
    const auto& d = m_state.data();
    const float em = ImGui::GetFontSize();
    std::map<Id, std::vector<const Dilemma*>> joint;
    for (const auto& x : d.dilemmas)
        if (x.jointGroup != 0) joint[x.jointGroup].push_back(&x);
    if (d.sessions.empty()) widgets::textWrapped("No thematic sessions yet.");
    for (const auto& session : d.sessions) {
        ImGui::Spacing();
        ImGui::PushFont(fonts().bold);
        widgets::textWrapped(session.title);
        ImGui::PopFont();
        int number = 0;
        for (const auto& x : d.dilemmas) {
            if (x.session != session.id) continue;
            ++number;
            ImGui::PushID(static_cast<int>(x.id));
            ImGui::Indent(em);
            widgets::textColoured(statusColour(x.status), statusLabel(x.status), false);
            ImGui::SameLine(4.5f * em);
            const float wrapStart = ImGui::GetCursorPosX();
            ImGui::PushTextWrapPos(0.0f);
            widgets::textWrapped(std::to_string(number) + ". " + x.question);
            ImGui::PopTextWrapPos();
            ImGui::SetCursorPosX(wrapStart);
            if (const auto* presenter = findPerson(d, x.presenter)) {
                ImGui::SetCursorPosX(wrapStart);
                widgets::textColoured(palette::muted(), presenterLine(*presenter));
            }
            if (x.jointGroup != 0) {
                std::string others;
                for (const auto* other : joint[x.jointGroup])
                    if (other != &x) {
                        const auto* p = findPerson(d, other->presenter);
                        others += (others.empty() ? "" : ", ") +
                                  (p && !p->city.empty() ? p->city : other->question);
                    }
                ImGui::SetCursorPosX(wrapStart);
                widgets::textColoured(palette::muted(), "Discussed together with " + others);
            }
            ImGui::Unindent(em);
            ImGui::PopID();
        }
    }
}

void AgendaView::drawSocialOlympics() {
    const auto& d = m_state.data();
    const float em = ImGui::GetFontSize();
    for (const auto& ring : d.rings) {
        ImGui::Spacing();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + 0.8f * em, p.y + em),
                                                  ImGui::GetColorU32(colourFromHex(ring.colour)));
        ImGui::Dummy(ImVec2(0.8f * em, em));
        ImGui::SameLine();
        ImGui::PushFont(fonts().bold);
        widgets::text(ring.name);
        ImGui::PopFont();
        ImGui::Indent(1.4f * em);
        for (const auto& s : d.statements) {
            if (s.ring != ring.id) continue;
            widgets::textWrapped("• " + s.text + (s.mergedInto ? "  (merged)" : ""));
        }
        ImGui::Unindent(1.4f * em);
    }
}

} // namespace plenary::ui
