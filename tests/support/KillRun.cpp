#include "support/KillRun.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string>

extern char** environ;

namespace plenary::test {

namespace {
void require(bool condition) {
    if (!condition) throw std::runtime_error("cannot start the process to be killed");
}
// Starts args[0] with its standard output on `out` (-1: thrown away) and its errors thrown away.
pid_t spawn(const std::vector<std::string>& args, int out) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (out >= 0)
        posix_spawn_file_actions_adddup2(&actions, out, 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (const auto& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args.at(0).c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    require(rc == 0);
    return pid;
}

} // namespace

KilledRun runAndKill(const std::vector<std::string>& args, int deadlineMs, bool afterFirstLine,
                     const std::string& firstReport) {
    int fds[2];
    require(::pipe2(fds, O_CLOEXEC) == 0);
    const pid_t pid = spawn(args, fds[1]);
    ::close(fds[1]);

    using Clock = std::chrono::steady_clock;
    std::string out;
    auto deadline = Clock::now() + std::chrono::milliseconds(deadlineMs);
    bool started = !afterFirstLine;
    bool eof = false;
    char buffer[4096];
    // Not a timing assertion: only a guard so that a writer that never reports cannot hang the test.
    const auto giveUp = Clock::now() + std::chrono::seconds(20);
    while (!eof) {
        const auto until = started ? deadline : giveUp;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) break;
        const int waitMs = static_cast<int>(left);
        pollfd pfd{fds[0], POLLIN, 0};
        const int ready = ::poll(&pfd, 1, waitMs);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            eof = true; // the writer exited on its own (it should not, with a million edits to do)
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
        const auto reported = [&] {
            if (firstReport.empty()) return out.find('\n') != std::string::npos;
            const auto at = out.rfind("\n" + firstReport);
            return (out.rfind(firstReport, 0) == 0 && out.find('\n') != std::string::npos) ||
                   (at != std::string::npos && out.find('\n', at + 1) != std::string::npos);
        };
        if (!started && reported()) {
            started = true;
            deadline = Clock::now() + std::chrono::milliseconds(deadlineMs);
        }
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // Whatever the writer printed before dying was committed before it was printed.
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    KilledRun run;
    run.out = std::move(out);
    run.exitedOnItsOwn = eof;
    run.killed = WIFSIGNALED(status);
    return run;
}

int killRounds(int normal) {
    const char* total = std::getenv("PLENARY_KILL_ROUNDS");
    if (!total || !*total) return normal;
    const int wanted = std::stoi(total);
    if (wanted <= 200) return normal;
    return (normal * wanted + 199) / 200;
}

Background::Background(const std::vector<std::string>& args) : m_pid(spawn(args, -1)) {}

Background::~Background() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGKILL);
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
}

bool Background::running() const {
    int status = 0;
    return m_pid > 0 && ::waitpid(m_pid, &status, WNOHANG) == 0;
}

} // namespace plenary::test
