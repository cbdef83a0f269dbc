#pragma once

#include "session/Library.hpp"
#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::ui {

// Every practice suggested across the library's workshops (screen "practices"): how often, where
// from, for which dilemmas, and its catalog entry when it was matched; filtered by theme, country
// and words. The list on the left, the chosen practice on the right; a use opens its workshop.
class PracticesView : public View {
public:
    explicit PracticesView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Practices"; }

protected:
    void drawContent() override;

private:
    void drawFilters();
    void drawList(float width);
    void drawDetails(const session::PracticeSummary& practice);

    AppState& m_state;
    session::PracticeFilter m_filter;
    session::PracticeFilter m_listedFor;
    std::uint64_t m_listedGeneration = 0;
    std::vector<const session::PracticeSummary*> m_listed;
    std::vector<session::LibraryFacet> m_themes;
    std::vector<session::LibraryFacet> m_countries;
    int m_selected = 0;
};

} // namespace plenary::ui
