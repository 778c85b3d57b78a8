#include "outputpath.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace mtlab;

// The up-front checks of the outputs: each can be created, and no two are the same file.
class TestOutputPath : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writablePathsPass_data();
    void writablePathsPass();
    void unwritablePathsAreRefused_data();
    void unwritablePathsAreRefused();
    void readOnlyFolderIsRefused();
    void theSameFileTwiceIsRefused_data();
    void theSameFileTwiceIsRefused();
    void distinctFilesPass();

private:
    // "@" stands for the test's temporary folder, which holds a file "file.json", a folder
    // "sub" and a link "link.json" to "file.json".
    QString expand(const QString &path) const
    {
        return QString(path).replace(QLatin1Char('@'), m_dir.path());
    }
    QTemporaryDir m_dir;
};

void TestOutputPath::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(m_dir.filePath(QStringLiteral("file.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("sub")));
    QVERIFY(QFile::link(QStringLiteral("file.json"), m_dir.filePath(QStringLiteral("link.json"))));
}

void TestOutputPath::writablePathsPass_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("a new file") << QStringLiteral("@/new.json");
    QTest::newRow("an existing file") << QStringLiteral("@/file.json");
    QTest::newRow("a link to a file") << QStringLiteral("@/link.json");
    QTest::newRow("a new file in a sub-folder") << QStringLiteral("@/sub/../sub/new.svg");
    QTest::newRow("a character device") << QStringLiteral("/dev/null");
}

void TestOutputPath::writablePathsPass()
{
    QFETCH(QString, path);
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden);
    QCOMPARE(checkWritable(expand(path).toStdString()), std::string());
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before); // the probe is gone
}

// Each refused with one line that names the path, before anything is written.
void TestOutputPath::unwritablePathsAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");
    // Refused by the file system itself, so also for root (the tests run as root in CI).
    QTest::newRow("into /proc") << QStringLiteral("/proc/x.json") << QString();
    QTest::newRow("into a process's /proc folder") << QStringLiteral("/proc/self/x.png") << QString();
    QTest::newRow("a missing folder")
        << QStringLiteral("/nonexistent-folder/x.json") << QStringLiteral("folder");
    QTest::newRow("a folder") << QStringLiteral("@/sub") << QStringLiteral("it is a folder");
    QTest::newRow("a file as its folder") << QStringLiteral("@/file.json/x.json") << QString();
    QTest::newRow("empty name in a folder") << QStringLiteral("@/sub/") << QStringLiteral("folder");
}

void TestOutputPath::unwritablePathsAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    const std::string problem = checkWritable(expand(path).toStdString());
    QVERIFY(!problem.empty());
    QVERIFY2(problem.starts_with("cannot write " + expand(path).toStdString()), problem.c_str());
    QVERIFY2(problem.find(mentions.toStdString()) != std::string::npos, problem.c_str());
    QCOMPARE(problem.find('\n'), std::string::npos);
}

// Permissions bind everyone but root, who is refused only by the file system.
void TestOutputPath::readOnlyFolderIsRefused()
{
    if (::geteuid() == 0)
        QSKIP("root may write into a read-only folder; /proc covers the refusal");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const std::string problem = checkWritable(dir.filePath(QStringLiteral("x.json")).toStdString());
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(problem.find("ermission denied") != std::string::npos, problem.c_str());
}

void TestOutputPath::theSameFileTwiceIsRefused_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("spelled alike, new") << QStringLiteral("@/out.json") << QStringLiteral("@/out.json");
    QTest::newRow("spelled alike, existing")
        << QStringLiteral("@/file.json") << QStringLiteral("@/file.json");
    QTest::newRow("with ./ and ..") << QStringLiteral("@/out.json") << QStringLiteral("@/./sub/../out.json");
    QTest::newRow("doubled slashes") << QStringLiteral("@/sub/out.png") << QStringLiteral("@//sub///out.png");
    QTest::newRow("a link and its file") << QStringLiteral("@/link.json") << QStringLiteral("@/file.json");
    QTest::newRow("a device") << QStringLiteral("/dev/null") << QStringLiteral("/dev/../dev/null");
}

void TestOutputPath::theSameFileTwiceIsRefused()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const std::string problem = checkDistinctOutputs({{"--trace", expand(first).toStdString()},
                                                      {"--svg", std::string()},
                                                      {"--png", expand(second).toStdString()}});
    QVERIFY2(problem.find("--trace and --png") != std::string::npos, problem.c_str());
    QVERIFY2(problem.find("same file") != std::string::npos, problem.c_str());
}

void TestOutputPath::distinctFilesPass()
{
    QCOMPARE(checkDistinctOutputs({{"--trace", expand(QStringLiteral("@/file.json")).toStdString()},
                                   {"--png", expand(QStringLiteral("@/sub/file.json")).toStdString()},
                                   {"--svg", expand(QStringLiteral("@/new.svg")).toStdString()},
                                   {"--pdf", std::string()}}),
             std::string());
    QCOMPARE(checkDistinctOutputs({{"--png", std::string()}, {"--svg", std::string()}}), std::string());
}

QTEST_GUILESS_MAIN(TestOutputPath)
#include "tst_outputpath.moc"
