#include "core/Model.hpp"

#include "core/Text.hpp"

#include <array>
#include <utility>

namespace plenary::core {
namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view key) {
    for (const auto& [value, name] : table)
        if (name == key) return value;
    return std::nullopt;
}

template <class E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return table[0].second;
}

constexpr std::array<std::pair<Format, std::string_view>, 2> kFormats{{
    {Format::UrbanAcademy, "urban-academy"},
    {Format::SocialOlympics, "social-olympics"},
}};

constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::Participant, "participant"},
    {Role::Facilitator, "facilitator"},
    {Role::Expert, "expert"},
    {Role::Rapporteur, "rapporteur"},
}};

constexpr std::array<std::pair<DilemmaStatus, std::string_view>, 4> kStatuses{{
    {DilemmaStatus::Pending, "pending"},
    {DilemmaStatus::Active, "active"},
    {DilemmaStatus::Done, "done"},
    {DilemmaStatus::Skipped, "skipped"},
}};

constexpr std::array<std::pair<ContributionKind, std::string_view>, 2> kContributions{{
    {ContributionKind::Introduction, "introduction"},
    {ContributionKind::WrapUp, "wrapup"},
}};

} // namespace

std::string_view formatKey(Format format) {
    return nameOf(kFormats, format);
}
std::optional<Format> formatFromKey(std::string_view key) {
    return lookup(kFormats, key);
}
std::string_view roleKey(Role role) {
    return nameOf(kRoles, role);
}
std::optional<Role> roleFromKey(std::string_view key) {
    return lookup(kRoles, key);
}
std::string_view statusKey(DilemmaStatus status) {
    return nameOf(kStatuses, status);
}
std::optional<DilemmaStatus> statusFromKey(std::string_view key) {
    return lookup(kStatuses, key);
}
std::string_view contributionKey(ContributionKind kind) {
    return nameOf(kContributions, kind);
}
std::optional<ContributionKind> contributionFromKey(std::string_view key) {
    return lookup(kContributions, key);
}

const Person* findPerson(const SessionData& data, Id id) {
    if (id == 0) return nullptr;
    for (const auto& person : data.people)
        if (person.id == id) return &person;
    return nullptr;
}

bool personBefore(const Person& a, const Person& b) {
    if (const int c = compareForSorting(a.name, b.name); c != 0) return c < 0;
    return a.id < b.id;
}

std::string countryCode(std::string_view typed) {
    std::string code = trim(typed);
    // ASCII only: codes are ASCII, and anything else typed there is kept as it is.
    for (char& c : code)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return code;
}

} // namespace plenary::core
