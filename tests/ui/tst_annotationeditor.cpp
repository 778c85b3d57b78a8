#include "annotationeditor.h"
#include "annotationlayout.h"
#include "comparisonview.h"
#include "runlist.h"
#include "syntheticrun.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QImage>
#include <QMouseEvent>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mtlab;

// Notes on a timeline view, as a teacher makes them: added from the context menu at a moment on a
// lane, typed in place, dragged, edited, removed; kept with the run in the run list, so that a
// pinned run keeps them across new runs.
class TestAnnotationEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void contextMenuAddsANoteThere_data();
    void contextMenuAddsANoteThere();
    void escapeCancelsTheNewNote();
    void noMenuOffTheLanes();
    void dragMovesTheNote();
    void ctrlDragMovesTheBoxAlone();
    void doubleClickEdits();
    void deleteAndTheMenuRemove();
    void pinnedRunKeepsItsNotes();
    void commandLineNotes_data();
    void commandLineNotes();

private:
    // The point of a lane at a time (ns from the run's start), in the view.
    QPoint pointAt(const QString &lane, std::int64_t ns) const;
    const AnnotationLayout::Callout callout(int index) const;
    void addFromMenu(QPoint at, const QString &text);
    void send(QEvent::Type type, QPoint at, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    std::shared_ptr<const RunResult> m_run;
    std::unique_ptr<RunList> m_runs;
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<TimelineView> m_view;
    std::unique_ptr<AnnotationEditor> m_editor;
};

namespace {

constexpr std::int64_t Ms = 1'000'000;

Annotation note(std::int64_t ms, const QString &lane, const QString &text)
{
    return Annotation{.atNs = ms * Ms, .lane = lane, .text = text, .offset = {}};
}

} // namespace

void TestAnnotationEditor::init()
{
    m_run = std::make_shared<const RunResult>(syntheticRun(StrategyKind::Threads, 4, 8, 50 * Ms));
    m_runs = std::make_unique<RunList>();
    m_runs->beginBatch(false, false);
    m_runs->addRun(m_run, 0);
    m_model = std::make_unique<TimelineModel>();
    m_model->addRun(*m_run);
    m_view = std::make_unique<TimelineView>();
    m_view->setModel(m_model.get());
    m_view->resize(1100, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_editor = std::make_unique<AnnotationEditor>(
        m_view.get(), m_runs.get(), [this](int) { return AnnotationEditor::rowOfRun(*m_runs, m_run.get()); });
}

void TestAnnotationEditor::cleanup()
{
    m_editor.reset();
    m_view.reset();
    m_model.reset();
    m_runs.reset();
}

QPoint TestAnnotationEditor::pointAt(const QString &lane, std::int64_t ns) const
{
    const TimelineLayout layout(*m_model, m_view->contentRect(), m_view->options(), m_view.get());
    const int row = AnnotationLayout::rowOf(m_model->groups().front(), lane);
    QPointF at;
    layout.forEach([&](int, int r, const QRectF &box) {
        if (r == row)
            at = QPointF(layout.plot.left() + m_view->timeScale().x(static_cast<double>(ns)),
                         box.center().y());
        return r != row;
    });
    return at.toPoint();
}

const AnnotationLayout::Callout TestAnnotationEditor::callout(int index) const
{
    const TimelineLayout layout(*m_model, m_view->contentRect(), m_view->options(), m_view.get());
    const AnnotationLayout notes(*m_model, layout, m_view->timeScale(), m_view.get());
    const AnnotationLayout::Callout *c = notes.find(0, index);
    return c ? *c : AnnotationLayout::Callout{};
}

void TestAnnotationEditor::addFromMenu(QPoint at, const QString &text)
{
    std::unique_ptr<QMenu> menu(m_editor->menuAt(at));
    QVERIFY(menu);
    auto *add = menu->findChild<QAction *>(QStringLiteral("addNoteAction"));
    QVERIFY(add);
    add->trigger();
    QLineEdit *editor = m_editor->textEditor();
    QVERIFY(editor);
    QVERIFY(editor->isVisible());
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(!m_editor->textEditor());
}

void TestAnnotationEditor::send(QEvent::Type type, QPoint at, Qt::KeyboardModifiers modifiers)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, QPointF(at), m_view->mapToGlobal(QPointF(at)), button, buttons, modifiers);
    QApplication::sendEvent(m_view.get(), &event);
}

void TestAnnotationEditor::contextMenuAddsANoteThere_data()
{
    QTest::addColumn<QString>("lane");
    QTest::addColumn<qint64>("ns");
    QTest::newRow("worker 2, 30 ms") << QStringLiteral("worker 2") << qint64(30 * Ms);
    QTest::newRow("worker 4, 80 ms") << QStringLiteral("worker 4") << qint64(80 * Ms);
    QTest::newRow("the first lane, near the start") << QStringLiteral("worker 1") << qint64(2 * Ms);
}

