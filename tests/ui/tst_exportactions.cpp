#include "comparison.h"
#include "exportactions.h"
#include "syntheticrun.h"
#include "timelinemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QFileInfo>
#include <QFileDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace mtlab;
using namespace Qt::StringLiterals;

// The File menu's exports as a teacher meets them: the save dialog proposes a name saying what is
// saved in the last folder, a name typed without an extension gets the filter's, and Copy picture
// always leaves a picture on the clipboard, even right after a dialog closed.
class TestExportActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fileStemSaysWhatIsSaved_data();
    void fileStemSaysWhatIsSaved();
    void withFilterSuffix_data();
    void withFilterSuffix();
    void dialogProposesANameInTheLastFolder();
    void typedNameGetsTheFilterExtension_data();
    void typedNameGetsTheFilterExtension();
    void copyRightAfterADialogClosed();
    void copyRightAfterTheSaveDialogClosed();

private:
    // Runs f on the save dialog as soon as it is open (it runs its own event loop).
    static void onDialog(std::function<void(QFileDialog *)> f);

    QTemporaryDir m_dir;
    TimelineModel m_model;
    std::unique_ptr<Comparison> m_comparison;
    RunResult m_run;
    QMainWindow m_window;
    ExportActions *m_actions = nullptr;
};

void TestExportActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the user's settings stay untouched
    QCoreApplication::setOrganizationName(QStringLiteral("Multitask Lab"));
    QVERIFY(m_dir.isValid());
    m_run = syntheticRun(StrategyKind::Threads, 4, 8, 50'000'000, State::IoWait, WorkloadKind::Io);
    m_comparison = std::make_unique<Comparison>(m_model);
    m_comparison->addRun(m_run);
    m_actions = new ExportActions(&m_window, [this] {
        ExportActions::Source source;
        source.model = &m_model;
        source.runs.push_back(&m_run);
        source.title = QStringLiteral("I/O: 8 downloads");
        source.fileStem = ExportActions::fileStem(m_run.experiment, ExportActions::View::Timeline);
        return source;
    });
    m_actions->setAvailable(true);
    m_window.resize(800, 500);
    m_window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_window));
}

void TestExportActions::init()
{
    QSettings().setValue(QStringLiteral("export/folder"), m_dir.path());
    QGuiApplication::clipboard()->clear();
}

void TestExportActions::onDialog(std::function<void(QFileDialog *)> f)
{
    QTimer::singleShot(0, qApp, [f] {
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())));
        f(dialog);
    });
}

void TestExportActions::fileStemSaysWhatIsSaved_data()
{
    QTest::addColumn<WorkloadKind>("workload");
    QTest::addColumn<StrategyKind>("strategy");
    QTest::addColumn<ExportActions::View>("view");
    QTest::addColumn<QString>("stem");
    QTest::newRow("timeline") << WorkloadKind::Io << StrategyKind::Threads << ExportActions::View::Timeline
                              << QStringLiteral("io-threads-timeline");
    QTest::newRow("comparison") << WorkloadKind::Cpu << StrategyKind::Processes
                                << ExportActions::View::Comparison << QStringLiteral("cpu-comparison");
    QTest::newRow("sweep") << WorkloadKind::Cpu << StrategyKind::Processes << ExportActions::View::Sweep
                           << QStringLiteral("cpu-processes-sweep");
    QTest::newRow("counter") << WorkloadKind::Counter << StrategyKind::Async << ExportActions::View::Timeline
                             << QStringLiteral("counter-async-timeline");
}

void TestExportActions::fileStemSaysWhatIsSaved()
{
    QFETCH(WorkloadKind, workload);
    QFETCH(StrategyKind, strategy);
    QFETCH(ExportActions::View, view);
    QFETCH(QString, stem);
    Experiment e;
    e.workload = workload;
    e.strategy = strategy;
    QCOMPARE(ExportActions::fileStem(e, view), stem);
}

