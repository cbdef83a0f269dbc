#pragma once

#include <string>
#include <string_view>
#include <vector>

// Open/closed question classification for the Urban Academy "open questions only" phase. The
// words that start an open or a yes/no question are data (templates/questions/<lang>.json), so a
// facilitator can tune them without recompiling. The classifier leans towards "open": a false
// "closed" hint in front of the room is worse than a missed one.
namespace plenary::core {

struct QuestionRules {
    std::string language; // "en"
    std::string name;     // "English"
    std::string hint;     // shown next to a closed question, e.g. "Try: How…? What…? Why…?"
    std::vector<std::string> openStarters;   // words/phrases that open an open question
    std::vector<std::string> closedStarters; // words/phrases that open a yes/no question
    std::vector<std::string>
        closedSuffixes;               // first-word endings marking inversion, e.g. "-vous", "-il" (French)
    std::vector<std::string> fillers; // leading words skipped, e.g. "and", "so"
};

// Parses one rules file; throws JsonError (from core/JsonRead.hpp) naming source and field.
QuestionRules parseQuestionRules(std::string json, std::string source);

struct Classification {
    bool open = true;
    bool confident = false; // false when no rule matched
    std::string matched;    // the starter that decided, e.g. "do"
};

class QuestionClassifier {
public:
    QuestionClassifier() = default;
    explicit QuestionClassifier(std::vector<QuestionRules> rules);

    // language: "en", "de", "nl", "fr"; unknown language falls back to English rules if loaded.
    Classification classify(std::string_view text, std::string_view language) const;
    // The rules classify() uses for language: exact code (any case), then the primary subtag
    // ("de-AT" -> "de"), then English; nullptr when none of these is loaded.
    const QuestionRules* rules(std::string_view language) const;
    // Loaded language codes, in load order.
    std::vector<std::string> languages() const;

private:
    std::vector<QuestionRules> m_rules;
};

} // namespace plenary::core
