#include "columnfolder.h"

#include <QTest>

#include <random>
#include <vector>

using namespace mtlab;

class TestColumnFolder : public QObject
{
    Q_OBJECT

private slots:
    void sharesAddUpToTheirInputs_data();
    void sharesAddUpToTheirInputs();
    void aGapStartsANewBlock();
};

void TestColumnFolder::sharesAddUpToTheirInputs_data()
{
    QTest::addColumn<double>("pxPerSpan");
    QTest::addColumn<int>("keys");
    QTest::newRow("a hundred spans a pixel, two keys") << 0.01 << 2;
    QTest::newRow("a few spans a pixel, all keys") << 0.3 << ColumnFolder::Keys;
    QTest::newRow("a span or so a block") << 1.5 << 5;
}

void TestColumnFolder::sharesAddUpToTheirInputs()
{
    QFETCH(double, pxPerSpan);
    QFETCH(int, keys);
    std::mt19937 random(11);
    std::uniform_int_distribution<int> key(0, keys - 1);
    std::uniform_int_distribution<std::int64_t> ns(0, 1000); // zero-length marks too
    ColumnFolder folder(2.0);
    std::vector<ColumnFolder::Block> blocks;
    const auto keep = [&](const ColumnFolder::Block *b) {
        if (b)
            blocks.push_back(*b);
    };
    ColumnFolder::Shares input{};
    std::int64_t total = 0;
    double x = 10;
    for (int i = 0; i < 20'000; ++i) {
        const int k = key(random);
        const std::int64_t d = ns(random);
        QVERIFY(!folder.wide(x, x + pxPerSpan));
        keep(folder.add(x, x + pxPerSpan, k, d));
        input[static_cast<std::size_t>(k)] += std::max<std::int64_t>(d, 1);
        total += std::max<std::int64_t>(d, 1);
        x += pxPerSpan;
    }
    keep(folder.close());
    QVERIFY(!folder.close()); // closed once
    ColumnFolder::Shares folded{};
    std::int64_t foldedTotal = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const ColumnFolder::Block &block = blocks[b];
        std::int64_t sum = 0;
        for (int k = 0; k < ColumnFolder::Keys; ++k) {
            sum += block.ns[static_cast<std::size_t>(k)];
            folded[static_cast<std::size_t>(k)] += block.ns[static_cast<std::size_t>(k)];
        }
        QCOMPARE(sum, block.total); // a block's shares add up to its time
        foldedTotal += block.total;
        QVERIFY(block.x1 > block.x0);
        if (b > 0)
            QVERIFY(block.x0 >= blocks[b - 1].x1 - pxPerSpan); // left to right, no overlap
        // A few pixels wide: the folding keeps columns apart without one block per span.
        if (b + 1 < blocks.size())
            QVERIFY(block.x1 - block.x0 < 2.0 + 2 * pxPerSpan);
    }
    QCOMPARE(folded, input); // and all of them together, key by key, the time that went in
    QCOMPARE(foldedTotal, total);
}

void TestColumnFolder::aGapStartsANewBlock()
{
    ColumnFolder folder(2.0);
    QVERIFY(!folder.add(0.0, 0.5, 0, 10));
    const ColumnFolder::Block *closed = folder.add(5.0, 5.5, 1, 30); // more than a pixel away
    QVERIFY(closed);
    QCOMPARE(closed->x0, 0.0);
    QCOMPARE(closed->x1, 0.5);
    QCOMPARE(closed->ns[0], std::int64_t{10});
    QCOMPARE(closed->total, std::int64_t{10});
    const ColumnFolder::Block *last = folder.close();
    QVERIFY(last);
    QCOMPARE(last->ns[1], std::int64_t{30});
    QCOMPARE(last->ns[0], std::int64_t{0});
    QVERIFY(folder.wide(0, 2));
    QVERIFY(!folder.wide(0, 1.9));
}

QTEST_APPLESS_MAIN(TestColumnFolder)
#include "tst_columnfolder.moc"
