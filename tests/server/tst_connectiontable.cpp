// The server's table of open connections, tested through the server itself: header and idle
// time-outs, and what happens once the table is full.
#include "httptestclient.h"
#include "serverprocess.h"

#include <QtTest>

#include <sys/resource.h>

using namespace mtlab;

namespace {

std::chrono::milliseconds elapsedSince(TestClock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(TestClock::now() - start);
}

bool answered(const HttpResponse &response)
{
    return response.outcome == HttpResponse::Outcome::Complete && response.status == 200;
}

// A connection that started a request and fell silent, as in a slowloris attack.
constexpr const char *kRequestLineOnly = "GET / HTTP/1.1\r\n";

// The server may only take `descriptors` file descriptors: so a flood the size of a test
// exhausts them, as 21,000 connections exhausted a server allowed 20,000.
void limitDescriptors(ServerProcess &server, rlim_t descriptors)
{
    server.process().setChildProcessModifier([descriptors] {
        const rlimit limit{descriptors, descriptors};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
}

} // namespace

#define START_SERVER(server, arguments)                                                                      \
    QVERIFY2((server).start(arguments), qPrintable((server).errorString()))

class TstConnectionTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { raiseFileLimit(); }

    void closesConnectionsWhoseTimeIsUp_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("answered"); // the request is complete and answered first
        QTest::addColumn<QStringList>("timeouts");
        // Each time-out is short in its own row only, so the other one cannot be what closed it.
        const auto headerTimeOut = args({"--header-timeout-ms", "300", "--idle-timeout-ms", "600000"});
        const auto idleTimeOut = args({"--header-timeout-ms", "600000", "--idle-timeout-ms", "300"});
        QTest::newRow("silent after connecting") << QByteArray() << false << headerTimeOut;
        QTest::newRow("request line only") << QByteArray(kRequestLineOnly) << false << headerTimeOut;
        QTest::newRow("idle after an answer")
            << QByteArray::fromStdString(getRequest("/")) << true << idleTimeOut;
    }

    void closesConnectionsWhoseTimeIsUp()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, answered);
        QFETCH(QStringList, timeouts);
        ServerProcess server;
        START_SERVER(server, timeouts << args({"--delay-ms", "0", "--size-kb", "1"}));
        HttpTestClient client(server.port());
        QVERIFY(client.send(request.toStdString()));
        if (answered)
            QVERIFY(::answered(client.receive(20s)));
        const auto start = TestClock::now();
        QVERIFY(client.waitForClose(20s));
        QVERIFY2(elapsedSince(start) >= 300ms, qPrintable(QString::number(elapsedSince(start).count())));
    }

    void headerTimeOutCoversTheWholeHead()
    {
        // A client trickling header lines is still closed: the time-out is for the whole head.
        ServerProcess server;
        START_SERVER(server, args({"--header-timeout-ms", "500", "--idle-timeout-ms", "600000"}));
        HttpTestClient client(server.port());
        const auto start = TestClock::now();
        QVERIFY(client.send(kRequestLineOnly));
        bool closed = false;
        while (!closed && elapsedSince(start) < 20s)
            closed = !client.send("X-Trickle: 1\r\n") || client.waitForClose(100ms);
        QVERIFY(closed);
        QVERIFY2(elapsedSince(start) >= 500ms, qPrintable(QString::number(elapsedSince(start).count())));
    }

    void timeOutsNeverCutAnAnswerShort()
    {
        // Think time and the answer are the server's own work, however long: no time-out applies.
        ServerProcess server;
        START_SERVER(server,
                     args({"--header-timeout-ms", "200", "--idle-timeout-ms", "200", "--size-kb", "1"}));
        HttpTestClient client(server.port());
        QVERIFY(answered(client.get("/delay/1000")));
        QVERIFY(answered(client.get("/delay/0")));
    }

    void fullTableShedsTheOldestWaitingConnection()
    {
        ServerProcess server;
        // Time-outs far beyond the test: only the full table may close a connection here.
        START_SERVER(server,
                     args({"--max-connections", "3", "--header-timeout-ms", "600000", "--idle-timeout-ms",
                           "600000", "--delay-ms", "0", "--size-kb", "1"}));
        // In this order, each accepted before the next: one mid-request, one silent, one idle.
        HttpTestClient oldest(server.port());
        QVERIFY(oldest.send(kRequestLineOnly));
        QTest::qWait(100);
        HttpTestClient silent(server.port());
        QTest::qWait(100);
        HttpTestClient idle(server.port());
        QVERIFY(answered(idle.get("/")));

        HttpTestClient newcomer(server.port());
        QVERIFY(answered(newcomer.get("/")));
        QVERIFY(oldest.waitForClose(20s));
        QVERIFY(!silent.waitForClose(200ms));
        // The next one takes the silent connection's place, and the idle one stays.
        HttpTestClient next(server.port());
        QVERIFY(answered(next.get("/")));
        QVERIFY(silent.waitForClose(20s));
        QVERIFY(!idle.waitForClose(200ms));
    }

    void fullTableOfBusyConnectionsRefusesNewOnes()
    {
        ServerProcess server;
        START_SERVER(server,
                     args({"--max-connections", "1", "--header-timeout-ms", "600000", "--idle-timeout-ms",
                           "600000", "--size-kb", "1"}));
        HttpTestClient busy(server.port());
        QVERIFY(busy.send(getRequest("/delay/2000")));
        QTest::qWait(300); // so the busy one is in the table first

        HttpTestClient refused(server.port());
        QVERIFY(refused.waitForClose(20s));
        QVERIFY(answered(busy.receive(20s)));
        // Once the busy one is idle, a newcomer takes its place.
        HttpTestClient later(server.port());
        QVERIFY(answered(later.get("/delay/0")));
        QVERIFY(busy.waitForClose(20s));
    }

    void servesDuringAFloodOfSilentConnections()
    {
        constexpr std::size_t flood = 2000;
        constexpr rlim_t serverDescriptors = 1024;
        rlimit own{};
        if (getrlimit(RLIMIT_NOFILE, &own) != 0 || own.rlim_cur < flood + 100)
            QSKIP("this test process may not open 2,000 sockets");

        ServerProcess server;
        limitDescriptors(server, serverDescriptors);
        // A header time-out far beyond the wait below: only shedding can serve the request.
        START_SERVER(server, args({"--header-timeout-ms", "600000", "--delay-ms", "0", "--size-kb", "1"}));
        std::vector<HttpTestClient> attackers;
        attackers.reserve(flood);
        for (std::size_t i = 0; i < flood; ++i) {
            attackers.emplace_back(server.port());
            QVERIFY(attackers.back().isConnected());
            QVERIFY(attackers.back().send(kRequestLineOnly));
        }

        HttpTestClient client(server.port());
        const auto start = TestClock::now();
        const auto response = client.get("/", {}, 20s);
        qInfo("answered during a flood of %zu silent connections in %lld ms", flood,
              qlonglong(elapsedSince(start).count()));
        QVERIFY(answered(response));
        QCOMPARE(response.body.size(), 1024u);
    }
};

QTEST_GUILESS_MAIN(TstConnectionTable)
#include "tst_connectiontable.moc"
