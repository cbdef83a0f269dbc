// CSV import (participants, dilemmas, statements; docs/csv-import.md): any bytes give rows or a
// message naming the line, never a crash.
#include "FuzzSupport.hpp"

#include "core/Csv.hpp"
#include "core/Templates.hpp"

namespace {

const std::vector<plenary::core::Ring>& rings() {
    static const std::vector<plenary::core::Ring> all = [] {
        using namespace plenary;
        const auto format = core::parseFormatTemplate(fuzz::repoFile("templates/formats/social-olympics.json"),
                                                      "social-olympics.json");
        auto session = core::sessionFromTemplate(format, "Fuzz");
        core::Id id = 1;
        for (auto& ring : session.rings) ring.id = id++;
        return session.rings;
    }();
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)core::parseCsv(text, "fuzz.csv");
    } catch (const std::exception&) {
    }
    try {
        auto batch = core::parseImportCsv(text, "fuzz.csv");
        if (!rings().empty()) batch.ring = rings().front().id;
        core::resolveRings(batch, rings());
        for (const auto& statement : batch.statements)
            if (statement.ringId == 0) fuzz::broken("a statement left without a ring");
    } catch (const std::exception&) {
    }
    return 0;
}
