#include "core/QuestionClassifier.hpp"

#include "core/JsonRead.hpp"
#include "core/Text.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace plenary::core {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters. Text arrives as UTF-8 typed live by a rapporteur: curly quotes, dashes, non-breaking
// spaces and capitals with diacritics must all behave like their plain counterparts.

enum class CharKind {
    Letter,     // part of a word (letters, digits, any other script)
    Apostrophe, // ' ’ ‘ ʼ ` ´ — kept inside a word ("qu'est-ce", "don't")
    Hyphen,     // - ‐ ‑ — kept inside a word ("avez-vous"), a clause break otherwise
    Space,      // separates words
    Clause,     // , ; : – — ( ) [ ] … starts a new clause
    Sentence,   // . !  ends a sentence
    Question,   // ?  ends a sentence that is a question
    Ignored,    // soft hyphen: invisible, does not even separate words
};

struct Char {
    char32_t code = 0;
    CharKind kind = CharKind::Letter;
};

Char classifyChar(char32_t c) {
    switch (c) {
    case '\'':
    case '`':
    case 0xB4:
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
        return {'\'', CharKind::Apostrophe};
    case '-':
    case 0x2010:
    case 0x2011:
        return {'-', CharKind::Hyphen};
    case 0xAD:
        return {c, CharKind::Ignored};
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2026:
    case 0xFF0C:
        return {c, CharKind::Clause};
    case '.':
    case '!':
    case 0xFF01:
    case 0x3002:
        return {c, CharKind::Sentence};
    case '?':
    case 0xFF1F:
        return {'?', CharKind::Question};
    default:
        break;
    }
    if (c < 0x80) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return {alnum ? toLower(c) : c, alnum ? CharKind::Letter : CharKind::Space};
    }
    // Latin-1 symbols (¡ « » ¿ nbsp …), × ÷, general punctuation, symbols, arrows and emoji
    // separate words; everything else is taken as a letter of some script.
    const bool symbol = (c >= 0x80 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 ||
                        c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
                        c == 0xFEFF || c >= 0x1F000;
    if (symbol) return {c, CharKind::Space};
    return {toLower(c), CharKind::Letter};
}

// ---------------------------------------------------------------------------------------------
// Text → clauses of normalised words.

struct Clause {
    std::vector<std::string> words;
    std::size_t sentence = 0;
};

struct Parsed {
    std::vector<Clause> clauses;
    std::vector<bool> sentenceIsQuestion;
};

Parsed parseText(std::string_view text) {
    std::vector<Char> chars;
    {
        const auto codes = decodeUtf8(text);
        chars.reserve(codes.size());
        for (char32_t c : codes) {
            const Char ch = classifyChar(c);
            if (ch.kind != CharKind::Ignored) chars.push_back(ch);
        }
    }

    Parsed parsed;
    parsed.clauses.emplace_back();
    parsed.sentenceIsQuestion.push_back(false);
    std::string word;
    bool sentenceHasWords = false;
    const auto endWord = [&] {
        if (word.empty()) return;
        parsed.clauses.back().words.push_back(std::move(word));
        word.clear();
        sentenceHasWords = true;
    };
    const auto newClause = [&] {
        endWord();
        if (!parsed.clauses.back().words.empty()) {
            parsed.clauses.emplace_back();
            parsed.clauses.back().sentence = parsed.sentenceIsQuestion.size() - 1;
        }
    };
    const auto newSentence = [&](bool question) {
        newClause();
        if (question) parsed.sentenceIsQuestion.back() = true;
        // Only open a new sentence once the current one holds words ("Why?!" is one sentence).
        if (!sentenceHasWords) return;
        parsed.sentenceIsQuestion.push_back(false);
        parsed.clauses.back().sentence = parsed.sentenceIsQuestion.size() - 1;
        sentenceHasWords = false;
    };

    for (std::size_t i = 0; i < chars.size(); ++i) {
        const Char& ch = chars[i];
        const bool nextIsLetter = i + 1 < chars.size() && chars[i + 1].kind == CharKind::Letter;
        switch (ch.kind) {
        case CharKind::Letter:
            appendUtf8(word, ch.code);
            break;
        case CharKind::Apostrophe:
            // Inside a word only: a leading or trailing one is a quotation mark.
            if (!word.empty() && nextIsLetter)
                word += '\'';
            else
                endWord();
            break;
        case CharKind::Hyphen:
            if (!word.empty() && nextIsLetter)
                word += '-';
            else
                newClause(); // a free-standing " - " is used as a dash
            break;
        case CharKind::Space:
        case CharKind::Ignored:
            endWord();
            break;
        case CharKind::Clause:
            newClause();
            break;
        case CharKind::Sentence:
            newSentence(false);
            break;
        case CharKind::Question:
            newSentence(true);
            break;
        }
    }
    endWord();
    return parsed;
}

