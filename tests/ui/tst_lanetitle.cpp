#include "eventloop.h"
#include "hogtask.h"
#include "lanetitle.h"
#include "language.h"
#include "recorder.h"
#include "runner.h"
#include "tracecollector.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace mtlab;

class TestLaneTitle : public QObject
{
    Q_OBJECT

private slots:
    // The engine's own lane names, as each strategy makes them: in English the window shows them
    // unchanged, in Korean every one of them is translated, so none slips through in English.
    void everyEngineLaneIsKnown_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::newRow("sync") << int(StrategyKind::Sync);
        QTest::newRow("threads") << int(StrategyKind::Threads);
        QTest::newRow("async") << int(StrategyKind::Async);
        QTest::newRow("processes") << int(StrategyKind::Processes);
    }
    void everyEngineLaneIsKnown()
    {
        QFETCH(int, strategy);
        Experiment e;
        e.workload = WorkloadKind::Cpu;
        e.strategy = StrategyKind(strategy);
        e.tasks = 3;
        e.workers = 2;
        e.n = 1000;
        const RunResult run = Runner(e).run();
        QVERIFY2(run.problem.empty(), run.problem.c_str());
        QVERIFY(!run.trace.lanes().empty());
        for (const Lane &lane : run.trace.lanes())
            QCOMPARE(laneTitle(lane), QString::fromStdString(lane.name));

        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/multitask-lab_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        for (const Lane &lane : run.trace.lanes()) {
            const QString title = laneTitle(lane);
            QVERIFY2(title != QString::fromStdString(lane.name), lane.name.c_str());
            // The numbers stay: "스레드 2", "프로세스 1 (pid 4711)".
            for (const QChar c : QString::fromStdString(lane.name))
                if (c.isDigit())
                    QVERIFY2(title.contains(c), qPrintable(title));
        }
        QCoreApplication::removeTranslator(&korean);
    }

    // The task that starves the event loop has a lane of its own, named by the engine.
    void hogLanesAreKnown_data()
    {
        QTest::addColumn<int>("sliceMs");
        QTest::newRow("in one go") << 0;
        QTest::newRow("in slices") << 10;
    }
    void hogLanesAreKnown()
    {
        QFETCH(int, sliceMs);
        IoOptions io;
        io.hogMs = 500;
        io.hogSliceMs = sliceMs;
        TraceCollector collector(0);
        Recorder recorder(collector, 0);
        EventLoop loop;
        const HogTask hog(loop, io, recorder, 0, {});
        const Lane lane = collector.lanes().back();
        QVERIFY(lane.name.starts_with("hog"));
        QCOMPARE(laneTitle(lane), QString::fromStdString(lane.name));
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/multitask-lab_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        const QString title = laneTitle(lane);
        QCoreApplication::removeTranslator(&korean);
        QVERIFY2(title != QString::fromStdString(lane.name), lane.name.c_str());
        if (sliceMs > 0)
            QVERIFY2(title.contains(QString::number(sliceMs)), qPrintable(title));
    }

    void otherNamesStayAsTheyAre()
    {
        Lane lane;
        lane.name = "python thread 12";
        QCOMPARE(laneTitle(lane), QStringLiteral("python thread 12"));
    }
};

QTEST_MAIN(TestLaneTitle)
#include "tst_lanetitle.moc"
