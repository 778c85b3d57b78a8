#include "runlist.h"

#include "machineload.h"
#include "numbertext.h"
#include "runner.h"
#include "runtitle.h"

#include <QApplication>
#include <QFont>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace mtlab {

namespace {

std::vector<std::int64_t> wallTimes(const RunList::Entry &entry)
{
    std::vector<std::int64_t> times;
    for (const auto &run : entry.runs)
        times.push_back(run->wallNs);
    return times;
}

QString busyText()
{
    return RunList::tr("The machine was busy during this run: other programs used the cores; "
                       "timings may be off.");
}

} // namespace

const RunResult &RunList::Entry::median() const
{
    std::vector<const RunResult *> sorted;
    for (const auto &run : runs)
        sorted.push_back(run.get());
    std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->wallNs < b->wallNs; });
    return *sorted[(sorted.size() - 1) / 2];
}

std::int64_t RunList::Entry::minNs() const
{
    const auto times = wallTimes(*this);
    return *std::min_element(times.begin(), times.end());
}

std::int64_t RunList::Entry::maxNs() const
{
    const auto times = wallTimes(*this);
    return *std::max_element(times.begin(), times.end());
}

RunList::RunList(QObject *parent)
    : QAbstractTableModel(parent)
{
}

RunList::~RunList() = default;

bool RunList::sameWork(const Experiment &a, const Experiment &b)
{
    return a.workload == b.workload && a.tasks == b.tasks && a.n == b.n && a.io.url == b.io.url &&
        a.io.delayMs == b.io.delayMs && a.io.sizeKb == b.io.sizeKb && a.io.tls == b.io.tls &&
        a.io.setupMs == b.io.setupMs;
}

int RunList::beginBatch(bool joins, bool sweep)
{
    ++m_batch;
    m_sweep = sweep;
    if (joins)
        return m_batch;
    bool changed = false;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].shown && !m_entries[i].pinned) {
            m_entries[i].shown = false;
            rowChanged(static_cast<int>(i));
            changed = true;
        }
    }
    if (changed)
        emit shownChanged();
    return m_batch;
}

void RunList::addRun(std::shared_ptr<const RunResult> run, int slot, QTime finishedAt)
{
    const bool busy = machineLoadVerdict(*run).busy();
    const auto same = std::find_if(m_entries.begin(), m_entries.end(),
                                   [&](const Entry &e) { return e.batch == m_batch && e.slot == slot; });
    if (same != m_entries.end()) {
        same->runs.push_back(std::move(run));
        same->finishedAt = finishedAt;
        same->busy = same->busy || busy;
        updateSpeedups();
        if (same->shown)
            emit shownChanged();
        return;
    }
    Entry entry;
    entry.name = runTitle(run->experiment);
    entry.runs.push_back(std::move(run));
    entry.finishedAt = finishedAt;
    entry.batch = m_batch;
    entry.slot = slot;
    entry.sweep = m_sweep;
    entry.shown = true;
    entry.busy = busy;
    entry.serial = ++m_serial;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    dropOldest();
    updateSpeedups();
    emit shownChanged();
}

std::vector<RunList::Shown> RunList::shown() const
{
    std::vector<Shown> shown;
    for (const Entry &entry : m_entries) {
        if (!entry.shown)
            continue;
        const RunResult &median = entry.median();
        const auto same = std::find_if(entry.runs.begin(), entry.runs.end(),
                                       [&](const auto &run) { return run.get() == &median; });
        shown.push_back(Shown{.run = *same,
                              .name = entry.name,
                              .spread = spreadText(entry),
                              .sweep = entry.sweep,
                              .batch = entry.batch,
                              .repeats = static_cast<int>(entry.runs.size())});
    }
    return shown;
}

