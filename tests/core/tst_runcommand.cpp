#include "columntext.h"
#include "cpuworkload.h"
#include "programrun.h"
#include "signalchecks.h"
#include "span.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace mtlab;

// `multitask-lab run` as scripts use it: the real executable, its exit codes and its output.
class TestRunCommand : public QObject
{
    Q_OBJECT

private slots:
    void helpNamesEveryOption();
    void badArgumentsExitWithTwo_data();
    void badArgumentsExitWithTwo();
    void jsonReportsEveryStrategy();
    void snapshotSaysWhatEachTaskDoes();
    void tableIsReadable();
    void koreanTableLinesUp();
    void machineReadableOutputIgnoresTheLanguage();
    void traceIsWrittenWhole();
    void traceIntoTheNullDeviceLeavesIt();
    void ioJsonCountsFailuresByReason();
    void tooManyDownloadsForTheFileLimitIsRefusedUpFront();
    void counterJsonSaysWhatWasLost();
    void interruptedRunExitsWith130_data();
    void interruptedRunExitsWith130();

private:
    using Result = ProgramResult;
    static Result run(const QStringList &args,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    static QProcessEnvironment inLanguage(const QString &language);
};

TestRunCommand::Result TestRunCommand::run(const QStringList &args, const QProcessEnvironment &environment)
{
    return runLab(QStringList{QStringLiteral("run")} + args, environment);
}

void TestRunCommand::helpNamesEveryOption()
{
    const Result r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.startsWith(QStringLiteral("Usage: multitask-lab run")));
    for (const char *option : {"--workload",
                               "--strategy",
                               "--tasks",
                               "--workers",
                               "--json",
                               "--trace",
                               "--png",
                               "--svg",
                               "--pdf",
                               "--n ",
                               "--gil",
                               "--switch-ms",
                               "--crash-task",
                               "--url",
                               "--delay-ms",
                               "--size-kb",
                               "--setup-ms",
                               "--tls",
                               "--max-concurrent",
                               "--error-rate",
                               "--fault",
                               "--seed",
                               "--no-reuse",
                               "--timeout-ms",
                               "--max-body-mb",
                               "--max-in-flight",
                               "--blocking",
                               "--hog-ms",
                               "--hog-slice-ms",
                               "--snapshot-at",
                               "--sync",
                               "--permits",
                               "--yield-inside"})
        QVERIFY2(out.contains(QLatin1String(option)), option);
}

