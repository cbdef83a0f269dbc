#include "session/ReportPreview.hpp"

#include "session/OpenWorkshop.hpp"

namespace plenary::session {

const core::Report& ReportPreview::report(const OpenWorkshop& workshop, bool anonymised) {
    if (m_built && m_workshop == &workshop && m_revision == workshop.revision() && m_anonymised == anonymised)
        return m_report;
    m_report = core::buildReport(workshop.data());
    if (anonymised) m_report = core::anonymise(std::move(m_report));
    m_workshop = &workshop;
    m_revision = workshop.revision();
    m_anonymised = anonymised;
    m_built = true;
    ++m_generation;
    return m_report;
}

} // namespace plenary::session
