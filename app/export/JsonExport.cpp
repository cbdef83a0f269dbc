#include "export/JsonExport.hpp"

#include "core/SessionJson.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <sstream>

// cereal finds these save() functions by argument-dependent lookup, so they live in core's namespace.
namespace plenary::core {

template <class Archive> void save(Archive& ar, const Workshop& w) {
    ar(cereal::make_nvp("title", w.title), cereal::make_nvp("format", std::string(formatKey(w.format))),
       cereal::make_nvp("template", w.templateKey), cereal::make_nvp("date", w.date),
       cereal::make_nvp("endDate", w.endDate), cereal::make_nvp("venue", w.venue),
       cereal::make_nvp("language", w.language), cereal::make_nvp("description", w.description),
       cereal::make_nvp("scale", w.scale), cereal::make_nvp("threshold", w.threshold),
       cereal::make_nvp("dotBudget", w.dotBudget), cereal::make_nvp("rounds", w.rounds));
}

template <class Archive> void save(Archive& ar, const Person& p) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("name", p.name),
       cereal::make_nvp("organisation", p.organisation), cereal::make_nvp("city", p.city),
       cereal::make_nvp("country", p.country), cereal::make_nvp("role", std::string(roleKey(p.role))),
       cereal::make_nvp("ring", p.ring));
}

template <class Archive> void save(Archive& ar, const Phase& p) {
    ar(cereal::make_nvp("key", p.key), cereal::make_nvp("name", p.name), cereal::make_nvp("prompt", p.prompt),
       cereal::make_nvp("seconds", p.seconds), cereal::make_nvp("position", p.position));
}

template <class Archive> void save(Archive& ar, const ThematicSession& s) {
    ar(cereal::make_nvp("id", s.id), cereal::make_nvp("title", s.title),
       cereal::make_nvp("position", s.position));
}

template <class Archive> void save(Archive& ar, const Dilemma& d) {
    ar(cereal::make_nvp("id", d.id), cereal::make_nvp("session", d.session),
       cereal::make_nvp("position", d.position), cereal::make_nvp("question", d.question),
       cereal::make_nvp("presenter", d.presenter), cereal::make_nvp("information", d.information),
       cereal::make_nvp("reflection", d.reflection), cereal::make_nvp("result", d.result),
       cereal::make_nvp("status", std::string(statusKey(d.status))),
       cereal::make_nvp("jointGroup", d.jointGroup));
}

template <class Archive> void save(Archive& ar, const Question& q) {
    ar(cereal::make_nvp("id", q.id), cereal::make_nvp("dilemma", q.dilemma),
       cereal::make_nvp("position", q.position), cereal::make_nvp("text", q.text),
       cereal::make_nvp("asker", q.asker), cereal::make_nvp("open", q.open),
       cereal::make_nvp("overridden", q.overridden));
}

template <class Archive> void save(Archive& ar, const Practice& p) {
    ar(cereal::make_nvp("id", p.id), cereal::make_nvp("dilemma", p.dilemma),
       cereal::make_nvp("position", p.position), cereal::make_nvp("title", p.title),
       cereal::make_nvp("description", p.description), cereal::make_nvp("city", p.city),
       cereal::make_nvp("country", p.country), cereal::make_nvp("suggestedBy", p.suggestedBy),
       cereal::make_nvp("link", p.link), cereal::make_nvp("catalog", p.catalog),
       cereal::make_nvp("innovative", p.innovative), cereal::make_nvp("makesDifference", p.makesDifference),
       cereal::make_nvp("sustainable", p.sustainable), cereal::make_nvp("replicable", p.replicable));
}

template <class Archive> void save(Archive& ar, const Contribution& c) {
    ar(cereal::make_nvp("id", c.id), cereal::make_nvp("kind", std::string(contributionKey(c.kind))),
       cereal::make_nvp("session", c.session), cereal::make_nvp("person", c.person),
       cereal::make_nvp("title", c.title), cereal::make_nvp("text", c.text),
       cereal::make_nvp("position", c.position));
}

template <class Archive> void save(Archive& ar, const PhaseLogEntry& e) {
    ar(cereal::make_nvp("id", e.id), cereal::make_nvp("dilemma", e.dilemma),
       cereal::make_nvp("phase", e.phase), cereal::make_nvp("startedAt", e.startedAt),
       cereal::make_nvp("endedAt", e.endedAt), cereal::make_nvp("plannedSeconds", e.plannedSeconds));
}

template <class Archive> void save(Archive& ar, const Ring& r) {
    ar(cereal::make_nvp("id", r.id), cereal::make_nvp("key", r.key), cereal::make_nvp("name", r.name),
       cereal::make_nvp("colour", r.colour), cereal::make_nvp("position", r.position));
}

template <class Archive> void save(Archive& ar, const Statement& s) {
    ar(cereal::make_nvp("id", s.id), cereal::make_nvp("ring", s.ring),
       cereal::make_nvp("position", s.position), cereal::make_nvp("text", s.text),
       cereal::make_nvp("mergedInto", s.mergedInto));
}

template <class Archive> void save(Archive& ar, const VoteTally& v) {
    ar(cereal::make_nvp("round", v.round), cereal::make_nvp("ring", v.ring),
       cereal::make_nvp("statement", v.statement), cereal::make_nvp("level", v.level),
       cereal::make_nvp("count", v.count));
}

} // namespace plenary::core

namespace plenary::exporting {

std::string sessionToJson(const core::SessionData& d) {
    std::ostringstream out;
    {
        cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options(
                                              324, cereal::JSONOutputArchive::Options::IndentChar::space, 2));
        ar(cereal::make_nvp("format", std::string(core::kSessionJsonFormat)),
           cereal::make_nvp("version", core::kSessionJsonVersion), cereal::make_nvp("workshop", d.workshop),
           cereal::make_nvp("people", d.people), cereal::make_nvp("phases", d.phases),
           cereal::make_nvp("thematicSessions", d.sessions), cereal::make_nvp("dilemmas", d.dilemmas),
           cereal::make_nvp("questions", d.questions), cereal::make_nvp("practices", d.practices),
           cereal::make_nvp("contributions", d.contributions), cereal::make_nvp("phaseLog", d.phaseLog),
           cereal::make_nvp("rings", d.rings), cereal::make_nvp("statements", d.statements),
           cereal::make_nvp("votes", d.votes));
    } // the archive writes its closing brace when it is destroyed
    out << '\n';
    return out.str();
}

} // namespace plenary::exporting
