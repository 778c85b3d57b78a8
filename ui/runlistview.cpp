#include "runlistview.h"

#include "runlist.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mtlab {

namespace {

QAction *tableAction(QTableView *table, const QString &text, const QKeySequence &key)
{
    auto *action = new QAction(text, table);
    action->setShortcut(key);
    // Only while the list has the focus: Delete and Ctrl+Up mean other things elsewhere.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    table->addAction(action);
    return action;
}

QToolButton *button(QAction *action, Qt::ToolButtonStyle style = Qt::ToolButtonTextOnly)
{
    auto *b = new QToolButton;
    b->setDefaultAction(action);
    b->setToolButtonStyle(style);
    return b;
}

} // namespace

RunListView::RunListView(RunList *list, QWidget *parent)
    : QWidget(parent)
    , m_list(list)
    , m_table(new QTableView)
    , m_hint(new QLabel(tr("Tick the runs to compare; double-click a name to rename it.")))
{
    m_table->setObjectName(QStringLiteral("runListTable"));
    m_table->setModel(list);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    // Long names ("threads, 5 workers, interpreter lock") wrap rather than lose their end.
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(RunList::NameColumn, QHeaderView::Stretch);
    for (int column = RunList::WallColumn; column < RunList::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_hint->setWordWrap(true);
    // Rows are as tall as their wrapped names, for the name column's width of the moment.
    const auto fitRows = [this] { m_table->resizeRowsToContents(); };
    connect(header, &QHeaderView::sectionResized, this, fitRows, Qt::QueuedConnection);
    connect(list, &QAbstractItemModel::dataChanged, this, fitRows, Qt::QueuedConnection);
    connect(list, &QAbstractItemModel::rowsInserted, this, fitRows, Qt::QueuedConnection);

    m_pin = tableAction(m_table, tr("&Pin"), QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pin->setCheckable(true);
    m_pin->setToolTip(tr("Keep the run in the comparison when new runs come (Ctrl+P)"));
    m_up = tableAction(m_table, tr("&Up"), QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_up->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_up->setToolTip(tr("Show the run higher in the comparison (Ctrl+Up)"));
    m_down = tableAction(m_table, tr("&Down"), QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_down->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_down->setToolTip(tr("Show the run lower in the comparison (Ctrl+Down)"));
    m_remove = tableAction(m_table, tr("&Remove"), QKeySequence::Delete);
    m_remove->setToolTip(tr("Remove the run from the list (Delete)"));
    m_clear = tableAction(m_table, tr("&Clear unpinned"), QKeySequence());
    m_clear->setObjectName(QStringLiteral("clearUnpinnedAction"));
    m_clear->setToolTip(tr("Remove every run that is not pinned"));

    // The buttons in a column beside the table: the list is wide and a few rows high.
    auto *buttons = new QVBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_pin, m_up, m_down, m_remove}) {
        QToolButton *b = button(
            action, action->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    QToolButton *clear = button(m_clear);
    clear->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    buttons->addWidget(clear);
    auto *table = new QVBoxLayout;
    table->setContentsMargins(0, 0, 0, 0);
    table->addWidget(m_hint);
    table->addWidget(m_table, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(table, 1);
    layout->addLayout(buttons);

    connect(m_pin, &QAction::triggered, this, [this](bool pinned) {
        if (const int row = currentRow(); row >= 0)
            m_list->setPinned(row, pinned);
    });
    connect(m_up, &QAction::triggered, this, [this] { move(-1); });
    connect(m_down, &QAction::triggered, this, [this] { move(+1); });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (const int row = currentRow(); row >= 0)
            m_list->remove(row);
    });
    connect(m_clear, &QAction::triggered, m_list, &RunList::clearUnpinned);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunListView::updateActions);
    connect(m_list, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int, int last) {
        m_table->scrollTo(m_list->index(last, 0));
        updateActions();
    });
    connect(m_list, &QAbstractItemModel::rowsRemoved, this, &RunListView::updateActions);
    connect(m_list, &QAbstractItemModel::rowsMoved, this, &RunListView::updateActions);
    connect(m_list, &QAbstractItemModel::dataChanged, this, &RunListView::updateActions);
    updateActions();
}

int RunListView::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RunListView::selectRow(int row)
{
    m_table->setCurrentIndex(m_list->index(row, RunList::NameColumn));
}

void RunListView::move(int delta)
{
    const int row = currentRow();
    if (row >= 0 && m_list->move(row, delta))
        selectRow(row + delta);
}

void RunListView::updateActions()
{
    const int row = currentRow();
    const bool selected = row >= 0;
    m_pin->setEnabled(selected);
    m_pin->setChecked(selected && m_list->entry(row).pinned);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_list->rowCount());
    m_remove->setEnabled(selected);
    const auto &entries = m_list->entries();
    m_clear->setEnabled(std::any_of(entries.begin(), entries.end(), [](const auto &e) { return !e.pinned; }));
}

} // namespace mtlab
