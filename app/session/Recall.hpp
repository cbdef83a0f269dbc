#pragma once

#include "session/Library.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace plenary::session {

// "Similar past dilemmas" for the dilemma on the live screen: asked of the library index only when
// the dilemma, its words or the library change — never each frame.
class Recall {
public:
    const std::vector<SimilarDilemma>& similarTo(Library& library, const std::filesystem::path& workshop,
                                                 const core::Dilemma* dilemma);

private:
    std::filesystem::path m_workshop;
    core::Id m_dilemma = 0;
    std::string m_text;
    std::uint64_t m_generation = 0;
    std::vector<SimilarDilemma> m_similar;
};

} // namespace plenary::session
