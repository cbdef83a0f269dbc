#include "export/JsonExport.hpp"

#include "core/Fields.hpp"
#include "core/SessionJson.hpp"
#include "core/Text.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <cmath>
#include <sstream>
#include <stdexcept>

// cereal finds save() by argument-dependent lookup, so it lives in core's namespace. Every entity is
// written from its one field description (core/Fields), in that order.
namespace plenary::core {

template <class Archive, class T>
requires requires {
    fields::Entity<T>::table;
}
void save(Archive& ar, const T& item) {
    if constexpr (fields::hasJsonId<T>) ar(cereal::make_nvp("id", item.id));
    fields::forEach<T>([&](const auto& f) {
        if (f.json.empty()) return;
        const std::string key(f.json);
        const auto& value = item.*f.member;
        using Value = std::decay_t<decltype(value)>;
        if constexpr (std::is_enum_v<Value>) {
            ar(cereal::make_nvp(key.c_str(), std::string(f.toKey(value))));
        } else if constexpr (std::is_same_v<Value, std::string>) {
            // Always valid JSON that imports again: a file may hold invalid UTF-8 or a NUL, which
            // the import refuses; they go (U+FFFD for the bytes), everything else is kept.
            ar(cereal::make_nvp(key.c_str(), forExchange(value)));
        } else if constexpr (std::is_floating_point_v<Value>) {
            // JSON has no infinity: a file holding one cannot be exported faithfully.
            if (!std::isfinite(value))
                throw std::runtime_error("cannot export: " + std::string(fields::Entity<T>::table) + "." +
                                         key + " is not a finite number in this file");
            ar(cereal::make_nvp(key.c_str(), value));
        } else {
            ar(cereal::make_nvp(key.c_str(), value));
        }
    });
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
           cereal::make_nvp("votes", d.votes), cereal::make_nvp("roundLog", d.roundLog));
    } // the archive writes its closing brace when it is destroyed
    out << '\n';
    return out.str();
}

} // namespace plenary::exporting
