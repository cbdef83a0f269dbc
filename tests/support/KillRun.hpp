#pragma once

#include <string>
#include <vector>

// The kill -9 tests: a process is started, killed with SIGKILL at a chosen moment, and whatever it
// printed before dying is kept (it prints a line only after what the line reports is saved).
namespace plenary::test {

struct KilledRun {
    std::string out;             // everything printed before the kill
    bool exitedOnItsOwn = false; // it ended before the kill (it never should)
    bool killed = false;         // it died of the signal
};

// Starts args[0] with args, reads its output until deadlineMs after the start (or after its first
// complete line when afterFirstLine; with `firstReport`, its first line starting so), then kills it.
// A process that never prints gives up after 20 s.
KilledRun runAndKill(const std::vector<std::string>& args, int deadlineMs, bool afterFirstLine,
                     const std::string& firstReport = {});

// How many rounds a kill test runs: `normal`, or in the long mode (PLENARY_KILL_ROUNDS=1000 in the
// environment) that many times PLENARY_KILL_ROUNDS / 200, rounded up. The normal rounds of all
// kill tests add up to at least 200, so the long mode kills at least PLENARY_KILL_ROUNDS times.
int killRounds(int normal);

// A process running beside a test (its output thrown away), killed when this goes.
class Background {
public:
    explicit Background(const std::vector<std::string>& args);
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    bool running() const; // still alive (it has not exited or crashed)

private:
    int m_pid = -1;
};

} // namespace plenary::test
