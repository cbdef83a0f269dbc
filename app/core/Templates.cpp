#include "core/Templates.hpp"

#include "core/Rounds.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"

#include <algorithm>

#include "core/JsonRead.hpp"
#include "core/VoteScale.hpp"
#include "core/Wording.hpp"

#include <set>

namespace plenary::core {
namespace {

const std::set<std::string> kPhaseKeys{"present", "questions", "reflection", "ideas", "result"};

Phase readPhase(JsonIn& in, int position) {
    Phase phase;
    phase.position = position;
    in.readObject([&](std::string_view key) {
        if (key == "key")
            in.read(phase.key);
        else if (key == "name")
            in.read(phase.name);
        else if (key == "prompt")
            in.read(phase.prompt);
        else if (key == "seconds")
            in.read(phase.seconds);
        else
            return false;
        return true;
    });
    if (!kPhaseKeys.contains(phase.key))
        in.fail("key \"" + phase.key + "\" is not one of present, questions, reflection, ideas, result");
    if (phase.name.empty()) in.fail("a phase needs a name");
    if (phase.seconds <= 0 || phase.seconds > 4 * 3600) in.fail("seconds must be between 1 and 14400");
    return phase;
}

RingTemplate readRing(JsonIn& in) {
    RingTemplate ring;
    in.readObject([&](std::string_view key) {
        if (key == "key")
            in.read(ring.key);
        else if (key == "name")
            in.read(ring.name);
        else if (key == "colour")
            in.read(ring.colour);
        else
            return false;
        return true;
    });
    if (ring.key.empty() || ring.name.empty()) in.fail("a ring needs a key and a name");
    if (!parseHexColour(ring.colour)) in.fail("colour must look like #2B6CB0");
    return ring;
}

RoundTemplate readRound(JsonIn& in) {
    RoundTemplate round;
    in.readObject([&](std::string_view key) {
        if (key == "number")
            in.read(round.number);
        else if (key == "name")
            in.read(round.name);
        else if (key == "prompt")
            in.read(round.prompt);
        else if (key == "minutes")
            in.read(round.minutes);
        else
            return false;
        return true;
    });
    return round;
}

} // namespace

FormatTemplate parseFormatTemplate(std::string json, std::string source) {
    FormatTemplate result;
    JsonIn in(std::move(json), source);
    std::string format;
    in.readRoot([&](std::string_view key) {
        if (key == "key")
            in.read(result.key);
        else if (key == "name")
            in.read(result.name);
        else if (key == "format")
            in.read(format);
        else if (key == "language")
            in.read(result.language);
        else if (key == "description")
            in.read(result.description);
        else if (key == "phases")
            in.readArray(
                [&](std::size_t i) { result.phases.push_back(readPhase(in, static_cast<int>(i) + 1)); });
        else if (key == "rings")
            in.readArray([&](std::size_t) { result.rings.push_back(readRing(in)); });
        else if (key == "rounds")
            in.readArray([&](std::size_t) { result.rounds.push_back(readRound(in)); });
        else if (key == "scale")
            in.read(result.scale);
        else if (key == "threshold")
            in.read(result.threshold);
        else if (key == "dotBudget")
            in.read(result.dotBudget);
        else
            return false;
        return true;
    });
    const auto parsed = formatFromKey(format);
    if (!parsed) throw JsonError(source + ": format must be \"urban-academy\" or \"social-olympics\"");
    result.format = *parsed;
    if (result.key.empty() || result.name.empty()) throw JsonError(source + ": key and name are required");
    if (result.format == Format::UrbanAcademy && result.phases.empty())
        throw JsonError(source + ": phases: an Urban Academy template needs at least one phase");
    if (result.format == Format::SocialOlympics) {
        if (result.rings.empty()) throw JsonError(source + ": rings: a Social Olympics template needs rings");
        if (result.rounds.empty())
            throw JsonError(source + ": rounds: a Social Olympics template needs rounds");
        if (!findScale(result.scale))
            throw JsonError(source + ": scale: \"" + result.scale +
                            "\" is not agreement, fist-to-five, gradients or dots");
        if (result.threshold <= 0.0 || result.threshold > 1.0)
            throw JsonError(source + ": threshold must be above 0 and at most 1");
        if (result.scale == "dots" && result.dotBudget <= 0)
            throw JsonError(source + ": dotBudget: dot voting needs a budget of at least one dot");
    }
    // A ring is named by its key in a spreadsheet of people or statements: two alike would be one.
    // Compared as a spreadsheet's ring is matched (matchRing): case, accents and spaces aside.
    std::set<std::string> ringKeys;
    for (std::size_t i = 0; i < result.rings.size(); ++i)
        if (!ringKeys.insert(foldForSearch(trim(result.rings[i].key))).second)
            throw JsonError(source + ": rings[" + std::to_string(i) + "]: key \"" + result.rings[i].key +
                            "\" is used twice");
    std::set<int> roundNumbers;
    for (std::size_t i = 0; i < result.rounds.size(); ++i)
        if (!roundNumbers.insert(result.rounds[i].number).second)
            throw JsonError(source + ": rounds[" + std::to_string(i) + "]: number " +
                            std::to_string(result.rounds[i].number) + " is used twice");
    // Whatever else is wrong (two rounds numbered 1, two rings with one key…) would surface only
    // when a workshop made from the template fails its own checks: refuse the template instead.
    const auto problems = validateSession(sessionFromTemplate(result, result.name));
    if (!problems.empty()) throw JsonError(source + ": " + problems.front());
    return result;
}

std::vector<CatalogPractice> parsePracticeCatalog(std::string json, std::string source) {
    std::vector<CatalogPractice> practices;
    JsonIn in(std::move(json), source, JsonLimits{16u << 20, 16});
    std::set<std::string> ids;
    in.readRoot([&](std::string_view key) {
        if (key != "practices") return false;
        in.readArray([&](std::size_t) {
            CatalogPractice p;
            in.readObject([&](std::string_view field) {
                if (field == "id")
                    in.read(p.id);
                else if (field == "title")
                    in.read(p.title);
                else if (field == "city")
                    in.read(p.city);
                else if (field == "country")
                    in.read(p.country);
                else if (field == "theme")
                    in.read(p.theme);
                else if (field == "targetGroup")
                    in.read(p.targetGroup);
                else if (field == "link")
                    in.read(p.link);
                else if (field == "summary")
                    in.read(p.summary);
                else if (field == "source")
                    in.read(p.source);
                else
                    return false;
                return true;
            });
            if (p.id.empty() || p.title.empty()) in.fail("a practice needs an id and a title");
            if (!ids.insert(p.id).second) in.fail("id \"" + p.id + "\" is used twice");
            practices.push_back(std::move(p));
        });
        return true;
    });
    return practices;
}

BenchmarkSet parseBenchmarkSet(std::string json, std::string source) {
    BenchmarkSet set;
    JsonIn in(std::move(json), source);
    in.readRoot([&](std::string_view key) {
        if (key == "name")
            in.read(set.name);
        else if (key == "source")
            in.read(set.source);
        else if (key == "dimensions")
            in.readArray([&](std::size_t) {
                BenchmarkDimension dimension;
                in.readObject([&](std::string_view field) {
                    if (field == "key")
                        in.read(dimension.key);
                    else if (field == "name")
                        in.read(dimension.name);
                    else if (field == "statements")
                        in.read(dimension.statements);
                    else
                        return false;
                    return true;
                });
                set.dimensions.push_back(std::move(dimension));
            });
        else
            return false;
        return true;
    });
    if (set.dimensions.empty()) throw JsonError(source + ": dimensions: at least one dimension is needed");
    return set;
}

SessionData sessionFromTemplate(const FormatTemplate& format, const std::string& title) {
    SessionData data;
    data.workshop.title = title.empty() ? format.name : title;
    data.workshop.format = format.format;
    data.workshop.templateKey = format.key;
    data.workshop.language = format.language;
    data.phases = format.phases;
    if (format.format == Format::SocialOlympics) {
        data.workshop.scale = format.scale;
        data.workshop.threshold = format.threshold;
        data.workshop.dotBudget = format.dotBudget;
        data.workshop.rounds = static_cast<int>(format.rounds.size());
        std::vector<RoundInfo> rounds;
        for (const auto& r : format.rounds)
            rounds.push_back({r.number, r.name, r.prompt, std::max(0, r.minutes) * 60});
        data.phases = roundPhases(rounds);
        Id id = 1;
        for (const auto& ring : format.rings) {
            data.rings.push_back(Ring{id, ring.key, ring.name, ring.colour, static_cast<int>(id)});
            ++id;
        }
    }
    return data;
}

} // namespace plenary::core
