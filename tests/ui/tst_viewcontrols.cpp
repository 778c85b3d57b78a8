#include "syntheticrun.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "viewcontrols.h"

#include <QAction>
#include <QTest>
#include <QToolButton>

using namespace mtlab;

// The zoom buttons and Keep scale beside the tabs: a click acts on the timeline shown, Keep scale
// is one checkable state whether set from its button or from the View menu's action.
class TestViewControls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buttonsActOnTheCurrentTimeline();
    void keepScaleButtonAndActionAreOne();

private:
    QToolButton *buttonOf(QAction *action) const;

    TimelineModel m_model;
    TimelineView m_first, m_second;
    TimelineView *m_current = &m_first;
    std::unique_ptr<ViewControls> m_controls;
};

void TestViewControls::initTestCase()
{
    m_model.addRun(syntheticRun(StrategyKind::Threads, 4, 8, 100'000'000));
    for (TimelineView *view : {&m_first, &m_second}) {
        view->setModel(&m_model);
        view->resize(800, 400);
        view->fitToWindow();
    }
    m_controls = std::make_unique<ViewControls>([this] { return m_current; });
    m_controls->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_controls.get()));
}

QToolButton *TestViewControls::buttonOf(QAction *action) const
{
    for (QToolButton *button : m_controls->findChildren<QToolButton *>()) {
        if (button->defaultAction() == action)
            return button;
    }
    return nullptr;
}

void TestViewControls::buttonsActOnTheCurrentTimeline()
{
    for (TimelineView *view : {&m_first, &m_second}) {
        m_current = view;
        const double fitted = view->timeScale().nsPerPixel;
        const double other = (view == &m_first ? m_second : m_first).timeScale().nsPerPixel;
        QToolButton *zoomIn = buttonOf(m_controls->zoomInAction());
        QVERIFY(zoomIn && zoomIn->isVisible());
        QTest::mouseClick(zoomIn, Qt::LeftButton);
        QVERIFY(view->timeScale().nsPerPixel < fitted);
        QCOMPARE((view == &m_first ? m_second : m_first).timeScale().nsPerPixel, other);
        QTest::mouseClick(buttonOf(m_controls->fitAction()), Qt::LeftButton);
        QCOMPARE(view->timeScale().nsPerPixel, fitted);
    }
}

void TestViewControls::keepScaleButtonAndActionAreOne()
{
    QToolButton *button = m_controls->keepScaleButton();
    QCOMPARE(buttonOf(m_controls->keepScaleAction()), button);
    QVERIFY(button->isVisible());
    QVERIFY(button->isCheckable());
    QCOMPARE(button->text(), QStringLiteral("Keep scale")); // short beside the tabs
    QVERIFY(m_controls->keepScaleAction()->text().contains(QStringLiteral("between runs")));
    QVERIFY(!m_controls->keepScaleAction()->isChecked());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(m_controls->keepScaleAction()->isChecked());
    QVERIFY(button->isChecked());
    m_controls->keepScaleAction()->setChecked(false); // from the View menu
    QVERIFY(!button->isChecked());
}

QTEST_MAIN(TestViewControls)
#include "tst_viewcontrols.moc"
