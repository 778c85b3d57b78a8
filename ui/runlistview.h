#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace mtlab {

class RunList;

// The run list as a table (name with its checkbox, wall time with a warning when the machine was
// busy, speedup, time of day) and the actions on the selected run: pin, move up and down (Ctrl+Up,
// Ctrl+Down), remove (Delete), rename (double-click or F2), and clear the unpinned runs.
class RunListView : public QWidget
{
    Q_OBJECT

public:
    explicit RunListView(RunList *list, QWidget *parent = nullptr);

    QTableView *table() const noexcept { return m_table; }
    QAction *pinAction() const noexcept { return m_pin; }
    QAction *moveUpAction() const noexcept { return m_up; }
    QAction *moveDownAction() const noexcept { return m_down; }
    QAction *removeAction() const noexcept { return m_remove; }
    QAction *clearUnpinnedAction() const noexcept { return m_clear; }
    // The selected row, -1 for none.
    int currentRow() const;
    void selectRow(int row);

private:
    void updateActions();
    void move(int delta);

    RunList *m_list;
    QTableView *m_table;
    QLabel *m_hint;
    QAction *m_pin;
    QAction *m_up;
    QAction *m_down;
    QAction *m_remove;
    QAction *m_clear;
};

} // namespace mtlab
