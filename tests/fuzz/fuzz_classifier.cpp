// The open/closed question classifier, with the shipped rules: the first byte picks the language
// (including an unknown one), the rest is the question as typed.
#include "FuzzSupport.hpp"

#include "core/QuestionClassifier.hpp"

namespace {

const plenary::core::QuestionClassifier& classifier() {
    static const plenary::core::QuestionClassifier shipped = [] {
        using namespace plenary;
        std::vector<core::QuestionRules> rules;
        for (const char* language : {"en", "de", "nl", "fr"})
            rules.push_back(core::parseQuestionRules(
                fuzz::repoFile(std::string("templates/questions/") + language + ".json"), language));
        return core::QuestionClassifier(std::move(rules));
    }();
    return shipped;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    if (size == 0) return 0;
    static const char* const languages[] = {"en", "de", "nl", "fr", "", "EN-gb", "fr-CA", "xx"};
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto result = classifier().classify(text, languages[data[0] % 8]);
    if (!result.confident && !result.open) fuzz::broken("a closed hint without a rule that matched");
    return 0;
}
