// The practices view's data: every practice suggested in the library, grouped.
#include "session/Library.hpp"

#include "core/Text.hpp"
#include "store/LibraryIndex.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace plenary::session {

namespace {

bool contains(const std::string& folded, const std::string& text) {
    return core::foldForSearch(text).find(folded) != std::string::npos;
}

} // namespace

// A practice matched to the catalog is one practice however it was typed; otherwise practices
// with the same title (as a reader compares them) are one.
const std::vector<PracticeSummary>& Library::practices(const std::vector<core::CatalogPractice>& catalog) {
    const auto now = generation();
    if (now == m_practicesFor) return m_practices;
    m_practicesFor = now;
    m_practices.clear();
    std::map<std::string, const core::CatalogPractice*> byId, byTitle;
    for (const auto& entry : catalog) {
        byId[entry.id] = &entry;
        byTitle.emplace(core::foldForSearch(core::trim(entry.title)), &entry);
    }
    std::map<std::pair<core::Id, core::Id>, std::string> questions;
    std::vector<store::IndexedPractice> rows;
    try {
        for (const auto& d : m_index->dilemmas())
            questions[{d.file, d.ref}] = d.question;
        rows = m_index->practices();
    } catch (const std::exception& e) {
        m_readProblem = std::string("the library index cannot be read: ") + e.what();
        return m_practices;
    }
    std::map<std::string, std::size_t> groupOf;
    for (const auto& p : rows) {
        const LibraryEntry* entry = entryFor(p.file);
        if (!entry) continue;
        // Matched when it was suggested, or typed with a catalog entry's very title.
        const auto matched = byId.find(p.catalog);
        const auto titled = byTitle.find(core::foldForSearch(core::trim(p.title)));
        const core::CatalogPractice* known = matched != byId.end()  ? matched->second
                                             : titled != byTitle.end() ? titled->second
                                                                       : nullptr;
        const std::string key = known ? "catalog:" + known->id : "title:" + core::foldForSearch(core::trim(p.title));
        auto [at, added] = groupOf.try_emplace(key, m_practices.size());
        if (added) {
            PracticeSummary summary;
            summary.title = known ? known->title : core::trim(p.title);
            summary.description = known ? known->summary : p.description;
            summary.city = known && !known->city.empty() ? known->city : p.city;
            summary.country = known && !known->country.empty() ? known->country : p.country;
            summary.link = known && !known->link.empty() ? known->link : p.link;
            if (known) {
                summary.theme = known->theme;
                summary.catalog = *known;
            }
            m_practices.push_back(std::move(summary));
        }
        auto& summary = m_practices[at->second];
        // What one suggestion left empty, another may have said.
        for (auto [mine, theirs] : {std::pair{&summary.description, &p.description}, {&summary.city, &p.city},
                                    {&summary.country, &p.country}, {&summary.link, &p.link}})
            if (mine->empty()) *mine = *theirs;
        summary.uses.push_back(PracticeUse{entry, p.ref, p.dilemma, questions[{p.file, p.dilemma}]});
    }
    for (auto& summary : m_practices) {
        std::set<const LibraryEntry*> workshops;
        for (const auto& use : summary.uses)
            workshops.insert(use.entry);
        summary.workshops = static_cast<int>(workshops.size());
        std::stable_sort(summary.uses.begin(), summary.uses.end(), [](const PracticeUse& a, const PracticeUse& b) {
            return a.entry->workshop.date > b.entry->workshop.date;
        });
    }
    // The most suggested first; then by title as people read it.
    std::vector<std::pair<core::SortKey, std::size_t>> order;
    for (std::size_t i = 0; i < m_practices.size(); ++i)
        order.emplace_back(core::sortKey(m_practices[i].title), i);
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        const auto& pa = m_practices[a.second];
        const auto& pb = m_practices[b.second];
        if (pa.uses.size() != pb.uses.size()) return pa.uses.size() > pb.uses.size();
        return a.first < b.first;
    });
    std::vector<PracticeSummary> sorted;
    sorted.reserve(m_practices.size());
    for (const auto& [key, i] : order)
        sorted.push_back(std::move(m_practices[i]));
    m_practices = std::move(sorted);
    return m_practices;
}

std::vector<const PracticeSummary*> Library::filteredPractices(const std::vector<core::CatalogPractice>& catalog,
                                                               const PracticeFilter& filter) {
    const std::string words = core::foldForSearch(core::trim(filter.text));
    const std::string theme = core::foldForSearch(core::trim(filter.theme));
    std::vector<const PracticeSummary*> out;
    for (const auto& p : practices(catalog)) {
        if (!theme.empty() && core::foldForSearch(p.theme) != theme) continue;
        if (!filter.country.empty() && core::countryCode(p.country) != core::countryCode(filter.country)) continue;
        if (!words.empty() && !contains(words, p.title) && !contains(words, p.city) &&
            !contains(words, p.description))
            continue;
        out.push_back(&p);
    }
    return out;
}

} // namespace plenary::session
