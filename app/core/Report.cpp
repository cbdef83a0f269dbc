#include "core/Report.hpp"

#include "core/Text.hpp"

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
    if (kind != Kind::Decimal) return text;
    // snprintf follows the C locale, which a program never changes here: always a point.
    char buffer[64];
    double value = number;
    if (value == 0.0) value = 0.0; // no "-0.000000"
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    std::string out = buffer;
    if (out.find_first_not_of("-0.") == std::string::npos && out[0] == '-') out.erase(0, 1);
    return out;
}

} // namespace plenary::core