void TestAnnotationEditor::contextMenuAddsANoteThere()
{
    QFETCH(QString, lane);
    QFETCH(qint64, ns);
    addFromMenu(pointAt(lane, ns), QStringLiteral("the pool is full"));
    const auto &notes = m_runs->entry(0).notes;
    QCOMPARE(notes.size(), std::size_t(1));
    QCOMPARE(notes[0].lane, lane);
    QCOMPARE(notes[0].text, QStringLiteral("the pool is full"));
    QVERIFY(std::abs(static_cast<double>(notes[0].atNs - ns)) <= 2 * m_view->timeScale().nsPerPixel);
    // The view's model shows it, and it is drawn where the click was.
    QCOMPARE(m_model->groups()[0].notes, notes);
    const auto c = callout(0);
    QVERIFY(c.index == 0);
    QVERIFY(std::abs(c.tip.x() - pointAt(lane, ns).x()) <= 2);
}

void TestAnnotationEditor::escapeCancelsTheNewNote()
{
    std::unique_ptr<QMenu> menu(m_editor->menuAt(pointAt(QStringLiteral("worker 2"), 20 * Ms)));
    QVERIFY(menu);
    menu->findChild<QAction *>(QStringLiteral("addNoteAction"))->trigger();
    QVERIFY(m_editor->textEditor());
    QTest::keyClicks(m_editor->textEditor(), QStringLiteral("never mind"));
    QTest::keyClick(m_editor->textEditor(), Qt::Key_Escape);
    QVERIFY(!m_editor->textEditor());
    QVERIFY(m_runs->entry(0).notes.empty());
}

void TestAnnotationEditor::noMenuOffTheLanes()
{
    // The label column and the time axis take no notes.
    QVERIFY(!m_editor->menuAt(QPoint(10, pointAt(QStringLiteral("worker 2"), 0).y())));
    QVERIFY(!m_editor->menuAt(QPoint(m_view->plotRect().center().x(), 3)));
}

void TestAnnotationEditor::dragMovesTheNote()
{
    QVERIFY(m_editor->addNote(0, note(40, QStringLiteral("worker 3"), QStringLiteral("move me"))));
    const auto before = callout(0);
    QVERIFY(before.index == 0);
    const QPoint grab = before.box.center().toPoint();
    const QPoint to = pointAt(QStringLiteral("worker 4"), 70 * Ms);
    const QPoint delta = QPoint(to.x() - qRound(before.tip.x()), to.y() - qRound(before.tip.y()));
    send(QEvent::MouseButtonPress, grab);
    send(QEvent::MouseMove, grab + delta / 2);
    send(QEvent::MouseMove, grab + delta);
    send(QEvent::MouseButtonRelease, grab + delta);
    const Annotation &note = m_runs->entry(0).notes.at(0);
    QCOMPARE(note.lane, QStringLiteral("worker 4"));
    QVERIFY2(std::abs(static_cast<double>(note.atNs - 70 * Ms)) <= 2 * m_view->timeScale().nsPerPixel,
             qPrintable(QString::number(note.atNs)));
    QCOMPARE(note.text, QStringLiteral("move me"));
    QCOMPARE(note.offset, QPointF());
    // The view did not pan meanwhile.
    QCOMPARE(m_view->timeScale().startNs, 0.0);
}

void TestAnnotationEditor::ctrlDragMovesTheBoxAlone()
{
    QVERIFY(m_editor->addNote(0, note(40, QStringLiteral("worker 3"), QStringLiteral("box"))));
    const auto before = callout(0);
    const QPoint grab = before.box.center().toPoint();
    send(QEvent::MouseButtonPress, grab, Qt::ControlModifier);
    send(QEvent::MouseMove, grab + QPoint(60, 0), Qt::ControlModifier);
    send(QEvent::MouseButtonRelease, grab + QPoint(60, 0), Qt::ControlModifier);
    const Annotation &note = m_runs->entry(0).notes.at(0);
    QCOMPARE(note.atNs, 40 * Ms);
    QCOMPARE(note.lane, QStringLiteral("worker 3"));
    QCOMPARE(note.offset, QPointF(60, 0));
    const auto after = callout(0);
    QCOMPARE(after.tip, before.tip);
    QCOMPARE(after.box.left(), before.box.left() + 60);
}

