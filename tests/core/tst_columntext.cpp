#include "columntext.h"

#include <QTest>

using namespace mtlab;

class TestColumnText : public QObject
{
    Q_OBJECT

private slots:
    void width_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::newRow("ASCII") << QStringLiteral("wall time") << 9;
        QTest::newRow("times sign") << QStringLiteral("1.94×") << 5;
        QTest::newRow("micro sign") << QStringLiteral("85.21 µs") << 8;
        QTest::newRow("Hangul syllables") << QStringLiteral("전략") << 4;
        QTest::newRow("mixed") << QStringLiteral("스레드, 워커 5개") << 16;
        QTest::newRow("decomposed Hangul: one syllable") << QStringLiteral("\u1112\u1161\u11AB") << 2;
        QTest::newRow("empty") << QString() << 0;
    }
    void width()
    {
        QFETCH(QString, text);
        QFETCH(int, columns);
        QCOMPARE(displayWidth(text.toStdString()), static_cast<std::size_t>(columns));
    }

    // Padded to the same width, columns line up on a terminal whatever the script.
    void padding()
    {
        QCOMPARE(padLeft("1.94×", 7), std::string("  1.94×"));
        QCOMPARE(padRight("전략", 6), std::string("전략  "));
        QCOMPARE(displayWidth(padRight("전략", 10)), displayWidth(padRight("strategy", 10)));
        QCOMPARE(displayWidth(padLeft("벽시계 시간", 11)), std::size_t{11});
        QCOMPARE(padRight("too long", 3), std::string("too long"));
    }
};

QTEST_MAIN(TestColumnText)
#include "tst_columntext.moc"
