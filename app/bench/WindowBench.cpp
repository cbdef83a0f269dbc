#include "bench/WindowBench.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

extern char** environ;

namespace plenary::bench {

namespace fs = std::filesystem;

namespace {

struct ChildReport {
    std::map<std::string, std::string> values;
    std::string error; // empty when the child ran and reported
    double number(const std::string& key) const {
        const auto it = values.find(key);
        return it == values.end() ? 0.0 : std::atof(it->second.c_str());
    }
};

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    return false;
}

bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

ChildReport runChild(const fs::path& folder, const fs::path& file, double seconds, bool timer) {
    ChildReport report;
    const fs::path reportPath = folder / "window-report.txt";
    const fs::path logPath = folder / "window-log.txt";
    fs::remove(reportPath);
    std::vector<std::string> args;
    if (!haveDisplay()) args = {"xvfb-run", "-a", "-s", "-screen 0 1920x1080x24"};
    args.push_back(fs::read_symlink("/proc/self/exe").string());
    args.insert(args.end(), {file.string(), "--bench-window", std::to_string(seconds), "--bench-report",
                             reportPath.string()});
    if (!timer) args.emplace_back("--bench-no-timer");

    // The child keeps its settings and library in the bench folder, never in the user's.
    std::vector<std::string> environment = {"XDG_DATA_HOME=" + (folder / "data").string(),
                                            "XDG_CONFIG_HOME=" + (folder / "config").string()};
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        if (entry.rfind("XDG_DATA_HOME=", 0) != 0 && entry.rfind("XDG_CONFIG_HOME=", 0) != 0)
            environment.push_back(entry);
    }
    std::vector<char*> argv, envp;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : environment)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        report.error = std::string("cannot start ") + argv[0];
        return report;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    std::ifstream in(reportPath);
    std::string key, value;
    while (in >> key && std::getline(in >> std::ws, value))
        report.values[key] = value;
    if (report.values.empty()) {
        std::ifstream log(logPath);
        std::string line;
        std::getline(log, line);
        report.error = "window did not run" + (line.empty() ? std::string() : ": " + line);
    }
    return report;
}

} // namespace

void measureWindow(const fs::path& folder, const fs::path& file, double idleSeconds, int startRepeats,
                   std::vector<Figure>& out) {
    std::string why;
    if (!haveDisplay() && !onPath("xvfb-run")) why = "not measured (no display)";
    std::vector<double> firstFrame, memory;
    // The timer is kept in the file: a run that starts it leaves it running for the next one. Each
    // idle run gets a copy of the workshop as it was, so "no timer" is really without one.
    const fs::path pristine = file.parent_path() / ".pristine-copy";
    std::error_code ec;
    fs::copy_file(file, pristine, fs::copy_options::overwrite_existing, ec);
    auto freshCopy = [&](const std::string& name) {
        const fs::path copy = file.parent_path() / (file.stem().string() + "-" + name + ".plenary");
        fs::copy_file(pristine, copy, fs::copy_options::overwrite_existing, ec);
        return ec ? file : copy;
    };
    for (int i = 0; why.empty() && i < startRepeats; ++i) {
        const auto report = runChild(folder, file, 0.0, true);
        if (!report.error.empty()) {
            why = "not measured (" + report.error + ")";
            break;
        }
        firstFrame.push_back(report.number("first_frame_ms"));
        memory.push_back(report.number("peak_mib"));
    }
    for (const bool timer : {true, false}) {
        const std::string label = timer ? " (timer running)" : " (no timer)";
        if (!why.empty()) {
            out.push_back(missing("idle redraws/s" + label, "1/s", timer ? 1.0 : 0.0, why));
            continue;
        }
        const auto report = runChild(folder, freshCopy(timer ? "timer" : "idle"), idleSeconds, timer);
        if (!report.error.empty()) {
            out.push_back(missing("idle redraws/s" + label, "1/s", timer ? 1.0 : 0.0, report.error));
            continue;
        }
        const double seconds = report.number("window_seconds");
        const double shown = report.number("frames_shown");
        const double cpu = report.number("cpu_seconds");
        out.push_back(figure("idle redraws/s" + label, "1/s", {shown / seconds}, timer ? 1.0 : 0.0));
        out.push_back(
            figure("idle frames built/s" + label, "1/s", {report.number("frames_built") / seconds}));
        // Under software OpenGL every redraw is rendered on the CPU: the CPU per redraw says more.
        const bool software = report.values.count("renderer") &&
                              report.values.at("renderer").find("llvmpipe") != std::string::npos;
        out.push_back(figure("idle CPU %" + label, "%", {100.0 * cpu / seconds},
                             software ? std::nullopt : std::optional<double>(1.0)));
        if (shown > 0) out.push_back(figure("idle CPU per redraw" + label, "ms", {1000.0 * cpu / shown}));
    }
    if (!why.empty()) {
        out.push_back(missing("first frame (1x)", "ms", 300.0, why));
        out.push_back(missing("memory peak (1x)", "MiB", 150.0, why));
        return;
    }
    out.push_back(figure("first frame (1x)", "ms", firstFrame, 300.0));
    out.push_back(figure("memory peak (1x)", "MiB", memory, 150.0));
}

} // namespace plenary::bench
