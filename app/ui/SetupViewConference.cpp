// The setup of a Social Olympics conference (PRODUCT.md §3): its Conference tab (topic, place,
// vote scale, threshold, rounds) and its Rings tab. The Statements tab is in SetupViewStatements.cpp,
// the People tab, shared with the Urban Academy, in SetupViewPeople.cpp.
#include "ui/SetupView.hpp"

#include "core/Rounds.hpp"
#include "core/Text.hpp"
#include "core/VoteScale.hpp"
#include "core/Wording.hpp"
#include "ui/Fonts.hpp"
#include "ui/Palette.hpp"
#include "ui/UiTrace.hpp"
#include "ui/Widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace plenary::ui {

using namespace plenary::core;

namespace {

// Dots per person when a conference switches to dot voting without a budget yet: a common
// choice, shown at once and changed in the field beside it.
constexpr int kDefaultDots = 3;

// Colours that stay apart on a washed-out projector, offered in turn to rings added here.
constexpr const char* kRingColours[] = {"#2B6CB0", "#2F855A", "#C05621", "#6B46C1", "#4A5568",
                                        "#B7791F", "#C53030", "#2C7A7B", "#97266D", "#1A202C"};

std::string freeColour(const std::vector<Ring>& rings) {
    for (const char* colour : kRingColours)
        if (std::none_of(rings.begin(), rings.end(),
                         [&](const Ring& r) { return parseHexColour(r.colour) == parseHexColour(colour); }))
            return colour;
    return kRingColours[rings.size() % std::size(kRingColours)];
}

// A key no ring has, so files, CSV imports and the JSON format can name the ring.
std::string freeKey(const std::vector<Ring>& rings) {
    for (std::size_t n = rings.size() + 1;; ++n) {
        const std::string key = "ring-" + std::to_string(n);
        if (std::none_of(rings.begin(), rings.end(), [&](const Ring& r) { return r.key == key; })) return key;
    }
}

using SetNumber = std::function<void(session::OpenWorkshop&, int value, std::uint64_t stretch)>;

// A whole number typed into a durable field, saved as it is typed like any text: a number from min
// to max is written (one stretch of typing, one undo step); anything else is said, and the stored
// number comes back when the field is left.
void numberField(AppState& state, const char* label, int value, int min, int max, const char* what,
                 SetNumber set) {
    const std::string problem =
        std::string(what) + ": a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    widgets::inputDurable(label, std::to_string(value),
                          [&state, min, max, problem, set](const widgets::Typed& typed) {
                              if (trim(typed.text).empty()) return; // being typed again from scratch
                              std::string why;
                              const auto number = parseCount(typed.text, why);
                              if (!number || *number < min || *number > max) {
                                  state.setMessage(session::warning(problem));
                                  return;
                              }
                              if (state.message() == problem) state.clearMessage();
                              state.editLater([set, n = *number, stretch = typed.stretch](
                                                  session::OpenWorkshop& w) { set(w, n, stretch); });
                          });
}

// The label column of the Conference tab, so the fields line up.
void label(const char* text, float at) {
    ImGui::AlignTextToFramePadding();
    widgets::text(text);
    ImGui::SameLine(at);
}

} // namespace

