#include "shapebatches.h"

#include <QTest>

using namespace mtlab;

class TestShapeBatches : public QObject
{
    Q_OBJECT

private slots:
    void tasksInOneStateAreSeparated();
};

void TestShapeBatches::tasksInOneStateAreSeparated()
{
    ShapeBatches batches;
    batches.beginRow(0, 20, true);
    batches.span(0, 50, 0, 1);
    batches.span(50, 100, 0, 2);  // another task in the same state: a hairline apart
    batches.span(100, 150, 7, 2); // another state: the colour is the border, no gap
    QCOMPARE(batches.batch(0)[0].right(), 49.0);
    QCOMPARE(batches.batch(0)[1].right(), 100.0);
    QCOMPARE(batches.batch(7)[0].left(), 100.0);
    ShapeBatches holders;
    holders.beginRow(0, 20, false); // the GIL holder row: one colour per thread, no hairlines
    holders.span(0, 50, 0, 1);
    holders.span(50, 100, 0, 2);
    QCOMPARE(holders.batch(0)[0].right(), 50.0);
}

QTEST_APPLESS_MAIN(TestShapeBatches)
#include "tst_shapebatches.moc"