int RunList::baselineRow(int row) const
{
    const Entry &entry = this->entry(row);
    const Experiment &work = entry.median().experiment;
    int first = -1;
    int earlierSync = -1;
    for (int i = 0; i < rowCount(); ++i) {
        const Entry &other = m_entries[static_cast<std::size_t>(i)];
        const Experiment &e = other.median().experiment;
        if (other.batch == entry.batch) {
            if (!entry.sweep && e.strategy == StrategyKind::Sync)
                return i;
            if (first < 0 || other.slot < m_entries[static_cast<std::size_t>(first)].slot)
                first = i;
        } else if (!entry.sweep && other.batch < entry.batch && e.strategy == StrategyKind::Sync &&
                   sameWork(e, work) &&
                   (earlierSync < 0 ||
                    other.batch > m_entries[static_cast<std::size_t>(earlierSync)].batch)) {
            earlierSync = i;
        }
    }
    return earlierSync >= 0 ? earlierSync : first;
}

void RunList::updateSpeedups()
{
    for (int i = 0; i < rowCount(); ++i) {
        const Entry &e = entry(i);
        const int base = baselineRow(i);
        // A lone run with nothing to compare with is not "1×" of anything.
        const bool alone = base == i && e.median().experiment.strategy != StrategyKind::Sync &&
            std::count_if(m_entries.begin(), m_entries.end(),
                          [&](const Entry &o) { return o.batch == e.batch; }) == 1;
        const std::int64_t baseNs = base >= 0 && !alone ? entry(base).median().wallNs : 0;
        const std::int64_t wallNs = entry(i).median().wallNs;
        m_entries[static_cast<std::size_t>(i)].speedup = baseNs > 0 && wallNs > 0
            ? static_cast<double>(baseNs) / static_cast<double>(wallNs)
            : 0.0;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RunList::dropOldest()
{
    while (std::count_if(m_entries.begin(), m_entries.end(), [](const Entry &e) { return !e.pinned; }) >
           UnpinnedCap) {
        const auto oldest = std::min_element(
            m_entries.begin(), m_entries.end(),
            [](const Entry &a, const Entry &b) { return !a.pinned && (b.pinned || a.serial < b.serial); });
        remove(static_cast<int>(oldest - m_entries.begin()));
    }
}

void RunList::setPinned(int row, bool pinned)
{
    m_entries.at(static_cast<std::size_t>(row)).pinned = pinned;
    rowChanged(row);
}

void RunList::setShown(int row, bool shown)
{
    Entry &entry = m_entries.at(static_cast<std::size_t>(row));
    if (entry.shown == shown)
        return;
    entry.shown = shown;
    rowChanged(row);
    emit shownChanged();
}

void RunList::rename(int row, const QString &name)
{
    Entry &entry = m_entries.at(static_cast<std::size_t>(row));
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed == entry.name)
        return;
    entry.name = trimmed;
    rowChanged(row);
    if (entry.shown)
        emit shownChanged();
}

void RunList::setNotes(int row, std::vector<Annotation> notes)
{
    m_entries.at(static_cast<std::size_t>(row)).notes = std::move(notes);
    rowChanged(row);
}

void RunList::setPrediction(int row, const Prediction &prediction)
{
    m_entries.at(static_cast<std::size_t>(row)).prediction = prediction;
    rowChanged(row);
}

void RunList::addEntries(std::vector<Entry> entries)
{
    if (entries.empty())
        return;
    if (std::any_of(entries.begin(), entries.end(), [](const Entry &e) { return e.shown; }))
        beginBatch(false, false);
    const int offset = m_batch;
    for (Entry &e : entries) {
        e.batch += offset;
        m_batch = std::max(m_batch, e.batch);
        e.serial = ++m_serial;
        e.busy = std::any_of(e.runs.begin(), e.runs.end(),
                             [](const auto &run) { return machineLoadVerdict(*run).busy(); });
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(entries.size()) - 1);
    std::move(entries.begin(), entries.end(), std::back_inserter(m_entries));
    endInsertRows();
    dropOldest();
    updateSpeedups();
    emit shownChanged();
}

void RunList::remove(int row)
{
    const bool shown = entry(row).shown;
    beginRemoveRows({}, row, row);
    m_entries.erase(m_entries.begin() + row);
    endRemoveRows();
    updateSpeedups();
    if (shown)
        emit shownChanged();
}

bool RunList::move(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || row >= rowCount() || to < 0 || to >= rowCount() || delta == 0)
        return false;
    // Qt's destination is the row before which the moved row lands, counted before the move.
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? to + 1 : to))
        return false;
    const auto from = m_entries.begin() + row;
    if (delta > 0)
        std::rotate(from, from + 1, m_entries.begin() + to + 1);
    else
        std::rotate(m_entries.begin() + to, from, from + 1);
    endMoveRows();
    if (entry(to).shown)
        emit shownChanged();
    return true;
}

