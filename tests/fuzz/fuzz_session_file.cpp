// Opening a session file (a mutated .plenary): any bytes are refused with a message or read into
// a session and its report, never a crash, and reading never writes: the file's bytes are the
// same afterwards.
#include "FuzzSupport.hpp"

#include "core/Report.hpp"
#include "export/MarkdownExport.hpp"
#include "store/SessionStore.hpp"

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plenary;
    namespace fs = std::filesystem;
    static const fs::path file =
        fs::temp_directory_path() / ("plenary-fuzz-" + std::to_string(::getpid()) + ".plenary");
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    try {
        auto store = store::SessionStore::open(file, store::OpenMode::ReadOnly);
        (void)store->integrityCheck();
        const auto session = store->load();
        (void)exporting::reportToMarkdown(core::buildReport(session));
    } catch (const std::exception&) {
    }
    if (fuzz::fileBytes(file) != bytes) fuzz::broken("reading a session file changed its bytes");
    std::error_code ec;
    for (const char* side : {"-journal", "-wal", "-shm"})
        if (fs::exists(file.string() + side, ec)) fuzz::broken("reading a session file left a side file");
    fs::remove(file, ec);
    return 0;
}
