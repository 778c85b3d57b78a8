#include "columnimage.h"
#include "statepalette.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace mtlab;

namespace {

ColumnFolder::Block block(double x0, double x1, std::initializer_list<std::pair<int, std::int64_t>> shares)
{
    ColumnFolder::Block b;
    b.x0 = x0;
    b.x1 = x1;
    for (const auto &[key, ns] : shares) {
        b.ns[static_cast<std::size_t>(key)] = ns;
        b.total += ns;
        b.keys |= 1u << key;
    }
    return b;
}

int sum(const std::array<int, ColumnFolder::Keys> &heights)
{
    int total = 0;
    for (const int h : heights)
        total += h;
    return total;
}

} // namespace

class TestColumnImage : public QObject
{
    Q_OBJECT

private slots:
    void stackFollowsTheShares();
    void everyShareKeepsAPixel();
    void thinRowsShowTheDominantKey();
    void blocksArePaintedAsStacks();
};

void TestColumnImage::stackFollowsTheShares()
{
    const auto heights = ColumnImage::stack(block(0, 2, {{0, 250}, {7, 750}}), 20);
    QCOMPARE(heights[0], 5);
    QCOMPARE(heights[7], 15);
    QCOMPARE(sum(heights), 20);
}

void TestColumnImage::everyShareKeepsAPixel()
{
    const auto heights = ColumnImage::stack(block(0, 2, {{0, 1}, {3, 5}, {9, 100'000}}), 16);
    QVERIFY(heights[0] >= 1 && heights[3] >= 1);
    QCOMPARE(heights[9], 14);
    QCOMPARE(sum(heights), 16); // no gap, no overflow
}

void TestColumnImage::thinRowsShowTheDominantKey()
{
    const auto heights = ColumnImage::stack(block(0, 2, {{0, 300}, {7, 700}}), 3);
    QCOMPARE(heights[7], 3);
    QCOMPARE(sum(heights), 3);
}

void TestColumnImage::blocksArePaintedAsStacks()
{
    // A quarter computing, the rest waiting for the lock, in a 20 px row of a 100 x 50 plot.
    const int lockWait = StatePalette::styleIndex(State::LockWait);
    QImage target(200, 100, QImage::Format_RGB32);
    target.fill(Qt::white);
    ColumnImage columns;
    const QRectF plot(50, 20, 100, 50);
    columns.begin(plot, 1.0);
    columns.beginRow(30, 20, ColumnImage::statePalette());
    columns.block(block(60, 62, {{0, 250}, {lockWait, 750}}));
    QCOMPARE(columns.blocks(), 1);
    QPainter painter(&target);
    columns.paint(painter);
    painter.end();
    const StatePalette::Style &cpu = StatePalette::style(0);
    const StatePalette::Style &wait = StatePalette::style(lockWait);
    for (const int x : {60, 61}) {
        for (int y = 45; y < 50; ++y)
            QCOMPARE(target.pixelColor(x, y), cpu.fill); // the first key at the bottom
        for (int y = 30; y < 45; ++y) {
            const QColor c = target.pixelColor(x, y);
            QVERIFY(c == wait.fill || c == wait.hatchColor);
        }
        QCOMPARE(target.pixelColor(x, 29), QColor(Qt::white)); // the row's band only
        QCOMPARE(target.pixelColor(x, 50), QColor(Qt::white));
    }
    QCOMPARE(target.pixelColor(62, 40), QColor(Qt::white));
    QCOMPARE(target.pixelColor(59, 40), QColor(Qt::white));
    // The next frame starts clean.
    target.fill(Qt::white);
    columns.begin(plot, 1.0);
    QPainter again(&target);
    columns.paint(again);
    again.end();
    QCOMPARE(target.pixelColor(60, 40), QColor(Qt::white));
}

QTEST_MAIN(TestColumnImage)
#include "tst_columnimage.moc"
