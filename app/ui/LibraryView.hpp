#pragma once

#include "session/Library.hpp"
#include "ui/AppState.hpp"
#include "ui/View.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace plenary::ui {

// The workshops of the library's folders: title, format, date, place, counts; filters by format,
// year, country and theme, and sorting. A click (or Enter) opens one. Search and the practices
// across every workshop are one click away.
class LibraryView : public View {
public:
    explicit LibraryView(AppState& state) : m_state(state) {}
    const char* name() const override { return "Library"; }

protected:
    void drawContent() override;

private:
    void drawNewWorkshop();
    void drawFilters();
    void drawFolders();
    void drawTable();
    void drawMerge();
    void drawForget();

    AppState& m_state;
    std::string m_newTitle;
    int m_newTemplate = -1; // -1: the Urban Academy template, once the list is known
    session::LibraryFilter m_filter;
    std::string m_searchWords;
    std::string m_newFolder;
    bool m_showFolders = false;
    bool m_merging = false;                         // rooms are being chosen to merge
    std::vector<std::filesystem::path> m_rooms;     // the chosen ones, in the order chosen
    std::string m_mergeTitle;
    std::string m_forgetName; // the person to forget in every workshop, asked in a popup
    // The filtered list, made again when the filter or the library changes, not every frame.
    session::LibraryFilter m_listedFor;
    std::uint64_t m_listedGeneration = 0;
    std::vector<const session::LibraryEntry*> m_listed;
    session::LibraryFacets m_facets;
};

} // namespace plenary::ui
