#include "timescale.h"

#include <QTest>

using namespace mtlab;

class TestTimeScale : public QObject
{
    Q_OBJECT

private slots:
    void tickStepGoesOneTwoFive_data();
    void tickStepGoesOneTwoFive();
    void roundTrip_data();
    void roundTrip();
    void fit_data();
    void fit();
    void zoomAroundKeepsAnchor_data();
    void zoomAroundKeepsAnchor();
    void pan_data();
    void pan();
    void clampKeepsTheViewOnTheRun_data();
    void clampKeepsTheViewOnTheRun();
};

void TestTimeScale::roundTrip_data()
{
    QTest::addColumn<double>("startNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("x");
    QTest::newRow("origin") << 0.0 << 1e6 << 0.0;
    QTest::newRow("ms per pixel") << 0.0 << 1e6 << 640.5;
    QTest::newRow("shifted") << 2.5e9 << 1234.5 << 17.0;
    QTest::newRow("left of the plot") << 1e6 << 1e3 << -40.0;
    QTest::newRow("deepest zoom") << 7e9 << TimeScale::MinNsPerPixel << 1919.0;
    QTest::newRow("widest zoom") << 0.0 << TimeScale::MaxNsPerPixel << 3.0;
}

void TestTimeScale::roundTrip()
{
    QFETCH(double, startNs);
    QFETCH(double, nsPerPixel);
    QFETCH(double, x);
    const TimeScale scale{startNs, nsPerPixel};
    QCOMPARE(scale.x(scale.ns(x)), x);
    const double t = startNs + 123.0 * nsPerPixel;
    QCOMPARE(scale.ns(scale.x(t)), t);
    QCOMPARE(scale.endNs(100), scale.ns(100));
}

void TestTimeScale::fit_data()
{
    QTest::addColumn<double>("fromNs");
    QTest::addColumn<double>("toNs");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("nsPerPixel");
    QTest::newRow("2 s on 1000 px") << 0.0 << 2e9 << 1000.0 << 2e6;
    QTest::newRow("offset range") << 5e8 << 1.5e9 << 500.0 << 2e6;
    QTest::newRow("empty range takes 1 ns") << 3e3 << 3e3 << 1.0 << TimeScale::MinNsPerPixel;
    QTest::newRow("clamped deep") << 0.0 << 10.0 << 1000.0 << TimeScale::MinNsPerPixel;
    QTest::newRow("clamped wide") << 0.0 << 1e15 << 10.0 << TimeScale::MaxNsPerPixel;
    QTest::newRow("zero width") << 0.0 << 1e6 << 0.0 << 1e6;
}

void TestTimeScale::fit()
{
    QFETCH(double, fromNs);
    QFETCH(double, toNs);
    QFETCH(double, width);
    QFETCH(double, nsPerPixel);
    TimeScale scale;
    scale.fit(fromNs, toNs, width);
    QCOMPARE(scale.startNs, fromNs);
    QCOMPARE(scale.nsPerPixel, nsPerPixel);
    QCOMPARE(scale.x(fromNs), 0.0);
}

void TestTimeScale::zoomAroundKeepsAnchor_data()
{
    QTest::addColumn<double>("startNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expectedNsPerPixel");
    QTest::newRow("in at the left edge") << 0.0 << 1e6 << 0.0 << 2.0 << 5e5;
    QTest::newRow("in mid-plot") << 1e8 << 1e6 << 400.0 << 4.0 << 2.5e5;
    QTest::newRow("out mid-plot") << 1e8 << 1e6 << 400.0 << 0.5 << 2e6;
    QTest::newRow("in past the deepest zoom") << 0.0 << 4.0 << 250.0 << 100.0 << TimeScale::MinNsPerPixel;
    QTest::newRow("out past the widest zoom") << 0.0 << 5e9 << 10.0 << 0.01 << TimeScale::MaxNsPerPixel;
}

void TestTimeScale::zoomAroundKeepsAnchor()
{
    QFETCH(double, startNs);
    QFETCH(double, nsPerPixel);
    QFETCH(double, x);
    QFETCH(double, factor);
    QFETCH(double, expectedNsPerPixel);
    TimeScale scale{startNs, nsPerPixel};
    const double anchor = scale.ns(x);
    scale.zoomAround(x, factor);
    QCOMPARE(scale.nsPerPixel, expectedNsPerPixel);
    QCOMPARE(scale.ns(x), anchor);
}

void TestTimeScale::pan_data()
{
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("startNs");
    QTest::newRow("drag right shows earlier times") << 100.0 << 0.9e9;
    QTest::newRow("drag left shows later times") << -50.0 << 1.05e9;
    QTest::newRow("no drag") << 0.0 << 1e9;
}

void TestTimeScale::pan()
{
    QFETCH(double, dx);
    QFETCH(double, startNs);
    TimeScale scale{1e9, 1e6};
    scale.pan(dx);
    QCOMPARE(scale.startNs, startNs);
    QCOMPARE(scale.nsPerPixel, 1e6);
}

// What the view does on a wheel notch (zoom around x), a drag or an arrow key (pan by dx pixels),
// then clamped to a run of endNs on a 1000-pixel plot: never before 0, never past the run's end
// and its margin (1.05 s for a 1 s run), never zoomed out past the whole run.
void TestTimeScale::clampKeepsTheViewOnTheRun_data()
{
    QTest::addColumn<double>("endNs");
    QTest::addColumn<double>("startNs");
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("dx");
    QTest::addColumn<double>("expectedStartNs");
    QTest::addColumn<double>("expectedNsPerPixel");
    QTest::newRow("wheel out past the whole run")
        << 1e9 << 0.0 << 1e6 << 500.0 << 1 / 1.2 << 0.0 << 0.0 << 1.05e6;
    QTest::newRow("wheel in keeps the anchor") << 1e9 << 0.0 << 1e6 << 100.0 << 2.0 << 0.0 << 5e7 << 5e5;
    QTest::newRow("wheel out near the start") << 1e9 << 1e8 << 5e5 << 900.0 << 0.5 << 0.0 << 0.0 << 1e6;
    QTest::newRow("drag right past 0") << 1e9 << 1e8 << 5e5 << 0.0 << 1.0 << 400.0 << 0.0 << 5e5;
    QTest::newRow("drag left past the end") << 1e9 << 1e8 << 5e5 << 0.0 << 1.0 << -2000.0 << 5.5e8 << 5e5;
    QTest::newRow("drag within the run") << 1e9 << 1e8 << 5e5 << 0.0 << 1.0 << -100.0 << 1.5e8 << 5e5;
    QTest::newRow("left key at the start") << 1e9 << 0.0 << 5e5 << 0.0 << 1.0 << 125.0 << 0.0 << 5e5;
    QTest::newRow("right key at the end") << 1e9 << 5.5e8 << 5e5 << 0.0 << 1.0 << -125.0 << 5.5e8 << 5e5;
    QTest::newRow("- key on a fitted run") << 1e9 << 0.0 << 1e6 << 500.0 << 1 / 1.5 << 0.0 << 0.0 << 1.05e6;
    QTest::newRow("a run shorter than the plot")
        << 500.0 << -300.0 << 2.0 << 0.0 << 1.0 << 0.0 << 0.0 << TimeScale::MinNsPerPixel;
}

void TestTimeScale::clampKeepsTheViewOnTheRun()
{
    QFETCH(double, endNs);
    QFETCH(double, startNs);
    QFETCH(double, nsPerPixel);
    QFETCH(double, x);
    QFETCH(double, factor);
    QFETCH(double, dx);
    QFETCH(double, expectedStartNs);
    QFETCH(double, expectedNsPerPixel);
    const double width = 1000;
    TimeScale scale{startNs, nsPerPixel};
    scale.zoomAround(x, factor);
    scale.pan(dx);
    scale.clampTo(endNs, width);
    QCOMPARE(scale.nsPerPixel, expectedNsPerPixel);
    QCOMPARE(scale.startNs, expectedStartNs);
    QVERIFY(scale.startNs >= 0);
    if (endNs >= width) // a run shorter than the plot at the deepest zoom leaves room after it
        QVERIFY(scale.endNs(width) <= endNs * (1 + TimeScale::EndMargin) * (1 + 1e-12));
}

void TestTimeScale::tickStepGoesOneTwoFive_data()
{
    QTest::addColumn<double>("nsPerPixel");
    QTest::addColumn<double>("minPixels");
    QTest::addColumn<double>("step");
    QTest::newRow("exact 1") << 1e6 << 100.0 << 1e8;
    QTest::newRow("up to 2") << 1.2e6 << 100.0 << 2e8;
    QTest::newRow("up to 5") << 3e6 << 100.0 << 5e8;
    QTest::newRow("up to 10") << 6e6 << 100.0 << 1e9;
    QTest::newRow("never below 1 ns") << 0.001 << 10.0 << 1.0;
}

void TestTimeScale::tickStepGoesOneTwoFive()
{
    QFETCH(double, nsPerPixel);
    QFETCH(double, minPixels);
    QFETCH(double, step);
    QCOMPARE(TimeScale::tickStep(nsPerPixel, minPixels), step);
}

QTEST_APPLESS_MAIN(TestTimeScale)
#include "tst_timescale.moc"