void TestExportActions::withFilterSuffix_data()
{
    const QString png = QStringLiteral("PNG image (*.png)");
    const QString svg = QStringLiteral("SVG drawing (*.svg)");
    const QString pdf = QStringLiteral("PDF 문서 (*.pdf)");
    const QString json = QStringLiteral("Chrome trace (*.json)");
    const QString csv = QStringLiteral("CSV table (*.csv)");
    const QStringList pictures{png, svg, pdf};
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QString>("expected");
    QTest::newRow("json added") << u"/t/trace-sweep"_s << json << QStringList{json}
                                << u"/t/trace-sweep.json"_s;
    QTest::newRow("json kept") << u"/t/trace.json"_s << json << QStringList{json} << u"/t/trace.json"_s;
    QTest::newRow("csv added") << u"/t/spans"_s << csv << QStringList{csv} << u"/t/spans.csv"_s;
    QTest::newRow("dot in the name") << u"/t/run.v2"_s << csv << QStringList{csv} << u"/t/run.v2.csv"_s;
    QTest::newRow("png added") << u"/t/slide"_s << png << pictures << u"/t/slide.png"_s;
    QTest::newRow("svg added") << u"/t/slide"_s << svg << pictures << u"/t/slide.svg"_s;
    QTest::newRow("translated filter") << u"/t/slide"_s << pdf << pictures << u"/t/slide.pdf"_s;
    QTest::newRow("another offered kept") << u"/t/slide.svg"_s << png << pictures << u"/t/slide.svg"_s;
    QTest::newRow("upper case kept") << u"/t/SLIDE.PNG"_s << png << pictures << u"/t/SLIDE.PNG"_s;
    QTest::newRow("a bare extension is a name") << u"/t/.png"_s << png << pictures << u"/t/.png"_s;
}

void TestExportActions::withFilterSuffix()
{
    QFETCH(QString, path);
    QFETCH(QString, chosen);
    QFETCH(QStringList, filters);
    QFETCH(QString, expected);
    QCOMPARE(ExportActions::withFilterSuffix(path, chosen, filters), expected);
}

void TestExportActions::dialogProposesANameInTheLastFolder()
{
    QString proposed;
    onDialog([&](QFileDialog *dialog) {
        proposed = dialog->selectedFiles().value(0);
        dialog->reject();
    });
    m_actions->pictureAction()->trigger();
    QCOMPARE(proposed, m_dir.filePath(QStringLiteral("io-threads-timeline.png")));
}

void TestExportActions::typedNameGetsTheFilterExtension_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("written");
    QTest::newRow("picture") << 0 << u"slide"_s << u"slide.png"_s;
    QTest::newRow("chrome trace") << 1 << u"trace-sweep"_s << u"trace-sweep.json"_s;
    QTest::newRow("csv") << 2 << u"spans"_s << u"spans.csv"_s;
}

void TestExportActions::typedNameGetsTheFilterExtension()
{
    QFETCH(int, action);
    QFETCH(QString, typed);
    QFETCH(QString, written);
    onDialog([&](QFileDialog *dialog) {
        dialog->selectFile(typed);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept, as the Save button does
    });
    const QList<QAction *> actions{m_actions->pictureAction(), m_actions->chromeTraceAction(),
                                   m_actions->csvAction()};
    actions[action]->trigger();
    QVERIFY(QFileInfo(m_dir.filePath(written)).size() > 0);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(typed)));
    QCOMPARE(QSettings().value(QStringLiteral("export/folder")).toString(), m_dir.path());
}

void TestExportActions::copyRightAfterADialogClosed()
{
    QDialog dialog(&m_window);
    QTimer::singleShot(0, &dialog, &QDialog::accept);
    dialog.exec();
    m_actions->copyAction()->trigger(); // before the dialog's closing has been processed further
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1920, 1080));
    QVERIFY(m_window.statusBar()->currentMessage().contains(QStringLiteral("1920")));
}

void TestExportActions::copyRightAfterTheSaveDialogClosed()
{
    onDialog([](QFileDialog *dialog) { dialog->reject(); });
    m_actions->pictureAction()->trigger();
    m_actions->copyAction()->trigger();
    QVERIFY(!QGuiApplication::clipboard()->image().isNull());
    QTRY_COMPARE(QApplication::activeWindow(), &m_window); // the window gets the next shortcut
}

QTEST_MAIN(TestExportActions)
#include "tst_exportactions.moc"
