#pragma once

// The demo workshops of sessions/examples/, read as the JSON import reads them.
#include "core/SessionJson.hpp"
#include "support/Process.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace plenary::test {

// "urban-academy-education.json" (or without ".json").
inline core::SessionData exampleSession(std::string name) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") name += ".json";
    const std::filesystem::path path = std::filesystem::path(PLENARY_EXAMPLES) / name;
    REQUIRE_MESSAGE(std::filesystem::exists(path), "no example " << path.string());
    return core::parseSessionJson(readFile(path), name);
}

} // namespace plenary::test
