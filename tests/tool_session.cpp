// A scripted session for the kill -9 tests (tests/test_kill_session.cpp): edits a workshop through
// the session layer the window uses (session::Worker), as a facilitator would, until it is killed.
//
//   plenary_tool_session captures FILE TEMPLATES SEED   live capture line, phase moves, undo, redo
//   plenary_tool_session tallies FILE TEMPLATES SEED    a conference's tally grid, the clicker, undo, redo
//   plenary_tool_session imports JSON FOLDER            `plenary import` into import-N.plenary
//   plenary_tool_session merges A B FOLDER              `plenary merge` into merged-N.plenary
//
// Before each edit it prints "doing KEY VALUE" ("undoing", "redoing" for Ctrl+Z and Ctrl+Y): what
// the edit will make the fact ("*" when that is not known beforehand; KEY "q:new" for a question
// whose id the file will give). Once the call has returned, committed, it prints "saved KEY VALUE"
// ("undone", "redone") with the fact as the workshop now has it (support/KillFacts.hpp). An edit
// that does not do what it should prints "error ..." and stops.
#include "core/Agenda.hpp"
#include "core/SessionJson.hpp"
#include "session/Merge.hpp"
#include "session/Operations.hpp"
#include "session/Worker.hpp"
#include "store/TemplateFiles.hpp"
#include "support/KillFacts.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace plenary;
namespace fs = std::filesystem;

