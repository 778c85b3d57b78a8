#include "runlist.h"
#include "runlistview.h"
#include "syntheticrun.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QToolButton>
#include <QTableView>

using namespace mtlab;

// The run list's widget driven as a teacher does: a click on a checkbox, a double-click and F2 to
// rename, the Up button, Ctrl+Down, Delete, Pin, Clear unpinned.
class TestRunListView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void clickingTheCheckboxHidesARun();
    void doubleClickRenames();
    void f2Renames();
    void buttonsAndKeysMoveAndRemove();
    void pinSurvivesClearUnpinned();

private:
    QPoint checkboxCentre(int row) const;
    QToolButton *buttonOf(QAction *action) const;

    RunList *m_list = nullptr;
    RunListView *m_view = nullptr;
};

void TestRunListView::init()
{
    m_list = new RunList;
    m_view = new RunListView(m_list);
    m_view->resize(600, 400);
    m_list->beginBatch(false, false);
    int slot = 0;
    for (const StrategyKind strategy : {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Processes}) {
        const int workers = strategy == StrategyKind::Sync ? 1 : 4;
        m_list->addRun(std::make_shared<const RunResult>(syntheticRun(strategy, workers, 8, 100'000'000)),
                       slot++);
    }
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestRunListView::cleanup()
{
    delete m_view;
    delete m_list;
}

QPoint TestRunListView::checkboxCentre(int row) const
{
    QTableView *table = m_view->table();
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.rect = table->visualRect(m_list->index(row, RunList::NameColumn));
    option.features |= QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = m_list->data(m_list->index(row, RunList::NameColumn)).toString();
    return table->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, table).center();
}

QToolButton *TestRunListView::buttonOf(QAction *action) const
{
    for (QToolButton *button : m_view->findChildren<QToolButton *>()) {
        if (button->defaultAction() == action)
            return button;
    }
    qFatal("no button");
}

void TestRunListView::clickingTheCheckboxHidesARun()
{
    QCOMPARE(m_list->shown().size(), std::size_t(3));
    QTest::mouseClick(m_view->table()->viewport(), Qt::LeftButton, {}, checkboxCentre(0));
    QCOMPARE(m_list->shown().size(), std::size_t(2));
    QVERIFY(!m_list->entry(0).shown);
    // Space on the current row ticks it again.
    m_view->selectRow(0);
    QTest::keyClick(m_view->table(), Qt::Key_Space);
    QVERIFY(m_list->entry(0).shown);
}

void TestRunListView::doubleClickRenames()
{
    QTableView *table = m_view->table();
    const QPoint name = table->visualRect(m_list->index(1, RunList::NameColumn)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, name);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, name);
    auto *editor = table->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("no reuse"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(m_list->entry(1).name, QStringLiteral("no reuse"));
    QCOMPARE(m_list->shown().at(1).name, QStringLiteral("no reuse"));
}

void TestRunListView::f2Renames()
{
    m_view->selectRow(2);
    m_view->table()->setFocus();
    QTest::keyClick(m_view->table(), Qt::Key_F2);
    auto *editor = m_view->table()->findChild<QLineEdit *>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("reuse"));
    QTest::keyClick(editor, Qt::Key_Enter);
    QTRY_COMPARE(m_list->entry(2).name, QStringLiteral("reuse"));
}

void TestRunListView::buttonsAndKeysMoveAndRemove()
{
    m_view->selectRow(2);
    QVERIFY(m_view->moveUpAction()->isEnabled());
    QVERIFY(!m_view->moveDownAction()->isEnabled());
    QTest::mouseClick(buttonOf(m_view->moveUpAction()), Qt::LeftButton);
    QCOMPARE(m_list->entry(1).median().experiment.strategy, StrategyKind::Processes);
    QCOMPARE(m_view->currentRow(), 1); // the selection follows the run
    m_view->table()->setFocus();
    QTest::keyClick(m_view->table(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(m_list->entry(0).median().experiment.strategy, StrategyKind::Processes);
    QTest::keyClick(m_view->table(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(m_list->entry(1).median().experiment.strategy, StrategyKind::Processes);
    QTest::keyClick(m_view->table(), Qt::Key_Delete);
    QCOMPARE(m_list->rowCount(), 2);
    QCOMPARE(m_list->entry(1).median().experiment.strategy, StrategyKind::Threads);
}

void TestRunListView::pinSurvivesClearUnpinned()
{
    m_view->selectRow(1);
    QVERIFY(!m_view->pinAction()->isChecked());
    QTest::mouseClick(buttonOf(m_view->pinAction()), Qt::LeftButton);
    QVERIFY(m_list->entry(1).pinned);
    QVERIFY(m_view->pinAction()->isChecked());
    QTest::mouseClick(buttonOf(m_view->clearUnpinnedAction()), Qt::LeftButton);
    QCOMPARE(m_list->rowCount(), 1);
    QCOMPARE(m_list->entry(0).median().experiment.strategy, StrategyKind::Threads);
    QVERIFY(!m_view->clearUnpinnedAction()->isEnabled());
}

QTEST_MAIN(TestRunListView)
#include "tst_runlistview.moc"
