#include "core/Matching.hpp"

#include "core/Text.hpp"

#include <algorithm>
#include <unordered_map>

namespace plenary::core {
namespace {

std::vector<std::string> words(std::string_view text) {
    const std::string folded = foldForSearch(text);
    std::vector<std::string> out;
    std::string word;
    for (const char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80)
            word += c;
        else if (!word.empty())
            out.push_back(std::move(word)), word.clear();
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool anyStartsWith(const std::vector<std::string>& haystack, const std::string& prefix) {
    return std::any_of(haystack.begin(), haystack.end(),
                       [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
}

} // namespace

std::vector<const CatalogPractice*> matchCatalog(const std::vector<CatalogPractice>& catalog,
                                                 std::string_view typed, std::size_t limit) {
    std::vector<std::string> query;
    for (auto& w : words(typed))
        if (w.size() >= 3) query.push_back(std::move(w));
    if (query.empty()) return {};
    std::vector<std::pair<int, const CatalogPractice*>> scored;
    for (const auto& entry : catalog) {
        const auto title = words(entry.title);
        const auto place =
            words(entry.city + " " + entry.country + " " + entry.theme + " " + entry.targetGroup);
        const auto summary = words(entry.summary);
        int score = 0;
        for (const auto& q : query) {
            if (anyStartsWith(title, q))
                score += 2;
            else if (anyStartsWith(place, q) || anyStartsWith(summary, q))
                score += 1;
        }
        if (score > 0) scored.emplace_back(score, &entry);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const CatalogPractice*> result;
    for (std::size_t i = 0; i < scored.size() && i < limit; ++i)
        result.push_back(scored[i].second);
    return result;
}

std::vector<const Person*> matchPeople(const std::vector<Person>& people, std::string_view typed,
                                       std::size_t limit) {
    const auto query = words(typed);
    std::vector<const Person*> result;
    for (const auto& person : people) {
        const auto name = words(person.name);
        const bool all = std::all_of(query.begin(), query.end(),
                                     [&](const std::string& q) { return anyStartsWith(name, q); });
        if (all) result.push_back(&person);
        if (result.size() >= limit) break;
    }
    return result;
}

std::vector<std::string> sharedNames(const std::vector<Person>& people) {
    std::unordered_map<std::string, std::pair<std::size_t, int>> seen; // key: first person, count
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < people.size(); ++i) {
        std::string key;
        for (const auto& word : words(people[i].name))
            key += (key.empty() ? "" : " ") + word;
        if (key.empty()) continue;
        const auto [it, fresh] = seen.try_emplace(key, i, 0);
        if (fresh) keys.push_back(key);
        ++it->second.second;
    }
    std::vector<std::string> shared;
    for (const auto& key : keys)
        if (const auto& [first, count] = seen[key]; count > 1) shared.push_back(people[first].name);
    return shared;
}

} // namespace plenary::core
