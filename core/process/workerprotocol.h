#pragma once

// The line protocol between the process pool and multitask-lab-worker.
//
// The worker is started as `multitask-lab-worker <workerArguments(experiment)>` and talks
// over its stdin (parent -> worker) and stdout (worker -> parent); stderr is free for complaints.
// Every message is one line of text ending in '\n'; fields are separated by one space. Times are
// CLOCK_MONOTONIC nanoseconds (nowNs()), the same clock in every process, so they are sent raw.
// A text field (detail, error) is always the last one and runs to the end of the line; it is
// escaped (backslash, newline, carriage return as \\ \n \r) and may be empty.
//
// Parent -> worker:
//   task <task> <sent_ns>          run this task; the parent sends the next one after `done`
//   (end of input)                 no more tasks: the running task is cancelled, the worker exits 0
// Worker -> parent:
//   ready <pid> <ns>               the workload is built; tasks may come
//   span <task> <state> <phase> <begin_ns> <end_ns> <detail>
//                                  one span of the task (state: stateName; phase: ioPhaseName,
//                                  `-` for none); the parent puts it on the worker's lane
//   done <task> <ok> <value> <bytes> <new_connection> <cpu_ns> <sent_ns> <error>
//                                  the task's outcome (ok, new_connection: 0/1; value: decimal
//                                  u128; cpu_ns: the thread CPU time it used); sent_ns is when
//                                  the worker wrote it, for the ipc span
// A malformed line ends the conversation: the worker exits with code 2, the parent ends the worker.

#include "decimal.h"
#include "span.h"
#include "workload.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mtlab {

struct TaskMessage {
    std::int32_t task = -1;
    std::int64_t sentNs = 0;
};

struct ReadyMessage {
    std::int64_t pid = 0;
    std::int64_t ns = 0;
};

struct SpanMessage {
    Span span; // lane and detail are not sent: the parent assigns both
    std::string detail;
};

struct DoneMessage {
    std::int32_t task = -1;
    TaskOutcome outcome;
    std::int64_t sentNs = 0;
};

using WorkerMessage = std::variant<ReadyMessage, SpanMessage, DoneMessage>;

// Longer lines are malformed: a peer that never sends '\n' must not grow our buffer forever.
inline constexpr std::size_t MaxLineBytes = std::size_t{1} << 20;

std::string escapeText(std::string_view text);
std::optional<std::string> unescapeText(std::string_view text);

// Each returns one complete line, '\n' included.
std::string formatTask(const TaskMessage &message);
std::string formatReady(const ReadyMessage &message);
std::string formatSpan(const Span &span, std::string_view detail);
std::string formatDone(const DoneMessage &message);

// Each takes one line without its '\n'; nothing when it is malformed.
std::optional<TaskMessage> parseTask(std::string_view line);
std::optional<WorkerMessage> parseWorkerMessage(std::string_view line);

// Moves the first complete line (without '\n') out of a receive buffer; nothing if none is whole.
std::optional<std::string> takeLine(std::string &buffer);

} // namespace mtlab
