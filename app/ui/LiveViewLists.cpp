// The live view's lists: the agenda sidebar and what was captured for the current discussion.
#include "ui/LiveView.hpp"

#include "core/AgendaIndex.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <algorithm>
#include <imgui.h>
#include <imgui_internal.h>

namespace plenary::ui {

using namespace plenary::core;

namespace {

std::string statusMark(DilemmaStatus status) {
    switch (status) {
    case DilemmaStatus::Active:
        return "▶";
    case DilemmaStatus::Done:
        return "✓";
    case DilemmaStatus::Skipped:
        return "–";
    case DilemmaStatus::Pending:
        break;
    }
    return "○";
}

} // namespace

void LiveView::drawAgenda(float width) {
    const auto* workshop = m_state.workshop();
    ImGui::BeginChild("agenda", ImVec2(width, 0), true);
    if (!workshop || workshop->data().dilemmas.empty()) {
        widgets::textWrapped("No dilemmas yet: add them in Set up.");
        ImGui::EndChild();
        return;
    }
    const auto& data = workshop->data();
    const auto& agenda = workshop->agenda();
    // One row per session title and per dilemma, rebuilt when the agenda changes; only the rows
    // on screen are drawn, so a module of a thousand dilemmas costs what twenty do.
    if (m_agendaRevision != workshop->revision() || m_agendaRows.empty()) {
        m_agendaRows.clear();
        for (const auto& session : data.sessions) {
            m_agendaRows.push_back({session.id, 0});
            for (const std::size_t i : agenda.dilemmasIn(session.id))
                m_agendaRows.push_back({session.id, data.dilemmas[i].id});
            m_agendaRows.push_back({0, 0}); // a gap after each session
        }
        m_agendaRevision = workshop->revision();
    }
    const Id current = m_state.live().dilemma();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_agendaRows.size()), ImGui::GetTextLineHeightWithSpacing());
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& row = m_agendaRows[static_cast<std::size_t>(i)];
            if (row.dilemma == 0) {
                const auto* session = row.session ? agenda.session(row.session) : nullptr;
                ImGui::PushFont(fonts().bold);
                widgets::text(session ? widgets::fitText(session->title, ImGui::GetContentRegionAvail().x)
                                      : "");
                ImGui::PopFont();
                continue;
            }
            const auto* d = agenda.dilemma(row.dilemma);
            if (!d) continue;
            const auto* presenter = agenda.person(d->presenter);
            std::string label = statusMark(d->status) + " " +
                                (presenter && !presenter->city.empty() ? presenter->city + ": " : "") +
                                ellipsize(questionText(*d), 200);
            label = widgets::fitText(label, ImGui::GetContentRegionAvail().x) + "##d" + std::to_string(d->id);
            const bool selected = d->id == current || (d->jointGroup != 0 && agenda.leadOf(d->id) == current);
            if (d->status == DilemmaStatus::Skipped) ImGui::PushStyleColor(ImGuiCol_Text, palette::muted());
            if (widgets::selectable(label.c_str(), selected, ("dilemma:" + std::to_string(d->id)).c_str()))
                m_state.later([this, id = d->id] { m_state.live().goToDilemma(id); });
            if (d->status == DilemmaStatus::Skipped) ImGui::PopStyleColor();
        }
    }
    ImGui::EndChild();
}

void LiveView::drawCaptured() {
    const auto kind = m_state.live().captureKind();
    ImGui::BeginChild("captured", ImVec2(0, 0), false);
    const auto members = m_state.live().currentMembers();
    switch (kind) {
    case CaptureKind::Question:
    case CaptureKind::Reflection:
        // Questions stay visible while the presenter reflects.
        if (kind == CaptureKind::Reflection)
            for (const auto* d : members)
                if (!d->reflection.empty()) widgets::textWrapped(d->reflection);
        drawQuestions();
        break;
    case CaptureKind::Practice:
        drawPractices();
        break;
    case CaptureKind::Result: {
        // The practices suggested, one line each, for the rapporteur to sum up; then the result
        // itself, last (the list follows its end), wrapped as the room reads it, since ImGui's
        // editor does not wrap lines.
        const auto& agenda = m_state.workshop()->agenda();
        for (const auto* p : m_state.live().practices()) {
            std::string line = "• " + p->title;
            if (const auto origin = originLine(p->city, p->country); !origin.empty()) line += " — " + origin;
            if (const auto* by = agenda.person(p->suggestedBy)) line += " (" + by->name + ")";
            widgets::textColoured(palette::muted(), widgets::fitText(line, ImGui::GetContentRegionAvail().x),
                                  false);
        }
        ImGui::Spacing();
        for (const auto* d : members)
            if (!d->result.empty()) widgets::textWrapped(d->result);
        break;
    }
    case CaptureKind::Context:
        for (const auto* d : members)
            widgets::textWrapped(d->information);
        break;
    }
    // The list follows the newest entry: when something is added (or the dilemma or the phase
    // changes), it scrolls to the end, where the newest is.
    std::size_t shape = std::hash<std::uint64_t>{}(static_cast<std::uint64_t>(m_state.live().dilemma()));
    shape = shape * 31 + static_cast<std::size_t>(kind);
    shape = shape * 31 + m_state.live().questions().size();
    shape = shape * 31 + m_state.live().practices().size();
    for (const auto* d : members)
        shape = shape * 31 + d->result.size() + d->reflection.size();
    if (shape != m_captureShape) {
        m_captureShape = shape;
        m_followFrames = 3; // the list's new height is known only a frame later
    }
    // Kept at the end while it is there (as ImGui's console example does); scrolled up by hand,
    // it stays where it was put until something new arrives.
    const bool atEnd = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 1.0f;
    if (m_followFrames > 0 || atEnd) {
        m_followFrames = std::max(m_followFrames - 1, 0);
        ImGui::Dummy(ImVec2(0.0f, 0.0f)); // SetScrollHereY aims at the last item: make it the end
        ImGui::SetScrollHereY(1.0f);
    }
    ImGui::EndChild();
}