void SetupView::drawConference() {
    const float em = ImGui::GetFontSize();
    const float at = 8.0f * em;
    const Workshop& w = m_state.data().workshop;
    heading("Conference");
    label("Topic", at);
    ImGui::SetNextItemWidth(-1.0f);
    widgets::inputDurable("##topic", w.title, m_state.saveInto(1, &Workshop::title),
                          "what the rings seek consensus on");
    trace::item("topic");
    label("Description", at);
    widgets::inputDurable("##description", w.description, m_state.saveInto(1, &Workshop::description),
                          nullptr, 3.0f * em);
    // Date and venue share a line, so the whole tab fits a 720-line projector without scrolling.
    label("Date", at);
    ImGui::SetNextItemWidth(8.0f * em);
    widgets::inputDurable("##date", w.date, m_state.saveInto(1, &Workshop::date), "YYYY-MM-DD");
    ImGui::SameLine(0.0f, 2.0f * em);
    widgets::text("Venue");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    widgets::inputDurable("##venue", w.venue, m_state.saveInto(1, &Workshop::venue));

    heading("Voting");
    label("Vote scale", at);
    ImGui::SetNextItemWidth(16.0f * em);
    const VoteScale& scale = scaleOf(w);
    // Tallies are kept by level number: on another scale the same numbers would mean other votes.
    const bool counted = hasCounts(m_state.data());
    bool open = false;
    if (counted) { // a disabled combo never opens, so its popup never starts inside the disabled block
        ImGui::BeginDisabled();
        widgets::beginCombo("##scale", scale.name.c_str(), "scale");
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Votes are counted on this scale: another scale would read them as other votes");
    } else {
        open = widgets::beginCombo("##scale", scale.name.c_str(), "scale");
    }
    if (open) {
        for (const auto& key : scaleKeys()) {
            const VoteScale* option = findScale(key);
            if (!widgets::selectable(option->name.c_str(), key == scale.key, ("scale:" + key).c_str()) ||
                key == w.scale)
                continue;
            // Built from the file as it is when the edit runs, never from this frame's copy.
            m_state.editLater([key](session::OpenWorkshop& s) {
                Workshop changed = s.data().workshop;
                changed.scale = key;
                if (findScale(key)->dots && changed.dotBudget <= 0) changed.dotBudget = kDefaultDots;
                s.updateWorkshop(changed);
            });
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    std::string levels;
    for (const auto& level : scale.levels)
        levels += (levels.empty() ? "" : " · ") + level.label;
    if (scale.dots) levels = "every dot counts; ranked by dots, ring by ring";
    widgets::textColoured(palette::muted(), widgets::fitText(levels, ImGui::GetContentRegionAvail().x),
                          false);

    // Dot voting has no consensus threshold (PRODUCT.md §3): its budget takes the threshold's line,
    // and the threshold stays in the file for another scale.
    if (scale.dots) {
        label("Dots per person", at);
        ImGui::SetNextItemWidth(4.0f * em);
        numberField(m_state, "##dots", w.dotBudget, 1, 100, "Dots per person",
                    [](session::OpenWorkshop& s, int dots, std::uint64_t stretch) {
                        Workshop changed = s.data().workshop;
                        changed.dotBudget = dots;
                        s.updateWorkshop(changed, stretch);
                    });
        trace::item("dots");
    } else {
        label("Threshold", at);
        ImGui::SetNextItemWidth(4.0f * em);
        numberField(m_state, "##threshold", static_cast<int>(std::lround(w.threshold * 100.0)), 1, 100,
                    "Threshold (%)", [](session::OpenWorkshop& s, int percent, std::uint64_t stretch) {
                        Workshop changed = s.data().workshop;
                        changed.threshold = percent / 100.0;
                        s.updateWorkshop(changed, stretch);
                    });
        trace::item("threshold");
        ImGui::SameLine();
        widgets::text("%");
        ImGui::SameLine(0.0f, em);
        widgets::textColoured(palette::muted(),
                              "Consensus: every ring that voted gives at least this share of its votes in "
                              "support, and nobody blocks.");
    }
    drawRounds();
}

void SetupView::drawRounds() {
    const float em = ImGui::GetFontSize();
    heading("Rounds");
    // A file without round rows shows the method's rounds; the first edit writes them all.
    const auto rounds = roundsOf(m_state.data());
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    // No header row: "Round 1 … 40 min" says what each cell is, and the tab keeps a line.
    if (!ImGui::BeginTable("rounds", 4, flags, ImVec2(36.0f * em, 0.0f))) return;
    ImGui::TableSetupColumn("Round", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, 4.0f * em);
    ImGui::TableSetupColumn("min", ImGuiTableColumnFlags_WidthFixed, 2.0f * em);
    for (const auto& round : rounds) {
        const int number = round.number;
        ImGui::PushID(number);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::AlignTextToFramePadding();
        widgets::text("Round " + std::to_string(number));
        ImGui::TableSetColumnIndex(1);
        ImGui::SetNextItemWidth(-1.0f);
        widgets::inputDurable("##name", round.name, [this, number](const widgets::Typed& typed) {
            m_state.editLater([number, typed](session::OpenWorkshop& s) {
                auto now = roundsOf(s.data());
                for (auto& r : now)
                    if (r.number == number) r.name = typed.text;
                s.setRounds(now, typed.stretch);
            });
        });
        trace::item("round-name:" + std::to_string(number));
        ImGui::TableSetColumnIndex(2);
        ImGui::SetNextItemWidth(-1.0f);
        numberField(m_state, "##minutes", round.seconds / 60, 1, 600, "Minutes of a round",
                    [number](session::OpenWorkshop& s, int minutes, std::uint64_t stretch) {
                        auto now = roundsOf(s.data());
                        for (auto& r : now)
                            if (r.number == number) r.seconds = minutes * 60;
                        s.setRounds(now, stretch);
                    });
        trace::item("round-minutes:" + std::to_string(number));
        ImGui::TableSetColumnIndex(3);
        ImGui::AlignTextToFramePadding();
        widgets::text("min");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void SetupView::drawRings() {
    const float em = ImGui::GetFontSize();
    const auto& data = m_state.data();
    heading("Rings");
    widgets::textColoured(
        palette::muted(),
        "Each ring forms its own opinion first, and is counted on its own in every vote. A ring "
        "can be removed only before anything is said or counted in it.");
    // Who sits in which ring, in the order of the people list: one pass, whatever the number of rings.
    std::map<Id, std::vector<const Person*>> members;
    for (const auto& p : data.people)
        if (p.ring != 0) members[p.ring].push_back(&p);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float arrows = 2.0f * ImGui::GetFrameHeight() + style.ItemSpacing.x;
    const float remove = ImGui::CalcTextSize("Remove").x + 2.0f * style.FramePadding.x;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (ImGui::BeginTable("rings", 5, flags)) {
        ImGui::TableSetupColumn("Order", ImGuiTableColumnFlags_WidthFixed, arrows);
        ImGui::TableSetupColumn("Colour", ImGuiTableColumnFlags_WidthFixed, 3.0f * em);
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Members", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, remove);
        ImGui::TableHeadersRow();
        const int count = static_cast<int>(data.rings.size());
        for (int index = 0; index < count; ++index) {
            const Ring& ring = data.rings[static_cast<std::size_t>(index)];
            const Id id = ring.id;
            const std::string tag = std::to_string(id);
            ImGui::PushID(static_cast<int>(id));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            if (widgets::arrowButton("##up", ImGuiDir_Up, "ring-up:" + tag) && index > 0)
                m_state.editLater([=](session::OpenWorkshop& s) { s.moveRing(id, index - 1); });
            ImGui::SameLine();
            if (widgets::arrowButton("##down", ImGuiDir_Down, "ring-down:" + tag) && index + 1 < count)
                m_state.editLater([=](session::OpenWorkshop& s) { s.moveRing(id, index + 1); });
            ImGui::TableSetColumnIndex(1);
            widgets::colourDurable("##colour", ring.colour, m_state.saveInto(id, &Ring::colour),
                                   "ring-colour:" + tag);
            ImGui::TableSetColumnIndex(2);
            ImGui::SetNextItemWidth(-1.0f);
            if (m_focusRing == id) {
                widgets::takeKeyboard("##name");
                m_focusRing = 0;
            }
            widgets::inputDurable("##name", ring.name, m_state.saveInto(id, &Ring::name), "name of the ring");
            trace::item("ring-name:" + tag);
            ImGui::TableSetColumnIndex(3);
            ImGui::AlignTextToFramePadding();
            const auto found = members.find(id);
            if (found == members.end()) {
                widgets::textColoured(palette::muted(), "nobody yet", false);
            } else {
                std::string line = std::to_string(found->second.size()) + ": ";
                for (std::size_t i = 0; i < found->second.size(); ++i)
                    line += (i ? ", " : "") + found->second[i]->name;
                widgets::text(widgets::fitText(line, ImGui::GetContentRegionAvail().x));
            }
            ImGui::TableSetColumnIndex(4);
            // Refused, with the reason, while the ring has statements or votes (core::planRemoveRing).
            if (widgets::button("Remove", "remove-ring:" + tag))
                m_state.editLater([=](session::OpenWorkshop& s) { s.deleteRing(id); });
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (widgets::button("Add ring")) {
        // A name the ring does not have yet is asked for by the field's hint, with the keyboard in it.
        Ring ring;
        ring.key = freeKey(data.rings);
        ring.colour = freeColour(data.rings);
        m_state.editLater([this, ring](session::OpenWorkshop& s) { m_focusRing = s.addRing(ring); });
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    widgets::textColoured(palette::muted(), "People are seated in rings in the People tab.", false);
}

} // namespace plenary::ui
