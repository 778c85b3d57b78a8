#include "urlcheck.h"

#include <QTest>

using namespace mtlab;

// checkDownloadUrl(): only URLs that can ever be downloaded pass; the rest name their problem.
class TestUrlCheck : public QObject
{
    Q_OBJECT

private slots:
    void badUrlsAreRefused_data();
    void badUrlsAreRefused();
    void goodUrlsPass_data();
    void goodUrlsPass();
};

void TestUrlCheck::badUrlsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("a local file") << QStringLiteral("file:///etc/passwd") << QStringLiteral("not file");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/") << QStringLiteral("not ftp");
    QTest::newRow("gopher") << QStringLiteral("gopher://127.0.0.1/") << QStringLiteral("not gopher");
    QTest::newRow("dict") << QStringLiteral("dict://127.0.0.1/") << QStringLiteral("not dict");
    QTest::newRow("websocket") << QStringLiteral("ws://127.0.0.1/") << QStringLiteral("not ws");
    QTest::newRow("not a URL") << QStringLiteral("not a url") << QStringLiteral("http://");
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1/x") << QStringLiteral("http://");
    QTest::newRow("empty") << QString() << QStringLiteral("http://");
    QTest::newRow("no host") << QStringLiteral("http://") << QStringLiteral("host");
    QTest::newRow("port too large") << QStringLiteral("http://127.0.0.1:99999/") << QStringLiteral("port");
    QTest::newRow("port 0") << QStringLiteral("http://127.0.0.1:0/") << QStringLiteral("port");
    QTest::newRow("port not a number") << QStringLiteral("http://127.0.0.1:http/") << QStringLiteral("ort");
    QTest::newRow("space in the host") << QStringLiteral("http://exa mple/") << QStringLiteral("ost");
}

void TestUrlCheck::badUrlsAreRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const std::string problem = checkDownloadUrl(url.toStdString());
    QVERIFY2(problem.find("'" + url.toStdString() + "'") != std::string::npos, problem.c_str());
    QVERIFY2(problem.find(mentions.toStdString()) != std::string::npos, problem.c_str());
    QCOMPARE(problem.find('\n'), std::string::npos);
}

void TestUrlCheck::goodUrlsPass_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8080/size/50");
    QTest::newRow("https") << QStringLiteral("https://example.com/");
    QTest::newRow("upper-case scheme") << QStringLiteral("HTTP://example.com/");
    QTest::newRow("no path") << QStringLiteral("http://localhost");
    QTest::newRow("IPv6") << QStringLiteral("http://[::1]:8080/");
    QTest::newRow("highest port") << QStringLiteral("http://127.0.0.1:65535/");
    // Valid, though nothing listens there: a run's tasks fail with "connection refused".
    QTest::newRow("port 1") << QStringLiteral("http://127.0.0.1:1/");
}

void TestUrlCheck::goodUrlsPass()
{
    QFETCH(QString, url);
    QCOMPARE(checkDownloadUrl(url.toStdString()), std::string());
}

QTEST_GUILESS_MAIN(TestUrlCheck)
#include "tst_urlcheck.moc"
