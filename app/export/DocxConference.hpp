#pragma once

#include "core/Report.hpp"
#include "export/DocxWriter.hpp"

// A Social Olympics conference in a Word report: scale and threshold, the rings and their members,
// the statements by ring, and per round the support per ring (a shaded table for the heat map),
// the shift since round 1 and the consensus list.
namespace plenary::exporting {

void docxConference(DocxBody& body, const core::ReportConference& conference);

} // namespace plenary::exporting
