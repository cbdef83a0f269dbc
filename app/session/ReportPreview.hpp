#pragma once

#include "core/Report.hpp"

#include <cstdint>

namespace plenary::session {

class OpenWorkshop;

// The open workshop's report for the preview screen, built once per change of the workshop (and
// of the anonymised switch), never per frame: a 1,000-dilemma report takes tens of milliseconds.
class ReportPreview {
public:
    const core::Report& report(const OpenWorkshop& workshop, bool anonymised);
    // A number that changes whenever report() gives another report (a view's layout follows it).
    std::uint64_t generation() const { return m_generation; }

private:
    const OpenWorkshop* m_workshop = nullptr;
    std::uint64_t m_revision = 0;
    bool m_anonymised = false;
    bool m_built = false;
    std::uint64_t m_generation = 0;
    core::Report m_report;
};

} // namespace plenary::session
