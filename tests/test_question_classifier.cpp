#include "core/JsonRead.hpp"
#include "core/QuestionClassifier.hpp"

#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plenary::core;

namespace {

std::string readFile(const std::string& path) {
    REQUIRE_MESSAGE(std::filesystem::exists(path), "cannot open " << path);
    return plenary::test::readFile(path);
}

std::vector<QuestionRules> shippedRules() {
    std::vector<QuestionRules> rules;
    for (const char* language : {"en", "de", "nl", "fr"}) {
        const std::string path = std::string(PLENARY_SOURCE_DIR "/templates/questions/") + language + ".json";
        rules.push_back(parseQuestionRules(readFile(path), path));
    }
    return rules;
}

// One classifier for the whole file: the rule files are parsed once.
const QuestionClassifier& classifier() {
    static const QuestionClassifier instance(shippedRules());
    return instance;
}

struct Labelled {
    std::string text;
    std::string language;
    bool open = true;
    std::string source;
};

std::vector<Labelled> labelledQuestions() {
    const std::string path = PLENARY_TEST_FIXTURES "/questions_labelled.json";
    JsonIn in(readFile(path), path);
    std::vector<Labelled> questions;
    in.readRoot([&](std::string_view key) {
        if (key != "questions") return false;
        in.readArray([&](std::size_t) {
            Labelled q;
            in.readObject([&](std::string_view field) {
                if (field == "text")
                    in.read(q.text);
                else if (field == "language")
                    in.read(q.language);
                else if (field == "open")
                    in.read(q.open);
                else if (field == "source")
                    in.read(q.source);
                else
                    return false;
                return true;
            });
            questions.push_back(std::move(q));
        });
        return true;
    });
    return questions;
}

bool isOpen(std::string_view text, std::string_view language = "en") {
    return classifier().classify(text, language).open;
}

// The message of the JsonError thrown by parseQuestionRules, or "" when it did not throw.
std::string parseError(const std::string& json, const std::string& source = "custom.json") {
    try {
        parseQuestionRules(json, source);
    } catch (const JsonError& e) {
        return e.what();
    }
    return {};
}

const char* validRules = R"({ "language": "en", "name": "English", "hint": "Try: How…?",
    "openStarters": ["how"], "closedStarters": ["is"], "closedSuffixes": [], "fillers": ["and"] })";

} // namespace

TEST_CASE("question rules: the shipped files load and list their languages") {
    const auto& qc = classifier();
    CHECK(qc.languages() == std::vector<std::string>{"en", "de", "nl", "fr"});
    for (const auto& code : qc.languages()) {
        CAPTURE(code);
        const QuestionRules* r = qc.rules(code);
        REQUIRE(r != nullptr);
        CHECK(r->language == code);
        CHECK_FALSE(r->name.empty());
        CHECK_FALSE(r->hint.empty());
        CHECK_FALSE(r->openStarters.empty());
        CHECK_FALSE(r->closedStarters.empty());
    }
    CHECK(qc.rules("fr")->closedSuffixes.size() >= 3);
}

TEST_CASE("question classifier: every labelled question is classified as labelled") {
    const auto questions = labelledQuestions();
    CHECK(questions.size() >= 60);
    int seed = 0;
    int perLanguage[4] = {};
    const char* languages[4] = {"en", "de", "nl", "fr"};
    for (const auto& q : questions) {
        if (q.source == "seed-004") ++seed;
        for (int i = 0; i < 4; ++i)
            if (q.language == languages[i]) ++perLanguage[i];
        INFO("text: " << q.text);
        CAPTURE(q.language);
        CAPTURE(q.open);
        const Classification c = classifier().classify(q.text, q.language);
        CAPTURE(c.matched);
        CHECK(c.open == q.open);
        // Closed is only ever said with a rule behind it.
        if (!c.open) CHECK(c.confident);
    }
    CHECK(seed >= 25);
    CHECK(perLanguage[0] >= 30);
    CHECK(perLanguage[1] >= 10);
    CHECK(perLanguage[2] >= 10);
    CHECK(perLanguage[3] >= 10);
}

TEST_CASE("question classifier: the starter that decided is named") {
    const auto& qc = classifier();
    auto c = qc.classify("Do you work with schools?", "en");
    CHECK_FALSE(c.open);
    CHECK(c.confident);
    CHECK(c.matched == "do you");

    c = qc.classify("How do you work with schools?", "en");
    CHECK(c.open);
    CHECK(c.confident);
    CHECK(c.matched == "how");

    // Longest match first: the phrase, not its first word.
    c = qc.classify("To what extent are parents involved?", "en");
    CHECK(c.open);
    CHECK(c.matched == "to what extent");
    c = qc.classify("Gibt es eine Warteliste?", "de");
    CHECK_FALSE(c.open);
    CHECK(c.matched == "gibt es");
    c = qc.classify("Avez-vous un budget ?", "fr");
    CHECK_FALSE(c.open);
    CHECK(c.matched == "avez-vous");
    c = qc.classify("Gardez-vous un lien avec les familles ?", "fr");
    CHECK_FALSE(c.open);
    CHECK(c.matched == "-vous");
}

