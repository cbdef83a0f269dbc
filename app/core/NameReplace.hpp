#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Replacing people's names in free text: for an anonymised report (core/Report anonymise) and for
// forgetting a person in a workshop file (store::SessionStore::forgetPerson).
namespace plenary::core {

// A letter, a mark or a digit (or '_'): what a name's whole-word match may not touch on either side.
bool isWordChar(char32_t c);

// The parts of a name that can stand for the person in free text: "Sanne van Dijk" → "Sanne",
// "van Dijk", "Dijk". A single word counts when it looks like a name (three letters or more, a
// capital first): particles ("van", "de") and initials are not names on their own. A one-word name
// has no parts (it is replaced as the whole name).
std::vector<std::string> nameParts(const std::string& name);

// A name as people are matched by it: trimmed, runs of spaces as one, folded (core::foldForSearch),
// so "lukasz  nowak" finds "Łukasz Nowak".
std::string nameKey(std::string_view name);

// How a name meets the text.
enum class NameMatch {
    Exact,  // byte for byte, as the people list writes it (a report)
    Folded, // word by word, folded (core::foldForSearch): "ŁUKASZ" and "lukasz" are "Łukasz"
};

// Every mention of a name, replaced in one pass, longest name first, and only as a whole word:
// "Ana" is not replaced inside "Analysis", and a replacement is never searched again. Add the names,
// finish(), then apply() to each text. The first name added wins over a later one that matches alike.
class NameReplacer {
public:
    explicit NameReplacer(NameMatch match = NameMatch::Exact) : m_match(match) {}

    void add(const std::string& name, const std::string& replacement);
    // A name that stays as it is: another person's full name is not cut up by a part of this one
    // ("Ana Costa" keeps "Ana" when "Ana Lima" is replaced). Folded matching only.
    void keep(const std::string& name);
    void finish();
    // True when the text changed. With Folded matching a replacement that starts a sentence starts
    // with a capital ("a participant" → "A participant").
    bool apply(std::string& text) const;

private:
    struct Entry {
        std::string name;               // Exact: the name's bytes
        std::vector<std::string> words; // Folded: the name's words, folded
        std::vector<std::string> gaps;  // Folded: what stands between them, without spaces
        std::string replacement;
        bool keep = false;
    };
    void addEntry(const std::string& name, const std::string& replacement, bool keep);
    bool applyExact(std::string& text) const;
    bool applyFolded(std::string& text) const;

    NameMatch m_match;
    std::map<unsigned char, std::vector<Entry>> m_byFirstByte; // Exact
    std::map<std::string, std::vector<Entry>> m_byFirstWord;   // Folded
    std::set<std::string> m_seen;
};

} // namespace plenary::core
