#pragma once

#include "snapshot.h"

namespace mtlab {

class JsonWriter;
struct RunResult;

// The snapshot index of a finished run, knowing whether its threads shared the interpreter lock.
// The run must outlive it.
SnapshotIndex snapshotIndexOf(const RunResult &run);

// {"at_ms", "running", "ready", "waiting": [{"task", "for"}], "queued", "done"}, plus "lock"
// ({"holder", "waiters"}) when the run emulated the interpreter lock. Lists hold task ids.
void writeSnapshotJson(JsonWriter &json, const Snapshot &snapshot);

} // namespace mtlab
