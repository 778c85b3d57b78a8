#pragma once

#include "annotation.h"

#include <QLineEdit>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPoint>
#include <QPointer>

#include <functional>

class QMenu;

namespace mtlab {

class RunList;
class TimelineView;
struct RunResult;

// The teacher's notes on one timeline view: right-click "Add note here…" at a moment on a lane,
// type a few words in place (Enter keeps them, Esc cancels), drag a note to another moment or lane
// (Ctrl+drag moves its box alone), double-click to edit, Delete or the context menu to remove.
// The notes live in the run list, with the run (RunList::Entry::notes); the view's model shows a
// copy, renewed whenever the run list changes. Works through an event filter, so that the view
// keeps its own zooming, panning and selecting.
class AnnotationEditor : public QObject
{
    Q_OBJECT

public:
    // entryRow: the run list's row of the run the view shows as a group, -1 for none (a live run).
    AnnotationEditor(TimelineView *view, RunList *runs, std::function<int(int group)> entryRow,
                     QObject *parent = nullptr);

    // Adds a note to the run shown as group. The note's lane may also be given as the start of a
    // lane's name before its " (pid …)" and in any case ("process 2"). False when the group has no
    // run or no such lane.
    bool addNote(int group, Annotation note);
    void setNote(int group, int index, const Annotation &note);
    void removeNote(int group, int index);
    // The context menu at a point of the view (add, or edit and remove the note there); null
    // where there is nothing to do. The menu is the caller's.
    QMenu *menuAt(QPoint pos);
    // The text editor in place: for a new note at pos (on a lane), or for a note to change.
    void beginAdd(QPoint pos);
    void beginEdit(int group, int index);
    QLineEdit *textEditor() const { return m_editor; }
    // Copies the run list's notes into the view's model.
    void sync();

    // The row of the run list holding run, -1 for none.
    static int rowOfRun(const RunList &runs, const RunResult *run);
    // The row of the index-th checked row: the comparison's group index.
    static int shownRow(const RunList &runs, int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Drag {
        int group = -1;
        int index = -1;
        bool boxOnly = false; // Ctrl: the box moves, the note stays at its moment
        bool moved = false;
        QPoint start;
        Annotation note; // as it was when the drag began
        QPointF tip;     // where its arrow pointed then
    };

    bool mousePress(QPoint pos, Qt::KeyboardModifiers modifiers);
    void mouseMove(QPoint pos);
    void mouseRelease();
    void hover(QPoint pos);
    void select(int group, int index);
    std::vector<Annotation> notesOf(int group) const;
    // Changes the index-th note of the run shown as group, in the run list.
    void changeNote(int group, int index,
                    const std::function<void(std::vector<Annotation> &, std::size_t)> &change);
    void openEditor(const QRect &where, const QString &text);
    void finishEditing(bool keep);

    TimelineView *m_view;
    RunList *m_runs;
    std::function<int(int)> m_entryRow;
    int m_selectedGroup = -1;
    int m_selectedIndex = -1;
    Drag m_drag;
    bool m_dragging = false;
    bool m_hovering = false; // the cursor shows that the note under it can be dragged
    // What the text editor edits: the run's row, and the note (index -1: a new one).
    QPointer<QLineEdit> m_editor;
    QPersistentModelIndex m_editRow;
    int m_editIndex = -1;
    Annotation m_editNote;
};

} // namespace mtlab
