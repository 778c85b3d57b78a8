#include "programrun.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTest>

#include <initializer_list>

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result << QString::fromLatin1(item);
    return result;
}

} // namespace

// `multitask-lab python` as scripts use it: the real executable, its exit codes and its output.
class TestPythonCommand : public QObject
{
    Q_OBJECT

private slots:
    void badArgumentsExitWithTwo_data();
    void badArgumentsExitWithTwo();
    void missingPythonSaysWhatToInstall();
    void jsonReportsTheArticlesRuns();

private:
    using Result = mtlab::ProgramResult;
    static Result run(const QStringList &args,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

TestPythonCommand::Result TestPythonCommand::run(const QStringList &args,
                                                 const QProcessEnvironment &environment)
{
    return mtlab::runLab(QStringList{QStringLiteral("python")} + args, environment, 180'000);
}

void TestPythonCommand::badArgumentsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no asyncio CPU program")
        << list({"--workload", "cpu", "--strategy", "async"})
        << QStringLiteral("the article has no async program for cpu work");
    QTest::newRow("no counter program")
        << list({"--workload", "counter", "--strategy", "sync"})
        << QStringLiteral("the article has no Python program for the counter workload");
    QTest::newRow("an engine option") << list({"--workload", "cpu", "--strategy", "threads", "--gil"})
                                      << QStringLiteral("the article's programs have no --gil");
    QTest::newRow("a bad value") << list({"--workload", "cpu", "--strategy", "threads", "--tasks", "x"})
                                 << QStringLiteral("--tasks");
}

void TestPythonCommand::badArgumentsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.out.isEmpty());
}

void TestPythonCommand::missingPythonSaysWhatToInstall()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MTLAB_PYTHON"), QStringLiteral("/nonexistent/python3"));
    const Result r = run(list({"--workload", "io", "--strategy", "threads"}), environment);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             QByteArray("multitask-lab python: the article's Python programs need python3 with requests and "
                        "aiohttp: apt-get install python3 python3-requests python3-aiohttp\n"));
}

void TestPythonCommand::jsonReportsTheArticlesRuns()
{
    const Result r = run(
        list({"--workload", "cpu", "--strategy", "all", "--tasks", "3", "--n", "200000", "--json"}));
    if (r.exitCode == 2 && r.err.contains("apt-get install"))
        QSKIP(r.err.constData());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray runs = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 3); // the article's CPU programs: sync, threads, processes
    QStringList labels;
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        labels << run.value(QStringLiteral("label")).toString();
        QCOMPARE(run.value(QStringLiteral("ok")).toInt(), 3);
        QCOMPARE(run.value(QStringLiteral("n")).toInteger(), 200000);
        QVERIFY(run.value(QStringLiteral("wall_ms")).toDouble() > 0);
    }
    QCOMPARE(labels.at(0), QStringLiteral("Python, sync, 1 worker"));
    QCOMPARE(labels.at(1), QStringLiteral("Python, threads, 5 workers, interpreter lock"));
    QVERIFY(labels.at(2).startsWith(QStringLiteral("Python, processes, ")));
    // The same sums as the engine's: task i sums k*k for k < n + i.
    QCOMPARE(runs.at(0).toObject().value(QStringLiteral("result")),
             runs.at(2).toObject().value(QStringLiteral("result")));
}

QTEST_GUILESS_MAIN(TestPythonCommand)
#include "tst_pythoncommand.moc"
