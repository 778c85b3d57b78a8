#include "experiment.h"
#include "helperexecutable.h"
#include "workerarguments.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

using namespace mtlab;
namespace fs = std::filesystem;

class TestHelperExecutable : public QObject
{
    Q_OBJECT

private slots:
    void installedFolderIsBesideBin();
    void findsHelper_data();
    void findsHelper();
    void workerFitsTheWorkload_data();
    void workerFitsTheWorkload();
};

namespace {

void touch(const fs::path &file)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "#!/bin/sh\n";
}

} // namespace

void TestHelperExecutable::installedFolderIsBesideBin()
{
    // Relative, so that the installed tree can move (a throw-away root, another prefix).
    const fs::path folder(installedHelperDirectory());
    QVERIFY(folder.is_relative());
    QCOMPARE(QString::fromStdString(folder.filename().string()), QStringLiteral("multitask-lab"));
}

void TestHelperExecutable::findsHelper_data()
{
    QTest::addColumn<bool>("beside");
    QTest::addColumn<bool>("installed");
    QTest::addColumn<bool>("expectInstalled");
    QTest::newRow("build tree: beside the program") << true << false << false;
    QTest::newRow("installed: in libexec") << false << true << true;
    QTest::newRow("both: beside wins") << true << true << false;
    QTest::newRow("neither: the error names beside") << false << false << false;
}

void TestHelperExecutable::findsHelper()
{
    QFETCH(bool, beside);
    QFETCH(bool, installed);
    QFETCH(bool, expectInstalled);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path bin = fs::path(dir.path().toStdString()) / "bin";
    const fs::path besidePath = bin / "helper";
    const fs::path installedPath = (bin / installedHelperDirectory() / "helper").lexically_normal();
    fs::create_directories(bin);
    if (beside)
        touch(besidePath);
    if (installed)
        touch(installedPath);
    QCOMPARE(QString::fromStdString(findHelper(bin, "helper").string()),
             QString::fromStdString((expectInstalled ? installedPath : besidePath).string()));
}

void TestHelperExecutable::workerFitsTheWorkload_data()
{
    QTest::addColumn<int>("workload");
    QTest::addColumn<QString>("named");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CPU: the worker without libcurl")
        << int(WorkloadKind::Cpu) << QString() << QStringLiteral("multitask-lab-cpu-worker");
    QTest::newRow("I/O: the worker for every workload")
        << int(WorkloadKind::Io) << QString() << QStringLiteral("multitask-lab-worker");
    QTest::newRow("named: that one") << int(WorkloadKind::Cpu) << QStringLiteral("/opt/my-worker")
                                     << QStringLiteral("my-worker");
}

void TestHelperExecutable::workerFitsTheWorkload()
{
    QFETCH(int, workload);
    QFETCH(QString, named);
    QFETCH(QString, expected);
    Experiment e;
    e.workload = static_cast<WorkloadKind>(workload);
    e.workerExecutable = named.toStdString();
    const fs::path program = workerProgram(e);
    QCOMPARE(QString::fromStdString(program.filename().string()), expected);
    // Found beside this test, as beside the main executable in the build tree.
    if (named.isEmpty())
        QCOMPARE(QString::fromStdString(program.parent_path().string()),
                 QCoreApplication::applicationDirPath());
}

QTEST_GUILESS_MAIN(TestHelperExecutable)
#include "tst_helperexecutable.moc"
