#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include <sys/stat.h>

using plenary::test::run;
using plenary::test::TempDir;

namespace {

const std::string kPlenary = PLENARY_BINARY;
const std::string kExamples = PLENARY_EXAMPLES;

int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("cli: --help and --version follow GNU conventions") {
    const auto help = run(kPlenary, {"--help"});
    CHECK(help.exitCode == 0);
    for (const char* command : {"new", "import", "export", "info", "search", "merge", "--screenshot"})
        CHECK_MESSAGE(help.out.find(command) != std::string::npos, command);
    const auto version = run(kPlenary, {"--version"});
    CHECK(version.exitCode == 0);
    CHECK(version.out.rfind("plenary ", 0) == 0);
}

TEST_CASE("cli: a bad command line fails with one line on stderr") {
    const auto result = run(kPlenary, {"export"});
    CHECK(result.exitCode != 0);
    CHECK(lines(result.err) == 1);
    const auto unknown = run(kPlenary, {"export", "x.plenary", "--format", "pdf"});
    CHECK(unknown.exitCode != 0);
    CHECK(lines(unknown.err) == 1);
}

TEST_CASE("cli: new creates a session from each template and refuses to overwrite") {
    TempDir dir;
    const auto ua = (dir / "ua.plenary").string();
    auto created = run(kPlenary, {"new", "--template", "urban-academy", "-o", ua, "--title", "Ősz — Łódź"});
    REQUIRE(created.exitCode == 0);
    auto info = run(kPlenary, {"info", ua});
    CHECK(info.exitCode == 0);
    CHECK(info.out.find("Ősz — Łódź") != std::string::npos);
    CHECK(info.out.find("Integrity:         ok") != std::string::npos);
    CHECK(info.out.find("urban-academy") != std::string::npos);

    const auto so = (dir / "so.plenary").string();
    REQUIRE(run(kPlenary, {"new", "--template", "social-olympics", "-o", so}).exitCode == 0);
    info = run(kPlenary, {"info", so});
    CHECK(info.out.find("Rings:             5") != std::string::npos);

    const auto again = run(kPlenary, {"new", "-o", ua});
    CHECK(again.exitCode != 0);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(lines(again.err) == 1);

    const auto unknown = run(kPlenary, {"new", "--template", "nope", "-o", (dir / "x.plenary").string()});
    CHECK(unknown.exitCode != 0);
    CHECK(unknown.err.find("urban-academy") != std::string::npos); // names what exists
}

TEST_CASE("cli: import JSON, export JSON gives the same text back") {
    TempDir dir;
    const auto session = (dir / "ua.plenary").string();
    REQUIRE(run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", session}).exitCode ==
            0);
    const auto first = run(kPlenary, {"export", session, "--format", "json"});
    REQUIRE(first.exitCode == 0);
    plenary::test::writeFile(dir / "round.json", first.out);
    const auto second = (dir / "second.plenary").string();
    REQUIRE(run(kPlenary, {"import", (dir / "round.json").string(), "-o", second}).exitCode == 0);
    const auto again = run(kPlenary, {"export", second, "--format", "json"});
    CHECK(again.out == first.out);
    CHECK(first.out.find("\"Schüßler\"") == std::string::npos); // names are whole values, not split
    CHECK(first.out.find("Schüßler") != std::string::npos);
}

TEST_CASE("cli: export md writes a file atomically with -o") {
    TempDir dir;
    const auto session = (dir / "ua.plenary").string();
    REQUIRE(run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", session}).exitCode ==
            0);
    const auto out = dir / "report.md";
    const auto result = run(kPlenary, {"export", session, "--format", "md", "-o", out.string()});
    REQUIRE(result.exitCode == 0);
    const auto text = plenary::test::readFile(out);
    CHECK(text.find("# Urban Academy on Integration") == 0);
    CHECK(text.find("Information on the dilemma") != std::string::npos);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK_MESSAGE(entry.path().string().find(".tmp-") == std::string::npos, entry.path().string());
}

TEST_CASE("cli: import CSV creates a session, then adds to it") {
    TempDir dir;
    plenary::test::writeFile(dir / "people.csv", "name;organisation;city;country\n"
                                                 "Agnė Petrauskienė;Vilnius City;Vilnius;LT\n"
                                                 "\"Dubois, Hélène\";Ville de Strasbourg;Strasbourg;fr\n");
    plenary::test::writeFile(
        dir / "dilemmas.csv",
        "session,question,presenter,city,country\n"
        "Language,\"How can we reach parents, who work shifts?\",Agnė Petrauskienė,Vilnius,LT\n"
        "Language,What makes evening classes work?,Νίκος Παπαδόπουλος,Αθήνα,GR\n");
    const auto session = (dir / "w.plenary").string();
    auto first = run(kPlenary, {"import", (dir / "people.csv").string(), "-o", session});
    REQUIRE(first.exitCode == 0);
    auto second = run(kPlenary, {"import", (dir / "dilemmas.csv").string(), "-o", session});
    REQUIRE(second.exitCode == 0);
    const auto info = run(kPlenary, {"info", session});
    CHECK(info.out.find("People:            3") != std::string::npos); // Agnė matched, Nikos added
    CHECK(info.out.find("Dilemmas:          2") != std::string::npos);
    CHECK(info.out.find("Thematic sessions: 1") != std::string::npos);

    plenary::test::writeFile(dir / "bad.csv", "name,city\nA,B\n\"unclosed,C\n");
    const auto bad = run(kPlenary, {"import", (dir / "bad.csv").string(), "-o", session});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("line 3") != std::string::npos);
    CHECK(lines(bad.err) == 1);
}

