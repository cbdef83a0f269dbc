#pragma once

#include <filesystem>
#include <string>

// What the window measures about itself when plenary bench runs it (--bench-window): frames
// built and shown, CPU time, peak memory, and how long after the process started the first frame
// was on screen. Written as "key value" lines for the bench to read back.
namespace plenary::ui {

// Seconds since the kernel started this process (exec), from /proc/self/stat's starttime
// against CLOCK_BOOTTIME; starttime counts clock ticks, so this is good to about 10 ms.
double secondsSinceProcessStart();
double cpuSeconds();    // user + system time of this process so far
double peakMemoryMiB(); // VmHWM: the most resident memory this process has had
double monotonicSeconds();

struct BenchProbe {
    double firstFrameMs = -1.0;
    // Counted over the idle window only (after the first second, when start-up has settled).
    long framesBuilt = 0;
    long framesShown = 0;
    double windowStart = 0.0;
    double cpuAtWindowStart = 0.0;
    std::string renderer;

    void write(const std::filesystem::path& path, double windowSeconds, double cpuSecondsInWindow) const;
};

} // namespace plenary::ui
