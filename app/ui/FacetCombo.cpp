#include "ui/FacetCombo.hpp"

#include "ui/Widgets.hpp"

#include <imgui.h>

namespace plenary::ui::widgets {

void facetCombo(const char* id, const char* any, std::string& chosen, const std::vector<session::LibraryFacet>& facets,
                float width, std::string_view traceName) {
    ImGui::SetNextItemWidth(width);
    if (!beginCombo(id, chosen.empty() ? any : chosen.c_str(), traceName)) return;
    if (selectable(any, chosen.empty())) chosen.clear();
    for (const auto& facet : facets) {
        const std::string label = facet.value + " (" + std::to_string(facet.workshops) + ")";
        if (selectable(label.c_str(), chosen == facet.value)) chosen = facet.value;
    }
    ImGui::EndCombo();
}

} // namespace plenary::ui::widgets
