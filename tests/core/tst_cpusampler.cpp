#include "cpusampler.h"
#include "recorder.h"
#include "tracecollector.h"

#include <QStringList>
#include <QTest>

using namespace mtlab;

class TestCpuSampler : public QObject
{
    Q_OBJECT

private slots:
    void splitsReadings_data();
    void splitsReadings();
    void readsTheCpuClockWhenDue_data();
    void readsTheCpuClockWhenDue();
};

namespace {

constexpr std::int64_t Us = 1000;

// Feeds a script of readings, in µs, to a sampler: "b wall cpu" begins a stretch of computing,
// "s wall cpu" samples, "e wall cpu" ends it. Returns what was recorded: "cpu 0-270, ready 270-4250".
QString run(const QString &script, std::int64_t *cpuNs)
{
    TraceCollector collector(0);
    {
        Recorder recorder(collector, collector.addLane({}));
        CpuSampler sampler(recorder, 7);
        for (const QString &step : script.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList words = step.trimmed().split(QLatin1Char(' '));
            const std::int64_t wall = words.at(1).toLongLong() * Us;
            const std::int64_t cpu = words.at(2).toLongLong() * Us;
            if (words.at(0) == QLatin1String("b"))
                sampler.begin(wall, cpu);
            else if (words.at(0) == QLatin1String("s"))
                sampler.sample(wall, cpu);
            else
                sampler.end(wall, cpu);
        }
        *cpuNs = sampler.cpuNs();
    }
    const Trace trace = collector.finish();
    QStringList spans;
    for (const Span &s : trace.spans()) {
        if (s.task != 7)
            return QStringLiteral("a span of another task");
        spans << QStringLiteral("%1 %2-%3")
                     .arg(QString::fromUtf8(stateName(s.state).data()))
                     .arg(s.begin / Us)
                     .arg(s.end / Us);
    }
    return spans.join(QStringLiteral(", "));
}

} // namespace

void TestCpuSampler::splitsReadings_data()
{
    QTest::addColumn<QString>("readings");
    QTest::addColumn<QString>("spans");
    QTest::addColumn<qint64>("cpuUs");
    QTest::newRow("always on a core: one cpu span")
        << QStringLiteral("b 0 0, s 250 250, s 500 500, e 600 600") << QStringLiteral("cpu 0-600")
        << qint64(600);
    QTest::newRow("losses under 50 µs stay cpu") << QStringLiteral("b 0 0, s 250 210, s 500 460, e 750 700")
                                                 << QStringLiteral("cpu 0-750") << qint64(700);
    QTest::newRow("a lost turn: computing first, then ready")
        << QStringLiteral("b 0 0, s 250 250, s 4250 270, e 4500 520")
        << QStringLiteral("cpu 0-270, ready 270-4250, cpu 4250-4500") << qint64(520);
    QTest::newRow("a loss of exactly 50 µs is ready")
        << QStringLiteral("b 0 0, e 300 250") << QStringLiteral("cpu 0-250, ready 250-300") << qint64(250);
    QTest::newRow("ready runs merge") << QStringLiteral("b 0 0, s 2000 0, s 4000 0, e 4100 100")
                                      << QStringLiteral("ready 0-4000, cpu 4000-4100") << qint64(100);
    QTest::newRow("CPU clock a little ahead of the wall clock")
        << QStringLiteral("b 0 0, s 250 255, e 500 510") << QStringLiteral("cpu 0-500") << qint64(510);
    QTest::newRow("no time passed: nothing recorded")
        << QStringLiteral("b 100 0, e 100 0") << QStringLiteral("") << qint64(0);
    QTest::newRow("stretches around a lock hand-over stay apart")
        << QStringLiteral("b 0 0, e 100 100, b 300 100, e 400 200")
        << QStringLiteral("cpu 0-100, cpu 300-400") << qint64(200);
}

void TestCpuSampler::splitsReadings()
{
    QFETCH(QString, readings);
    QFETCH(QString, spans);
    QFETCH(qint64, cpuUs);
    std::int64_t cpuNs = -1;
    QCOMPARE(run(readings, &cpuNs), spans);
    QCOMPARE(cpuNs, cpuUs * Us);
}

void TestCpuSampler::readsTheCpuClockWhenDue_data()
{
    QTest::addColumn<QString>("chunkEnds"); // µs of wall time from a begin() at 0; 500 µs interval
    QTest::addColumn<QString>("due");
    QTest::newRow("steady chunks: the first, then once per interval")
        << QStringLiteral("100 200 300 400 500 600 700") << QStringLiteral("1 0 0 0 0 1 0");
    QTest::newRow("a chunk 50 µs slower than the fastest lost its core")
        << QStringLiteral("100 200 350 450") << QStringLiteral("1 0 1 0");
    QTest::newRow("a chunk 40 µs slower is noise")
        << QStringLiteral("100 200 340 440") << QStringLiteral("1 0 0 0");
    QTest::newRow("a lost turn longer than the interval")
        << QStringLiteral("100 200 3300 3400") << QStringLiteral("1 0 1 0");
}

// After every chunk the workload asks whether to read the CPU clock; when told so, it samples.
void TestCpuSampler::readsTheCpuClockWhenDue()
{
    QFETCH(QString, chunkEnds);
    QFETCH(QString, due);
    TraceCollector collector(0);
    Recorder recorder(collector, collector.addLane({}));
    CpuSampler sampler(recorder, 0, 500 * Us, 50 * Us);
    sampler.begin(0, 0);
    QStringList answers;
    for (const QString &end : chunkEnds.split(QLatin1Char(' '))) {
        const std::int64_t wall = end.toLongLong() * Us;
        const bool read = sampler.chunkDone(wall);
        answers << QString::number(read ? 1 : 0);
        if (read)
            sampler.sample(wall, wall);
    }
    QCOMPARE(answers.join(QLatin1Char(' ')), due);
}

QTEST_APPLESS_MAIN(TestCpuSampler)
#include "tst_cpusampler.moc"
