#pragma once

#include "annotation.h"
#include "prediction.h"

#include <QAbstractTableModel>
#include <QString>
#include <QTime>

#include <memory>
#include <vector>

namespace mtlab {

struct Experiment;
struct RunResult;

// Every run of the session, so that runs made minutes apart (the interpreter lock on and off, a
// session reused or not) can be stacked in one comparison. A row is one run, or the N runs of a
// Repeat ×N of one experiment, shown by their median with the spread. Checked rows are the
// comparison, in the rows' order. A new batch unchecks the unpinned rows; pinned rows stay
// checked and are never dropped, while the unpinned history keeps the newest UnpinnedCap rows.
// No widgets: RunListView shows it, MainWindow feeds it.
class RunList : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, WallColumn, SpeedupColumn, TimeColumn, ColumnCount };
    static constexpr int UnpinnedCap = 50;

    struct Entry {
        std::vector<std::shared_ptr<const RunResult>> runs; // its repeats, in the order they ran
        QString name;                                       // the run label, until renamed
        QTime finishedAt;                                   // when its last run ended
        std::vector<Annotation> notes;                      // the teacher's notes on its timeline
        int batch = 0;
        int slot = 0; // which experiment of its batch: the repeats of one share it
        bool sweep = false;
        bool pinned = false;
        bool shown = false;       // checked: in the comparison
        double speedup = 0.0;     // over the baseline; 0 while there is none
        bool busy = false;        // another program used the cores during one of its runs
        std::uint64_t serial = 0; // age, for dropping the oldest
        Prediction prediction;    // the class's guess before it ran (the lesson panel)

        // The median run (the lower of the two middle ones for an even count): what is shown.
        const RunResult &median() const;
        std::int64_t minNs() const;
        std::int64_t maxNs() const;
    };
    // What the comparison draws of a checked row.
    struct Shown {
        std::shared_ptr<const RunResult> run; // the median
        QString name;
        QString spread; // "1.700–1.810 s, 5 runs"; empty for a single run
        bool sweep = false;
        int batch = 0;
        int repeats = 1;
    };

    explicit RunList(QObject *parent = nullptr);
    ~RunList() override;

    // A batch begins. Unless it joins the comparison (one more strategy on the same work), the
    // unpinned rows leave the comparison. Returns the batch's number.
    int beginBatch(bool joins, bool sweep);
    // A finished run of the current batch; runs with the same slot are repeats of one experiment.
    void addRun(std::shared_ptr<const RunResult> run, int slot, QTime finishedAt = QTime::currentTime());

    const std::vector<Entry> &entries() const noexcept { return m_entries; }
    const Entry &entry(int row) const { return m_entries.at(static_cast<std::size_t>(row)); }
    std::vector<Shown> shown() const;
    // The baseline of a row: its batch's sync run, else the latest earlier sync run of the same
    // work, else its batch's first run; -1 for none.
    int baselineRow(int row) const;

    void setPinned(int row, bool pinned);
    void setShown(int row, bool shown);
    void rename(int row, const QString &name);
    void setNotes(int row, std::vector<Annotation> notes);
    void setPrediction(int row, const Prediction &prediction);
    // Rows of a saved session, after the rows so far (whose unpinned rows leave the comparison when
    // any of these is checked); their batches keep apart from the session's.
    void addEntries(std::vector<Entry> entries);
    void remove(int row);
    // One place up or down (delta -1 / +1); false at either end.
    bool move(int row, int delta);
    void clearUnpinned();

    // Same work (workload, tasks, size, server), so wall times compare.
    static bool sameWork(const Experiment &a, const Experiment &b);
    // "1.73 s" and, for repeats, " (1.70–1.81 s, 5 runs)".
    static QString wallText(const Entry &entry);
    static QString spreadText(const Entry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // The comparison changes: a checked row came, went, moved, was renamed or got a repeat.
    void shownChanged();

private:
    void updateSpeedups();
    void dropOldest();
    QString toolTip(const Entry &entry) const;
    void rowChanged(int row);

    std::vector<Entry> m_entries;
    int m_batch = 0;
    bool m_sweep = false;
    std::uint64_t m_serial = 0;
};

} // namespace mtlab
