#include "bench/Bench.hpp"

#include "bench/ExportBench.hpp"
#include "bench/Figures.hpp"
#include "bench/LibraryBench.hpp"
#include "bench/ScreenBench.hpp"
#include "bench/StressWorkshop.hpp"
#include "bench/TallyBench.hpp"
#include "bench/WindowBench.hpp"
#include "store/SessionStore.hpp"

#include <cstdlib>
#include <iostream>

namespace plenary::bench {

namespace fs = std::filesystem;

namespace {

// A scratch folder on the temporary disk, removed with everything in it.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (fs::temp_directory_path() / "plenary-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
        m_path = pattern;
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

struct Files {
    fs::path ua;
    fs::path so;
};

Files writeWorkshop(const fs::path& folder, int scale) {
    fs::create_directories(folder);
    auto data = stressWorkshop(scale);
    Files files{folder / "stress.plenary", folder / "stress-social-olympics.plenary"};
    store::SessionStore::create(files.so, socialOlympicsCopy(data));
    store::SessionStore::create(files.ua, data);
    return files;
}

void progress(const std::string& what) {
    std::cerr << "bench: " << what << "…\n";
}

} // namespace

int runBench(bool json, bool quick) {
    try {
        ScratchFolder scratch;
        Repeats repeats;
        if (quick) repeats = Repeats{20, 1, 3};
        std::vector<Figure> figures;
        // Frames of every screen and captures, at 1× and 4× (--quick: 1× only).
        for (const int scale : quick ? std::vector<int>{1} : std::vector<int>{1, 4}) {
            const std::string tag = std::to_string(scale) + "x";
            progress("writing the stress workshop at " + tag);
            const auto files = writeWorkshop(scratch.path() / tag, scale);
            progress("building frames at " + tag);
            measureScreens(scratch.path() / tag, files.ua, files.so, tag, scale == 1 ? 2.0 : 4.0, repeats,
                           figures);
            progress("capturing at " + tag);
            measureCapture(files.ua, tag, repeats, figures);
            progress("tallying at " + tag);
            measureTally(files.so, tag, repeats, figures);
            progress("exporting at " + tag);
            measureExport(scratch.path() / tag, files.ua, files.so, tag, quick ? 1 : 5, figures);
            progress("importing at " + tag);
            measureImport(scratch.path() / tag, files.ua, tag, quick ? 1 : 3, figures);
        }
        {
            const int steps = quick ? 200 : 20000;
            const std::string tag = "1x +" + std::to_string(steps) + " undo";
            progress("capturing with " + std::to_string(steps) + " undo steps in the file");
            const auto files = writeWorkshop(scratch.path() / "undo", 1);
            addUndoSteps(files.ua, steps);
            measureCapture(files.ua, tag, repeats, figures);
        }
        {
            const int files = quick ? 20 : 500;
            progress("writing " + std::to_string(files) + " demo-sized workshop files and searching them");
            measureLibrary(scratch.path() / "library", files, quick ? 1 : 5, figures);
        }
        // The real window: its library holds the 1× workshop it opens, like a user's would.
        progress("running the program window");
        const fs::path library = scratch.path() / "window" / "data" / "plenary" / "sessions";
        const auto files = writeWorkshop(library, 1);
        measureWindow(scratch.path() / "window", files.ua, quick ? 1.0 : 10.0, quick ? 1 : 3, figures);

        addGrowth(figures);
        if (json)
            printJson(std::cout, figures);
        else
            printTable(std::cout, figures);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "plenary: bench: " << e.what() << "\n";
        return 1;
    }
}

} // namespace plenary::bench