TEST_CASE("question classifier: leading fillers are skipped") {
    CHECK_FALSE(isOpen("And do you pay them?"));
    CHECK_FALSE(isOpen("So, is it free?"));
    CHECK_FALSE(isOpen("OK so, have you tried it"));
    CHECK_FALSE(isOpen("ok, so, well... can they join later?"));
    CHECK(isOpen("And so, how do you pay them?"));
    CHECK(isOpen("okay just why"));
    CHECK_FALSE(isOpen("Und, gibt es Geld dafür?", "de"));
    CHECK_FALSE(isOpen("En, hebben jullie een wachtlijst?", "nl"));
    CHECK_FALSE(isOpen("Alors, est-ce que c'est gratuit ?", "fr"));
    // Only fillers: nothing to go on.
    const auto c = classifier().classify("OK, so…", "en");
    CHECK(c.open);
    CHECK_FALSE(c.confident);
}

TEST_CASE("question classifier: a leading context clause is looked past") {
    CHECK(isOpen("In Germany, schools are at a critical moment, how can we keep this expertise?"));
    CHECK_FALSE(isOpen("In your city, do you involve the parents?"));
    CHECK(isOpen("Given the cuts; what remains?"));
    CHECK(isOpen("Budget aside — why did it stop?"));
    CHECK(isOpen("Budget aside – why did it stop?"));
    CHECK(isOpen("Budget aside - why did it stop?"));
    CHECK_FALSE(isOpen("We tried this. Do you have tips?"));
    // A closed-looking clause inside the context must not outvote the open question.
    CHECK(isOpen("As teachers, many of them experienced, are leaving, how can we keep their knowledge?"));
    CHECK(isOpen("In Berlin, wie erreichen Sie die Familien?", "de"));
    CHECK(isOpen("In Tilburg, hoe bereiken jullie de jongeren?", "nl"));
    CHECK(isOpen("À Lyon, comment faites-vous ?", "fr"));
    CHECK_FALSE(isOpen("À Lyon, avez-vous un budget ?", "fr"));
}

TEST_CASE("question classifier: typographic apostrophes equal ASCII ones") {
    CHECK_FALSE(isOpen("Don’t the schools object?"));
    CHECK_FALSE(isOpen("Don't the schools object?"));
    CHECK(isOpen("What’s the budget?"));
    CHECK(isOpen("What's the budget?"));
    CHECK(isOpen("Qu’est-ce que vous proposez ?", "fr"));
    CHECK(isOpen("Qu'est-ce que vous proposez ?", "fr"));
    CHECK_FALSE(isOpen("Est-ce qu’il y a un budget ?", "fr"));
    CHECK_FALSE(isOpen("Est-ce qu'il y a un budget ?", "fr"));
    CHECK_FALSE(isOpen("Est-ce que vous avez un budget ?", "fr"));
}

TEST_CASE("question classifier: case-insensitive, including capitals with diacritics") {
    CHECK_FALSE(isOpen("Était-ce difficile ?", "fr"));
    CHECK_FALSE(isOpen("ÉTAIT-CE DIFFICILE ?", "fr"));
    CHECK(isOpen("À QUEL POINT est-ce difficile ?", "fr"));
    CHECK(isOpen("OÙ ont lieu les cours ?", "fr"));
    CHECK_FALSE(isOpen("WÄRE das möglich?", "de"));
    CHECK(isOpen("WOFÜR wird das Geld verwendet?", "de"));
    CHECK_FALSE(isOpen("DO YOU PAY THEM?"));
    CHECK(isOpen("WHY NOT?"));
}

TEST_CASE("question classifier: language-specific starters") {
    // French inversion.
    CHECK_FALSE(isOpen("Pouvez-vous nous aider ?", "fr"));
    CHECK_FALSE(isOpen("Y a-t-il une liste d'attente ?", "fr"));
    CHECK_FALSE(isOpen("La ville a-t-elle un plan ?", "fr"));
    CHECK(isOpen("Pourquoi la ville a-t-elle changé de plan ?", "fr"));
    CHECK(isOpen("Qu'en pensez-vous ?", "fr"));
    // German verb-first.
    CHECK_FALSE(isOpen("Kann man das online machen?", "de"));
    CHECK_FALSE(isOpen("Haben Sie Erfahrungen damit?", "de"));
    CHECK(isOpen("Inwiefern hilft das?", "de"));
    CHECK(isOpen("Auf welche Weise hilft das?", "de"));
    // Dutch.
    CHECK_FALSE(isOpen("Is er budget?", "nl"));
    CHECK(isOpen("Op welke manier helpt dat?", "nl"));
    // Imperatives are open.
    CHECK(isOpen("Tell us about the mentors."));
    CHECK(isOpen("Explain the selection"));
    CHECK(isOpen("Décrivez le programme.", "fr"));
    CHECK(isOpen("Beschreiben Sie das Programm.", "de"));
    CHECK(isOpen("Vertel over het programma.", "nl"));
}

