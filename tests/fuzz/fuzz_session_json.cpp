// Session JSON import (plenary import, docs/json-format.md): any bytes give a session or a
// JsonError, never a crash; a session that validates survives export and import unchanged.
#include "FuzzSupport.hpp"

#include "core/JsonRead.hpp"
#include "core/Report.hpp"
#include "core/SessionJson.hpp"
#include "export/JsonExport.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    core::SessionData session;
    try {
        session = core::parseSessionJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const std::exception&) {
        return 0; // refused with a message: what bad input should get
    }
    if (!core::validateSession(session).empty()) return 0;
    (void)core::anonymise(core::buildReport(session));
    const std::string again = exporting::sessionToJson(session);
    core::SessionData reread;
    try {
        reread = core::parseSessionJson(again, "again.json");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fuzz::broken("a valid session's own JSON export does not import");
    }
    if (!(reread == session)) fuzz::broken("a session changed on export and import");
    return 0;
}
