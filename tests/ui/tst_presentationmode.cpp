#include "comparisonview.h"
#include "experimentpanel.h"
#include "mainwindow.h"
#include "presentationmode.h"
#include "programrun.h"
#include "replaypane.h"
#include "syntheticrun.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QAction>
#include <QFontInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace mtlab;

// Presentation mode on a classroom projector's three common sizes: no text under 22 px at 1080
// lines (proportionally less on smaller screens), Run on screen, the comparison's headers whole;
// and the mode's switches: the panel folded away and back, the text scale with its keys, kept.
class TestPresentationMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void readableAtEverySize_data();
    void readableAtEverySize();
    void rowsGrowIntoTheHeight();
    void textScaleStepsAndIsKept();
    void leavingGivesTheWindowBack();
    void scriptedSlideAtAGivenSize();
    void badSizesExitWithTwo_data();
    void badSizesExitWithTwo();

private:
    // A window in presentation mode at w x h, with runs on both tabs. Full screen would take the
    // offscreen platform's own screen size, so the window is sized by hand.
    static void present(MainWindow &window, int w, int h);
    static QAction *runAction(const MainWindow &window);
};

constexpr std::int64_t Ms = 1'000'000;

void TestPresentationMode::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Multitask Lab"));
    QCoreApplication::setApplicationName(QStringLiteral("Multitask Lab"));
}

void TestPresentationMode::init()
{
    QSettings().clear();
}

void TestPresentationMode::present(MainWindow &window, int w, int h)
{
    window.timelineModel()->addRun(
        syntheticRun(StrategyKind::Async, 1, 12, 100 * Ms, State::IoWait, WorkloadKind::Io));
    for (const auto &[strategy, workers] : {std::pair{StrategyKind::Sync, 1},
                                            {StrategyKind::Threads, 4},
                                            {StrategyKind::Async, 1},
                                            {StrategyKind::Processes, 4}})
        window.comparisonView()->addRun(syntheticRun(strategy, workers, 8, 100 * Ms));
    window.presentation()->setFullScreenAllowed(false);
    window.presentation()->setOn(true);
    window.resize(w, h);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(w, h));
}

QAction *TestPresentationMode::runAction(const MainWindow &window)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("runAction"));
    if (!action)
        qFatal("no run action");
    return action;
}

void TestPresentationMode::readableAtEverySize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1024x768") << QSize(1024, 768);
}

void TestPresentationMode::readableAtEverySize()
{
    QFETCH(QSize, size);
    MainWindow window;
    present(window, size.width(), size.height());
    const double least = PresentationMode::LeastPixelsAt1080 * size.height() / 1080.0;

    for (const bool comparison : {false, true}) {
        if (comparison)
            window.showComparison();
        else
            window.showTimeline();
        QCoreApplication::processEvents();
        const QString tab = comparison ? QStringLiteral("comparison") : QStringLiteral("timeline");

        for (const QWidget *widget : window.findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            const int pixels = QFontInfo(widget->font()).pixelSize();
            QVERIFY2(pixels >= least,
                     qPrintable(
                         QStringLiteral("%1 (%2) on the %3 tab: %4 px, least %5")
                             .arg(widget->objectName(), QLatin1String(widget->metaObject()->className()), tab)
                             .arg(pixels)
                             .arg(least)));
        }

        TimelineView *view = comparison ? window.comparisonView()->timeline() : window.timelineView();
        QVERIFY(view->isVisible());
        const TimelineLayout layout(*view->model(), view->rect(), view->options(), view);
        for (const QFont &font : {layout.labelFont, layout.subLabelFont, layout.headerFont,
                                  layout.subtitleFont, layout.axisFont, layout.legendFont, layout.titleFont})
            QVERIFY2(QFontInfo(font).pixelSize() >= least,
                     qPrintable(QStringLiteral("a timeline font of %1 px, least %2")
                                    .arg(QFontInfo(font).pixelSize())
                                    .arg(least)));
        // Sub-labels never smaller than the labels.
        QVERIFY(QFontInfo(layout.subLabelFont).pixelSize() >= QFontInfo(layout.labelFont).pixelSize());

        // Every header's title and subtitle fit the view's width (the rows may scroll, the
        // text is never cut at the side), and the first header is on screen whole.
        int headers = 0;
        QRectF firstHeader;
        const auto across = [view](const QRectF &r) { return r.left() >= 0 && r.right() <= view->width(); };
        layout.forEach(
            [&](int g, int row, const QRectF &box) {
                if (row >= 0)
                    return true;
                const auto &group = view->model()->groups()[static_cast<std::size_t>(g)];
                const auto [title, subtitle] = layout.headerText(group, box);
                if (!across(title) || !across(subtitle))
                    qWarning() << tab << "header" << group.title << title << subtitle << "wider than"
                               << view->width();
                if (g == 0)
                    firstHeader = title.united(subtitle);
                headers += across(title) && across(subtitle) ? 1 : 0;
                return true;
            },
            false);
        QCOMPARE(headers, static_cast<int>(view->model()->groups().size()));
        QVERIFY(QRectF(view->rect()).contains(firstHeader));

        // Run is on screen, inside the window, and can be pressed.
        QWidget *run = window.presentation()->toolBar()->widgetForAction(runAction(window));
        QVERIFY(run);
        QVERIFY(run->isVisible());
        QVERIFY(run->isEnabled());
        const QRect where(run->mapTo(&window, QPoint(0, 0)), run->size());
        QVERIFY2(window.rect().contains(where),
                 qPrintable(QStringLiteral("Run at %1,%2 %3x%4")
                                .arg(where.x())
                                .arg(where.y())
                                .arg(where.width())
                                .arg(where.height())));
        QVERIFY(window.presentation()->toolBar()->widgetForAction(window.presentation()->toggleAction()));
    }
    // The panel and the replay are folded away.
    QVERIFY(!window.findChild<ExperimentPanel *>()->isVisible());
    QVERIFY(!window.replayPane()->isVisible());
}

