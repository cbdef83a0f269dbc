#include "ui/Screens.hpp"

#include "ui/AgendaView.hpp"
#include "ui/LibraryView.hpp"
#include "ui/LiveView.hpp"
#include "ui/ReportView.hpp"
#include "ui/PracticesView.hpp"
#include "ui/RingsView.hpp"
#include "ui/SearchView.hpp"
#include "ui/SetupView.hpp"

namespace plenary::ui {

namespace {

template <class V> std::unique_ptr<View> make(AppState& state) {
    return std::make_unique<V>(state);
}

// Every screen, in the manner of ImHex's registerViews(): one line each.
std::vector<ScreenEntry> registerViews() {
    return {
        {"library", kNoWorkshop, kNoWorkshop, make<LibraryView>},
        {"live", kUrbanAcademy, kUrbanAcademy, make<LiveView>},
        {"setup", kUrbanAcademy | kSocialOlympics, 0, make<SetupView>},
        {"rings", kSocialOlympics, kSocialOlympics, make<RingsView>},
        {"agenda", kUrbanAcademy | kSocialOlympics, 0, make<AgendaView>},
        {"report", kUrbanAcademy | kSocialOlympics, 0, make<ReportView>},
        {"search", kNoWorkshop | kUrbanAcademy | kSocialOlympics, 0, make<SearchView>},
        {"practices", kNoWorkshop | kUrbanAcademy | kSocialOlympics, 0, make<PracticesView>},
    };
}

unsigned servesFlag(std::optional<core::Format> open) {
    if (!open) return kNoWorkshop;
    return *open == core::Format::UrbanAcademy ? kUrbanAcademy : kSocialOlympics;
}

} // namespace

const std::vector<ScreenEntry>& screenRegistry() {
    static const std::vector<ScreenEntry> screens = registerViews();
    return screens;
}

std::string_view resolveScreen(std::string_view wanted, std::optional<core::Format> open) {
    const unsigned flag = servesFlag(open);
    for (const auto& screen : screenRegistry())
        if (screen.id == wanted && (screen.serves & flag)) return screen.id;
    for (const auto& screen : screenRegistry())
        if (screen.opens & flag) return screen.id;
    return screenRegistry().front().id;
}

std::vector<std::string> viewNames() {
    std::vector<std::string> names;
    for (const auto& screen : screenRegistry())
        names.emplace_back(screen.id);
    names.emplace_back("help");
    return names;
}

} // namespace plenary::ui
