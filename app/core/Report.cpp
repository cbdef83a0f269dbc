#include "core/Report.hpp"

#include "core/PhaseTimer.hpp"
#include "core/Text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plenary::core {

namespace {

void addPart(std::string& line, const std::string& part) {
    if (part.empty()) return;
    if (!line.empty()) line += ", ";
    line += part;
}

} // namespace

std::string personLine(const ReportPerson& person) {
    std::string line;
    addPart(line, trim(person.name));
    addPart(line, trim(person.organisation));
    addPart(line, originLine(person.city, person.country));
    return line;
}

std::string anonymousName(const ReportPerson& person) {
    const std::string role = person.role.empty() ? std::string("Participant") : person.role;
    const std::string city = trim(person.city);
    return city.empty() ? role : role + " from " + city;
}

std::string membersLine(const ReportRing& ring) {
    std::string names;
    for (const auto& m : ring.members)
        if (const auto name = trim(m); !name.empty()) names += (names.empty() ? "" : ", ") + name;
    // A report made by hand (or an older caller) may list members without counting them.
    const int count = ring.memberCount > 0 ? ring.memberCount : static_cast<int>(ring.members.size());
    if (count == 0 && names.empty()) return "no members listed";
    std::string line = std::to_string(count) + (count == 1 ? " member" : " members");
    return names.empty() ? line : line + ": " + names;
}

std::string consensusStatus(const StatementResult& result) {
    if (!result.hasVotes) return "no votes";
    if (result.blocked) return "blocked";
    return result.reached ? "reached" : "not reached";
}

std::string supportText(const RingSupport& cell) {
    if (!cell.voted) return "–";
    return percentText(cell.share) + (cell.blocked ? " ✗" : "");
}

std::string durationText(int seconds) {
    // formatClock counts time left; a duration is never an overrun, so its sign is ours.
    return seconds < 0 ? "−" + formatClock(-static_cast<double>(seconds)) : formatClock(seconds);
}

std::string shiftText(double delta) {
    const long points = std::isfinite(delta) ? std::lround(delta * 100.0) : 0;
    if (points > 0) return "▲ " + std::to_string(points);
    if (points < 0) return "▼ " + std::to_string(-points);
    return "0";
}

std::string shiftLegend(int fromRound) {
    return "▲ more, ▼ less support than in round " + std::to_string(fromRound) + ", in points of share.";
}

std::string markedStatus(std::string_view status) {
    const char* mark = status == "reached" ? "✓ " : status == "blocked" ? "✗ " : status == "no votes" ? "– " : "· ";
    return mark + std::string(status);
}

ReportCell ReportCell::ofText(std::string text) {
    ReportCell cell;
    cell.kind = Kind::Text;
    cell.text = std::move(text);
    return cell;
}

ReportCell ReportCell::ofInteger(std::int64_t value) {
    ReportCell cell;
    cell.kind = Kind::Integer;
    cell.number = static_cast<double>(value);
    cell.text = std::to_string(value);
    return cell;
}

ReportCell ReportCell::ofDecimal(double value, int digits) {
    ReportCell cell;
    cell.kind = Kind::Decimal;
    cell.number = std::isfinite(value) ? value : 0.0;
    cell.digits = digits < 0 ? 0 : (digits > 12 ? 12 : digits);
    cell.text = cell.display();
    return cell;
}

ReportCell ReportCell::empty() {
    return {};
}

std::string ReportCell::display() const {
    return kind == Kind::Decimal ? decimalText(number, digits) : text;
}

std::string decimalText(double value, int digits) {
    // snprintf follows the C locale, which a program never changes here: always a point.
    char buffer[64];
    if (!std::isfinite(value)) value = 0.0;
    std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(digits, 0, 12), value);
    std::string out = buffer;
    if (out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1); // "-0.00"
    return out;
}

} // namespace plenary::core
