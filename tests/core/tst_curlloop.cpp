#include "asyncsemaphore.h"
#include "curlloop.h"
#include "embeddedserver.h"
#include "eventloop.h"
#include "gather.h"
#include "httpsession.h"

#include <QTest>

#include <algorithm>
#include <memory>

using namespace mtlab;

// The event loop's share of libcurl: downloads on one multi handle, handles passed on from
// finished downloads to new ones, and a loop that may go before the coroutines that used it.
class TestCurlLoop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void finishedHandlesServeTheNextDownloads_data();
    void finishedHandlesServeTheNextDownloads();
    void loopGoesBeforeItsDownloads();

private:
    EmbeddedServer m_server;
    IoOptions m_options;
};

namespace {

constexpr int SizeKb = 8;

AsyncTask<Download> download(CurlLoop &curl, AsyncSemaphore &permits, const std::string &url)
{
    co_await permits.acquire();
    Download d = co_await curl.get(url);
    permits.release();
    co_return d;
}

} // namespace

void TestCurlLoop::initTestCase()
{
    m_options.delayMs = 20;
    m_options.sizeKb = SizeKb;
    const std::string problem = m_server.start(m_options);
    QVERIFY2(problem.empty(), problem.c_str());
    m_options.url = m_server.url();
}

void TestCurlLoop::finishedHandlesServeTheNextDownloads_data()
{
    QTest::addColumn<int>("downloads");
    QTest::addColumn<int>("atOnce");
    QTest::addColumn<bool>("reuse");
    QTest::newRow("all at once") << 20 << 20 << true;
    QTest::newRow("three at a time") << 12 << 3 << true;
    QTest::newRow("one at a time") << 5 << 1 << true;
    QTest::newRow("three at a time, no reuse") << 12 << 3 << false;
}

void TestCurlLoop::finishedHandlesServeTheNextDownloads()
{
    QFETCH(int, downloads);
    QFETCH(int, atOnce);
    QFETCH(bool, reuse);
    IoOptions options = m_options;
    options.reuse = reuse;
    EventLoop loop;
    HttpSession session(options);
    CurlLoop &curl = session.onLoop(loop);
    AsyncSemaphore permits(loop, atOnce);
    std::vector<AsyncTask<Download>> tasks;
    for (int i = 0; i < downloads; ++i)
        tasks.push_back(download(curl, permits, options.url));
    std::vector<Download> results;
    QVERIFY(loop.runUntilComplete(
        [&]() -> AsyncTask<void> { results = co_await gather(loop, std::move(tasks)); }()));

    QCOMPARE(int(results.size()), downloads);
    for (const Download &d : results) {
        QVERIFY2(d.ok, d.detail.c_str());
        QCOMPARE(d.bytes, std::int64_t{SizeKb} * 1024);
    }
    QCOMPARE(int(curl.handleCount()), atOnce);
    const auto fresh = std::count_if(results.begin(), results.end(),
                                     [](const Download &d) { return d.newConnection; });
    QCOMPARE(int(fresh), reuse ? atOnce : downloads);
}

// A cancelled run can end the session while downloads wait, some of them finished but not yet
// resumed: their coroutines, destroyed later, must not reach back into the gone loop.
void TestCurlLoop::loopGoesBeforeItsDownloads()
{
    EventLoop loop;
    auto session = std::make_unique<HttpSession>(m_options);
    CurlLoop &curl = session->onLoop(loop);
    AsyncSemaphore permits(loop, 100);
    int finished = 0;
    auto one = [&]() -> AsyncTask<void> {
        co_await download(curl, permits, m_options.url);
        ++finished;
        loop.stop();
    };
    std::vector<AsyncTask<void>> tasks;
    for (int i = 0; i < 30; ++i) {
        tasks.push_back(one());
        loop.schedule(tasks.back().handle());
    }
    loop.run();
    QCOMPARE(finished, 1);
    session.reset();
    tasks.clear();
}

QTEST_APPLESS_MAIN(TestCurlLoop)
#include "tst_curlloop.moc"
