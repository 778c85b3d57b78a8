#include "bytesum.h"

#include <QRandomGenerator>
#include <QTest>

#include <vector>

using namespace mtlab;

class TestByteSum : public QObject
{
    Q_OBJECT

private slots:
    void matchesAByteAtATimeSum_data();
    void matchesAByteAtATimeSum();
};

void TestByteSum::matchesAByteAtATimeSum_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("offset"); // unaligned starts must read the same bytes
    QTest::addColumn<bool>("allOnes");
    for (int size : {0, 1, 7, 8, 9, 1023, 1024, 1025, 1031, 16384, 51200, 100003})
        for (int offset : {0, 3}) {
            QTest::addRow("%d bytes at +%d", size, offset) << size << offset << false;
            QTest::addRow("%d bytes of 0xff at +%d", size, offset) << size << offset << true;
        }
}

void TestByteSum::matchesAByteAtATimeSum()
{
    QFETCH(int, size);
    QFETCH(int, offset);
    QFETCH(bool, allOnes);
    std::vector<unsigned char> buffer(static_cast<std::size_t>(size + offset));
    QRandomGenerator random(static_cast<quint32>(size));
    for (auto &byte : buffer)
        byte = allOnes ? 0xff : static_cast<unsigned char>(random.bounded(256));
    const unsigned char *data = buffer.data() + offset;
    std::uint64_t expected = 0;
    for (int i = 0; i < size; ++i)
        expected += data[i];
    QCOMPARE(byteSum(data, static_cast<std::size_t>(size)), expected);
}

QTEST_APPLESS_MAIN(TestByteSum)
#include "tst_bytesum.moc"
