#include "core/Csv.hpp"

#include "core/Limits.hpp"
#include "core/Text.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace plenary::core {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

char detectSeparator(std::string_view text) {
    const auto end = text.find('\n');
    const auto header = text.substr(0, end);
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semicolons = std::count(header.begin(), header.end(), ';');
    return semicolons > commas ? ';' : ',';
}

} // namespace

std::vector<CsvRecord> parseCsv(std::string_view original, const std::string& source, std::size_t maxRows) {
    if (original.size() >= 3 && original.substr(0, 3) == "\xEF\xBB\xBF") original.remove_prefix(3); // BOM
    // Line ends as Windows (CRLF), Unix (LF) or an old Mac / Excel for Mac (CR alone) write them.
    std::string lines;
    lines.reserve(original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        if (original[i] != '\r') {
            lines += original[i];
            continue;
        }
        lines += '\n';
        if (i + 1 < original.size() && original[i + 1] == '\n') ++i;
    }
    const std::string_view text = lines;
    if (const auto bad = firstInvalidUtf8(text); bad != std::string_view::npos) {
        const int line =
            1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(bad), '\n'));
        throw CsvError(source + ": line " + std::to_string(line) +
                       ": the file is not UTF-8 — save it from the spreadsheet as \"CSV UTF-8\"");
    }
    const char separator = detectSeparator(text);
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    record.line = 1;
    auto endField = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        // Spreadsheets write empty rows as a line of separators (";;;"); skip those as blank lines.
        const bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                                       [](const std::string& f) { return trim(f).empty(); });
        if (!blank) {
            if (records.size() > maxRows)
                throw CsvError(source + ": line " + std::to_string(record.line) + ": " +
                               tooManyRowsMessage());
            records.push_back(std::move(record));
        }
        record = CsvRecord{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && field.empty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            endField();
        } else if (c == '\n') {
            endRecord();
            ++line;
            record.line = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        throw CsvError(source + ": line " + std::to_string(record.line) + ": a quoted field is never closed");
    if (!field.empty() || !record.fields.empty()) endRecord();
    return records;
}

CsvImport parseImportCsv(std::string_view text, const std::string& source) {
    const auto records = parseCsv(text, source, kMaxCsvRows);
    if (records.empty()) throw CsvError(source + ": the file is empty; the first line must be a header");
    std::map<std::string, std::size_t> columns;
    static const std::vector<std::string> known{"name",      "organisation", "city",     "country",
                                                "role",      "ring",         "session",  "question",
                                                "presenter", "information",  "statement"};
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
        std::string name = lower(trim(records[0].fields[i]));
        if (name == "organization") name = "organisation";
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw CsvError(source + ": line 1: unknown column \"" + trim(records[0].fields[i]) +
                           "\" (see docs/csv-import.md)");
        if (!columns.emplace(name, i).second)
            throw CsvError(source + ": line 1: column \"" + name + "\" appears twice");
    }
    CsvImport result;
    result.source = source;
    const bool statements = columns.contains("statement");
    const bool dilemmas = !statements && columns.contains("question");
    if (!statements && !dilemmas && !columns.contains("name"))
        throw CsvError(source + ": line 1: the header needs a \"name\" column (participants), a \"question\" "
                                "column (dilemmas) or a \"statement\" column (statements)");
    result.kind = statements ? CsvImport::Kind::Statements
                  : dilemmas ? CsvImport::Kind::Dilemmas
                             : CsvImport::Kind::People;
    // A column that only another kind of file uses would be dropped without a word: refuse it.
    static const std::vector<std::string> forPeople{"name",    "organisation", "city",
                                                    "country", "role",         "ring"};
    static const std::vector<std::string> forDilemmas{"session",      "question", "presenter", "information",
                                                      "organisation", "city",     "country",   "role"};
    static const std::vector<std::string> forStatements{"statement", "ring"};
    const auto& allowed = statements ? forStatements : dilemmas ? forDilemmas : forPeople;
    for (const auto& [name, index] : columns) {
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        throw CsvError(source + ": line 1: column \"" + name + "\" is not used in a " +
                       (statements ? "statements file (only \"statement\" and \"ring\" are)"
                        : dilemmas ? "dilemmas file (the presenter's name goes in \"presenter\")"
                                   : "participants file (a dilemmas file needs a \"question\" column)"));
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& record = records[r];
        const std::string at = source + ": line " + std::to_string(record.line) + ": ";
        if (record.fields.size() > records[0].fields.size())
            throw CsvError(at + "has " + std::to_string(record.fields.size()) +
                           " fields but the header has " + std::to_string(records[0].fields.size()));
        for (std::size_t i = 0; i < record.fields.size(); ++i)
            if (textTooLong(record.fields[i]))
                throw CsvError(at + "column \"" + trim(records[0].fields[i]) +
                               "\": " + textTooLongMessage(record.fields[i]));
        auto get = [&](const char* column) -> std::string {
            const auto it = columns.find(column);
            if (it == columns.end() || it->second >= record.fields.size()) return {};
            return trim(record.fields[it->second]);
        };
        if (statements) {
            CsvStatement s;
            s.line = record.line;
            s.text = get("statement");
            s.ring = get("ring");
            if (s.text.empty()) throw CsvError(at + "the statement is empty");
            result.statements.push_back(std::move(s));
            continue;
        }
        Person person;
        person.name = get(dilemmas ? "presenter" : "name");
        person.organisation = get("organisation");
        person.city = get("city");
        person.country = countryCode(get("country"));
        if (!person.country.empty() &&
            (person.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(person.country[0])) ||
             !std::isalpha(static_cast<unsigned char>(person.country[1]))))
            throw CsvError(at + "country \"" + person.country + "\" should be a two-letter code such as DE");
        if (const auto role = get("role"); !role.empty()) {
            const auto parsed = roleFromKey(lower(role));
            if (!parsed)
                throw CsvError(at + "role \"" + role +
                               "\" is not participant, facilitator, expert or rapporteur");
            person.role = *parsed;
        }
        if (dilemmas) {
            CsvDilemma d;
            d.line = record.line;
            d.session = get("session");
            d.question = get("question");
            d.information = get("information");
            d.presenter = person;
            if (d.question.empty()) throw CsvError(at + "the question is empty");
            if (d.session.empty()) d.session = "Dilemmas";
            result.dilemmas.push_back(std::move(d));
        } else {
            if (person.name.empty()) throw CsvError(at + "the name is empty");
            // The ring is matched against the workshop's rings on import (resolveRings): the
            // file alone does not know them.
            result.peopleRings.push_back({record.line, get("ring")});
            result.people.push_back(std::move(person));
        }
    }
    return result;
}

