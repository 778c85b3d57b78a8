// Prints how long the timeline takes to paint a 1920x1080 frame of a million spans, zoomed out
// and zoomed in (median of 20 frames; a frame should fit in 16 ms), and to export a picture of
// 100,000 spans as PNG (render + save; should fit in a second).
#include "runner.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace mtlab;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// A made-up run: `lanes` workers (the last one a queue) running back-to-back tasks of a few
// states, `total` spans in all, about 10 us to 100 us each.
RunResult syntheticRun(int lanes, int total)
{
    std::mt19937 random(42);
    std::uniform_int_distribution<std::int64_t> length(10'000, 100'000);
    std::vector<Lane> laneList;
    std::vector<Span> spans;
    spans.reserve(static_cast<std::size_t>(total));
    const int perLane = total / lanes;
    const State states[] = {State::Cpu, State::IoWait, State::LockWait, State::Cpu, State::Idle};
    for (int l = 0; l < lanes; ++l) {
        Lane lane;
        lane.id = l;
        lane.sortIndex = l;
        lane.kind = l + 1 == lanes ? LaneKind::Queue : LaneKind::PoolThread;
        lane.name = l + 1 == lanes ? "queue" : "thread " + std::to_string(l + 1);
        laneList.push_back(lane);
        std::int64_t t = 0;
        for (int i = 0; i < perLane; ++i) {
            const std::int64_t d = length(random);
            Span s{t, t + d, l, l * perLane + i, -1, states[i % 5], IoPhase::None};
            if (lane.kind == LaneKind::Queue) { // queued spans overlap: tasks wait side by side
                s.state = State::Queued;
                s.end = t + 40 * d;
            } else if (s.state == State::IoWait) {
                s.phase = IoPhase::Wait;
            }
            spans.push_back(s);
            t += d;
        }
    }
    RunResult run;
    run.experiment.strategy = StrategyKind::Threads;
    run.experiment.workers = lanes - 1;
    run.trace = Trace(std::move(laneList), std::move(spans), {}, {}, 0);
    run.wallNs = run.trace.end();
    return run;
}

double paintMedian(const TimelineRenderer &renderer, QImage &image, const TimeScale &scale,
                   const TimelineRenderer::Options &options, int *shapes)
{
    std::vector<double> frames;
    for (int i = 0; i < 20; ++i) {
        QPainter painter(&image);
        const auto start = Clock::now();
        renderer.paint(painter, image.rect(), scale, options);
        frames.push_back(msSince(start));
    }
    *shapes = renderer.lastShapeCount();
    return median(frames);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    auto start = Clock::now();
    const RunResult big = syntheticRun(50, 1'000'000);
    TimelineModel model;
    model.addRun(big);
    std::printf("model of %zu spans on 50 lanes built in %.1f ms\n", model.spanCount(), msSince(start));

    const TimelineRenderer renderer(model);
    QImage image(1920, 1080, QImage::Format_RGB32);
    TimelineRenderer::Options options;
    options.fitHeight = true;
    const double width = renderer.plotArea(image.rect(), options).width();
    const double duration = static_cast<double>(model.durationNs());
    int shapes = 0;
    struct Zoom {
        const char *name;
        double shownNs;
    };
    for (const Zoom zoom : {Zoom{"full zoom-out", duration}, Zoom{"100x zoom", duration / 100},
                            Zoom{"deep zoom (0.5 ms)", 5e5}}) {
        TimeScale scale;
        scale.fit(duration / 2 - zoom.shownNs / 2, duration / 2 + zoom.shownNs / 2, width);
        const double ms = paintMedian(renderer, image, scale, options, &shapes);
        std::printf("paint 1920x1080, %-20s %7.2f ms/frame (median of 20), %6d shapes\n", zoom.name, ms,
                    shapes);
    }

    TimeScale fit;
    fit.fit(0, duration, width);
    std::vector<double> hits;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Clock::now();
        renderer.hitTest(image.rect(), fit, options, QPoint(400 + i * 7, 300 + i));
        hits.push_back(msSince(t0));
    }
    std::printf("hit test (tooltip lookup)                  %7.3f ms (median of 200)\n", median(hits));

    TimelineModel small;
    small.addRun(syntheticRun(20, 100'000));
    const TimelineRenderer smallRenderer(small);
    QTemporaryDir dir;
    std::vector<double> exports;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = Clock::now();
        QImage picture(1920, 1080, QImage::Format_RGB32);
        QPainter painter(&picture);
        TimelineRenderer::Options o;
        o.title = QStringLiteral("100,000 spans");
        o.fitHeight = true;
        TimeScale scale;
        scale.fit(0, static_cast<double>(small.durationNs()),
                  smallRenderer.plotArea(picture.rect(), o).width());
        smallRenderer.paint(painter, picture.rect(), scale, o);
        painter.end();
        if (!picture.save(dir.filePath(QStringLiteral("timeline.png")), "PNG")) {
            std::fputs("bench_timeline: could not save the PNG\n", stderr);
            return 1;
        }
        exports.push_back(msSince(t0));
    }
    std::printf("PNG export of 100,000 spans (render + save) %7.1f ms (median of 5)\n", median(exports));
    return 0;
}