void RunList::clearUnpinned()
{
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!entry(row).pinned)
            remove(row);
    }
}

QString RunList::wallText(const Entry &entry)
{
    const QString median = durationText(static_cast<double>(entry.median().wallNs));
    const QString spread = spreadText(entry);
    return spread.isEmpty() ? median : tr("%1 (%2)").arg(median, spread);
}

QString RunList::spreadText(const Entry &entry)
{
    if (entry.runs.size() < 2)
        return {};
    QString fastest = durationText(static_cast<double>(entry.minNs()));
    const QString slowest = durationText(static_cast<double>(entry.maxNs()));
    // "1.700–1.810 s": the unit once when both share it.
    const QString unit = slowest.mid(slowest.lastIndexOf(QLatin1Char(' ')));
    if (fastest.endsWith(unit))
        fastest.chop(unit.size());
    return tr("%1–%2, %3 runs").arg(fastest, slowest).arg(entry.runs.size());
}

QString RunList::toolTip(const Entry &entry) const
{
    QStringList lines{runTitle(entry.median().experiment) + QStringLiteral(", ") +
                      entry.finishedAt.toString(QStringLiteral("HH:mm:ss"))};
    if (entry.runs.size() > 1) {
        QStringList times;
        for (const auto &run : entry.runs)
            times << durationText(static_cast<double>(run->wallNs));
        lines << tr("%1 runs: %2; the median is shown")
                     .arg(entry.runs.size())
                     .arg(times.join(QStringLiteral(", ")));
        lines << wallText(entry);
    }
    if (entry.pinned)
        lines << tr("Pinned: stays in the comparison when new runs come");
    if (entry.busy)
        lines << busyText();
    if (entry.prediction.isSet()) // the reveal compares with the sync run: it needs the row
        lines << revealText(*this, static_cast<int>(&entry - m_entries.data()));
    return lines.join(QLatin1Char('\n'));
}

int RunList::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int RunList::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunList::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &entry = this->entry(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return entry.runs.size() > 1 ? tr("%1 ×%2").arg(entry.name).arg(entry.runs.size()) : entry.name;
        if (column == WallColumn) // the spread is in the tooltip and the comparison: room for the name
            return durationText(static_cast<double>(entry.median().wallNs));
        if (column == SpeedupColumn)
            return entry.speedup > 0.0 ? speedupText(entry.speedup) : QString();
        if (column == TimeColumn)
            return entry.finishedAt.toString(QStringLiteral("HH:mm")); // the seconds are in the tooltip
        return {};
    case Qt::EditRole:
        return column == NameColumn ? QVariant(entry.name) : QVariant();
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(entry.shown ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::DecorationRole:
        if (column == WallColumn && entry.busy)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::FontRole:
        if (column == NameColumn && entry.pinned) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(entry);
    default:
        return {};
    }
}

bool RunList::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != NameColumn)
        return false;
    if (role == Qt::CheckStateRole) {
        setShown(index.row(), value.value<Qt::CheckState>() == Qt::Checked);
        return true;
    }
    if (role == Qt::EditRole) {
        rename(index.row(), value.toString());
        return true;
    }
    return false;
}

Qt::ItemFlags RunList::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return flags;
}

QVariant RunList::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Run");
    case WallColumn:
        return tr("Wall time");
    case SpeedupColumn:
        return tr("Speedup");
    case TimeColumn:
        return tr("At");
    default:
        return {};
    }
}

void RunList::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace mtlab