TEST_CASE("cli: errors name the file and leave it unchanged") {
    TempDir dir;
    const auto missing = run(kPlenary, {"info", (dir / "none.plenary").string()});
    CHECK(missing.exitCode != 0);
    CHECK(missing.err.find("no such file") != std::string::npos);
    plenary::test::writeFile(dir / "notes.plenary", "just some notes\n");
    const auto notDb = run(kPlenary, {"info", (dir / "notes.plenary").string()});
    CHECK(notDb.exitCode != 0);
    CHECK(notDb.err.find("not a Plenary session") != std::string::npos);
    CHECK(plenary::test::readFile(dir / "notes.plenary") == "just some notes\n");
    plenary::test::writeFile(
        dir / "broken.json",
        "{\"format\": \"plenary-session\",\n \"version\": 1,\n \"workshop\": {\"title\": 5}}");
    const auto badJson =
        run(kPlenary, {"import", (dir / "broken.json").string(), "-o", (dir / "b.plenary").string()});
    CHECK(badJson.exitCode != 0);
    CHECK(badJson.err.find("broken.json: workshop.title: expected text") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "b.plenary"));
}

TEST_CASE("cli: search finds words across the session files of a folder") {
    TempDir dir;
    REQUIRE(run(kPlenary,
                {"import", kExamples + "/urban-academy-education.json", "-o", (dir / "ua.plenary").string()})
                .exitCode == 0);
    REQUIRE(run(kPlenary,
                {"import", kExamples + "/social-olympics-renewal.json", "-o", (dir / "so.plenary").string()})
                .exitCode == 0);
    const auto hits = run(kPlenary, {"search", "language courses", "--in", dir.path().string()});
    CHECK(hits.exitCode == 0);
    CHECK(hits.out.find("ua.plenary") != std::string::npos);
    CHECK(hits.out.find("so.plenary") == std::string::npos);
    const auto odd = run(kPlenary, {"search", "\"AND (-*", "--in", dir.path().string()});
    CHECK(odd.exitCode == 0); // FTS syntax in user text is plain text, never an error
}

TEST_CASE("cli: without a display the program says how to get a screenshot") {
    const auto result = run(kPlenary, {}, {"DISPLAY=", "WAYLAND_DISPLAY="});
    CHECK(result.exitCode != 0);
    CHECK(lines(result.err) == 1);
    CHECK(result.err.find("--screenshot") != std::string::npos);
}

TEST_CASE("cli: export -o never writes over a workshop, a database, a link, a FIFO or a device") {
    TempDir dir;
    const auto session = (dir / "s.plenary").string();
    REQUIRE(run(kPlenary, {"import", kExamples + "/urban-academy-education.json", "-o", session}).exitCode ==
            0);
    const auto before = plenary::test::readFile(session);
    // The workshop itself, by its own name.
    auto result = run(kPlenary, {"export", session, "--format", "md", "-o", session});
    CHECK(result.exitCode != 0);
    CHECK(lines(result.err) == 1);
    CHECK(plenary::test::readFile(session) == before);
    // A copy under another extension is still a database.
    const auto renamed = (dir / "backup.md").string();
    std::filesystem::copy_file(session, renamed);
    CHECK(run(kPlenary, {"export", session, "--format", "md", "-o", renamed}).exitCode != 0);
    CHECK(plenary::test::readFile(renamed) == before);
    // A link to it, and a FIFO.
    const auto link = dir / "link.md";
    std::filesystem::create_symlink(session, link);
    CHECK(run(kPlenary, {"export", session, "--format", "md", "-o", link.string()}).exitCode != 0);
    CHECK(plenary::test::readFile(session) == before);
    const auto fifo = dir / "pipe.md";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(run(kPlenary, {"export", session, "--format", "md", "-o", fifo.string()}).exitCode != 0);
    CHECK(run(kPlenary, {"export", session, "--format", "md", "-o", "/dev/null"}).exitCode != 0);
    // An ordinary report file is replaced, and nothing temporary is left.
    const auto report = dir / "report.md";
    plenary::test::writeFile(report, "old");
    CHECK(run(kPlenary, {"export", session, "--format", "md", "-o", report.string()}).exitCode == 0);
    CHECK(plenary::test::readFile(report).find("Education") != std::string::npos);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK(entry.path().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("cli: info and search never pass a file's control characters to the terminal") {
    TempDir dir;
    auto json = plenary::test::readFile(kExamples + "/urban-academy-education.json");
    const auto at = json.find("\"title\": \"");
    REQUIRE(at != std::string::npos);
    // An OSC sequence that would set the terminal's title, and one that writes the clipboard.
    json.insert(at + 10, "\\u001b]0;pwned\\u0007\\u001b]52;c;ZXZpbA==\\u0007 ");
    plenary::test::writeFile(dir / "evil.json", json);
    const auto file = (dir / "evil.plenary").string();
    REQUIRE(run(kPlenary, {"import", (dir / "evil.json").string(), "-o", file}).exitCode == 0);
    const auto info = run(kPlenary, {"info", file});
    CHECK(info.exitCode == 0);
    CHECK(info.out.find('\x1b') == std::string::npos);
    CHECK(info.out.find('\x07') == std::string::npos);
    CHECK(info.out.find("pwned") != std::string::npos); // the words stay, harmless
    const auto search = run(kPlenary, {"search", "pwned", "--in", dir.path().string()});
    CHECK(search.out.find('\x1b') == std::string::npos);
}
