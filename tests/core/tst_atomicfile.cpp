#include "atomicfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

using namespace mtlab;

// writeOutputFile(): a regular file replaced whole, a device or FIFO written into and left what
// it is, a symbolic link's target written, a folder or socket refused, nothing left behind.
class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void regularFileIsReplacedWhole();
    void newFileIsCreatedReadable();
    void unfinishedFileHasNoName();
    void failedWriteLeavesTheOldFile();
    void characterDeviceStaysADevice();
    void fifoGetsTheBytes();
    void symlinkStaysALink_data();
    void symlinkStaysALink();
    void folderIsRefused();
    void socketIsRefused();

private:
    static QStringList entries(const QTemporaryDir &dir);
    static QByteArray contents(const QString &path);
    static void makeFile(const QString &path, const QByteArray &bytes);
    static mode_t typeOf(const QString &path); // lstat: a link is a link
};

QStringList TestAtomicFile::entries(const QTemporaryDir &dir)
{
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray TestAtomicFile::contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestAtomicFile::makeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

mode_t TestAtomicFile::typeOf(const QString &path)
{
    struct stat info {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? (info.st_mode & S_IFMT) : 0;
}

void TestAtomicFile::regularFileIsReplacedWhole()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    makeFile(path, "old contents");
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly)); // a reader of the old file while the new one is written

    QCOMPARE(writeOutputFile(path.toStdString(), std::string_view("new")), std::string());
    QCOMPARE(contents(path), QByteArray("new"));
    QCOMPARE(old.readAll(), QByteArray("old contents")); // replaced, not rewritten in place
    QCOMPARE(entries(dir), QStringList{QStringLiteral("out.json")});
}

void TestAtomicFile::newFileIsCreatedReadable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.json"));
    const mode_t mask = ::umask(022);
    const std::string problem = writeOutputFile(path.toStdString(), std::string_view("{}"));
    ::umask(mask);
    QCOMPARE(problem, std::string());
    QCOMPARE(contents(path), QByteArray("{}"));
    QVERIFY(QFile::permissions(path).testFlag(QFileDevice::ReadOther));
    QCOMPARE(entries(dir), QStringList{QStringLiteral("new.json")});
}

// Killed mid-write, the program leaves nothing: until it is complete the file has no name.
void TestAtomicFile::unfinishedFileHasNoName()
{
    QTemporaryDir dir;
    const int probe = ::open(QFile::encodeName(dir.path()).constData(), O_TMPFILE | O_WRONLY, 0600);
    if (probe < 0)
        QSKIP("this file system has no O_TMPFILE: the named fallback is used");
    ::close(probe);
    const QString path = dir.filePath(QStringLiteral("trace.json"));
    for (int round = 0; round < 2; ++round) { // a new file, then replacing it
        const QStringList expected = entries(dir);
        QStringList whileWriting;
        const std::string problem = writeOutputFile(path.toStdString(), [&](int fd) {
            whileWriting = entries(dir);
            return writeAll(fd, "{\"traceEvents\":[]}");
        });
        QCOMPARE(problem, std::string());
        QCOMPARE(whileWriting, expected);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("trace.json")});
    }
}

void TestAtomicFile::failedWriteLeavesTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    makeFile(path, "old");
    const std::string problem = writeOutputFile(path.toStdString(), [](int fd) {
        (void)writeAll(fd, "half of it");
        return std::string("the disk is full");
    });
    QVERIFY(problem.find("the disk is full") != std::string::npos);
    QVERIFY(problem.find(path.toStdString()) != std::string::npos);
    QCOMPARE(contents(path), QByteArray("old"));
    QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
}

