#include "idealmarker.h"
#include "syntheticrun.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timelinetooltip.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace mtlab;

class TestIdealMarker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sitsInTheHeaderAtTheIdealTime();
    void hoverExplainsTheTheory();
    void isDrawnAboveTheRowsNotThroughThem();

private:
    TimelineModel m_model;
    QRect m_target{0, 0, 1200, 500};
    TimelineRenderer::Options m_options;
    TimeScale m_scale;
};

void TestIdealMarker::initTestCase()
{
    // 20 downloads of 10 ms on 4 workers: 50 ms, where the theory predicts 5 x 7 ms.
    RunResult run = syntheticRun(StrategyKind::Threads, 4, 20, 10'000'000, State::IoWait, WorkloadKind::Io);
    run.embeddedServer = true;
    run.experiment.io.delayMs = 7; // the ideal, 35 ms, in the middle of a bar
    m_model.addRun(run);
    QVERIFY(m_model.groups().front().idealNs > 0);
    QVERIFY(!m_model.groups().front().idealFormula.isEmpty());
    const TimelineRenderer renderer(m_model);
    m_scale.fit(0, 1.6 * static_cast<double>(m_model.durationNs()),
                renderer.plotArea(m_target, m_options).width());
}

void TestIdealMarker::sitsInTheHeaderAtTheIdealTime()
{
    const TimelineLayout layout(m_model, m_target, m_options);
    const TimelineRenderer renderer(m_model);
    const QRectF header = renderer.rowRect(m_target, m_options, 0, -1);
    const TimelineModel::Group &group = m_model.groups().front();
    const auto marker = IdealMarker::place(layout, m_scale, group, header);
    QVERIFY(marker);
    QCOMPARE(marker->x, layout.plot.left() + m_scale.x(static_cast<double>(group.idealNs)));
    QVERIFY(header.adjusted(0, 0, 0, 1).contains(marker->flag.boundingRect()));
    QVERIFY(!marker->label.isEmpty()); // room beside the flag for the words
    QVERIFY(header.contains(marker->label));
    QVERIFY2(marker->text.startsWith(QStringLiteral("ideal ")), qPrintable(marker->text));
    const auto [title, subtitle] = layout.headerText(group, header);
    QVERIFY(!marker->label.intersects(title.united(subtitle)));

    // No ideal, or an ideal outside the plot: no marker.
    TimelineModel::Group none = group;
    none.idealNs = 0;
    QVERIFY(!IdealMarker::place(layout, m_scale, none, header));
    TimeScale later = m_scale;
    later.startNs = 2.0 * static_cast<double>(group.idealNs);
    QVERIFY(!IdealMarker::place(layout, later, group, header));
}

void TestIdealMarker::hoverExplainsTheTheory()
{
    const TimelineRenderer renderer(m_model);
    const QRectF header = renderer.rowRect(m_target, m_options, 0, -1);
    const TimelineModel::Group &group = m_model.groups().front();
    const double x = renderer.plotArea(m_target, m_options).left() +
        m_scale.x(static_cast<double>(group.idealNs));
    const auto onFlag = renderer.hitTest(m_target, m_scale, m_options,
                                         QPoint(int(x), int(header.bottom() - 4)));
    QCOMPARE(onFlag.group, 0);
    QCOMPARE(onFlag.row, -1);
    QVERIFY(onFlag.ideal);
    const QString text = TimelineToolTip::text(m_model, onFlag);
    QVERIFY2(text.contains(group.idealFormula.toHtmlEscaped()), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("theory")), qPrintable(text));
    // Elsewhere on the header: the run's title, not the theory.
    const auto onTitle = renderer.hitTest(m_target, m_scale, m_options,
                                          QPoint(int(header.left()) + 30, int(header.center().y())));
    QCOMPARE(onTitle.row, -1);
    QVERIFY(!onTitle.ideal);
    QVERIFY(!TimelineToolTip::text(m_model, onTitle).contains(group.idealFormula.toHtmlEscaped()));
    // On a row under the marker: that row's span, not the theory.
    const QRectF row = renderer.rowRect(m_target, m_options, 0, 0);
    QVERIFY(!renderer.hitTest(m_target, m_scale, m_options, QPoint(int(x), int(row.center().y()))).ideal);
}

void TestIdealMarker::isDrawnAboveTheRowsNotThroughThem()
{
    // The ideal time lies inside the first worker's bar: the bar there keeps its colour.
    const TimelineRenderer renderer(m_model);
    QImage image(m_target.size(), QImage::Format_RGB32);
    QPainter painter(&image);
    renderer.paint(painter, m_target, m_scale, m_options);
    painter.end();
    const TimelineModel::Group &group = m_model.groups().front();
    const int x = int(renderer.plotArea(m_target, m_options).left() +
                      m_scale.x(static_cast<double>(group.idealNs)));
    const QRectF row = renderer.rowRect(m_target, m_options, 0, 0);
    const QColor wait = StatePalette::style(State::IoWait, IoPhase::Wait).fill;
    const QColor hatch = StatePalette::style(State::IoWait, IoPhase::Wait).hatchColor;
    int bar = 0;
    for (int y = int(row.top()) + 4; y < int(row.bottom()) - 4; ++y) {
        const QColor c = image.pixelColor(x, y);
        bar += c == wait || c == hatch;
    }
    QVERIFY2(bar >= int(row.height()) - 12, qPrintable(QString::number(bar)));
}

QTEST_MAIN(TestIdealMarker)
#include "tst_idealmarker.moc"
