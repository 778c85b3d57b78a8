#include "httptestclient.h"
#include "serverprocess.h"
#include "tlstestclient.h"

#include <QtTest>

#include <algorithm>

#include <openssl/x509_vfy.h>
#include <signal.h>

using namespace mtlab;

namespace {

// The server's documented body: byte i is kAlphabet[i % 64].
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

QByteArray header(const HttpResponse &response, std::string_view lowerCaseName)
{
    return QByteArray::fromStdString(response.header(lowerCaseName));
}

const char *outcome(const HttpResponse &response)
{
    switch (response.outcome) {
    case HttpResponse::Outcome::Complete:
        return "complete";
    case HttpResponse::Outcome::Closed:
        return "closed";
    case HttpResponse::Outcome::Reset:
        return "reset";
    case HttpResponse::Outcome::TimedOut:
        return "timed out";
    }
    return "?";
}

std::chrono::milliseconds elapsedSince(TestClock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(TestClock::now() - start);
}

// What a client saw: "500", "reset", "stall" (head and part of the body, then silence), or "other".
QString faultSeen(const HttpResponse &response)
{
    if (response.outcome == HttpResponse::Outcome::Complete && response.status == 500)
        return QStringLiteral("500");
    if (response.outcome == HttpResponse::Outcome::Reset)
        return QStringLiteral("reset");
    if (response.outcome == HttpResponse::Outcome::TimedOut && response.status == 200 &&
        response.body.size() < response.contentLength)
        return QStringLiteral("stall");
    return QStringLiteral("other");
}

} // namespace

#define START_SERVER(server, arguments)                                                                      \
    QVERIFY2((server).start(arguments), qPrintable((server).errorString()))

class TstServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        raiseFileLimit();
        QVERIFY2(QFileInfo(ServerProcess::executable()).isExecutable(),
                 qPrintable(ServerProcess::executable()));
    }

    void servesBody_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<qulonglong>("bodyBytes");
        QTest::newRow("default 50 KB") << QStringList() << QByteArray("/") << 200 << 51200ull;
        QTest::newRow("--size-kb 3") << args({"--size-kb", "3"}) << QByteArray("/") << 200 << 3072ull;
        QTest::newRow("--size-kb 0") << args({"--size-kb", "0"}) << QByteArray("/") << 200 << 0ull;
        QTest::newRow("larger than the shared block")
            << args({"--size-kb", "600"}) << QByteArray("/") << 200 << 614400ull;
        QTest::newRow("/size/7 overrides") << QStringList() << QByteArray("/size/7") << 200 << 7168ull;
        QTest::newRow("/status/404 has no body") << QStringList() << QByteArray("/status/404") << 404 << 0ull;
        QTest::newRow("combined overrides")
            << QStringList() << QByteArray("/delay/1/size/2?x=1") << 200 << 2048ull;
    }

    void servesBody()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(qulonglong, bodyBytes);
        ServerProcess server;
        START_SERVER(server, arguments << args({"--delay-ms", "0"}));

        HttpTestClient client(server.port());
        const auto response = client.get(path.toStdString());
        QCOMPARE(outcome(response), "complete");
        QCOMPARE(response.status, status);
        QCOMPARE(header(response, "content-type"), "application/octet-stream");
        QCOMPARE(response.contentLength, bodyBytes);
        QCOMPARE(response.body.size(), bodyBytes);
        for (std::size_t i = 0; i < response.body.size(); ++i) {
            if (response.body[i] != kAlphabet[i % 64])
                QFAIL(qPrintable(QStringLiteral("body differs from the pattern at byte %1").arg(i)));
        }
    }

    void keepsConnectionAlive()
    {
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "0", "--size-kb", "1"}));
        HttpTestClient client(server.port());
        for (const char *expected : {"1", "2", "3"}) {
            const auto response = client.get("/");
            QCOMPARE(response.status, 200);
            QCOMPARE(header(response, "x-mtlab-connection-request"), expected);
            QCOMPARE(header(response, "connection"), "keep-alive");
        }
        HttpTestClient other(server.port());
        QCOMPARE(header(other.get("/"), "x-mtlab-connection-request"), "1");
    }

    void honoursConnectionClose()
    {
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "0", "--size-kb", "1"}));
        HttpTestClient client(server.port());
        const auto response = client.get("/", "Connection: close\r\n");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body.size(), 1024u);
        QCOMPARE(header(response, "connection"), "close");
        QVERIFY(client.waitForClose(20s));
    }

    void delaysResponses_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("atLeastMs");
        QTest::addColumn<int>("belowMs"); // 0: no upper bound
        QTest::newRow("--delay-ms 300") << args({"--delay-ms", "300"}) << QByteArray("/") << 300 << 0;
        QTest::newRow("/delay/250 overrides")
            << args({"--delay-ms", "0"}) << QByteArray("/delay/250") << 250 << 0;
        QTest::newRow("/delay/0 overrides a long default")
            << args({"--delay-ms", "5000"}) << QByteArray("/delay/0") << 0 << 5000;
    }

    void delaysResponses()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, path);
        QFETCH(int, atLeastMs);
        QFETCH(int, belowMs);
        ServerProcess server;
        START_SERVER(server, arguments << args({"--size-kb", "1"}));
        HttpTestClient client(server.port());
        const auto start = TestClock::now();
        const auto response = client.get(path.toStdString());
        const auto elapsed = elapsedSince(start);
        QCOMPARE(response.status, 200);
        QVERIFY2(elapsed.count() >= atLeastMs, qPrintable(QString::number(elapsed.count())));
        if (belowMs > 0)
            QVERIFY2(elapsed.count() < belowMs, qPrintable(QString::number(elapsed.count())));
    }

    void setupOnlyOnFirstRequestOfAConnection()
    {
        constexpr auto setup = 600ms;
        ServerProcess server;
        START_SERVER(server, args({"--setup-ms", "600", "--delay-ms", "0", "--size-kb", "1"}));
        for (int connection = 0; connection < 2; ++connection) {
            HttpTestClient client(server.port());
            auto start = TestClock::now();
            QCOMPARE(client.get("/").status, 200);
            QVERIFY(elapsedSince(start) >= setup);
            start = TestClock::now();
            QCOMPARE(client.get("/").status, 200);
            QVERIFY2(elapsedSince(start) < setup, "a reused connection paid the setup again");
        }
    }

    void tlsTrustsThePrintedCertificateForItsNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("verifyResult");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << X509_V_OK;
        QTest::newRow("localhost") << QStringLiteral("localhost") << X509_V_OK;
        QTest::newRow("another host name") << QStringLiteral("example.org") << X509_V_ERR_HOSTNAME_MISMATCH;
        QTest::newRow("another address") << QStringLiteral("127.0.0.2") << X509_V_ERR_IP_ADDRESS_MISMATCH;
    }

    void tlsTrustsThePrintedCertificateForItsNames()
    {
        QFETCH(QString, name);
        QFETCH(int, verifyResult);
        ServerProcess server;
        START_SERVER(server, args({"--tls", "--delay-ms", "0", "--size-kb", "3"}));
        QVERIFY(server.certificatePem().starts_with("-----BEGIN CERTIFICATE-----\n"));
        TlsTestClient client(server.port(), server.certificatePem(), name.toStdString());
        QCOMPARE(client.verifyResult(), long(verifyResult));
        QVERIFY2(client.verified() == (verifyResult == X509_V_OK), client.error().c_str());
        if (!client.verified())
            return;
        const auto response = client.get("/");
        QCOMPARE(outcome(response), "complete");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body.size(), 3072u);
    }

    void tlsCertificateIsNewForEveryServer()
    {
        ServerProcess first;
        ServerProcess second;
        START_SERVER(first, args({"--tls"}));
        START_SERVER(second, args({"--tls"}));
        QVERIFY(first.certificatePem() != second.certificatePem());
        // Trusting one server's certificate says nothing about another's, though both are local.
        TlsTestClient client(first.port(), second.certificatePem(), "127.0.0.1");
        QVERIFY(!client.verified());
        QCOMPARE(client.verifyResult(), long(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT));
    }

    void tlsSetupDelaysTheHandshakeNotTheAnswer()
    {
        constexpr auto setup = 600ms;
        ServerProcess server;
        START_SERVER(server, args({"--tls", "--setup-ms", "600", "--delay-ms", "0", "--size-kb", "1"}));
        const auto start = TestClock::now();
        TlsTestClient client(server.port(), server.certificatePem(), "127.0.0.1");
        QVERIFY2(client.verified(), client.error().c_str());
        QVERIFY(elapsedSince(start) >= setup);
        const auto asked = TestClock::now();
        const auto response = client.get("/");
        QCOMPARE(response.status, 200);
        QCOMPARE(header(response, "x-mtlab-connection-request"), "1");
        QVERIFY2(elapsedSince(asked) < setup, "the first answer paid the set-up again");
    }

    void queuesBeyondMaxConcurrent()
    {
        // Two slots, six requests of 200 ms: they can only finish in three waves.
        constexpr auto delay = 200ms;
        ServerProcess server;
        START_SERVER(server, args({"--max-concurrent", "2", "--delay-ms", "200", "--size-kb", "1"}));
        const auto start = TestClock::now();
        const auto responses = fetchConcurrently(server.port(), 6, getRequest("/"), 30s);
        std::vector<std::chrono::milliseconds> finished;
        for (const auto &response : responses) {
            QCOMPARE(outcome(response), "complete");
            QCOMPARE(response.status, 200);
            finished.push_back(
                std::chrono::duration_cast<std::chrono::milliseconds>(response.finishedAt - start));
        }
        std::ranges::sort(finished);
        // Timers never fire early, so the k-th pair cannot finish before k delays.
        for (std::size_t i = 0; i < finished.size(); ++i)
            QVERIFY2(finished[i] >= delay * int(i / 2 + 1), qPrintable(QString::number(finished[i].count())));
        // One at a time would take six delays.
        QVERIFY2(finished.back() < delay * 6, qPrintable(QString::number(finished.back().count())));
    }

    void injectsFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("500") << QStringLiteral("500");
        QTest::newRow("reset") << QStringLiteral("reset");
        QTest::newRow("stall") << QStringLiteral("stall");
    }

    void injectsFaults()
    {
        QFETCH(QString, fault);
        ServerProcess server;
        START_SERVER(server,
                     args({"--error-rate", "1", "--delay-ms", "0", "--size-kb", "4", "--fault"}) << fault);
        HttpTestClient client(server.port());
        // A stall is only recognised by the client giving up.
        QCOMPARE(faultSeen(client.get("/", {}, 20s, 300ms)), fault);
    }

    void faultsAreReproducible()
    {
        const auto statuses = [](QStringList arguments) {
            ServerProcess server;
            QStringList seen;
            if (!server.start(arguments
                              << args({"--error-rate", "0.5", "--fault", "500", "--delay-ms", "0"})))
                return seen;
            HttpTestClient client(server.port());
            for (int i = 0; i < 32; ++i)
                seen << QString::number(client.get("/size/0").status);
            return seen;
        };
        const QStringList first = statuses(args({"--seed", "7"}));
        QCOMPARE(first.size(), 32);
        QVERIFY(first.contains(QStringLiteral("200")) && first.contains(QStringLiteral("500")));
        QCOMPARE(statuses(args({"--seed", "7"})), first);
        QVERIFY(statuses(args({"--seed", "8"})) != first);
    }

    void mixedFaultsAreReproducible()
    {
        const auto faults = [] {
            ServerProcess server;
            QStringList seen;
            if (!server.start(args({"--error-rate", "1", "--fault", "mixed", "--seed", "3", "--delay-ms", "0",
                                    "--size-kb", "4"})))
                return seen;
            // One connection each, one after another: faults are drawn in arrival order.
            for (int i = 0; i < 9; ++i)
                seen << faultSeen(HttpTestClient(server.port()).get("/", {}, 20s, 300ms));
            return seen;
        };
        const QStringList first = faults();
        QCOMPARE(first.size(), 9);
        for (const char *kind : {"500", "reset", "stall"})
            QVERIFY2(first.contains(QString::fromLatin1(kind)), qPrintable(first.join(u' ')));
        QCOMPARE(faults(), first);
    }

    void rejectsBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("--bind 8.8.8.8") << args({"--bind", "8.8.8.8"});
        QTest::newRow("--bind 0.0.0.0") << args({"--bind", "0.0.0.0"});
        QTest::newRow("--port abc") << args({"--port", "abc"});
        QTest::newRow("--port 70000") << args({"--port", "70000"});
        QTest::newRow("--delay-ms -1") << args({"--delay-ms", "-1"});
        QTest::newRow("--error-rate 1.5") << args({"--error-rate", "1.5"});
        QTest::newRow("--fault sometimes") << args({"--fault", "sometimes"});
        QTest::newRow("--header-timeout-ms 0") << args({"--header-timeout-ms", "0"});
        QTest::newRow("--idle-timeout-ms soon") << args({"--idle-timeout-ms", "soon"});
        QTest::newRow("--max-connections 0") << args({"--max-connections", "0"});
        QTest::newRow("--max-connections -5") << args({"--max-connections", "-5"});
        QTest::newRow("missing value") << args({"--port"});
        QTest::newRow("unknown option") << args({"--frobnicate"});
    }

    void rejectsBadArguments()
    {
        QFETCH(QStringList, arguments);
        QProcess process;
        process.start(ServerProcess::executable(), arguments);
        QVERIFY(process.waitForFinished(30'000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        const QByteArray error = process.readAllStandardError();
        QVERIFY2(error.size() > 1 && error.endsWith('\n') && error.count('\n') == 1, error.constData());
    }

    void rejectsOtherMethods_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("keepsConnection");
        QTest::newRow("DELETE") << QByteArray("DELETE / HTTP/1.1\r\nHost: x\r\n\r\n") << true;
        QTest::newRow("POST without body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << true;
        QTest::newRow("PUT with body")
            << QByteArray("PUT / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc") << false;
    }

    void rejectsOtherMethods()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, keepsConnection);
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "0", "--size-kb", "1"}));
        HttpTestClient client(server.port());
        QVERIFY(client.send(request.toStdString()));
        const auto response = client.receive(20s);
        QCOMPARE(response.status, 405);
        QCOMPARE(header(response, "allow"), "GET");
        if (keepsConnection)
            QCOMPARE(header(client.get("/"), "x-mtlab-connection-request"), "2");
        else
            QVERIFY(client.waitForClose(20s));
    }

    void rejectsMalformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("garbage\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400;
        QTest::newRow("bad override") << QByteArray("GET /delay/soon HTTP/1.1\r\n\r\n") << 400;
        // A bare CR ends no line: the server must say so at once, not wait for a line end.
        QTest::newRow("CR alone ends the lines") << QByteArray("GET / HTTP/1.1\rHost: x\r\r") << 400;
        QTest::newRow("CR inside a header") << QByteArray("GET / HTTP/1.1\r\nX-A: b\rc\r\n\r\n") << 400;
        QTest::newRow("head too long") << "GET / HTTP/1.1\r\nX-Long: " + QByteArray(20'000, 'x') + "\r\n\r\n"
                                       << 431;
        QTest::newRow("head too long, never ended")
            << "GET / HTTP/1.1\r\nX-Long: " + QByteArray(17'000, 'x') << 431;
    }

    void rejectsMalformedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "0"}));
        HttpTestClient client(server.port());
        QVERIFY(client.send(request.toStdString()));
        const auto response = client.receive(20s);
        QCOMPARE(response.status, status);
        QCOMPARE(header(response, "connection"), "close");
        QVERIFY(client.waitForClose(20s));
    }

    void acceptsBareLineFeeds_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("every line") << QByteArray("GET /size/1 HTTP/1.1\nHost: x\n\n");
        QTest::newRow("no headers") << QByteArray("GET /size/1 HTTP/1.1\n\n");
        QTest::newRow("mixed with CRLF") << QByteArray("GET /size/1 HTTP/1.1\r\nHost: x\n\r\n");
    }

    void acceptsBareLineFeeds()
    {
        QFETCH(QByteArray, request);
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "0"}));
        HttpTestClient client(server.port());
        QVERIFY(client.send(request.toStdString()));
        const auto response = client.receive(20s);
        QCOMPARE(outcome(response), "complete");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body.size(), 1024u);
        // The request ended where it should: the connection serves the next one.
        QCOMPARE(header(client.get("/size/0"), "x-mtlab-connection-request"), "2");
    }

    void exitsCleanly_data()
    {
        QTest::addColumn<int>("signal"); // 0: close standard input instead
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("stdin EOF") << 0;
    }

    void exitsCleanly()
    {
        QFETCH(int, signal);
        ServerProcess server;
        START_SERVER(
            server,
            args({"--exit-on-stdin-eof", "--max-concurrent", "2", "--error-rate", "1", "--fault", "stall"}));
        // Stop while requests are in flight in every state: stalled, thinking and queued.
        std::vector<HttpTestClient> clients;
        for (const char *path : {"/delay/0", "/delay/60000", "/delay/60000", "/delay/0"}) {
            clients.emplace_back(server.port());
            QVERIFY(clients.back().send(getRequest(path)));
            QTest::qWait(100); // so they arrive in this order
        }

        if (signal != 0) {
            QVERIFY(server.stop(signal));
        } else {
            server.process().closeWriteChannel();
            QVERIFY(server.process().waitForFinished(30'000));
        }
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QCOMPARE(server.process().readAllStandardOutput(), QByteArray());
        QCOMPARE(server.process().readAllStandardError(), QByteArray());
        for (auto &client : clients)
            QVERIFY(client.waitForClose(20s));
    }

    void holdsTwoThousandConcurrentRequests()
    {
        constexpr std::size_t count = 2000;
        ServerProcess server;
        START_SERVER(server, args({"--delay-ms", "200", "--size-kb", "4"}));
        const auto start = TestClock::now();
        const auto responses = fetchConcurrently(server.port(), count, getRequest("/"), 60s);
        const auto elapsed = elapsedSince(start);
        const auto complete = std::ranges::count_if(responses, [](const HttpResponse &response) {
            return response.outcome == HttpResponse::Outcome::Complete && response.status == 200 &&
                response.body.size() == 4096;
        });
        qInfo("%zu concurrent requests of 200 ms: %lld ms in all", count, qlonglong(elapsed.count()));
        QCOMPARE(std::size_t(complete), count);
        // Served one by one they would take 400 s: this proves concurrency, it is not a speed target.
        QVERIFY2(elapsed < 10s, qPrintable(QString::number(elapsed.count())));
    }
};

QTEST_GUILESS_MAIN(TstServer)
#include "tst_server.moc"
