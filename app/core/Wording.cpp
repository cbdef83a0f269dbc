#include "core/Wording.hpp"

#include <cmath>

#include "core/Agenda.hpp"
#include "core/Model.hpp"
#include "core/Text.hpp"

#include <algorithm>

namespace plenary::core {
namespace {

// Joins the non-empty parts with ", ", so a missing organisation or city leaves no stray comma.
void addPart(std::string& line, std::string_view part) {
    if (part.empty()) return;
    if (!line.empty()) line += ", ";
    line += part;
}

// The header names a person as the seed report does: "Name, Organisation" (no city: the header
// says who runs the module, not where they come from).
std::string headerName(const Person& person) {
    std::string line;
    addPart(line, trim(person.name));
    addPart(line, trim(person.organisation));
    return line;
}

// A question short enough to name a dilemma in a line of partners, cut at a word where possible
// so it reads as words, not as a fragment of one.
std::string shortQuestion(std::string_view question) {
    constexpr std::size_t kChars = 32;
    std::string text = trim(question);
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::string cut = ellipsize(text, kChars);
    if (cut.size() == text.size()) return text;
    cut.resize(cut.size() - std::string_view("…").size());
    // Back off to the last whole word unless the cut already fell between two words.
    if (text[cut.size()] != ' ')
        if (const auto space = cut.find_last_of(' '); space != std::string::npos && space > 0)
            cut.resize(space);
    while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == ';'))
        cut.pop_back();
    return cut + "…";
}

} // namespace

std::string originLine(std::string_view city, std::string_view country) {
    const std::string c = trim(city);
    const std::string cc = trim(country);
    if (cc.empty()) return c;
    if (c.empty()) return cc;
    return c + " (" + cc + ")";
}

std::string presenterLine(const Person& person) {
    std::string line;
    addPart(line, trim(person.name));
    addPart(line, trim(person.organisation));
    addPart(line, originLine(person.city, person.country));
    return line;
}

std::vector<HeaderLine> roleHeader(const SessionData& data) {
    struct Label {
        Role role;
        const char* one;
        const char* several;
    };
    constexpr Label kLabels[] = {{Role::Facilitator, "Facilitator", "Facilitators"},
                                 {Role::Expert, "Expert", "Experts"},
                                 {Role::Rapporteur, "Rapporteur", "Rapporteurs"}};
    std::vector<HeaderLine> lines;
    for (const auto& label : kLabels) {
        HeaderLine line;
        for (const auto& person : data.people)
            if (person.role == label.role)
                if (auto name = headerName(person); !name.empty()) line.names.push_back(std::move(name));
        if (line.names.empty()) continue;
        line.label = line.names.size() == 1 ? label.one : label.several;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::vector<const Dilemma*>> reportBlocks(const SessionData& data, Id session) {
    std::vector<const Dilemma*> inSession;
    for (const auto& d : data.dilemmas)
        if (d.session == session && d.status != DilemmaStatus::Skipped) inSession.push_back(&d);
    std::stable_sort(inSession.begin(), inSession.end(),
                     [](const auto* a, const auto* b) { return a->position < b->position; });
    std::vector<std::vector<const Dilemma*>> blocks;
    std::vector<Id> groupsDone;
    for (const auto* d : inSession) {
        if (d->jointGroup == 0) {
            blocks.push_back({d});
            continue;
        }
        if (std::find(groupsDone.begin(), groupsDone.end(), d->jointGroup) != groupsDone.end()) continue;
        groupsDone.push_back(d->jointGroup);
        std::vector<const Dilemma*> members = jointMembers(data, d->id);
        std::erase_if(members, [](const Dilemma* m) { return m->status == DilemmaStatus::Skipped; });
        // Members come in running order (sessions by position), so the first one says which session
        // reports the block, and within it the block stands where that member stands.
        if (members.empty() || members.front()->session != session) continue;
        blocks.push_back(std::move(members));
    }
    return blocks;
}

std::string jointPartnersLine(const SessionData& data, Id dilemma) {
    std::string others;
    for (const auto* member : jointMembers(data, dilemma)) {
        if (member->id == dilemma) continue;
        std::string name;
        if (const auto* presenter = findPerson(data, member->presenter)) name = trim(presenter->city);
        if (name.empty() && !trim(member->question).empty())
            name = "“" + shortQuestion(member->question) + "”";
        if (name.empty()) name = "dilemma #" + std::to_string(member->id);
        addPart(others, name);
    }
    return others.empty() ? std::string() : "together with " + others;
}

std::string percentText(double share) {
    if (!std::isfinite(share)) return "–"; // a file from elsewhere may hold no number at all
    return std::to_string(static_cast<long>(std::lround(share * 100.0))) + "%";
}

std::optional<std::uint32_t> parseHexColour(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : text.substr(1)) {
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            return std::nullopt;
        value = value << 4 | digit;
    }
    return value;
}

std::string ringName(const Ring& ring) {
    return trim(ring.name).empty() ? std::string("(unnamed ring)") : ring.name;
}

std::string hexColour(std::uint32_t rgb) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string text = "#";
    for (int shift = 20; shift >= 0; shift -= 4)
        text += kDigits[(rgb >> shift) & 0xF];
    return text;
}

std::string questionText(const Dilemma& dilemma) {
    return trim(dilemma.question).empty() ? std::string("(no question yet)") : dilemma.question;
}

namespace {
bool startsWithFolded(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}
} // namespace

bool isWebAddress(std::string_view url) {
    if (url.find_first_of("\t\n\r") != std::string_view::npos) return false;
    if (startsWithFolded(url, "http://")) return url.size() > 7;
    if (startsWithFolded(url, "https://")) return url.size() > 8;
    if (startsWithFolded(url, "mailto:")) return url.size() > 7;
    return false;
}

} // namespace plenary::core