// As root an atomic replace would swap the device node for a file. A node of our own (a copy of
// /dev/null's) where the system lets us make one; /dev/null itself otherwise.
void TestAtomicFile::characterDeviceStaysADevice()
{
    QTemporaryDir dir;
    QString device = dir.filePath(QStringLiteral("null"));
    const QByteArray node = QFile::encodeName(device);
    const int usable = ::mknod(node.constData(), S_IFCHR | 0666, makedev(1, 3)) == 0
        ? ::open(node.constData(), O_WRONLY) // a nodev mount refuses to open it
        : -1;
    if (usable < 0)
        device = QStringLiteral("/dev/null");
    else
        ::close(usable);
    struct stat before {
    };
    QCOMPARE(::stat(QFile::encodeName(device).constData(), &before), 0);

    QCOMPARE(writeOutputFile(device.toStdString(), std::string_view("discarded")), std::string());
    struct stat after {
    };
    QCOMPARE(::lstat(QFile::encodeName(device).constData(), &after), 0);
    QVERIFY(S_ISCHR(after.st_mode));
    QCOMPARE(after.st_rdev, before.st_rdev);
    QCOMPARE(after.st_ino, before.st_ino);
}

void TestAtomicFile::fifoGetsTheBytes()
{
    QTemporaryDir dir;
    const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("pipe")));
    QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
    // The reader's end, and a writer's end held open here so that the reader sees the end of the
    // data only once the write is over, and never blocks for good if the write went elsewhere.
    const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const int holder = ::open(fifo.constData(), O_WRONLY);
    QVERIFY(holder >= 0);
    QCOMPARE(::fcntl(reader, F_SETFL, 0), 0);
    QByteArray received;
    std::thread readerThread([&] {
        char buffer[8192];
        for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
            received.append(buffer, n);
    });
    const std::string data(300'000, 'x'); // more than a pipe holds: the reader must be draining it
    const std::string problem = writeOutputFile(fifo.toStdString(), data);
    ::close(holder);
    readerThread.join();
    ::close(reader);
    QCOMPARE(problem, std::string());
    QCOMPARE(received.size(), qsizetype(data.size()));
    QCOMPARE(typeOf(QFile::decodeName(fifo)), mode_t(S_IFIFO));
}

void TestAtomicFile::symlinkStaysALink_data()
{
    QTest::addColumn<bool>("targetExists");
    QTest::addColumn<bool>("absolute");
    QTest::newRow("to an existing file") << true << false;
    QTest::newRow("absolute, to an existing file") << true << true;
    QTest::newRow("dangling: the file is created") << false << false;
}

void TestAtomicFile::symlinkStaysALink()
{
    QFETCH(bool, targetExists);
    QFETCH(bool, absolute);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
    const QString target = dir.filePath(QStringLiteral("real/trace.json"));
    if (targetExists)
        makeFile(target, "old");
    const QString link = dir.filePath(QStringLiteral("link.json"));
    QVERIFY(QFile::link(absolute ? target : QStringLiteral("real/trace.json"), link));

    QCOMPARE(writeOutputFile(link.toStdString(), std::string_view("new")), std::string());
    QCOMPARE(typeOf(link), mode_t(S_IFLNK));
    QCOMPARE(typeOf(target), mode_t(S_IFREG));
    QCOMPARE(contents(target), QByteArray("new"));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("real"))).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("trace.json")});
}

void TestAtomicFile::folderIsRefused()
{
    QTemporaryDir dir;
    const std::string problem = writeOutputFile(dir.path().toStdString(), std::string_view("x"));
    QVERIFY2(problem.find("folder") != std::string::npos, problem.c_str());
    QCOMPARE(problem.find('\n'), std::string::npos);
    QCOMPARE(typeOf(dir.path()), mode_t(S_IFDIR));
    QVERIFY(entries(dir).isEmpty());
}

void TestAtomicFile::socketIsRefused()
{
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("socket")));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QVERIFY(std::size_t(path.size()) < sizeof address.sun_path);
    std::copy(path.begin(), path.end(), address.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
    const std::string problem = writeOutputFile(path.toStdString(), std::string_view("x"));
    ::close(fd);
    QVERIFY2(problem.find("socket") != std::string::npos, problem.c_str());
    QCOMPARE(typeOf(QFile::decodeName(path)), mode_t(S_IFSOCK));
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