void TestRunCommand::badArgumentsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown workload")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("disk")} << QStringLiteral("disk");
    QTest::newRow("zero tasks") << QStringList{QStringLiteral("--tasks"), QStringLiteral("0")}
                                << QStringLiteral("--tasks");
    QTest::newRow("negative workers")
        << QStringList{QStringLiteral("--workers"), QStringLiteral("-3")} << QStringLiteral("--workers");
    QTest::newRow("non-numeric") << QStringList{QStringLiteral("--n"), QStringLiteral("many")}
                                 << QStringLiteral("--n");
    QTest::newRow("unwritable trace")
        << QStringList{QStringLiteral("--trace"), QStringLiteral("/nonexistent-folder/t.json")}
        << QStringLiteral("/nonexistent-folder/t.json");
    QTest::newRow("snapshot at a negative time")
        << QStringList{QStringLiteral("--json"), QStringLiteral("--snapshot-at"), QStringLiteral("-5")}
        << QStringLiteral("--snapshot-at");
    QTest::newRow("snapshot at no number")
        << QStringList{QStringLiteral("--json"), QStringLiteral("--snapshot-at"), QStringLiteral("soon")}
        << QStringLiteral("soon");
    QTest::newRow("snapshot without --json")
        << QStringList{QStringLiteral("--snapshot-at"), QStringLiteral("10")} << QStringLiteral("--json");
    QTest::newRow("trace path is a folder")
        << QStringList{QStringLiteral("--trace"), QDir::tempPath()} << QStringLiteral("folder");
    // Refused by the file system, so also for root, who passes every permission check.
    QTest::newRow("trace into /proc")
        << QStringList{QStringLiteral("--trace"), QStringLiteral("/proc/x.json")}
        << QStringLiteral("/proc/x.json");
    QTest::newRow("svg into /proc") << QStringList{QStringLiteral("--svg"), QStringLiteral("/proc/x.svg")}
                                    << QStringLiteral("/proc/x.svg");
    QTest::newRow("pdf path is a folder")
        << QStringList{QStringLiteral("--pdf"), QDir::tempPath()} << QStringLiteral("folder");
    // A URL that can never be downloaded is refused before the run, not failed task by task.
    for (const char *url : {"file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1/",
                            "dict://127.0.0.1/", "not a url", "http://", "http://127.0.0.1:99999/"})
        QTest::newRow(qPrintable(QStringLiteral("--url %1").arg(QLatin1String(url))))
            << QStringList{QStringLiteral("--workload"), QStringLiteral("io"), QStringLiteral("--url"),
                           QLatin1String(url)}
            << QStringLiteral("--url");
    const QString same = QDir::temp().filePath(QStringLiteral("mtlab-same-output"));
    QTest::newRow("one file for two outputs")
        << QStringList{QStringLiteral("--trace"), same, QStringLiteral("--png"), same}
        << QStringLiteral("same file");
    QTest::newRow("one file for two outputs, spelled differently")
        << QStringList{QStringLiteral("--svg"), same, QStringLiteral("--pdf"),
                       QDir::tempPath() + QStringLiteral("/./mtlab-same-output")}
        << QStringLiteral("same file");
    QTest::newRow("blocking with all")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("io"), QStringLiteral("--strategy"),
                       QStringLiteral("all"), QStringLiteral("--blocking")}
        << QStringLiteral("--blocking");
    QTest::newRow("hog under processes")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("io"),       QStringLiteral("--strategy"),
                       QStringLiteral("processes"),  QStringLiteral("--hog-ms"), QStringLiteral("50")}
        << QStringLiteral("--hog-ms");
    QTest::newRow("sync without the counter")
        << QStringList{QStringLiteral("--sync"), QStringLiteral("lock")} << QStringLiteral("--sync");
    QTest::newRow("await inside a thread")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("counter"), QStringLiteral("--strategy"),
                       QStringLiteral("threads"), QStringLiteral("--yield-inside")}
        << QStringLiteral("--yield-inside");
    QTest::newRow("permits with a lock")
        << QStringList{QStringLiteral("--workload"), QStringLiteral("counter"),   QStringLiteral("--sync"),
                       QStringLiteral("lock"),       QStringLiteral("--permits"), QStringLiteral("1")}
        << QStringLiteral("--permits");
}

