// UTF-8 and folding through Debian's libraries (utfcpp, utf8proc): one decoder, one validator that
// agree on every input, and folding that works in every script the workshops use.
#include "core/Matching.hpp"
#include "core/Text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace plenary::core;

TEST_CASE("text: the decoder and the validator agree on invalid sequences") {
    const std::vector<std::string> bad{
        "\xC0\xAF",         // overlong "/": used to decode to '/'
        "\xE0\x80\xAF",     // overlong, three bytes
        "x\xED\xA0\x80",    // a UTF-16 surrogate
        "\xF4\x90\x80\x80", // past U+10FFFF
        "\x80",             // a lone continuation byte
        "ok \xC3",          // cut short
        "ab\xFC",           // Latin-1 ü
    };
    for (const auto& text : bad) {
        CAPTURE(text);
        const auto at = firstInvalidUtf8(text);
        REQUIRE(at != std::string_view::npos);
        const auto decoded = decodeUtf8(text);
        // Everything before the bad offset decodes as itself; the bad byte is U+FFFD.
        const auto before = decodeUtf8(std::string_view(text).substr(0, at));
        REQUIRE(decoded.size() > before.size());
        CHECK(decoded[before.size()] == 0xFFFD);
        for (const char32_t c : decoded)
            CHECK(c != U'/');
    }
    CHECK(decodeUtf8("Zoë €") == std::vector<char32_t>{U'Z', U'o', U'ë', U' ', U'€'});
    CHECK(firstInvalidUtf8("Ελλάδα Київ 🎉") == std::string_view::npos);
}

TEST_CASE("text: appendUtf8 writes what decodeUtf8 reads, and never an invalid sequence") {
    std::string out;
    for (const char32_t c : {U'Ł', U'ó', U'€', U'🙂', U'a'})
        appendUtf8(out, c);
    CHECK(out == "Łó€🙂a");
    std::string surrogate;
    appendUtf8(surrogate, 0xD800);
    CHECK(firstInvalidUtf8(surrogate) == std::string_view::npos);
}

TEST_CASE("text: folding ignores case and accents in every script") {
    CHECK(foldForSearch("Łódź ŒUVRE Straße ÅØÆ") == "lodz oeuvre strasse aoae");
    CHECK(foldForSearch("Αθήνα") == "αθηνα");
    CHECK(foldForSearch("ΟΔΥΣΣΕΑΣ") == foldForSearch("οδυσσεας"));
    CHECK(foldForSearch("Ёлка") == "елка");
    CHECK(foldForSearch("Gdańsk") == "gdansk");
    CHECK(foldForSearch("e\u0301cole") == "ecole"); // a combining accent is dropped
    CHECK(foldForSearch("ØRESUND") == "oresund");
    CHECK(foldForSearch("İstanbul").rfind("i", 0) == 0);
    CHECK(foldForSearch("bad \xC0\xAF byte") == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte"); // no crash, no '/'
    CHECK(toLower(U'Σ') == U'σ');
    CHECK(toLower(U'Ж') == U'ж');
}

TEST_CASE("text: type-ahead finds people and practices typed without accents, in Greek too") {
    const std::vector<Person> people{{1, "Łukasz Wiśniewski", "", "", "", Role::Participant, 0},
                                     {2, "Ελένη Παπαδοπούλου", "", "", "", Role::Participant, 0}};
    REQUIRE(matchPeople(people, "lukasz").size() == 1);
    REQUIRE(matchPeople(people, "ελενη").size() == 1);
    CHECK(matchPeople(people, "ελενη").front()->id == 2);
}
