#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace mtlab;

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            messages.append({context, {}, {}, false});
        else if (xml.name() == QLatin1String("source"))
            messages.last().source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            messages.last().unfinished = xml.attributes().value(QLatin1String("type")) ==
                QLatin1String("unfinished");
            messages.last().translation = xml.readElementText();
        }
    }
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+|[vm])"));
    QSet<QString> found;
    for (const auto &match : marker.globalMatch(text))
        found.insert(match.captured());
    return found;
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void choose_data()
    {
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("system Korean")
            << QString() << QStringList{QStringLiteral("ko-KR"), QStringLiteral("ko")}
            << QStringLiteral("ko");
        QTest::newRow("LANGUAGE=ko:en")
            << QString() << QStringList{QStringLiteral("ko"), QStringLiteral("en")} << QStringLiteral("ko");
        QTest::newRow("system German, then Korean")
            << QString() << QStringList{QStringLiteral("de-DE"), QStringLiteral("ko_KR")}
            << QStringLiteral("ko");
        QTest::newRow("system French only")
            << QString() << QStringList{QStringLiteral("fr-FR")} << QStringLiteral("en");
        QTest::newRow("nothing known") << QString() << QStringList{} << QStringLiteral("en");
        QTest::newRow("kept English over a Korean system")
            << QStringLiteral("en") << QStringList{QStringLiteral("ko-KR")} << QStringLiteral("en");
        QTest::newRow("kept Korean over an English system")
            << QStringLiteral("ko") << QStringList{QStringLiteral("en-US")} << QStringLiteral("ko");
        QTest::newRow("a kept language we do not have follows the system")
            << QStringLiteral("xx") << QStringList{QStringLiteral("ko-KR")} << QStringLiteral("ko");
    }
    void choose()
    {
        QFETCH(QString, kept);
        QFETCH(QStringList, system);
        QFETCH(QString, expected);
        QCOMPARE(Language::choose(kept, system), expected);
    }

    // Every text the window shows has a Korean translation that keeps its placeholders.
    void translationsComplete_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(MTLAB_TS_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.ts")});
        QVERIFY(!files.isEmpty());
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void translationsComplete()
    {
        QFETCH(QString, path);
        const QList<Message> messages = readTs(path);
        QVERIFY(messages.size() > 100);
        QStringList problems;
        for (const Message &m : messages) {
            if (m.unfinished || m.translation.isEmpty())
                problems << QStringLiteral("untranslated: %1 \"%2\"").arg(m.context, m.source);
            else if (placeholders(m.source) != placeholders(m.translation))
                problems << QStringLiteral("placeholders differ: %1 \"%2\"").arg(m.context, m.source);
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void installKoreanTranslatesTheWindow()
    {
        QCOMPARE(Language::install(*QCoreApplication::instance(), QStringLiteral("ko")),
                 QStringLiteral("ko"));
        QCOMPARE(QCoreApplication::translate("mtlab::MainWindow", "&File"), QStringLiteral("파일(&F)"));
        // Qt's own texts too, from Debian's qt6-translations-l10n.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