// ---------------------------------------------------------------------------------------------
// Rules → normalised phrases.

// A rule phrase as words, normalised like the text but split on spaces only, so a trailing
// apostrophe survives ("qu'" matches the elided "qu'il").
std::vector<std::string> phraseWords(std::string_view phrase) {
    std::vector<std::string> words;
    std::string word;
    for (char32_t c : decodeUtf8(phrase)) {
        const Char ch = classifyChar(c);
        if (ch.kind == CharKind::Ignored) continue;
        if (c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            appendUtf8(word, ch.code);
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

struct Phrase {
    std::vector<std::string> words;
    std::size_t chars = 0;               // tie-break between phrases of equal word count
    const std::string* source = nullptr; // as written in the rules, reported in Classification::matched
};

std::vector<Phrase> phrases(const std::vector<std::string>& list) {
    std::vector<Phrase> out;
    for (const auto& item : list) {
        Phrase p{phraseWords(item), 0, &item};
        if (p.words.empty()) continue;
        for (const auto& w : p.words)
            p.chars += w.size();
        out.push_back(std::move(p));
    }
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whole-word match, plus the two apostrophe contractions: a rule word ending in an apostrophe
// is an elided prefix ("qu'" ~ "qu'il"), and a text word may carry a clitic ("what's" ~ "what").
bool wordMatches(std::string_view textWord, std::string_view ruleWord) {
    if (textWord == ruleWord) return true;
    if (!ruleWord.empty() && ruleWord.back() == '\'')
        return textWord.size() > ruleWord.size() && startsWith(textWord, ruleWord);
    return textWord.size() > ruleWord.size() + 1 && startsWith(textWord, ruleWord) &&
           textWord[ruleWord.size()] == '\'';
}

bool phraseMatches(const std::vector<std::string>& words, std::size_t at, const Phrase& phrase) {
    if (at + phrase.words.size() > words.size()) return false;
    for (std::size_t k = 0; k < phrase.words.size(); ++k)
        if (!wordMatches(words[at + k], phrase.words[k])) return false;
    return true;
}

// The longest matching phrase at a position: more words first, then more letters.
const Phrase* longestMatch(const std::vector<std::string>& words, std::size_t at,
                           const std::vector<Phrase>& list) {
    const Phrase* best = nullptr;
    for (const auto& p : list) {
        if (!phraseMatches(words, at, p)) continue;
        if (!best || p.words.size() > best->words.size() ||
            (p.words.size() == best->words.size() && p.chars > best->chars))
            best = &p;
    }
    return best;
}

struct CompiledRules {
    std::vector<Phrase> open;
    std::vector<Phrase> closed;
    std::vector<Phrase> fillers;
    std::vector<std::pair<std::string, const std::string*>> suffixes;
};

CompiledRules compile(const QuestionRules& rules) {
    CompiledRules c{phrases(rules.openStarters), phrases(rules.closedStarters), phrases(rules.fillers), {}};
    for (const auto& s : rules.closedSuffixes) {
        auto words = phraseWords(s);
        if (words.size() == 1) c.suffixes.emplace_back(std::move(words.front()), &s);
    }
    return c;
}

enum class Verdict { None, Open, Closed };

struct ClauseResult {
    Verdict verdict = Verdict::None;
    bool empty = true; // nothing left once fillers are skipped
    const std::string* matched = nullptr;
};

// Reads the start of one clause: skips fillers, then the longest starter (open wins a tie),
// then an inversion suffix.
ClauseResult readClause(const std::vector<std::string>& words, const CompiledRules& rules) {
    ClauseResult result;
    std::size_t at = 0;
    while (at < words.size()) {
        const Phrase* open = longestMatch(words, at, rules.open);
        const Phrase* closed = longestMatch(words, at, rules.closed);
        if (open || closed) {
            result.empty = false;
            // A starter is never skipped as a filler, whatever the data says.
            if (open && (!closed || open->words.size() > closed->words.size() ||
                         (open->words.size() == closed->words.size() && open->chars >= closed->chars))) {
                result.verdict = Verdict::Open;
                result.matched = open->source;
            } else {
                result.verdict = Verdict::Closed;
                result.matched = closed->source;
            }
            return result;
        }
        const Phrase* filler = longestMatch(words, at, rules.fillers);
        if (!filler) break;
        at += filler->words.size();
    }
    if (at >= words.size()) return result;
    result.empty = false;
    // Inversion ("Avez-vous…", "Les parents participent-ils…") may come after a noun subject, so
    // look for the first inverted word; a question word before it ("Pour quelles raisons les
    // jeunes partent-ils…") makes the clause open.
    if (rules.suffixes.empty()) return result;
    for (std::size_t w = at; w < words.size(); ++w) {
        const std::string* suffix = nullptr;
        for (const auto& [ending, source] : rules.suffixes)
            if (words[w].size() > ending.size() && endsWith(words[w], ending)) {
                suffix = source;
                break;
            }
        if (!suffix) continue;
        for (std::size_t v = at; v < w; ++v)
            if (const Phrase* open = longestMatch(words, v, rules.open)) {
                result.verdict = Verdict::Open;
                result.matched = open->source;
                return result;
            }
        result.verdict = Verdict::Closed;
        result.matched = suffix;
        return result;
    }
    return result;
}

Classification verdictOf(const ClauseResult& r) {
    Classification c;
    c.open = r.verdict != Verdict::Closed;
    c.confident = true;
    if (r.matched) c.matched = *r.matched;
    return c;
}

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

} // namespace

QuestionRules parseQuestionRules(std::string json, std::string source) {
    QuestionRules r;
    bool seen[6] = {};
    JsonIn in(std::move(json), source);
    in.readRoot([&](std::string_view key) {
        if (key == "language") {
            in.read(r.language);
            seen[0] = true;
        } else if (key == "name") {
            in.read(r.name);
            seen[1] = true;
        } else if (key == "hint") {
            in.read(r.hint);
            seen[2] = true;
        } else if (key == "openStarters") {
            in.read(r.openStarters);
            seen[3] = true;
        } else if (key == "closedStarters") {
            in.read(r.closedStarters);
            seen[4] = true;
        } else if (key == "fillers") {
            in.read(r.fillers);
            seen[5] = true;
        } else if (key == "closedSuffixes") {
            in.read(r.closedSuffixes);
        } else {
            return false;
        }
        return true;
    });
    static constexpr const char* required[6] = {"language",     "name",           "hint",
                                                "openStarters", "closedStarters", "fillers"};
    for (int i = 0; i < 6; ++i)
        if (!seen[i]) throw JsonError(source + ": " + required[i] + ": missing field");
    if (r.language.empty()) throw JsonError(source + ": language: must not be empty (e.g. \"en\")");
    if (r.openStarters.empty())
        throw JsonError(source + ": openStarters: needs at least one word that starts an open question");
    if (r.closedStarters.empty())
        throw JsonError(source + ": closedStarters: needs at least one word that starts a yes/no question");
    // A blank entry would silently never match; say so instead.
    const auto noBlanks = [&](const std::vector<std::string>& list, const char* field) {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (phraseWords(list[i]).empty())
                throw JsonError(source + ": " + field + "[" + std::to_string(i) + "]: must not be blank");
    };
    noBlanks(r.openStarters, "openStarters");
    noBlanks(r.closedStarters, "closedStarters");
    noBlanks(r.fillers, "fillers");
    noBlanks(r.closedSuffixes, "closedSuffixes");
    for (std::size_t i = 0; i < r.closedSuffixes.size(); ++i)
        if (phraseWords(r.closedSuffixes[i]).size() != 1)
            throw JsonError(source + ": closedSuffixes[" + std::to_string(i) +
                            "]: must be a single word ending");
    return r;
}

QuestionClassifier::QuestionClassifier(std::vector<QuestionRules> rules) : m_rules(std::move(rules)) {}

const QuestionRules* QuestionClassifier::rules(std::string_view language) const {
    const auto find = [&](std::string_view code) -> const QuestionRules* {
        for (const auto& r : m_rules)
            if (asciiLower(r.language) == asciiLower(code)) return &r;
        return nullptr;
    };
    if (const auto* r = find(language)) return r;
    const auto dash = language.find_first_of("-_");
    if (dash != std::string_view::npos)
        if (const auto* r = find(language.substr(0, dash))) return r;
    return find("en");
}

std::vector<std::string> QuestionClassifier::languages() const {
    std::vector<std::string> codes;
    for (const auto& r : m_rules)
        codes.push_back(r.language);
    return codes;
}

// Order of evidence:
//  1. the start of the question, after fillers ("OK so, do you…") decides when it matches;
//  2. otherwise a leading context ("In Germany, schools are…, how can we…?") is skipped by reading
//     the start of every later clause, in the sentences that end with "?" when there are any.
//     Any open start wins over a closed one: a clause like "…, are leaving the school system,"
//     inside the context must not make the whole question look closed;
//  3. otherwise open, but not confident: the room is never nagged on a guess.
Classification QuestionClassifier::classify(std::string_view text, std::string_view language) const {
    const QuestionRules* found = rules(language);
    if (!found) return {};
    const CompiledRules compiled = compile(*found);
    const Parsed parsed = parseText(text);

    std::size_t first = 0;
    for (; first < parsed.clauses.size(); ++first) {
        const ClauseResult r = readClause(parsed.clauses[first].words, compiled);
        if (r.empty) continue;
        if (r.verdict != Verdict::None) return verdictOf(r);
        break;
    }
    if (first >= parsed.clauses.size()) return {};

    const bool anyQuestionMark = std::find(parsed.sentenceIsQuestion.begin(), parsed.sentenceIsQuestion.end(),
                                           true) != parsed.sentenceIsQuestion.end();
    for (const bool questionsOnly : {true, false}) {
        if (!questionsOnly && !anyQuestionMark) break; // the first pass already saw every clause
        ClauseResult firstOpen;
        ClauseResult firstClosed;
        for (std::size_t i = first + 1; i < parsed.clauses.size(); ++i) {
            const Clause& clause = parsed.clauses[i];
            if (questionsOnly && anyQuestionMark && !parsed.sentenceIsQuestion[clause.sentence]) continue;
            const ClauseResult r = readClause(clause.words, compiled);
            if (r.verdict == Verdict::Open && firstOpen.verdict == Verdict::None) firstOpen = r;
            if (r.verdict == Verdict::Closed && firstClosed.verdict == Verdict::None) firstClosed = r;
            if (firstOpen.verdict != Verdict::None) break;
        }
        if (firstOpen.verdict != Verdict::None) return verdictOf(firstOpen);
        if (firstClosed.verdict != Verdict::None) return verdictOf(firstClosed);
    }
    return {};
}

} // namespace plenary::core
