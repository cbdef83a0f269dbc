// plenary export in every format, as a rapporteur runs it: both examples, files beside the
// workshop by default, -o - for text, --anonymize, --bom, and refusals in one line.
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using plenary::test::readFile;
using plenary::test::run;
using plenary::test::TempDir;

namespace fs = std::filesystem;

namespace {

const std::string kPlenary = PLENARY_BINARY;
const std::string kExamples = PLENARY_EXAMPLES;

int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

std::string imported(TempDir& dir, const std::string& example, const std::string& name) {
    const auto session = (dir / name).string();
    REQUIRE(run(kPlenary, {"import", kExamples + "/" + example, "-o", session}).exitCode == 0);
    return session;
}

} // namespace

TEST_CASE("export cli: every format of both examples, beside the workshop by default") {
    TempDir dir;
    for (const auto& [example, name] : {std::pair{"urban-academy-education.json", "education"},
                                        std::pair{"social-olympics-renewal.json", "renewal"}}) {
        const auto session = imported(dir, example, std::string(name) + ".plenary");
        const auto before = readFile(session);
        for (const char* format : {"html", "docx", "xlsx"}) {
            INFO(name << " " << format);
            const auto result = run(kPlenary, {"export", session, "--format", format});
            CHECK(result.exitCode == 0);
            CHECK(lines(result.err) == 1);
            const fs::path file = dir / (std::string(name) + "." + format);
            CHECK(fs::is_regular_file(file));
            CHECK(fs::file_size(file) > 1000);
        }
        const auto csv = run(kPlenary, {"export", session, "--format", "csv"});
        CHECK(csv.exitCode == 0);
        const fs::path tables = dir / (std::string(name) + "-tables");
        CHECK(fs::is_directory(tables));
        CHECK(fs::is_regular_file(tables / "people.csv"));
        // md and json go to standard output unless told.
        const auto md = run(kPlenary, {"export", session});
        CHECK(md.exitCode == 0);
        CHECK(md.out.rfind("# ", 0) == 0);
        const auto html = run(kPlenary, {"export", session, "--format", "html", "-o", "-"});
        CHECK(html.exitCode == 0);
        CHECK(html.out.rfind("<!DOCTYPE html>", 0) == 0);
        // Reading a workshop never writes it.
        CHECK(readFile(session) == before);
    }
    for (const auto& entry : fs::recursive_directory_iterator(dir.path()))
        CHECK_MESSAGE(entry.path().string().find(".tmp-") == std::string::npos, entry.path().string());
}

TEST_CASE("export cli: anonymised, the names are gone and so is the people table") {
    TempDir dir;
    const auto session = imported(dir, "urban-academy-education.json", "education.plenary");
    const auto plain = run(kPlenary, {"export", session, "--format", "md"});
    REQUIRE(plain.out.find("Sanne van Dijk") != std::string::npos);
    const auto md = run(kPlenary, {"export", session, "--format", "md", "--anonymize"});
    REQUIRE(md.exitCode == 0);
    CHECK(md.out.find("Sanne van Dijk") == std::string::npos);
    CHECK(md.out.find("Presenter from Amsterdam") != std::string::npos);
    CHECK(run(kPlenary, {"export", session, "--format", "csv", "--anonymise"}).exitCode == 0);
    const fs::path tables = dir / "education-anonymised-tables";
    CHECK(fs::is_regular_file(tables / "questions.csv"));
    CHECK_FALSE(fs::exists(tables / "people.csv"));
    CHECK(readFile(tables / "dilemmas.csv").find("Sanne van Dijk") == std::string::npos);
    // An earlier export's people.csv in the same folder does not survive an anonymised one.
    const fs::path shared = dir / "shared";
    CHECK(run(kPlenary, {"export", session, "--format", "csv", "-o", shared.string()}).exitCode == 0);
    REQUIRE(fs::exists(shared / "people.csv"));
    CHECK(run(kPlenary, {"export", session, "--format", "csv", "-o", shared.string(), "--anonymize"}).exitCode ==
          0);
    CHECK_FALSE(fs::exists(shared / "people.csv"));
}

TEST_CASE("export cli: refusals are one line and write nothing") {
    TempDir dir;
    const auto session = imported(dir, "social-olympics-renewal.json", "renewal.plenary");
    const auto json = run(kPlenary, {"export", session, "--format", "json", "--anonymize"});
    CHECK(json.exitCode != 0);
    CHECK(lines(json.err) == 1);
    CHECK(json.out.empty());
    for (const char* format : {"docx", "xlsx", "csv"}) {
        const auto binary = run(kPlenary, {"export", session, "--format", format, "-o", "-"});
        CHECK(binary.exitCode != 0);
        CHECK(lines(binary.err) == 1);
        CHECK(binary.out.empty());
    }
    // Never over a workshop, whatever the format.
    const auto before = readFile(session);
    for (const char* format : {"html", "docx", "xlsx", "csv"}) {
        const auto over = run(kPlenary, {"export", session, "--format", format, "-o", session});
        CHECK(over.exitCode != 0);
        CHECK(lines(over.err) == 1);
    }
    CHECK(readFile(session) == before);
    // CSV into a file that is not a folder.
    const fs::path file = dir / "notes.txt";
    plenary::test::writeFile(file, "mine");
    CHECK(run(kPlenary, {"export", session, "--format", "csv", "-o", file.string()}).exitCode != 0);
    CHECK(readFile(file) == "mine");
}

TEST_CASE("export cli: --bom starts each CSV file with the byte-order mark, and only then") {
    TempDir dir;
    const auto session = imported(dir, "social-olympics-renewal.json", "renewal.plenary");
    REQUIRE(run(kPlenary, {"export", session, "--format", "csv", "-o", (dir / "plain").string()}).exitCode == 0);
    REQUIRE(run(kPlenary, {"export", session, "--format", "csv", "--bom", "-o", (dir / "bom").string()}).exitCode ==
            0);
    for (const char* table : {"statements.csv", "votes.csv", "ring-support.csv", "ranking.csv", "shift.csv"}) {
        INFO(table);
        const auto plain = readFile(dir / "plain" / table);
        const auto bom = readFile(dir / "bom" / table);
        CHECK(plain.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
        CHECK(bom.rfind("\xEF\xBB\xBF", 0) == 0);
        CHECK(bom.substr(3) == plain);
    }
}
