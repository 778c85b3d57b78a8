// Prints what one frame of a replay costs on a 100,000-span event-loop run (10,000 downloads):
// the state at the playhead (SnapshotIndex::at), the state panel laid out and drawn, the timeline
// drawn with its playhead over the cached picture, and the same timeline drawn afresh, as it
// would be without the cache. Medians of 30 frames at playheads spread over the run; a frame at
// 30 fps has 33 ms.
#include "replaycontroller.h"
#include "replaypane.h"
#include "runner.h"
#include "runsnapshot.h"
#include "statepanel.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QApplication>
#include <QImage>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

using namespace mtlab;

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t Us = 1'000;
constexpr std::int64_t Ms = 1'000'000;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The event loop downloading `tasks` pages, each task ten spans: ready for its first step, the
// step on the loop, dns, connect, tls, the server's 100 ms, the transfer, ready again, the body
// handled on the loop, and the loop's own work in libcurl.
std::shared_ptr<RunResult> asyncRun(int tasks)
{
    std::vector<Lane> lanes{Lane{.id = 0, .kind = LaneKind::EventLoop, .name = "event loop"}};
    std::vector<Span> spans;
    const auto add = [&](std::int32_t lane, State state, std::int32_t task, std::int64_t from,
                         std::int64_t to, IoPhase phase = IoPhase::None) {
        spans.push_back(
            Span{.begin = from, .end = to, .lane = lane, .task = task, .state = state, .phase = phase});
    };
    for (int task = 0; task < tasks; ++task) {
        const auto lane = static_cast<std::int32_t>(lanes.size());
        lanes.push_back(Lane{.id = lane, .kind = LaneKind::AsyncTask, .name = "task slot", .parent = 0});
        const std::int64_t step = task * 4 * Us;
        const std::int64_t answer = step + 2 * Us + 130 * Ms;
        const std::int64_t handled = answer + (tasks - task) * 3 * Us;
        add(lane, State::Ready, task, 0, step);
        add(0, State::Cpu, task, step, step + 2 * Us);
        add(0, State::Cpu, -1, step + 2 * Us, step + 4 * Us);
        add(lane, State::IoWait, task, step + 2 * Us, step + 3 * Ms, IoPhase::Dns);
        add(lane, State::IoWait, task, step + 3 * Ms, step + 10 * Ms, IoPhase::Connect);
        add(lane, State::IoWait, task, step + 10 * Ms, step + 20 * Ms, IoPhase::Tls);
        add(lane, State::IoWait, task, step + 20 * Ms, step + 120 * Ms, IoPhase::Wait);
        add(lane, State::IoWait, task, step + 120 * Ms, answer, IoPhase::Transfer);
        add(lane, State::Ready, task, answer, handled);
        add(0, State::Cpu, task, handled, handled + 2 * Us);
    }
    auto run = std::make_shared<RunResult>();
    run->experiment.workload = WorkloadKind::Io;
    run->experiment.strategy = StrategyKind::Async;
    run->experiment.tasks = tasks;
    run->trace = Trace(std::move(lanes), std::move(spans), {}, {}, 0);
    run->wallNs = run->trace.end();
    run->ok = tasks;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::shared_ptr<RunResult> run = asyncRun(10'000);
    std::printf("trace: %zu spans, %zu lanes, %.1f ms long\n", run->trace.spans().size(),
                run->trace.lanes().size(), static_cast<double>(run->trace.end()) / 1e6);

    auto start = Clock::now();
    const SnapshotIndex index = snapshotIndexOf(*run);
    std::printf("index built once:                %8.2f ms (%zu events)\n", msSince(start),
                index.eventTimes().size());

    TimelineModel model;
    model.addRun(*run);
    TimelineView view;
    view.resize(1240, 820);
    view.setModel(&model);
    ReplayPane pane;
    pane.resize(360, 820);
    pane.setRuns({run}, 0, &view);
    QImage viewImage(view.size(), QImage::Format_ARGB32_Premultiplied);
    QImage paneImage(pane.size(), QImage::Format_ARGB32_Premultiplied);
    view.render(&viewImage); // the first paint draws the cached picture

    std::vector<double> snapshot, panel, cached, fresh, frame;
    for (int i = 0; i < 30; ++i) {
        const std::int64_t t = index.duration() * (i + 1) / 32;
        start = Clock::now();
        const Snapshot s = index.at(t);
        snapshot.push_back(msSince(start));
        start = Clock::now();
        pane.statePanel()->setSnapshot(s);
        pane.statePanel()->render(&paneImage);
        panel.push_back(msSince(start));
        start = Clock::now();
        view.setPlayhead(static_cast<double>(t));
        view.render(&viewImage);
        cached.push_back(msSince(start));
        start = Clock::now();
        view.setTimeScale(view.timeScale()); // the picture is stale: laid out and drawn again
        view.render(&viewImage);
        fresh.push_back(msSince(start));
        // A whole frame as the replay makes it: the controller moves, the pane and timeline follow.
        start = Clock::now();
        pane.controller()->seek(t + 1);
        pane.render(&paneImage);
        view.render(&viewImage);
        frame.push_back(msSince(start));
    }
    std::printf("state at the playhead:           %8.3f ms\n", median(snapshot));
    std::printf("state panel laid out and drawn:  %8.3f ms\n", median(panel));
    std::printf("timeline, playhead over cache:   %8.3f ms\n", median(cached));
    std::printf("timeline drawn afresh:           %8.3f ms (%.0fx the cached frame)\n", median(fresh),
                median(fresh) / std::max(median(cached), 1e-6));
    std::printf("one replay frame (pane+timeline):%8.3f ms, %.0f frames/s possible\n", median(frame),
                1000.0 / std::max(median(frame), 1e-6));
    return 0;
}
