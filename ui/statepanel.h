#pragma once

#include "experiment.h"
#include "snapshot.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <vector>

namespace mtlab {

struct RunResult;

// The state of a run at the playhead, drawn beside the timeline as the article draws it. For the
// event loop: the task running on the loop, the ready list (tasks that can run, waiting for the
// loop) and the waiting list (grouped by what each waits for: connect, the server, the transfer, a
// timer, a semaphore). For pools: each worker's task and state, and the queue. With the
// interpreter lock: who holds it and who waits. Tasks are chips with their number, coloured as
// on the timeline; clicking one follows that task (its chip is outlined wherever it moves).
class StatePanel : public QWidget
{
    Q_OBJECT

public:
    enum class Section { Running, Ready, Waiting, Queued, Workers, Lock };
    struct Chip {
        Section section = Section::Ready;
        std::int32_t task = -1; // -1: a "+N more" chip or a worker with no task
        QString text;
        int style = 0; // StatePalette::styleIndex
        QRectF rect;
    };

    explicit StatePanel(QWidget *parent = nullptr);

    // The run whose snapshots follow (null: none); keeps no pointer into it.
    void setRun(const RunResult *run);
    void setSnapshot(const Snapshot &snapshot);

    // What is drawn, for tests: the section headings in order and every chip.
    QStringList headings() const;
    const std::vector<Chip> &chips() const noexcept { return m_chips; }
    std::vector<std::int32_t> tasksIn(Section section) const;
    std::int32_t followedTask() const noexcept { return m_followed; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void taskFollowed(int task); // -1: none

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Heading {
        QString text;
        QString note; // smaller, after the heading: what the list means
        QPointF at;
        bool sub = false;
        bool noteBeside = true;
    };
    struct Line {
        QRectF box;
        QString text;
    };
    class Flow;

    void relayout();
    void layoutEventLoop(Flow &flow);
    void layoutPool(Flow &flow);
    void layoutLock(Flow &flow);
    QString workerName(std::int32_t lane) const;

    bool m_hasRun = false;
    StrategyKind m_strategy = StrategyKind::Sync;
    int m_tasks = 0;
    std::vector<QString> m_laneNames;
    Snapshot m_snapshot;
    std::int32_t m_followed = -1;
    std::vector<Heading> m_headings;
    std::vector<Chip> m_chips;
    std::vector<Line> m_lines; // plain text (a worker's name, "empty")
};

} // namespace mtlab
