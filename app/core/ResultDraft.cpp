#include "core/ResultDraft.hpp"

#include "core/Agenda.hpp"
#include "core/Text.hpp"
#include "core/Wording.hpp"

namespace plenary::core {

std::string draftResult(const SessionData& data, Id dilemma) {
    const auto members = jointMembers(data, dilemma);
    std::vector<const Practice*> practices;
    std::string reflection;
    int questions = 0;
    for (const auto* member : members) {
        for (const auto& p : data.practices)
            if (p.dilemma == member->id) practices.push_back(&p);
        for (const auto& q : data.questions)
            if (q.dilemma == member->id) ++questions;
        if (!member->reflection.empty()) reflection += (reflection.empty() ? "" : " ") + member->reflection;
    }
    std::string text;
    if (!reflection.empty()) text += "Reflection: " + reflection + "\n\n";
    if (practices.empty()) {
        text += "No practices were suggested.";
    } else {
        text += "Participants suggested " + std::to_string(practices.size()) +
                (practices.size() == 1 ? " idea or practice:" : " ideas and practices:");
        for (const auto* p : practices) {
            // The origin as the report writes it ("Title, City (CC)"), not wrapped in parentheses
            // of its own, which would nest around the country code.
            // Separators only between parts that are there, as in the report.
            std::string line = trim(p->title);
            if (const auto origin = originLine(p->city, p->country); !origin.empty())
                line += (line.empty() ? "" : ", ") + origin;
            if (const auto* by = findPerson(data, p->suggestedBy); by && !trim(by->name).empty())
                line += (line.empty() ? "Suggested by " : ", suggested by ") + trim(by->name);
            if (const auto description = trim(p->description); !description.empty())
                line += (line.empty() ? "" : ": ") + description;
            text += "\n- " + line;
        }
    }
    if (questions > 0)
        text += "\n\n" + std::to_string(questions) + (questions == 1 ? " question was" : " questions were") +
                " asked before the ideas round.";
    return text;
}

std::string withDraft(const std::string& written, const std::string& draft) {
    if (trim(written).empty()) return draft;
    if (written.find(draft) != std::string::npos) return written;
    return written + "\n\n" + draft;
}

} // namespace plenary::core
