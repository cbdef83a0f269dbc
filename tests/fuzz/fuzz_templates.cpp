// Every template parser (templates/: formats, question rules, the practice catalog, benchmark
// sets): the first byte picks the parser, the rest is the file. A template gives a parsed value or
// a JsonError, never a crash; a format that parses makes a workshop that validates.
#include "FuzzSupport.hpp"

#include "core/QuestionClassifier.hpp"
#include "core/SessionJson.hpp"
#include "core/Templates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    if (size == 0) return 0;
    std::string json(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        switch (data[0] % 4) {
        case 0: {
            const auto format = core::parseFormatTemplate(std::move(json), "fuzz-format.json");
            const auto session = core::sessionFromTemplate(format, "Fuzz");
            const auto problems = core::validateSession(session);
            if (!problems.empty()) {
                std::fprintf(stderr, "%s\n", problems.front().c_str());
                fuzz::broken("a format template that parsed makes a workshop that does not validate");
            }
            break;
        }
        case 1: (void)core::parseQuestionRules(std::move(json), "fuzz-rules.json"); break;
        case 2: (void)core::parsePracticeCatalog(std::move(json), "fuzz-catalog.json"); break;
        default: (void)core::parseBenchmarkSet(std::move(json), "fuzz-benchmarks.json"); break;
        }
    } catch (const std::exception&) {
    }
    return 0;
}