void LiveView::drawQuestions() {
    const auto& agenda = m_state.workshop()->agenda();
    const auto list = m_state.live().questions();
    if (list.empty()) {
        widgets::textColoured(palette::muted(), "No questions yet.");
        return;
    }
    const float em = ImGui::GetFontSize();
    const std::string hint = m_state.live().rephraseHint();
    int number = 0;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float buttonWidth = ImGui::CalcTextSize("mark closed").x + 2.0f * ImGui::GetStyle().FramePadding.x;
    for (const auto* q : list) {
        ImGui::PushID(static_cast<int>(q->id));
        ++number;
        widgets::textColoured(palette::muted(), std::to_string(number) + ".", false);
        ImGui::SameLine(2.0f * em);
        const float rowTop = ImGui::GetCursorPosY();
        ImGui::BeginGroup();
        // Text stops short of the label button, so nothing overlaps however long the question.
        ImGui::PushTextWrapPos(m_state.ui().presentation ? 0.0f : right - buttonWidth - em);
        std::string line = q->text.size() > 1500 ? ellipsize(q->text, 1500) : q->text;
        if (const auto* asker = agenda.person(q->asker)) line += " — " + asker->name;
        ImGui::TextUnformatted(line.c_str());
        trace::text(line);
        if (!q->open) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette::warning());
            ImGui::TextUnformatted(hint.c_str());
            trace::text(hint);
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        if (!m_state.ui().presentation && !m_state.readOnly()) {
            const float rowBottom = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(right - buttonWidth, rowTop));
            if (widgets::smallButton(q->open ? "mark closed" : "mark open",
                                     "toggle:" + std::to_string(q->id)))
                m_state.later([this, id = q->id] { m_state.live().toggleQuestionLabel(id); });
            ImGui::SetCursorPosY(rowBottom);
        }
        ImGui::PopID();
    }
}

void LiveView::drawPractices() {
    const auto& agenda = m_state.workshop()->agenda();
    const auto list = m_state.live().practices();
    for (const auto* practice : list) {
        {
            const auto& p = *practice;
            ImGui::PushID(static_cast<int>(p.id));
            ImGui::PushFont(fonts().bold);
            widgets::textWrapped(p.title);
            ImGui::PopFont();
            std::string details = originLine(p.city, p.country);
            if (const auto* by = agenda.person(p.suggestedBy))
                details += (details.empty() ? "" : " · ") + std::string("suggested by ") + by->name;
            if (!p.catalog.empty())
                details += (details.empty() ? "" : " · ") + std::string("from the catalog");
            if (!details.empty()) widgets::textColoured(palette::muted(), details);
            if (!p.description.empty()) widgets::textWrapped(p.description);
            if (!m_state.ui().presentation && !m_state.readOnly()) {
                Practice edited = p;
                bool changed = false;
                changed |= widgets::checkbox("innovative", &edited.innovative);
                ImGui::SameLine();
                changed |= widgets::checkbox("makes a difference", &edited.makesDifference);
                ImGui::SameLine();
                changed |= widgets::checkbox("sustainable", &edited.sustainable);
                ImGui::SameLine();
                changed |= widgets::checkbox("replicable", &edited.replicable);
                // Where it was done and where to read more: filled from the catalog, or typed.
                const float em = ImGui::GetFontSize();
                ImGui::SetNextItemWidth(8.0f * em);
                widgets::inputDurable("##city", p.city, m_state.saveInto(p.id, &Practice::city), "city");
                ImGui::SameLine();
                ImGui::SetNextItemWidth(3.0f * em);
                widgets::inputDurable("##country", p.country, m_state.saveInto(p.id, &Practice::country),
                                      "CC");
                ImGui::SameLine();
                ImGui::SetNextItemWidth(-1.0f);
                widgets::inputDurable("##link", p.link, m_state.saveInto(p.id, &Practice::link),
                                      "web address");
                if (changed)
                    m_state.editLater([edited](session::OpenWorkshop& s) { s.updatePractice(edited); });
            }
            ImGui::Spacing();
            ImGui::PopID();
        }
    }
    if (list.empty()) widgets::textColoured(palette::muted(), "No ideas or practices yet.");
}

} // namespace plenary::ui
