#include "printable.h"

#include <QTest>

using namespace mtlab;

// printable(): untrusted bytes quoted in a one-line message, escaped and cut short.
class TestPrintable : public QObject
{
    Q_OBJECT

private slots:
    void escapes_data();
    void escapes();
    void cutsAtTheLimit();
};

void TestPrintable::escapes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain text") << QByteArray("task 7 1") << QByteArray("task 7 1");
    QTest::newRow("newline and tab") << QByteArray("a\nb\tc\r") << QByteArray("a\\nb\\tc\\r");
    QTest::newRow("backslash") << QByteArray("a\\nb") << QByteArray("a\\\\nb");
    QTest::newRow("terminal escape") << QByteArray("\x1b[2J") << QByteArray("\\x1b[2J");
    QTest::newRow("NUL and DEL") << QByteArray("a\0b\x7f", 4) << QByteArray("a\\x00b\\x7f");
    QTest::newRow("non-ASCII bytes") << QByteArray("caf\xc3\xa9") << QByteArray("caf\\xc3\\xa9");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void TestPrintable::escapes()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(printable(input.toStdString())), expected);
}

// The limit counts input bytes, so an escaped line can be longer than it, never the input shorter.
void TestPrintable::cutsAtTheLimit()
{
    const std::string input(150, '\n');
    const std::string out = printable(input);
    QCOMPARE(out.size(), std::size_t(100 * 2 + 3));
    QVERIFY(out.ends_with("\\n..."));
    QCOMPARE(printable(std::string(100, 'x')), std::string(100, 'x'));
    QCOMPARE(printable("abcdef", 3), std::string("abc..."));
}

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