namespace {

void say(const std::string& what, const std::string& key, const std::string& value) {
    std::printf("%s %s %s\n", what.c_str(), key.c_str(), value.c_str());
    std::fflush(stdout);
}

[[noreturn]] void fail(const std::string& why) {
    std::printf("error %s\n", why.c_str());
    std::fflush(stdout);
    std::exit(3);
}

// One edit the script may take back: the fact before and after it.
struct Step {
    std::string key, before, after;
};

// The file's undo history as far as the script made it: undo and redo only ever reach the
// script's own captures or counts, never past a move (which clears both).
class History {
public:
    explicit History(session::OpenWorkshop& workshop) : m_workshop(workshop) {}
    void did(Step step) {
        m_done.push_back(std::move(step));
        m_undone.clear();
    }
    void moved() {
        m_done.clear();
        m_undone.clear();
    }
    bool canUndo() const { return !m_done.empty(); }
    bool canRedo() const { return !m_undone.empty(); }
    void undo() {
        const Step step = m_done.back();
        m_done.pop_back();
        say("undoing", step.key, step.before);
        if (!m_workshop.undo()) fail("undo refused");
        confirm(step.key, step.before, "undone");
        m_undone.push_back(step);
    }
    void redo() {
        const Step step = m_undone.back();
        m_undone.pop_back();
        say("redoing", step.key, step.after);
        if (!m_workshop.redo()) fail("redo refused");
        confirm(step.key, step.after, "redone");
        m_done.push_back(step);
    }
    std::string fact(const std::string& key) const {
        return test::factOf(test::factsOf(m_workshop.data()), key);
    }
    void confirm(const std::string& key, const std::string& expected, const char* verb = "saved") const {
        const std::string now = fact(key);
        if (expected != "*" && now != expected) fail(key + " is " + now + ", not " + expected);
        say(verb, key, now);
    }

private:
    session::OpenWorkshop& m_workshop;
    std::vector<Step> m_done, m_undone;
};

bool chance(std::mt19937& random, double p) {
    return std::uniform_real_distribution<double>(0, 1)(random) < p;
}
int pick(std::mt19937& random, int n) {
    return std::uniform_int_distribution<int>(0, n - 1)(random);
}

std::set<core::Id> questionIds(const core::SessionData& data) {
    std::set<core::Id> ids;
    for (const auto& q : data.questions)
        ids.insert(q.id);
    return ids;
}
std::set<core::Id> practiceIds(const core::SessionData& data) {
    std::set<core::Id> ids;
    for (const auto& p : data.practices)
        ids.insert(p.id);
    return ids;
}

// The live screen: moves between the open questions, the reflection and the ideas, and captures
// what the room says in each, taking some back (Ctrl+Z) and bringing some back (Ctrl+Y).
void captures(session::Worker& worker, unsigned seed) {
    auto& live = worker.live();
    auto& workshop = *worker.workshop();
    std::vector<int> capturing; // phases whose capture line adds a question, a practice, a paragraph
    for (int i = 0; i < static_cast<int>(live.phases().size()); ++i) {
        const auto kind = core::captureFor(live.phases()[i].key);
        if (kind == core::CaptureKind::Question || kind == core::CaptureKind::Practice ||
            kind == core::CaptureKind::Reflection)
            capturing.push_back(i);
    }
    if (capturing.empty() || live.dilemma() == 0) fail("nothing to capture in this workshop");
    History history(workshop);
    std::mt19937 random(seed);
    const char* words[] = {"Wie betaalt de leraren", "How did Łódź start", "Αθήνα: who decides",
                           "Zoë asks about the budget", "Què en pensa el barri"};
    for (int i = 0, sinceMove = 1000;; ++i, ++sinceMove) {
        if (sinceMove > 6 && (i == 0 || chance(random, 0.15))) {
            // A move is an edit of the phase log; it is never undone here. The first one leaves
            // wherever the file's log had the session (perhaps a phase that captures context).
            say("doing", "phase", "*");
            live.goToPhase(capturing[pick(random, static_cast<int>(capturing.size()))]);
            history.confirm("phase", "*");
            history.moved();
            sinceMove = 0;
        } else if (history.canRedo() && chance(random, 0.4)) {
            history.redo();
        } else if (history.canUndo() && chance(random, 0.2)) {
            history.undo();
        } else {
            const std::string text = std::string(words[pick(random, 5)]) + " (" + std::to_string(i) + ")?";
            const auto kind = live.captureKind();
            const auto questionsBefore = questionIds(workshop.data());
            const auto practicesBefore = practiceIds(workshop.data());
            const std::string reflection = "r:" + std::to_string(live.dilemma());
            const std::string reflectionBefore = history.fact(reflection);
            std::string key;
            if (kind == core::CaptureKind::Question) {
                say("doing", "q:new", text);
            } else if (kind == core::CaptureKind::Practice) {
                say("doing", "p:new", text);
            } else {
                say("doing", reflection, "*");
                key = reflection;
            }
            if (!live.capture(text, 0)) fail("capture refused: " + text);
            if (kind == core::CaptureKind::Question) {
                for (const auto id : questionIds(workshop.data()))
                    if (!questionsBefore.count(id)) key = "q:" + std::to_string(id);
            } else if (kind == core::CaptureKind::Practice) {
                for (const auto id : practiceIds(workshop.data()))
                    if (!practicesBefore.count(id)) key = "p:" + std::to_string(id);
            }
            if (key.empty()) fail("no new row for " + text);
            const std::string after = history.fact(key);
            if (key == reflection ? after.find(text) == std::string::npos : after != text)
                fail(key + " is " + after + " after capturing " + text);
            history.confirm(key, after);
            history.did({key, key == reflection ? reflectionBefore : "-", after});
        }
    }
}

// The conference screen: counts typed into the tally grid of the round and ring on screen, the
// clicker stepping on now and then, a typo refused, some counts taken back and brought back.
void tallies(session::Worker& worker, unsigned seed) {
    auto& conference = worker.conference();
    auto& workshop = *worker.workshop();
    if (!conference.active()) fail("not a conference");
    const int levels = static_cast<int>(conference.scale().levels.size());
    History history(workshop);
    std::mt19937 random(seed);
    for (int i = 0;; ++i) {
        if (chance(random, 0.08)) {
            say("doing", "round", "*");
            if (chance(random, 0.3))
                conference.goToRound(1 + pick(random, static_cast<int>(conference.rounds().size())));
            else
                conference.nextStep();
            history.confirm("round", "*");
            history.moved();
            continue;
        }
        if (history.canRedo() && chance(random, 0.4)) {
            history.redo();
            continue;
        }
        if (history.canUndo() && chance(random, 0.15)) {
            history.undo();
            continue;
        }
        const auto& statements = conference.statements();
        if (statements.empty()) {
            conference.nextStep();
            continue;
        }
        const core::Id statement = statements[pick(random, static_cast<int>(statements.size()))]->id;
        const int level = pick(random, levels);
        if (chance(random, 0.05)) {
            // A typo is refused and changes nothing: no edit, nothing to report.
            if (conference.setCount(statement, level, "x" + std::to_string(i))) fail("a typo was saved");
            continue;
        }
        const int count = pick(random, 13);
        const std::string key = "v:" + std::to_string(conference.round()) + ":" +
                                std::to_string(conference.ring()) + ":" + std::to_string(statement) + ":" +
                                std::to_string(level);
        const std::string before = history.fact(key);
        const std::string after = count == 0 ? "-" : std::to_string(count);
        say("doing", key, after);
        if (!conference.setCount(statement, level, std::to_string(count))) fail("count refused: " + key);
        history.confirm(key, after);
        if (before != after) history.did({key, before, after}); // the same count again is no edit
    }
}

// `plenary import` again and again, each into a new file.
void imports(const fs::path& json, const fs::path& folder) {
    const auto data = core::parseSessionJson(store::readTextFile(json), json.filename().string());
    const std::string counts = test::countsLine(core::countsOf(data));
    for (int i = 0;; ++i) {
        const std::string name = "import-" + std::to_string(i) + ".plenary";
        say("doing", "file:" + name, counts);
        session::importJsonFile(json, folder / name);
        say("saved", "file:" + name, counts);
    }
}

// `plenary merge` of two rooms again and again, each into a new file.
void merges(const fs::path& a, const fs::path& b, const fs::path& folder) {
    for (int i = 0;; ++i) {
        const std::string name = "merged-" + std::to_string(i) + ".plenary";
        say("doing", "file:" + name, "*");
        const auto report = session::mergeFiles({a, b}, folder / name);
        say("saved", "file:" + name, test::countsLine(report.merged));
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if ((mode == "captures" || mode == "tallies") && argc == 5) {
            const fs::path file = argv[2];
            session::Worker worker(file.parent_path(), argv[3]);
            std::string problem;
            worker.setReporter([&](session::Message m) { problem = m.text; });
            if (!worker.open(file)) fail("cannot open " + file.string() + ": " + problem);
            const auto seed = static_cast<unsigned>(std::stoul(argv[4]));
            if (mode == "captures")
                captures(worker, seed);
            else
                tallies(worker, seed);
        } else if (mode == "imports" && argc == 4) {
            imports(argv[2], argv[3]);
        } else if (mode == "merges" && argc == 5) {
            merges(argv[2], argv[3], argv[4]);
        } else {
            std::cerr << "usage: plenary_tool_session captures|tallies FILE TEMPLATES SEED\n"
                         "       plenary_tool_session imports JSON FOLDER\n"
                         "       plenary_tool_session merges A B FOLDER\n";
            return 2;
        }
    } catch (const std::exception& e) {
        fail(e.what());
    }
    return 0;
}
