#include "session/Recall.hpp"

namespace plenary::session {

const std::vector<SimilarDilemma>& Recall::similarTo(Library& library, const std::filesystem::path& workshop,
                                                     const core::Dilemma* dilemma) {
    // The question and its information say what the dilemma is about; the result comes later.
    const std::string text = dilemma ? dilemma->question + "\n" + dilemma->information : std::string();
    const core::Id id = dilemma ? dilemma->id : 0;
    const auto generation = library.generation();
    if (workshop == m_workshop && id == m_dilemma && text == m_text && generation == m_generation) return m_similar;
    m_workshop = workshop;
    m_dilemma = id;
    m_text = text;
    m_generation = generation;
    m_similar = dilemma ? library.similar(text, workshop, 4) : std::vector<SimilarDilemma>{};
    return m_similar;
}

} // namespace plenary::session