void TestPresentationMode::rowsGrowIntoTheHeight()
{
    // A pool of two: on a presentation screen its rows grow far thicker than in the window, where
    // rows stop growing at 1.8 times their height.
    MainWindow window;
    window.timelineModel()->addRun(syntheticRun(StrategyKind::Threads, 2, 4, 100 * Ms));
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto rowHeight = [&window] {
        TimelineView *view = window.timelineView();
        return TimelineLayout(*view->model(), view->rect(), view->options(), view).rowHeight;
    };
    const double usual = rowHeight();
    window.presentation()->setFullScreenAllowed(false);
    window.presentation()->setOn(true);
    QCoreApplication::processEvents();
    QVERIFY2(rowHeight() > 2 * usual,
             qPrintable(QStringLiteral("%1 against %2").arg(rowHeight()).arg(usual)));
}

void TestPresentationMode::textScaleStepsAndIsKept()
{
    {
        MainWindow window;
        window.restoreSettings();
        PresentationMode *mode = window.presentation();
        present(window, 1280, 720);
        QCOMPARE(mode->textScale(), PresentationMode::DefaultTextScale);
        QVERIFY(!mode->smallerAction()->isEnabled());
        // While presenting Ctrl+= and Ctrl+- size the text, not the time axis.
        QVERIFY(mode->largerAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Equal)));
        QVERIFY(mode->smallerAction()->shortcuts().contains(QKeySequence(QKeySequence::ZoomOut)));
        const int before = mode->bodyPixels();
        mode->largerAction()->trigger();
        QVERIFY(mode->textScale() > PresentationMode::DefaultTextScale);
        QVERIFY(mode->bodyPixels() > before);
        QCOMPARE(QFontInfo(window.font()).pixelSize(), mode->bodyPixels());
        for (int i = 0; i < 10; ++i)
            mode->largerAction()->trigger();
        QCOMPARE(mode->textScale(), PresentationMode::MaxTextScale);
        QVERIFY(!mode->largerAction()->isEnabled());
        mode->smallerAction()->trigger();
        QVERIFY(mode->textScale() < PresentationMode::MaxTextScale);
    }
    MainWindow again;
    again.restoreSettings();
    QVERIFY(again.presentation()->textScale() > PresentationMode::DefaultTextScale);
    QVERIFY(again.presentation()->textScale() < PresentationMode::MaxTextScale);
    // Only the scale is kept: the window opens as a window again.
    QVERIFY(!again.presentation()->isOn());
    QVERIFY(!again.presentation()->toolBar()->isVisibleTo(&again));
}

void TestPresentationMode::leavingGivesTheWindowBack()
{
    MainWindow window;
    const QFont usual = window.font();
    present(window, 1024, 768);
    PresentationMode *mode = window.presentation();
    QVERIFY(window.font() != usual);
    mode->toggleAction()->trigger();
    QVERIFY(!mode->isOn());
    QCOMPARE(window.font(), usual);
    QVERIFY(window.findChild<ExperimentPanel *>()->isVisible());
    QVERIFY(window.replayPane()->isVisible());
    QVERIFY(!mode->toolBar()->isVisible());
    QVERIFY(mode->largerAction()->shortcuts().isEmpty());
    QCOMPARE(window.timelineView()->options().fontScale, 1.0);
    QVERIFY(!window.timelineView()->options().uniformText);
}

void TestPresentationMode::scriptedSlideAtAGivenSize()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("slide.png"));
    QByteArray errors;
    QCOMPARE(runProgram({QStringLiteral("--presentation"), QStringLiteral("--size"),
                         QStringLiteral("1024x768"), QStringLiteral("--preset"), QStringLiteral("cpu-sync"),
                         QStringLiteral("--screenshot"), path},
                        &errors),
             0);
    QCOMPARE(QImage(path).size(), QSize(1024, 768));
}

void TestPresentationMode::badSizesExitWithTwo_data()
{
    QTest::addColumn<QString>("size");
    QTest::newRow("no height") << QStringLiteral("1280");
    QTest::newRow("not a number") << QStringLiteral("widex720");
    QTest::newRow("too small") << QStringLiteral("100x100");
    QTest::newRow("trailing text") << QStringLiteral("1280x720px");
}

void TestPresentationMode::badSizesExitWithTwo()
{
    QFETCH(QString, size);
    QByteArray errors;
    QCOMPARE(runProgram({QStringLiteral("--presentation"), QStringLiteral("--size"), size}, &errors), 2);
    QVERIFY2(errors.contains("--size"), errors.constData());
}

QTEST_MAIN(TestPresentationMode)
#include "tst_presentationmode.moc"
