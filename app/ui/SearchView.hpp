#pragma once

#include "session/Library.hpp"
#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::ui {

// Search every workshop of the library (screen "search", Ctrl+F): the matches grouped by workshop,
// best first, the words found marked; a click (or ↑/↓ and Enter) opens the workshop at the match.
class SearchView : public View {
public:
    explicit SearchView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Search"; }

protected:
    void drawContent() override;

private:
    void runSearch();
    void drawResults();
    void open(std::size_t group, std::size_t result);

    AppState& m_state;
    std::string m_searched;             // the query m_found is for
    std::uint64_t m_generation = 0;     // the library's, when m_found was made
    session::LibrarySearch m_found;
    struct Row {
        std::size_t group = 0;
        std::size_t result = 0; // npos: the group's heading
    };
    std::vector<Row> m_rows;
    std::vector<float> m_heights; // of each row when last drawn (0: not yet); rows out of view are skipped
    int m_selected = -1; // index into m_rows of a result, chosen with ↑/↓
    bool m_focusField = true;
};

} // namespace plenary::ui
