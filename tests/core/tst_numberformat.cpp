#include "numberformat.h"

#include <QTest>

using namespace mtlab;

class TestNumberFormat : public QObject
{
    Q_OBJECT

private slots:
    void duration_data();
    void duration();
    void tick_data();
    void tick();
    void speedup_data();
    void speedup();
};

void TestNumberFormat::duration_data()
{
    QTest::addColumn<double>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("ms") << 412.3e6 << QStringLiteral("412.3 ms");
    QTest::newRow("s") << 2.031e9 << QStringLiteral("2.031 s");
    QTest::newRow("µs") << 85.21e3 << QStringLiteral("85.21 \u00b5s");
    QTest::newRow("ns") << 999.0 << QStringLiteral("999 ns");
    QTest::newRow("minutes stay seconds") << 125e9 << QStringLiteral("125.0 s");
    QTest::newRow("zero") << 0.0 << QStringLiteral("0 ns");
}

void TestNumberFormat::duration()
{
    QFETCH(double, ns);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatDuration(ns)), text);
}

void TestNumberFormat::tick_data()
{
    QTest::addColumn<double>("ns");
    QTest::addColumn<double>("step");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << 50e6 << QStringLiteral("0 ms");
    QTest::newRow("ms") << 250e6 << 50e6 << QStringLiteral("250 ms");
    QTest::newRow("s with a half") << 1.5e9 << 500e6 << QStringLiteral("1.5 s");
    QTest::newRow("whole s") << 2e9 << 500e6 << QStringLiteral("2 s");
    QTest::newRow("fine step") << 1.25e9 << 50e6 << QStringLiteral("1.25 s");
    QTest::newRow("µs") << 20e3 << 10e3 << QStringLiteral("20 \u00b5s");
    QTest::newRow("ns") << 500.0 << 100.0 << QStringLiteral("500 ns");
}

void TestNumberFormat::tick()
{
    QFETCH(double, ns);
    QFETCH(double, step);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatTick(ns, step)), text);
}

void TestNumberFormat::speedup_data()
{
    QTest::addColumn<double>("speedup");
    QTest::addColumn<QString>("text");
    QTest::newRow("large: whole") << 83.14 << QStringLiteral("83\u00d7");
    QTest::newRow("just under 10 rounds up") << 9.996 << QStringLiteral("10\u00d7");
    QTest::newRow("three digits") << 4.981 << QStringLiteral("4.98\u00d7");
    QTest::newRow("trailing zero dropped") << 1.1 << QStringLiteral("1.1\u00d7");
    QTest::newRow("one") << 1.0004 << QStringLiteral("1\u00d7");
    QTest::newRow("slower") << 0.9712 << QStringLiteral("0.97\u00d7");
    QTest::newRow("much slower") << 0.05 << QStringLiteral("0.05\u00d7");
    QTest::newRow("unknown") << 0.0 << QStringLiteral("-");
}

void TestNumberFormat::speedup()
{
    QFETCH(double, speedup);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatSpeedup(speedup)), text);
}

QTEST_APPLESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
