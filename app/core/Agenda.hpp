#pragma once

#include "core/Model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The running order of an Urban Academy module, and what a capture means in each phase.
namespace plenary::core {

enum class CaptureKind { Context, Question, Reflection, Practice, Result };

// present → context, questions → question, reflection → reflection, ideas → practice, result → result.
CaptureKind captureFor(std::string_view phaseKey);

// Thematic sessions by position (the order of the agenda and of the report).
std::vector<const ThematicSession*> sessionsInOrder(const SessionData& data);

// Dilemmas in running order (thematic sessions by position, then dilemmas by position). Skipped
// dilemmas stay in the list; a joint discussion appears once, as its first member (the lead).
std::vector<const Dilemma*> runningOrder(const SessionData& data);

// The dilemmas discussed together with this one (itself included, lead first); just itself if none.
std::vector<const Dilemma*> jointMembers(const SessionData& data, Id dilemma);

// The lead of the joint discussion a dilemma belongs to (itself if not joined).
Id leadOf(const SessionData& data, Id dilemma);

// The next or previous dilemma to run, skipping skipped ones; 0 at either end.
Id nextDilemma(const SessionData& data, Id current);
Id previousDilemma(const SessionData& data, Id current);

// A fresh joint-group number (one more than any in use).
Id newJointGroup(const SessionData& data);

// One step of the live session, written as one edit (one undo step): the running phase's log
// entry ended, dilemma statuses changed, the next phase's entry started.
struct PhaseSwitch {
    Id endEntry = 0;
    std::string endedAt;
    std::vector<Dilemma> dilemmas;
    std::optional<PhaseLogEntry> start;
    std::string label = "Change phase";
};

} // namespace plenary::core