const Ring* matchRing(const std::vector<Ring>& rings, std::string_view typed) {
    const std::string wanted = foldForSearch(trim(typed));
    if (wanted.empty()) return nullptr;
    for (const auto& ring : rings)
        if (foldForSearch(trim(ring.name)) == wanted) return &ring;
    // A key second: a ring may be renamed "Keys" while another's key is "keys".
    for (const auto& ring : rings)
        if (foldForSearch(trim(ring.key)) == wanted) return &ring;
    return nullptr;
}

namespace {

// "Policymakers, Residents" — what the file could have said.
std::string ringNames(const std::vector<Ring>& rings) {
    std::string names;
    for (const auto& ring : rings)
        names += (names.empty() ? "" : ", ") + ring.name;
    return names;
}

Id ringOf(const std::vector<Ring>& rings, const std::string& at, std::string_view typed) {
    if (const Ring* ring = matchRing(rings, typed)) return ring->id;
    if (rings.empty()) throw CsvError(at + "ring \"" + std::string(typed) + "\": this workshop has no rings");
    throw CsvError(at + "ring \"" + std::string(typed) + "\" is not one of this workshop's rings (" +
                   ringNames(rings) + ")");
}

} // namespace

void resolveRings(CsvImport& batch, const std::vector<Ring>& rings) {
    auto at = [&](int line) { return batch.source + ": line " + std::to_string(line) + ": "; };
    for (std::size_t i = 0; i < batch.people.size() && i < batch.peopleRings.size(); ++i) {
        const auto& cell = batch.peopleRings[i];
        batch.people[i].ring = trim(cell.ring).empty() ? 0 : ringOf(rings, at(cell.line), cell.ring);
    }
    if (batch.ring != 0 &&
        std::none_of(rings.begin(), rings.end(), [&](const Ring& r) { return r.id == batch.ring; }))
        throw CsvError(batch.source + ": the ring chosen for the statements is no longer in the workshop");
    for (auto& s : batch.statements) {
        if (!trim(s.ring).empty())
            s.ringId = ringOf(rings, at(s.line), s.ring);
        else if (batch.ring != 0)
            s.ringId = batch.ring;
        else
            throw CsvError(at(s.line) +
                           "the statement has no ring: fill in the \"ring\" column (or, in Set up, choose "
                           "the ring beside Import CSV)");
    }
}

} // namespace plenary::core
