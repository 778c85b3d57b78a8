#include "chromeimporter.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "programrun.h"
#include "runlist.h"
#include "sessionfile.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mtlab;

// The File menu's files in the window (open, save, recent files) and on the command line
// (`multitask-lab FILE`, `multitask-lab render`).
class TestFileActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensATraceIntoTheRunList();
    void refusesABadFileAndChangesNothing();
    void savesAndOpensASession();
    void rendersWithoutAWindow_data();
    void rendersWithoutAWindow();
    void windowOpensAFileGiven();

private:
    QString write(const QString &name, const QByteArray &text) const;
    static int run(const QStringList &args, QByteArray *err = nullptr);
    QTemporaryDir m_dir;
};

namespace {

const QByteArray TraceJson = R"({"traceEvents":[
    {"name":"process_name","ph":"M","pid":7,"args":{"name":"python3 app.py"}},
    {"name":"thread_name","ph":"M","pid":7,"tid":1,"args":{"name":"MainThread"}},
    {"name":"main","ph":"X","ts":0,"dur":1000,"pid":7,"tid":1},
    {"name":"fetch","ph":"X","ts":100,"dur":400,"pid":7,"tid":1},
    {"name":"parse","ph":"B","ts":600,"pid":7,"tid":1},{"ph":"E","ts":900,"pid":7,"tid":1}]})";

bool waitFor(QSignalSpy &spy)
{
    return !spy.isEmpty() || spy.wait(20'000);
}

} // namespace

void TestFileActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // recent files and settings of the test's own
    QVERIFY(m_dir.isValid());
}

QString TestFileActions::write(const QString &name, const QByteArray &text) const
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

int TestFileActions::run(const QStringList &args, QByteArray *err)
{
    return runProgram(args, err, 60'000);
}

void TestFileActions::opensATraceIntoTheRunList()
{
    MainWindow window;
    QSignalSpy opened(window.files(), &FileActions::opened);
    const QString path = write(QStringLiteral("app.json"), TraceJson);
    window.files()->open(path);
    QVERIFY(waitFor(opened));
    QCOMPARE(window.runList()->rowCount(), 1);
    QCOMPARE(window.runList()->entry(0).name, QStringLiteral("python3 app.py (app.json)"));
    QVERIFY(window.runList()->entry(0).shown);
    const Trace &trace = window.runList()->entry(0).runs[0]->trace;
    QCOMPARE(trace.labels().size(), std::size_t(3));
    QCOMPARE(window.files()->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    QVERIFY(window.statusText().contains(QStringLiteral("app.json")));
}

void TestFileActions::refusesABadFileAndChangesNothing()
{
    MainWindow window;
    QSignalSpy failed(window.files(), &FileActions::failed);
    window.files()->open(write(QStringLiteral("bad.json"), R"({"traceEvents":[{"ph":"E","ts":1}]})"));
    QVERIFY(waitFor(failed));
    QCOMPARE(window.runList()->rowCount(), 0);
    const QString why = failed.front().at(1).toString();
    QVERIFY2(why.contains(QStringLiteral("no \"B\" open")) && !why.contains(QLatin1Char('\n')),
             qPrintable(why));
}

void TestFileActions::savesAndOpensASession()
{
    const QString path = m_dir.filePath(QStringLiteral("session.json"));
    {
        MainWindow window;
        QSignalSpy opened(window.files(), &FileActions::opened);
        window.files()->open(write(QStringLiteral("app2.json"), TraceJson));
        QVERIFY(waitFor(opened));
        window.runList()->rename(0, QStringLiteral("VizTracer"));
        window.runList()->setPinned(0, true);
        QVERIFY(window.files()->save(path));
    }
    MainWindow window;
    QSignalSpy opened(window.files(), &FileActions::opened);
    window.files()->open(path);
    QVERIFY(waitFor(opened));
    QCOMPARE(window.runList()->rowCount(), 1);
    QCOMPARE(window.runList()->entry(0).name, QStringLiteral("VizTracer"));
    QVERIFY(window.runList()->entry(0).pinned);
    QCOMPARE(window.runList()->entry(0).runs[0]->trace.labels().size(), std::size_t(3));
}

void TestFileActions::rendersWithoutAWindow_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << "--png"
                         << "png";
    QTest::newRow("svg") << "--svg"
                         << "svg";
    QTest::newRow("pdf") << "--pdf"
                         << "pdf";
}

void TestFileActions::rendersWithoutAWindow()
{
    QFETCH(QString, option);
    QFETCH(QString, suffix);
    const QString in = write(QStringLiteral("render.json"), TraceJson);
    const QString out = m_dir.filePath(QStringLiteral("render.") + suffix);
    QCOMPARE(run({QStringLiteral("render"), in, option, out}), 0);
    QVERIFY(QFileInfo(out).size() > 1000);
    if (suffix == QLatin1String("png"))
        QVERIFY(!QImage(out).isNull());

    QByteArray err;
    const QString bad = write(QStringLiteral("bad.json"),
                              "[{\"name\":\"a\",\"ph\":\"X\",\"ts\":1,\"dur\":-1}]");
    const QString none = m_dir.filePath(QStringLiteral("none.") + suffix);
    QCOMPARE(run({QStringLiteral("render"), bad, option, none}, &err), 1);
    QVERIFY2(err.contains("negative duration") && err.count('\n') == 1, err.constData());
    QVERIFY(!QFile::exists(none));
    QCOMPARE(run({QStringLiteral("render"), in}, &err), 2);
    QCOMPARE(run({QStringLiteral("render"), in, option, out, QStringLiteral("--max-file-mb"),
                  QStringLiteral("0")}),
             2);
}

void TestFileActions::windowOpensAFileGiven()
{
    const QString in = write(QStringLiteral("window.json"), TraceJson);
    const QString shot = m_dir.filePath(QStringLiteral("window.png"));
    QCOMPARE(
        run({in, QStringLiteral("--screenshot"), shot, QStringLiteral("--size"), QStringLiteral("1280x720")}),
        0);
    QVERIFY(!QImage(shot).isNull());
    QByteArray err;
    QCOMPARE(
        run({m_dir.filePath(QStringLiteral("missing.json")), QStringLiteral("--screenshot"), shot}, &err), 1);
    QVERIFY2(err.contains("cannot open"), err.constData());
}

QTEST_MAIN(TestFileActions)
#include "tst_fileactions.moc"
