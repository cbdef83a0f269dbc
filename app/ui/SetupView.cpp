#include "ui/SetupView.hpp"

#include "core/Csv.hpp"
#include "core/Wording.hpp"
#include "session/Operations.hpp"
#include "ui/Fonts.hpp"
#include "ui/Keys.hpp"
#include "ui/LiveToolbar.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <span>
#include <utility>

namespace plenary::ui {

using namespace plenary::core;

namespace {

constexpr const char* kDragDilemma = "PLENARY_DILEMMA";

} // namespace

void SetupView::heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(fonts().bold);
    widgets::text(text);
    ImGui::PopFont();
}

void SetupView::drawContent() {
    const bool conference = m_state.data().workshop.format == Format::SocialOlympics;
    // Back to the screen the workshop runs on: a conference's rings, a module's live view.
    if (conference ? widgets::button("← Rings") : widgets::button("← Live"))
        m_state.setScreen(conference ? "rings" : "live");
    ImGui::SameLine();
    drawReportButtons(m_state);
    ImGui::SameLine();
    if (!m_state.message().empty())
        widgets::textColoured(palette::forMessage(m_state.typedMessage()), m_state.message(), false);
    else
        widgets::textColoured(palette::muted(),
                              "Every change is saved as you type, and can be undone (Ctrl+Z).", false);
    // One tab per part, so nothing needed is ever scrolled off a projector screen.
    if (!ImGui::BeginTabBar("setup")) return;
    using Tab = std::pair<const char*, void (SetupView::*)()>;
    static constexpr Tab kModule[] = {
        {"Sessions and dilemmas", &SetupView::drawSessions},
        {"Module", &SetupView::drawModule},
        {"People", &SetupView::drawPeople},
        {"Introduction and wrap-up", &SetupView::drawContributions},
    };
    static constexpr Tab kConference[] = {
        {"Conference", &SetupView::drawConference},
        {"Rings", &SetupView::drawRings},
        {"People", &SetupView::drawPeople},
        {"Statements", &SetupView::drawStatements},
    };
    for (const auto& [label, draw] :
         conference ? std::span<const Tab>(kConference) : std::span<const Tab>(kModule)) {
        const bool open = widgets::beginTabItem(label, std::string("tab:") + label);
        if (!open) continue;
        ImGui::BeginChild("tab", ImVec2(0, 0), false);
        // A read-only file can be looked at but not typed into, so no typing is ever lost.
        ImGui::BeginDisabled(m_state.readOnly());
        (this->*draw)();
        ImGui::EndDisabled();
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

bool SetupView::personCombo(const char* label, Id& person) {
    const auto& people = m_state.data().people;
    const auto* current = findPerson(m_state.data(), person);
    bool changed = false;
    if (widgets::beginCombo(label, current ? current->name.c_str() : "—", label)) {
        if (widgets::selectable("—", person == 0, "person:none")) person = 0, changed = true;
        for (const auto& p : people) {
            ImGui::PushID(static_cast<int>(p.id));
            if (widgets::selectable(presenterLine(p).c_str(), p.id == person,
                                    ("person:" + std::to_string(p.id)).c_str()))
                person = p.id, changed = true;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void SetupView::drawModule() {
    heading("Module");
    const float em = ImGui::GetFontSize();
    Workshop w = m_state.data().workshop;
    bool changed = false;
    auto field = [&](const char* label, std::string Workshop::*member, float width) {
        ImGui::AlignTextToFramePadding();
        widgets::text(label);
        ImGui::SameLine(8.0f * em);
        ImGui::SetNextItemWidth(width);
        widgets::inputDurable((std::string("##") + label).c_str(), w.*member,
                              m_state.saveInto(core::Id{0}, member));
    };
    field("Title", &Workshop::title, -1.0f);
    field("Date", &Workshop::date, 8.0f * em);
    ImGui::SameLine();
    widgets::text("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8.0f * em);
    widgets::inputDurable("##end", w.endDate, m_state.saveInto(core::Id{0}, &Workshop::endDate), "(one day)");
    field("Venue", &Workshop::venue, -1.0f);
    ImGui::AlignTextToFramePadding();
    widgets::text("Language");
    ImGui::SameLine(8.0f * em);
    ImGui::SetNextItemWidth(8.0f * em);
    if (widgets::beginCombo("##language", w.language.c_str(), "language")) {
        for (const auto& code : m_state.resources().classifier.languages())
            if (widgets::selectable(code.c_str(), code == w.language, ("language:" + code).c_str()))
                w.language = code, changed = true;
        ImGui::EndCombo();
    }
    if (changed) m_state.editLater([=](session::OpenWorkshop& s) { s.updateWorkshop(w); });
}

void SetupView::drawContributions() {
    heading("Expert introduction and wrap-up");
    const float em = ImGui::GetFontSize();
    for (const auto& contribution : m_state.data().contributions) {
        ImGui::PushID(static_cast<int>(contribution.id));
        Contribution c = contribution;
        bool changed = false;
        ImGui::PushFont(fonts().bold);
        widgets::text(c.kind == ContributionKind::Introduction ? "Introduction" : "Wrap-up");
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(14.0f * em);
        changed |= personCombo("##by", c.person);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-2.0f * em);
        widgets::inputDurable("##title", c.title, m_state.saveInto(c.id, &Contribution::title), "topic");
        ImGui::SameLine();
        if (widgets::smallButton("×", "remove-contribution:" + std::to_string(c.id))) {
            const Id id = c.id;
            m_state.editLater([=](session::OpenWorkshop& s) { s.deleteContribution(id); });
            ImGui::PopID();
            break;
        }
        widgets::inputDurable("##text", c.text, m_state.saveInto(c.id, &Contribution::text), nullptr,
                              3.0f * em);
        if (changed) m_state.editLater([=](session::OpenWorkshop& s) { s.updateContribution(c); });
        ImGui::PopID();
    }
    for (const auto kind : {ContributionKind::Introduction, ContributionKind::WrapUp}) {
        const bool intro = kind == ContributionKind::Introduction;
        if (widgets::button(intro ? "Add an introduction" : "Add a wrap-up")) {
            Contribution c;
            c.kind = kind;
            m_state.editLater([=](session::OpenWorkshop& s) { s.addContribution(c); });
        }
        if (intro) ImGui::SameLine();
    }
}

void SetupView::drawSessions() {
    heading("Thematic sessions and dilemmas");
    const float em = ImGui::GetFontSize();
    const auto& data = m_state.data();
    widgets::textColoured(palette::muted(),
                          "Drag ≡ (or Alt+↑/↓ in a question) to reorder or to move a dilemma to another "
                          "session. Tick dilemmas and press “Discuss together” to join them.");
    std::erase_if(m_selected, [&](Id id) {
        return std::none_of(data.dilemmas.begin(), data.dilemmas.end(),
                            [&](const Dilemma& d) { return d.id == id; });
    });
    // The bar is always there, its buttons greyed out until they apply: ticking a box never
    // pushes the rows down under the mouse.
    ImGui::BeginDisabled(m_selected.size() < 2);
    if (widgets::button("Discuss together")) {
        const std::vector<Id> ids(m_selected.begin(), m_selected.end());
        m_state.editLater([=](session::OpenWorkshop& s) { s.joinDilemmas(ids); });
        m_selected.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(m_selected.empty());
    if (widgets::button("Clear selection")) m_selected.clear();
    ImGui::EndDisabled();
    if (!m_selected.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        widgets::textColoured(palette::muted(), std::to_string(m_selected.size()) + " ticked", false);
    }
    // Sessions and dilemmas as one list of rows, drawn only where on screen: a module of a
    // thousand dilemmas costs a frame what twenty do.
    const auto* workshop = m_state.workshop();
    if (workshop != m_rowsFor || workshop->revision() != m_rowsRevision) {
        m_rows.clear();
        for (std::size_t si = 0; si < data.sessions.size(); ++si) {
            const auto& session = data.sessions[si];
            m_rows.push_back({si, 0, 0, 0});
            const auto list = workshop->agenda().dilemmasIn(session.id);
            for (std::size_t i = 0; i < list.size(); ++i)
                m_rows.push_back(
                    {si, data.dilemmas[list[i]].id, static_cast<int>(i), static_cast<int>(list.size())});
            m_rows.push_back({si, 0, -1, static_cast<int>(list.size())}); // the drop target at the end
        }
        m_virtual.reset(m_rows.size(), 3.0f * ImGui::GetFrameHeightWithSpacing());
        m_rowsFor = workshop;
        m_rowsRevision = workshop->revision();
        if (m_focusDilemma != 0) {
            const auto row = std::find_if(m_rows.begin(), m_rows.end(),
                                          [&](const Row& r) { return r.dilemma == m_focusDilemma; });
            if (row != m_rows.end())
                m_virtual.scrollTo(static_cast<std::size_t>(row - m_rows.begin()));
            else
                m_focusDilemma = 0; // deleted meanwhile (or undone)
        }
    }
    m_virtual.draw([&](std::size_t r) {
        const Row& row = m_rows[r];
        const auto& session = data.sessions[row.session];
        ImGui::PushID(static_cast<int>(session.id));
        if (row.dilemma != 0) {
            ImGui::Indent(em);
            if (const auto* d = workshop->agenda().dilemma(row.dilemma))
                drawDilemma(*d, row.index, row.count);
            ImGui::Unindent(em);
        } else if (row.index < 0) {
            // Dropping below a session's last dilemma moves a dilemma to the end of this session.
            ImGui::Indent(em);
            widgets::invisibleButton("##dropend", ImVec2(ImGui::GetContentRegionAvail().x, 0.4f * em),
                                     "drop-end:" + std::to_string(session.id));
            if (ImGui::BeginDragDropTarget()) {
                if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kDragDilemma)) {
                    const Id moved = *static_cast<const Id*>(payload->Data);
                    const int end = row.count;
                    m_state.editLater(
                        [=](session::OpenWorkshop& s) { s.moveDilemma(moved, session.id, end); });
                }
                ImGui::EndDragDropTarget();
            }
            ImGui::Unindent(em);
        } else {
            drawSessionHeader(session, row.session, data.sessions.size());
        }
        ImGui::PopID();
    });
    ImGui::Spacing();
    ImGui::SetNextItemWidth(20.0f * em);
    const bool add = widgets::inputText("##newsession", "title of a new thematic session", &m_newSession,
                                        ImGuiInputTextFlags_EnterReturnsTrue, "new-session");
    ImGui::SameLine();
    if ((widgets::button("Add thematic session") || add) && !m_newSession.empty()) {
        ThematicSession s;
        s.title = m_newSession;
        m_state.editLater([=](session::OpenWorkshop& store) { store.addSession(s); });
        m_newSession.clear();
    }
}

void SetupView::drawSessionHeader(const ThematicSession& session, std::size_t si, std::size_t count) {
    ImGui::Spacing();
    // Room on the right for ▲ ▼ and "Add dilemma", measured rather than guessed.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float controls = 2.0f * ImGui::GetFrameHeight() + ImGui::CalcTextSize("Add dilemma").x +
                           2.0f * style.FramePadding.x + 3.0f * style.ItemSpacing.x;
    ImGui::SetNextItemWidth(-controls);
    ImGui::PushFont(fonts().bold);
    widgets::inputDurable("##session", session.title, m_state.saveInto(session.id, &ThematicSession::title),
                          "thematic session title");
    ImGui::PopFont();
    ImGui::SameLine();
    if (widgets::arrowButton("##up", ImGuiDir_Up, "session-up:" + std::to_string(session.id)) && si > 0)
        m_state.editLater(
            [=](session::OpenWorkshop& s) { s.moveSession(session.id, static_cast<int>(si) - 1); });
    ImGui::SameLine();
    if (widgets::arrowButton("##down", ImGuiDir_Down, "session-down:" + std::to_string(session.id)) &&
        si + 1 < count)
        m_state.editLater(
            [=](session::OpenWorkshop& s) { s.moveSession(session.id, static_cast<int>(si) + 1); });
    ImGui::SameLine();
    if (widgets::button(("Add dilemma##" + std::to_string(session.id)).c_str())) {
        // An empty question (the field's hint asks for it) with the keyboard in it: typing starts
        // at once, and nothing made up is ever stored as somebody's question.
        Dilemma d;
        d.session = session.id;
        m_state.editLater([this, d](session::OpenWorkshop& s) { m_focusDilemma = s.addDilemma(d); });
    }
}

void SetupView::drawDilemma(const Dilemma& dilemma, int index, int count) {
    const auto& data = m_state.data();
    const float em = ImGui::GetFontSize();
    ImGui::PushID(static_cast<int>(dilemma.id));
    const std::string tag = std::to_string(dilemma.id);
    // Drag handle and drop target: dropping puts the dragged dilemma at this one's place.
    widgets::button("≡", "drag:" + tag);
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload(kDragDilemma, &dilemma.id, sizeof dilemma.id);
        widgets::text(dilemma.question);
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kDragDilemma)) {
            const Id moved = *static_cast<const Id*>(payload->Data);
            m_state.editLater(
                [=](session::OpenWorkshop& s) { s.moveDilemma(moved, dilemma.session, index); });
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::SameLine();
    if (widgets::arrowButton("##up", ImGuiDir_Up, "up:" + tag) && index > 0)
        m_state.editLater(
            [=](session::OpenWorkshop& s) { s.moveDilemma(dilemma.id, dilemma.session, index - 1); });
    ImGui::SameLine();
    if (widgets::arrowButton("##down", ImGuiDir_Down, "down:" + tag) && index + 1 < count)
        m_state.editLater(
            [=](session::OpenWorkshop& s) { s.moveDilemma(dilemma.id, dilemma.session, index + 1); });
    ImGui::SameLine();
    bool ticked = m_selected.contains(dilemma.id);
    if (widgets::checkbox("##together", &ticked, "select:" + tag)) {
        if (ticked)
            m_selected.insert(dilemma.id);
        else
            m_selected.erase(dilemma.id);
    }
    ImGui::SameLine();
    Dilemma edited = dilemma;
    ImGui::SetNextItemWidth(-1.0f);
    if (m_focusDilemma == dilemma.id) {
        widgets::takeKeyboard("##question");
        m_focusDilemma = 0;
    }
    widgets::inputDurable("##question", dilemma.question, m_state.saveInto(dilemma.id, &Dilemma::question),
                          "the dilemma's question");
    trace::item("question:" + tag);
    widgets::keepUpDownKeys(); // ↑/↓ are for moving the dilemma, not for leaving its question
    // Alt+↑ / Alt+↓ in a dilemma's question field move it within its session; the keyboard stays
    // in this dilemma's question, wherever it lands.
    if (ImGui::IsItemActive() && ImGui::GetIO().KeyAlt) {
        const int step = ImGui::IsKeyPressed(keys::Up) ? -1 : ImGui::IsKeyPressed(keys::Down) ? 1 : 0;
        if (step != 0 && index + step >= 0 && index + step < count) {
            m_focusDilemma = dilemma.id;
            m_state.editLater(
                [=](session::OpenWorkshop& s) { s.moveDilemma(dilemma.id, dilemma.session, index + step); });
        }
    }
    ImGui::Indent(5.5f * em);
    ImGui::SetNextItemWidth(16.0f * em);
    Id presenter = dilemma.presenter;
    if (personCombo("##presenter", presenter)) {
        edited.presenter = presenter;
        m_state.editLater([=](session::OpenWorkshop& s) { s.updateDilemma(edited); });
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(12.0f * em);
    const ThematicSession* current = nullptr;
    for (const auto& s : data.sessions)
        if (s.id == dilemma.session) current = &s;
    if (widgets::beginCombo("##session", current ? current->title.c_str() : "", "move:" + tag)) {
        for (const auto& s : data.sessions) {
            ImGui::PushID(static_cast<int>(s.id));
            if (widgets::selectable(s.title.c_str(), s.id == dilemma.session,
                                    ("move-to:" + std::to_string(s.id)).c_str()) &&
                s.id != dilemma.session) {
                const Id target = s.id;
                m_state.editLater(
                    [=](session::OpenWorkshop& store) { store.moveDilemma(dilemma.id, target, 1 << 20); });
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool skipped = dilemma.status == DilemmaStatus::Skipped;
    if (widgets::button(skipped ? "Unskip" : "Skip", "skip:" + tag)) {
        edited.status = skipped ? DilemmaStatus::Pending : DilemmaStatus::Skipped;
        m_state.editLater([=](session::OpenWorkshop& s) { s.updateDilemma(edited); });
    }
    if (dilemma.jointGroup != 0) {
        ImGui::SameLine();
        if (widgets::button("Split", "split:" + tag))
            m_state.editLater([=](session::OpenWorkshop& s) { s.splitDilemma(dilemma.id); });
        ImGui::SameLine();
        widgets::textColoured(palette::muted(), jointPartnersLine(data, dilemma.id), false);
    }
    ImGui::SameLine();
    if (widgets::smallButton("×", "delete:" + tag))
        m_state.editLater([=](session::OpenWorkshop& s) { s.deleteDilemma(dilemma.id); });
    if (widgets::treeNode("Information on the dilemma", "information:" + tag)) {
        widgets::inputDurable("##information", dilemma.information,
                              m_state.saveInto(dilemma.id, &Dilemma::information), nullptr, 4.0f * em);
        ImGui::TreePop();
    }
    ImGui::Unindent(5.5f * em);
    ImGui::PopID();
}

} // namespace plenary::ui
