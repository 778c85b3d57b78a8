#include "language.h"
#include "lessondialog.h"
#include "statepalette.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTextBrowser>

Q_DECLARE_METATYPE(mtlab::State)

using namespace mtlab;

namespace {

QString readLesson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The page's skeleton: its headings, paragraphs, lists and items, in order.
QStringList outline(const QString &html)
{
    static const QRegularExpression tag(QStringLiteral("<(h2|h3|p|ul|li)>"));
    QStringList tags;
    for (const auto &match : tag.globalMatch(html))
        tags << match.captured(1);
    return tags;
}

} // namespace

class TestLessonDialog : public QObject
{
    Q_OBJECT

private slots:
    void lessonFile_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral(":/lesson.html");
        QTest::newRow("Korean") << QStringLiteral("ko") << QStringLiteral(":/lesson_ko.html");
        QTest::newRow("a language without a lesson")
            << QStringLiteral("fr") << QStringLiteral(":/lesson.html");
    }
    void lessonFile()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        QCOMPARE(LessonDialog::lessonFile(language), expected);
    }

    // The Korean page is the English one translated: the same headings, paragraphs and items.
    void koreanHasTheSameStructure()
    {
        const QString english = readLesson(LessonDialog::lessonFile(QStringLiteral("en")));
        const QString korean = readLesson(LessonDialog::lessonFile(QStringLiteral("ko")));
        QVERIFY(!outline(english).isEmpty());
        QCOMPARE(outline(korean), outline(english));
        QCOMPARE(korean.count(QStringLiteral("<h3>")), 4);
    }

    // The lesson names the states as the Korean legend does, with the engine's name beside.
    void koreanStatesAsTheLegendNamesThem_data()
    {
        QTest::addColumn<State>("state");
        for (const State state : {State::Cpu, State::IoWait, State::LockWait, State::Spawn, State::Queued})
            QTest::newRow(stateName(state).data()) << state;
    }
    void koreanStatesAsTheLegendNamesThem()
    {
        QFETCH(State, state);
        QCOMPARE(Language::install(*QCoreApplication::instance(), QStringLiteral("ko")),
                 QStringLiteral("ko"));
        const QString korean = readLesson(LessonDialog::lessonFile(QStringLiteral("ko")));
        const QRegularExpression named(QStringLiteral("<b>([^<]+) \\(%1\\)</b>")
                                           .arg(QRegularExpression::escape(QLatin1String(stateName(state)))));
        const auto match = named.match(korean);
        QVERIFY2(match.hasMatch(), stateName(state).data());
        QVERIFY2(match.captured(1).startsWith(StatePalette::shortName(StatePalette::styleIndex(state))),
                 qPrintable(match.captured(1)));
    }

    void dialogShowsTheWindowsLanguage()
    {
        QCOMPARE(Language::install(*QCoreApplication::instance(), QStringLiteral("ko")),
                 QStringLiteral("ko"));
        LessonDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("무엇을 보고 있나요?"));
        const auto *text = dialog.findChild<QTextBrowser *>(QStringLiteral("lessonText"));
        QVERIFY(text);
        QVERIFY(text->toPlainText().startsWith(QStringLiteral("무엇을 보고 있나요?")));
    }
};

QTEST_MAIN(TestLessonDialog)
#include "tst_lessondialog.moc"