TEST_CASE("question classifier: nothing matched means open, not confident") {
    const auto& qc = classifier();
    for (const char* text : {"", "   ", "\t\n ", "?", "...", "“”", "The budget.", "🙂"}) {
        CAPTURE(text);
        const auto c = qc.classify(text, "en");
        CHECK(c.open);
        CHECK_FALSE(c.confident);
        CHECK(c.matched.empty());
    }
    // Broken UTF-8 must not stop it.
    const std::string broken = std::string("\xC3") + " do you \xFF\xFE pay?";
    CHECK(qc.classify(broken, "en").open);
    CHECK_FALSE(qc.classify(std::string("Do you \xE2\x80 pay?"), "en").open);
}

TEST_CASE("question classifier: a 50 KB question returns") {
    std::string huge;
    while (huge.size() < 50 * 1024)
        huge += "the school, ";
    huge += "how do we keep the expertise?";
    const auto c = classifier().classify(huge, "en");
    CHECK(c.open);
    CHECK(c.confident);

    std::string marks(50 * 1024, '?');
    CHECK(classifier().classify(marks, "en").open);
    std::string words;
    while (words.size() < 50 * 1024)
        words += "Avez-vous ";
    CHECK_FALSE(classifier().classify(words, "fr").open);
}

TEST_CASE("question classifier: unknown language falls back to English") {
    const auto& qc = classifier();
    CHECK(qc.rules("xx") == qc.rules("en"));
    CHECK(qc.rules("") == qc.rules("en"));
    CHECK(qc.rules("de-AT") == qc.rules("de"));
    CHECK(qc.rules("FR") == qc.rules("fr"));
    const auto c = qc.classify("Do you pay them?", "pt");
    CHECK_FALSE(c.open);
    CHECK(c.matched == "do you");

    // Without English rules there is nothing to fall back to: open, not confident.
    const QuestionClassifier germanOnly({qc.rules("de") ? *qc.rules("de") : QuestionRules{}});
    CHECK(germanOnly.rules("xx") == nullptr);
    const auto none = germanOnly.classify("Do you pay them?", "xx");
    CHECK(none.open);
    CHECK_FALSE(none.confident);
    const QuestionClassifier empty;
    CHECK(empty.languages().empty());
    CHECK(empty.classify("Is it?", "en").open);
}

TEST_CASE("question rules: errors name the source and the field") {
    CHECK(parseError(validRules).empty());
    const auto parsed = parseQuestionRules(validRules, "custom.json");
    CHECK(parsed.language == "en");
    CHECK(parsed.openStarters == std::vector<std::string>{"how"});

    SUBCASE("malformed JSON") {
        const auto message = parseError(R"({ "language": "en", )");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("line 1") != std::string::npos);
    }
    SUBCASE("wrong type") {
        const auto message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": "how", "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("openStarters") != std::string::npos);
    }
    SUBCASE("wrong element type") {
        const auto message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": ["is", 3], "fillers": [] })");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("closedStarters") != std::string::npos);
    }
    SUBCASE("unknown field") {
        const auto message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": ["is"], "fillers": [], "closedStarter": [] })");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("closedStarter") != std::string::npos);
        CHECK(message.find("unknown field") != std::string::npos);
    }
    SUBCASE("missing language") {
        const auto message = parseError(R"({ "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("language") != std::string::npos);
    }
    SUBCASE("empty language") {
        const auto message = parseError(R"({ "language": "", "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("language") != std::string::npos);
    }
    SUBCASE("missing other required fields") {
        const auto message = parseError(R"({ "language": "en", "name": "English",
            "openStarters": ["how"], "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("hint") != std::string::npos);
    }
    SUBCASE("no open or no closed starters") {
        auto message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": [], "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("custom.json") != std::string::npos);
        CHECK(message.find("openStarters") != std::string::npos);
        message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": [], "fillers": [] })");
        CHECK(message.find("closedStarters") != std::string::npos);
    }
    SUBCASE("blank entry") {
        const auto message = parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": ["how", "  "], "closedStarters": ["is"], "fillers": [] })");
        CHECK(message.find("openStarters[1]") != std::string::npos);
    }
    SUBCASE("closedSuffixes may be left out") {
        CHECK(parseError(R"({ "language": "en", "name": "English", "hint": "h",
            "openStarters": ["how"], "closedStarters": ["is"], "fillers": [] })")
                  .empty());
    }
}

TEST_CASE("question classifier: rules are data") {
    // A facilitator's own file: the classifier knows nothing beyond it.
    QuestionRules custom;
    custom.language = "xx";
    custom.name = "Test";
    custom.hint = "h";
    custom.openStarters = {"zork", "big Phrase"};
    custom.closedStarters = {"zork", "big"};
    custom.fillers = {"um"};
    const QuestionClassifier qc({custom});
    auto c = qc.classify("Um, zork?", "xx");
    CHECK(c.open); // the same starter in both lists: open wins the tie
    CHECK(c.matched == "zork");
    c = qc.classify("BIG PHRASE here", "xx");
    CHECK(c.open);
    CHECK(c.matched == "big Phrase");
    c = qc.classify("big thing", "xx");
    CHECK_FALSE(c.open);
    CHECK(c.matched == "big");
}