void TestAnnotationEditor::doubleClickEdits()
{
    QVERIFY(m_editor->addNote(0, note(40, QStringLiteral("worker 2"), QStringLiteral("old"))));
    send(QEvent::MouseButtonDblClick, callout(0).box.center().toPoint());
    QLineEdit *editor = m_editor->textEditor();
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("old"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("new words"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(m_runs->entry(0).notes.at(0).text, QStringLiteral("new words"));
}

void TestAnnotationEditor::deleteAndTheMenuRemove()
{
    QVERIFY(m_editor->addNote(0, note(20, QStringLiteral("worker 2"), QStringLiteral("one"))));
    // "process 2"-style names: the start of a lane's name finds it too, in any case.
    QVERIFY(m_editor->addNote(0, note(80, QStringLiteral("Worker 4"), QStringLiteral("two"))));
    QVERIFY(!m_editor->addNote(0, note(80, QStringLiteral("worker 9"), QStringLiteral("?"))));
    QCOMPARE(m_runs->entry(0).notes.at(1).lane, QStringLiteral("worker 4"));
    // A click selects, Delete removes.
    const QPoint first = callout(0).box.center().toPoint();
    send(QEvent::MouseButtonPress, first);
    send(QEvent::MouseButtonRelease, first);
    QCOMPARE(m_view->options().noteIndex, 0);
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QCOMPARE(m_runs->entry(0).notes.size(), std::size_t(1));
    QCOMPARE(m_runs->entry(0).notes.at(0).text, QStringLiteral("two"));
    // The context menu on a note removes it too.
    std::unique_ptr<QMenu> menu(m_editor->menuAt(callout(0).box.center().toPoint()));
    QVERIFY(menu);
    menu->findChild<QAction *>(QStringLiteral("removeNoteAction"))->trigger();
    QVERIFY(m_runs->entry(0).notes.empty());
    QVERIFY(m_model->groups()[0].notes.empty());
}

void TestAnnotationEditor::pinnedRunKeepsItsNotes()
{
    // The comparison, wired as the window wires it: its groups are the run list's checked rows.
    ComparisonView comparison;
    connect(m_runs.get(), &RunList::shownChanged, &comparison, [&] { comparison.showRuns(m_runs->shown()); });
    comparison.showRuns(m_runs->shown());
    AnnotationEditor notes(comparison.timeline(), m_runs.get(),
                           [this](int group) { return AnnotationEditor::shownRow(*m_runs, group); });
    QVERIFY(notes.addNote(0, note(30, QStringLiteral("worker 1"), QStringLiteral("kept"))));
    QCOMPARE(m_model->groups()[0].notes.size(), std::size_t(1)); // the same run on the timeline tab
    m_runs->setPinned(0, true);

    // A new run: the pinned one stays in the comparison, with its note; the new one has none.
    m_runs->beginBatch(false, false);
    m_runs->addRun(std::make_shared<const RunResult>(syntheticRun(StrategyKind::Sync, 1, 8, 10 * Ms)), 0);
    QCOMPARE(m_runs->entries().size(), std::size_t(2));
    const int pinned = AnnotationEditor::rowOfRun(*m_runs, m_run.get());
    QCOMPARE(m_runs->entry(pinned).notes.size(), std::size_t(1));
    const auto &groups = comparison.model()->groups();
    QCOMPARE(groups.size(), std::size_t(2));
    const int pinnedGroup = AnnotationEditor::shownRow(*m_runs, 0) == pinned ? 0 : 1;
    QCOMPARE(groups[static_cast<std::size_t>(pinnedGroup)].notes.size(), std::size_t(1));
    QCOMPARE(groups[static_cast<std::size_t>(pinnedGroup)].notes[0].text, QStringLiteral("kept"));
    QVERIFY(groups[static_cast<std::size_t>(1 - pinnedGroup)].notes.empty());
}

void TestAnnotationEditor::commandLineNotes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("error");
    const QString note = QStringLiteral("1:thread 2:a lost update");
    QTest::newRow("on the run") << QStringList{QStringLiteral("--preset"), QStringLiteral("counter-threads"),
                                               QStringLiteral("--run"), QStringLiteral("--note"), note}
                                << 0 << QByteArray();
    QTest::newRow("no such lane: said, not fatal")
        << QStringList{QStringLiteral("--preset"), QStringLiteral("counter-threads"), QStringLiteral("--run"),
                       QStringLiteral("--note=1:thread 9:x")}
        << 0 << QByteArray("no lane 'thread 9'");
    QTest::newRow("without --run") << QStringList{QStringLiteral("--note"), note} << 2
                                   << QByteArray("needs --run");
    QTest::newRow("not MS:LANE:TEXT")
        << QStringList{QStringLiteral("--run"), QStringLiteral("--note"), QStringLiteral("soon:thread 2")}
        << 2 << QByteArray("MS:LANE:TEXT");
}

// `multitask-lab --note MS:LANE:TEXT`, for screenshots with notes: the note is in the picture.
void TestAnnotationEditor::commandLineNotes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QByteArray, error);
    QTemporaryDir dir;
    const QString shot = dir.filePath(QStringLiteral("window.png"));
    QProcess program;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    program.setProcessEnvironment(environment);
    program.start(QCoreApplication::applicationDirPath() + QStringLiteral("/multitask-lab"),
                  args + QStringList{QStringLiteral("--screenshot"), shot});
    QVERIFY(program.waitForFinished(120'000));
    const QByteArray errors = program.readAllStandardError();
    QCOMPARE(program.exitCode(), code);
    QVERIFY2(errors.contains(error), errors.constData());
    if (code != 0 || !error.isEmpty())
        return;
    // The note's paper, light yellow, and its words' box: a few thousand pixels of it.
    const QImage image(shot);
    int paper = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            paper += qRed(c) > 240 && qGreen(c) > 225 && qBlue(c) > 150 && qBlue(c) < 205;
        }
    QVERIFY2(paper > 1500, qPrintable(QString::number(paper)));
}

QTEST_MAIN(TestAnnotationEditor)
#include "tst_annotationeditor.moc"