void TestRunCommand::badArgumentsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Result r = run(args +
                         QStringList{QStringLiteral("--tasks"), QStringLiteral("1"), QStringLiteral("--n"),
                                     QStringLiteral("1000")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
}

void TestRunCommand::jsonReportsEveryStrategy()
{
    const Result r = run({QStringLiteral("--workload"), QStringLiteral("cpu"), QStringLiteral("--strategy"),
                          QStringLiteral("all"), QStringLiteral("--tasks"), QStringLiteral("6"),
                          QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--n"),
                          QStringLiteral("1000000"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray runs = doc.object().value(QLatin1String("runs")).toArray();
    QCOMPARE(runs.size(), 5); // CPU: the thread pool with and without the interpreter lock
    u128 expected = 0;
    for (int i = 0; i < 6; ++i)
        expected += sumOfSquaresClosedForm(1'000'000 + i);
    const QStringList strategies{QStringLiteral("sync"), QStringLiteral("threads"), QStringLiteral("threads"),
                                 QStringLiteral("async"), QStringLiteral("processes")};
    for (int i = 0; i < 5; ++i) {
        const QJsonObject o = runs[i].toObject();
        QCOMPARE(o.value(QLatin1String("strategy")).toString(), strategies[i]);
        QCOMPARE(o.value(QLatin1String("workload")).toString(), QStringLiteral("cpu"));
        QCOMPARE(o.value(QLatin1String("tasks")).toInt(), 6);
        QCOMPARE(o.value(QLatin1String("ok")).toInt(), 6);
        QCOMPARE(o.value(QLatin1String("failed")).toInt(), 0);
        QVERIFY(o.value(QLatin1String("wall_ms")).toDouble() > 0);
        QVERIFY(o.value(QLatin1String("cpu_ms")).toDouble() > 0);
        QVERIFY(o.value(QLatin1String("lanes")).toInt() >= 1);
        QCOMPARE(o.value(QLatin1String("result")).toString(), QString::fromStdString(toDecimal(expected)));
    }
    QCOMPARE(runs[1].toObject().value(QLatin1String("workers")).toInt(), 2);
    QVERIFY(runs[1].toObject().value(QLatin1String("gil")).toBool());
    QVERIFY(!runs[2].toObject().value(QLatin1String("gil")).toBool());
    QCOMPARE(runs[1].toObject().value(QLatin1String("lanes")).toInt(), 2);
}

// --snapshot-at: every run says which tasks ran, waited and were done at that instant.
void TestRunCommand::snapshotSaysWhatEachTaskDoes()
{
    const Result r = run({QStringLiteral("--workload"), QStringLiteral("io"), QStringLiteral("--strategy"),
                          QStringLiteral("async"), QStringLiteral("--tasks"), QStringLiteral("5"),
                          QStringLiteral("--delay-ms"), QStringLiteral("300"), QStringLiteral("--size-kb"),
                          QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--snapshot-at"),
                          QStringLiteral("150")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(r.out).object().value(QLatin1String("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject snapshot = runs[0].toObject().value(QLatin1String("snapshot")).toObject();
    QCOMPARE(snapshot.value(QLatin1String("at_ms")).toDouble(), 150.0);
    for (const char *list : {"running", "ready", "waiting", "queued"})
        QVERIFY2(snapshot.value(QLatin1String(list)).isArray(), list);
    // 150 ms into a 300 ms think time every download waits for the server.
    const QJsonArray waiting = snapshot.value(QLatin1String("waiting")).toArray();
    QCOMPARE(waiting.size(), 5);
    for (const QJsonValue &w : waiting) {
        QCOMPARE(w.toObject().value(QLatin1String("for")).toString(), QStringLiteral("server"));
        QVERIFY(w.toObject().value(QLatin1String("task")).toInt() < 5);
    }
    QCOMPARE(snapshot.value(QLatin1String("done")).toInt(), 0);
}

void TestRunCommand::tableIsReadable()
{
    const Result r = run({QStringLiteral("--strategy"), QStringLiteral("threads"), QStringLiteral("--tasks"),
                          QStringLiteral("3"), QStringLiteral("--n"), QStringLiteral("5000000")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    for (const char *column : {"strategy", "workers", "wall time", "speedup", "ok/failed"})
        QVERIFY2(out.contains(QLatin1String(column)), column);
    QVERIFY(out.contains(QStringLiteral("threads, 5 workers")));
    QVERIFY(out.contains(QStringLiteral("3/0")));
    QVERIFY(!out.contains(QStringLiteral("running"))); // progress goes to stderr
    QVERIFY(QString::fromUtf8(r.err).contains(QStringLiteral("running threads")));
}

// As a Korean system asks for it: LANGUAGE first, LANG for the rest.
QProcessEnvironment TestRunCommand::inLanguage(const QString &language)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LC_ALL"));
    environment.remove(QStringLiteral("LC_MESSAGES"));
    environment.insert(QStringLiteral("LANGUAGE"), language);
    environment.insert(QStringLiteral("LANG"),
                       language == QLatin1String("ko") ? QStringLiteral("ko_KR.UTF-8")
                                                       : QStringLiteral("C.UTF-8"));
    return environment;
}

// In Korean the table speaks Korean, and its columns still line up on a terminal, where a Hangul
// syllable takes two columns.
void TestRunCommand::koreanTableLinesUp()
{
    const Result r = run({QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--tasks"),
                          QStringLiteral("3"), QStringLiteral("--workers"), QStringLiteral("2"),
                          QStringLiteral("--n"), QStringLiteral("100000")},
                         inLanguage(QStringLiteral("ko")));
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    QVERIFY2(lines.size() > 8, r.out.constData());
    QVERIFY2(lines[0].startsWith(QStringLiteral("CPU 계산: 작업 3개")), qPrintable(lines[0]));
    const QStringList table = lines.mid(2, 6); // the headings and the five runs
    for (const QString &heading :
         {QStringLiteral("전략"), QStringLiteral("워커"), QStringLiteral("경과 시간"),
          QStringLiteral("속도 향상"), QStringLiteral("성공/실패")})
        QVERIFY2(table[0].contains(heading), qPrintable(heading));
    QVERIFY2(table[2].startsWith(QStringLiteral("스레드, 워커 2개")), qPrintable(table[2]));
    for (const QString &line : table) {
        QVERIFY2(line.endsWith(QStringLiteral("3/0")) || line == table[0], qPrintable(line));
        QCOMPARE(displayWidth(line.toStdString()), displayWidth(table[0].toStdString()));
    }
}

// What scripts read is the same in any language: the JSON's keys and names, the trace's states.
void TestRunCommand::machineReadableOutputIgnoresTheLanguage()
{
    QTemporaryDir dir;
    QList<QJsonArray> runs;
    QList<QJsonArray> events;
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("ko")}) {
        const QString trace = dir.filePath(language + QStringLiteral(".json"));
        const Result r = run({QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--tasks"),
                              QStringLiteral("3"), QStringLiteral("--workers"), QStringLiteral("2"),
                              QStringLiteral("--n"), QStringLiteral("100000"), QStringLiteral("--json"),
                              QStringLiteral("--trace"), trace},
                             inLanguage(language));
        QCOMPARE(r.exitCode, 0);
        runs << QJsonDocument::fromJson(r.out).object().value(QLatin1String("runs")).toArray();
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        events
            << QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("traceEvents")).toArray();
    }
    QCOMPARE(runs[1].size(), runs[0].size());
    for (qsizetype i = 0; i < runs[0].size(); ++i) {
        const QJsonObject english = runs[0][i].toObject(), korean = runs[1][i].toObject();
        QCOMPARE(korean.keys(), english.keys());
        for (const char *key : {"workload", "strategy", "label", "result"})
            QCOMPARE(korean.value(QLatin1String(key)), english.value(QLatin1String(key)));
        // The theory's arithmetic holds measured times, so only its words are compared.
        const QString ideal = korean.value(QLatin1String("ideal")).toString();
        QVERIFY2(ideal.isEmpty() || ideal.startsWith(QStringLiteral("3 tasks")), qPrintable(ideal));
    }
    QStringList names[2]; // the processes' and threads' names, as Perfetto shows them, less the pids
    static const QRegularExpression number(QStringLiteral("\\d+"));
    for (int language = 0; language < 2; ++language) {
        for (const QJsonValue &value : events[language]) {
            const QJsonObject event = value.toObject();
            const QString name = event.value(QLatin1String("name")).toString();
            if (event.value(QLatin1String("ph")).toString() == QLatin1String("M"))
                names[language] << event.value(QLatin1String("args"))
                                       .toObject()
                                       .value(QLatin1String("name"))
                                       .toString()
                                       .replace(number, QStringLiteral("#"));
            else
                QVERIFY2(stateFromName(name.toStdString()).has_value(), qPrintable(name));
        }
    }
    QCOMPARE(names[1], names[0]);
}

void TestRunCommand::traceIsWrittenWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    const Result r = run({QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--tasks"),
                          QStringLiteral("4"), QStringLiteral("--workers"), QStringLiteral("2"),
                          QStringLiteral("--n"), QStringLiteral("100000"), QStringLiteral("--trace"), path});
    QCOMPARE(r.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    QVERIFY(doc.isObject());
    int processNames = 0;
    for (const QJsonValue &event : doc.object().value(QLatin1String("traceEvents")).toArray())
        processNames += event.toObject().value(QLatin1String("name")).toString() ==
            QLatin1String("process_name");
    QCOMPARE(processNames, 5);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("trace.json")}); // no temp file left
}

// As root, replacing the target whole would have swapped the device for a regular file.
void TestRunCommand::traceIntoTheNullDeviceLeavesIt()
{
    const Result r = run({QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--n"),
                          QStringLiteral("1000"), QStringLiteral("--trace"), QStringLiteral("/dev/null")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    struct stat info {
    };
    QCOMPARE(::lstat("/dev/null", &info), 0);
    QVERIFY(S_ISCHR(info.st_mode));
}

// The run completes despite failed tasks (exit 0), and the summary says why they failed.
void TestRunCommand::ioJsonCountsFailuresByReason()
{
    const Result r = run({QStringLiteral("--workload"), QStringLiteral("io"), QStringLiteral("--strategy"),
                          QStringLiteral("threads"), QStringLiteral("--tasks"), QStringLiteral("4"),
                          QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/"),
                          QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o =
        QJsonDocument::fromJson(r.out).object().value(QLatin1String("runs")).toArray().at(0).toObject();
    QCOMPARE(o.value(QLatin1String("ok")).toInt(), 0);
    QCOMPARE(o.value(QLatin1String("failed")).toInt(), 4);
    QCOMPARE(o.value(QLatin1String("errors")).toObject().value(QLatin1String("connection refused")).toInt(),
             4);
}

void TestRunCommand::tooManyDownloadsForTheFileLimitIsRefusedUpFront()
{
    QProcess shell;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab");
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"),
                 QStringLiteral("ulimit -n 200 && exec \"$0\" run --workload io "
                                "--strategy async --tasks 1000"),
                 program});
    QVERIFY(shell.waitForFinished(60'000));
    QCOMPARE(shell.exitCode(), 1);
    const QString err = QString::fromUtf8(shell.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("open files")) && err.contains(QStringLiteral("--max-in-flight")),
             qPrintable(err));
}

// Every strategy on the shared counter: what should have been counted, what was, and where.
void TestRunCommand::counterJsonSaysWhatWasLost()
{
    const Result r = run({QStringLiteral("--workload"), QStringLiteral("counter"),
                          QStringLiteral("--strategy"), QStringLiteral("all"), QStringLiteral("--tasks"),
                          QStringLiteral("3"), QStringLiteral("--workers"), QStringLiteral("2"),
                          QStringLiteral("--n"), QStringLiteral("2000"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray runs = doc.object().value(QLatin1String("runs")).toArray();
    QCOMPARE(runs.size(), 4);
    for (const QJsonValue &value : runs) {
        const QJsonObject o = value.toObject();
        QCOMPARE(o.value(QLatin1String("workload")).toString(), QStringLiteral("counter"));
        QCOMPARE(o.value(QLatin1String("sync")).toString(), QStringLiteral("none"));
        QCOMPARE(o.value(QLatin1String("expected")).toInt(), 6000);
        for (const char *key : {"result", "lost", "overlaps", "max_inside", "per_process", "note", "states"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QLatin1String("states")).toArray().contains(QStringLiteral("cpu")) ||
                o.value(QLatin1String("states")).toArray().contains(QStringLiteral("race")));
        const QString strategy = o.value(QLatin1String("strategy")).toString();
        if (strategy == QLatin1String("sync") || strategy == QLatin1String("async")) {
            QCOMPARE(o.value(QLatin1String("result")).toInt(), 6000);
            QCOMPARE(o.value(QLatin1String("lost")).toInt(), 0);
        }
        if (strategy == QLatin1String("processes")) {
            QCOMPARE(o.value(QLatin1String("result")).toInt(), 0);
            int counted = 0;
            for (const QJsonValue &copy : o.value(QLatin1String("per_process")).toArray())
                counted += copy.toInt();
            QCOMPARE(counted, 6000);
            QVERIFY(o.value(QLatin1String("note")).toString().contains(QLatin1String("parent")));
        }
    }
}

void TestRunCommand::interruptedRunExitsWith130_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

// Ctrl-C or SIGTERM cancel the run: exit 130, with what was recorded still reported.
void TestRunCommand::interruptedRunExitsWith130()
{
    QFETCH(int, signal);
    QProcess process;
    process.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  {QStringLiteral("run"), QStringLiteral("--strategy"), QStringLiteral("sync"),
                   QStringLiteral("--tasks"), QStringLiteral("1000"), QStringLiteral("--n"),
                   QStringLiteral("1000000000"), QStringLiteral("--json")});
    QVERIFY(process.waitForStarted());
    // Sent once the program takes the signals itself, not while it still has their default action.
    QTRY_VERIFY_WITH_TIMEOUT(checks::blocksInterrupts(process.processId()), 60'000);
    QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QVERIFY(QJsonDocument::fromJson(process.readAllStandardOutput()).isObject());
    QVERIFY(process.readAllStandardError().contains("interrupted"));
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
