// A writer for the kill -9 test: adds questions to a session file one edit at a time and prints
// "saved ID TEXT" only after each edit has committed. The test kills it at a random moment and
// checks that every reported edit is in the file.
#include "store/SessionStore.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: plenary_tool_writer FILE DILEMMA_ID COUNT [PAUSE_MS]\n";
        return 2;
    }
    try {
        auto store = plenary::store::SessionStore::open(argv[1]);
        const plenary::core::Id dilemma = std::stoll(argv[2]);
        const int count = std::stoi(argv[3]);
        // An optional pause between edits: a window edits at a person's pace, not back to back.
        const int pauseMs = argc > 4 ? std::stoi(argv[4]) : 0;
        for (int i = 0; i < count; ++i) {
            plenary::core::Question q;
            q.dilemma = dilemma;
            q.text = "How does edit " + std::to_string(i) + " survive — Zoë, Łódź, Αθήνα?";
            const auto id = store->addQuestion(q);
            if (i % 7 == 3) store->undo(); // undo is an edit too; its result must survive as well
            std::printf("saved %lld %d %s\n", static_cast<long long>(id), i % 7 == 3 ? 0 : 1, q.text.c_str());
            std::fflush(stdout);
            if (pauseMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs));
        }
    } catch (const std::exception& e) {
        std::cerr << "plenary_tool_writer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
