#include "annotationeditor.h"

#include "annotationlayout.h"
#include "runlist.h"
#include "timelinelayout.h"
#include "timelinemodel.h"
#include "timelinerenderer.h"
#include "timelineview.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>

namespace mtlab {

namespace {

constexpr int DragThreshold = 3; // px before a press on a note becomes a drag, not a click
constexpr int MaxLength = 200;   // a note is a few words, not a paragraph

// A group's row whose key is lane, or else whose key starts with lane and " (pid …)", in any case.
int looseRow(const TimelineModel::Group &group, const QString &lane)
{
    if (const int row = AnnotationLayout::rowOf(group, lane); row >= 0)
        return row;
    for (std::size_t r = 0; r < group.rows.size(); ++r) {
        const QString key = AnnotationLayout::laneKey(group.rows[r]);
        if (key.compare(lane, Qt::CaseInsensitive) == 0 ||
            key.startsWith(lane + QStringLiteral(" ("), Qt::CaseInsensitive))
            return static_cast<int>(r);
    }
    return -1;
}

} // namespace

AnnotationEditor::AnnotationEditor(TimelineView *view, RunList *runs, std::function<int(int group)> entryRow,
                                   QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_runs(runs)
    , m_entryRow(std::move(entryRow))
{
    m_view->installEventFilter(this);
    m_view->setMouseTracking(true); // the cursor says where a note can be grabbed
    // After the comparison has rebuilt its groups (connected earlier), their notes come back.
    connect(m_runs, &RunList::shownChanged, this, &AnnotationEditor::sync);
    connect(m_runs, &QAbstractItemModel::dataChanged, this, &AnnotationEditor::sync);
    connect(m_runs, &QAbstractItemModel::rowsInserted, this, &AnnotationEditor::sync);
    connect(m_runs, &QAbstractItemModel::rowsRemoved, this, &AnnotationEditor::sync);
    connect(m_runs, &QAbstractItemModel::rowsMoved, this, &AnnotationEditor::sync);
    connect(m_runs, &QAbstractItemModel::modelReset, this, &AnnotationEditor::sync);
}

int AnnotationEditor::rowOfRun(const RunList &runs, const RunResult *run)
{
    const auto &entries = runs.entries();
    for (std::size_t row = 0; row < entries.size(); ++row)
        for (const auto &kept : entries[row].runs)
            if (kept.get() == run)
                return static_cast<int>(row);
    return -1;
}

int AnnotationEditor::shownRow(const RunList &runs, int index)
{
    const auto &entries = runs.entries();
    for (std::size_t row = 0; row < entries.size(); ++row)
        if (entries[row].shown && index-- == 0)
            return static_cast<int>(row);
    return -1;
}

std::vector<Annotation> AnnotationEditor::notesOf(int group) const
{
    const int row = m_entryRow(group);
    return row < 0 ? std::vector<Annotation>() : m_runs->entry(row).notes;
}

void AnnotationEditor::sync()
{
    TimelineModel *model = m_view->model();
    if (!model)
        return;
    const int groups = static_cast<int>(model->groups().size());
    for (int g = 0; g < groups; ++g)
        model->setNotes(g, notesOf(g));
    if (m_selectedGroup >= groups ||
        (m_selectedGroup >= 0 &&
         m_selectedIndex >=
             static_cast<int>(model->groups()[static_cast<std::size_t>(m_selectedGroup)].notes.size())))
        select(-1, -1);
}

bool AnnotationEditor::addNote(int group, Annotation note)
{
    const TimelineModel *model = m_view->model();
    const int row = m_entryRow(group);
    if (!model || row < 0 || group >= static_cast<int>(model->groups().size()))
        return false;
    const TimelineModel::Group &g = model->groups()[static_cast<std::size_t>(group)];
    const int lane = looseRow(g, note.lane);
    if (lane < 0)
        return false;
    note.lane = AnnotationLayout::laneKey(g.rows[static_cast<std::size_t>(lane)]);
    std::vector<Annotation> notes = m_runs->entry(row).notes;
    notes.push_back(std::move(note));
    m_runs->setNotes(row, std::move(notes));
    return true;
}

void AnnotationEditor::changeNote(int group, int index,
                                  const std::function<void(std::vector<Annotation> &, std::size_t)> &change)
{
    const int row = m_entryRow(group);
    if (row < 0)
        return;
    std::vector<Annotation> notes = m_runs->entry(row).notes;
    if (index < 0 || index >= static_cast<int>(notes.size()))
        return;
    change(notes, static_cast<std::size_t>(index));
    m_runs->setNotes(row, std::move(notes));
}

void AnnotationEditor::setNote(int group, int index, const Annotation &note)
{
    changeNote(group, index, [&](std::vector<Annotation> &notes, std::size_t i) { notes[i] = note; });
}

void AnnotationEditor::removeNote(int group, int index)
{
    select(-1, -1);
    changeNote(group, index, [](std::vector<Annotation> &notes, std::size_t i) {
        notes.erase(notes.begin() + static_cast<std::ptrdiff_t>(i));
    });
}

void AnnotationEditor::select(int group, int index)
{
    m_selectedGroup = group;
    m_selectedIndex = group < 0 ? -1 : index;
    m_view->setSelectedNote(m_selectedGroup, m_selectedIndex);
}

QMenu *AnnotationEditor::menuAt(QPoint pos)
{
    const TimelineModel *model = m_view->model();
    if (!model || model->groups().empty())
        return nullptr;
    const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
    const AnnotationLayout notes(*model, layout, m_view->timeScale(), m_view);
    if (const AnnotationLayout::Callout *c = notes.at(pos)) {
        auto *menu = new QMenu(m_view);
        QAction *edit = menu->addAction(tr("&Edit note…"), this,
                                        [this, g = c->group, i = c->index] { beginEdit(g, i); });
        edit->setObjectName(QStringLiteral("editNoteAction"));
        QAction *remove = menu->addAction(tr("&Remove note"), this,
                                          [this, g = c->group, i = c->index] { removeNote(g, i); });
        remove->setObjectName(QStringLiteral("removeNoteAction"));
        remove->setShortcut(QKeySequence::Delete);
        select(c->group, c->index);
        return menu;
    }
    const auto hit = TimelineRenderer(*model).hitTest(m_view->contentRect(), m_view->timeScale(),
                                                      m_view->options(), pos);
    if (hit.group < 0 || hit.row < 0 || pos.x() < layout.plot.left() || m_entryRow(hit.group) < 0)
        return nullptr;
    auto *menu = new QMenu(m_view);
    QAction *add = menu->addAction(tr("Add &note here…"), this, [this, pos] { beginAdd(pos); });
    add->setObjectName(QStringLiteral("addNoteAction"));
    return menu;
}

void AnnotationEditor::beginAdd(QPoint pos)
{
    const TimelineModel *model = m_view->model();
    if (!model)
        return;
    const auto hit = TimelineRenderer(*model).hitTest(m_view->contentRect(), m_view->timeScale(),
                                                      m_view->options(), pos);
    const int row = hit.group < 0 || hit.row < 0 ? -1 : m_entryRow(hit.group);
    if (row < 0)
        return;
    const TimelineModel::Group &group = model->groups()[static_cast<std::size_t>(hit.group)];
    m_editRow = QPersistentModelIndex(m_runs->index(row, 0));
    m_editIndex = -1;
    m_editNote = Annotation{.atNs = static_cast<std::int64_t>(
                                std::clamp(hit.ns, 0.0, static_cast<double>(group.end - group.origin))),
                            .lane = AnnotationLayout::laneKey(group.rows[static_cast<std::size_t>(hit.row)]),
                            .text = {},
                            .offset = {}};
    const double scale = m_view->options().fontScale;
    const int width = static_cast<int>(300 * scale);
    openEditor(QRect(pos.x() - width / 2, pos.y() - static_cast<int>(48 * scale), width, 0), QString());
}

void AnnotationEditor::beginEdit(int group, int index)
{
    const TimelineModel *model = m_view->model();
    const int row = m_entryRow(group);
    if (!model || row < 0)
        return;
    const std::vector<Annotation> &notes = m_runs->entry(row).notes;
    if (index < 0 || index >= static_cast<int>(notes.size()))
        return;
    m_editRow = QPersistentModelIndex(m_runs->index(row, 0));
    m_editIndex = index;
    m_editNote = notes[static_cast<std::size_t>(index)];
    const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
    const AnnotationLayout callouts(*model, layout, m_view->timeScale(), m_view);
    const AnnotationLayout::Callout *c = callouts.find(group, index);
    QRect where = c ? c->box.toAlignedRect() : QRect(m_view->plotRect().center(), QSize());
    where.setWidth(std::max(where.width(), static_cast<int>(300 * m_view->options().fontScale)));
    select(group, index);
    openEditor(where, m_editNote.text);
}

void AnnotationEditor::openEditor(const QRect &where, const QString &text)
{
    finishEditing(false);
    auto *editor = new QLineEdit(text, m_view);
    editor->setObjectName(QStringLiteral("noteEditor"));
    editor->setMaxLength(MaxLength);
    editor->setPlaceholderText(tr("Note: Enter keeps it, Esc cancels"));
    QFont font = editor->font();
    font.setPointSizeF(11 * m_view->options().fontScale);
    editor->setFont(font);
    editor->installEventFilter(this);
    QRect box = where;
    box.setHeight(editor->sizeHint().height());
    // Inside the view, whatever the point clicked.
    box.setWidth(std::min(box.width(), m_view->width() - 8));
    box.moveLeft(std::clamp(box.left(), 4, std::max(4, m_view->width() - 4 - box.width())));
    box.moveTop(std::clamp(box.top(), 4, std::max(4, m_view->height() - 4 - box.height())));
    editor->setGeometry(box);
    connect(editor, &QLineEdit::editingFinished, this, [this] { finishEditing(true); });
    m_editor = editor;
    editor->show();
    editor->setFocus();
    editor->selectAll();
}

void AnnotationEditor::finishEditing(bool keep)
{
    if (!m_editor)
        return;
    QLineEdit *editor = m_editor;
    m_editor = nullptr; // losing focus as it goes finishes nothing twice
    editor->disconnect(this);
    editor->removeEventFilter(this);
    const QString text = editor->text().simplified();
    editor->hide();
    editor->deleteLater();
    m_view->setFocus();
    if (!keep || !m_editRow.isValid())
        return;
    const int row = m_editRow.row();
    std::vector<Annotation> notes = m_runs->entry(row).notes;
    if (m_editIndex < 0) {
        if (text.isEmpty())
            return;
        m_editNote.text = text;
        notes.push_back(m_editNote);
    } else if (m_editIndex < static_cast<int>(notes.size())) {
        // Clearing a note's words removes it, as deleting its text would in a drawing program.
        if (text.isEmpty())
            notes.erase(notes.begin() + m_editIndex);
        else
            notes[static_cast<std::size_t>(m_editIndex)].text = text;
    }
    m_runs->setNotes(row, std::move(notes));
}

bool AnnotationEditor::mousePress(QPoint pos, Qt::KeyboardModifiers modifiers)
{
    const TimelineModel *model = m_view->model();
    if (!model)
        return false;
    const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
    const AnnotationLayout notes(*model, layout, m_view->timeScale(), m_view);
    const AnnotationLayout::Callout *c = notes.at(pos);
    if (!c || m_entryRow(c->group) < 0) {
        if (m_selectedGroup >= 0)
            select(-1, -1);
        return false;
    }
    select(c->group, c->index);
    m_drag = Drag{
        .group = c->group,
        .index = c->index,
        .boxOnly = (modifiers & Qt::ControlModifier) != 0,
        .moved = false,
        .start = pos,
        .note = model->groups()[static_cast<std::size_t>(c->group)].notes[static_cast<std::size_t>(c->index)],
        .tip = c->tip};
    m_dragging = true;
    m_view->setCursor(Qt::SizeAllCursor);
    return true;
}

void AnnotationEditor::mouseMove(QPoint pos)
{
    TimelineModel *model = m_view->model();
    if (!model || m_drag.group >= static_cast<int>(model->groups().size()))
        return;
    const QPoint delta = pos - m_drag.start;
    if (!m_drag.moved && delta.manhattanLength() < DragThreshold)
        return;
    m_drag.moved = true;
    const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
    const TimelineModel::Group &group = model->groups()[static_cast<std::size_t>(m_drag.group)];
    Annotation note = m_drag.note;
    if (m_drag.boxOnly) {
        note.offset += QPointF(delta) / layout.scale;
    } else {
        // The arrow's tip follows the pointer: a new moment, and the lane under it in the same run.
        const QPointF tip = m_drag.tip + QPointF(delta);
        const double ns = m_view->timeScale().ns(tip.x() - layout.plot.left());
        note.atNs = static_cast<std::int64_t>(
            std::clamp(ns, 0.0, static_cast<double>(group.end - group.origin)));
        layout.forEach([&](int g, int r, const QRectF &box) {
            if (g != m_drag.group || r < 0 || tip.y() < box.top() || tip.y() >= box.bottom())
                return true;
            note.lane = AnnotationLayout::laneKey(group.rows[static_cast<std::size_t>(r)]);
            return false;
        });
    }
    std::vector<Annotation> notes = group.notes;
    if (m_drag.index < static_cast<int>(notes.size())) {
        notes[static_cast<std::size_t>(m_drag.index)] = note;
        model->setNotes(m_drag.group, std::move(notes)); // shown at once, kept on release
    }
}

void AnnotationEditor::mouseRelease()
{
    m_dragging = false;
    m_hovering = true; // still over the note
    m_view->setCursor(Qt::SizeAllCursor);
    const TimelineModel *model = m_view->model();
    if (!m_drag.moved || !model || m_drag.group >= static_cast<int>(model->groups().size()))
        return;
    const auto &notes = model->groups()[static_cast<std::size_t>(m_drag.group)].notes;
    if (m_drag.index < static_cast<int>(notes.size()))
        setNote(m_drag.group, m_drag.index, notes[static_cast<std::size_t>(m_drag.index)]);
}

void AnnotationEditor::hover(QPoint pos)
{
    const TimelineModel *model = m_view->model();
    bool over = false;
    if (model && std::any_of(model->groups().begin(), model->groups().end(), [](const auto &g) {
            return !g.notes.empty();
        })) {
        const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
        over = AnnotationLayout(*model, layout, m_view->timeScale(), m_view).at(pos) != nullptr;
    }
    if (over == m_hovering)
        return;
    m_hovering = over;
    m_view->setCursor(over ? Qt::SizeAllCursor : Qt::OpenHandCursor);
}

bool AnnotationEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            finishEditing(false);
            return true;
        }
        return false;
    }
    if (watched != m_view)
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton || (mouse->modifiers() & Qt::ShiftModifier))
            return false;
        return mousePress(mouse->position().toPoint(), mouse->modifiers());
    }
    case QEvent::MouseMove:
        if (!m_dragging) {
            auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->buttons() == Qt::NoButton)
                hover(mouse->position().toPoint());
            return false;
        }
        mouseMove(static_cast<QMouseEvent *>(event)->position().toPoint());
        return true;
    case QEvent::MouseButtonRelease:
        if (!m_dragging)
            return false;
        mouseRelease();
        return true;
    case QEvent::MouseButtonDblClick: {
        const TimelineModel *model = m_view->model();
        if (!model)
            return false;
        const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
        const AnnotationLayout notes(*model, layout, m_view->timeScale(), m_view);
        const auto *c = notes.at(static_cast<QMouseEvent *>(event)->position().toPoint());
        if (!c)
            return false;
        beginEdit(c->group, c->index);
        return true;
    }
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (m_selectedGroup < 0)
            return false;
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeNote(m_selectedGroup, m_selectedIndex);
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_F2) {
            beginEdit(m_selectedGroup, m_selectedIndex);
            return true;
        }
        if (key == Qt::Key_Escape)
            select(-1, -1); // and the view clears its range selection too
        return false;
    }
    case QEvent::ContextMenu: {
        auto *context = static_cast<QContextMenuEvent *>(event);
        QMenu *menu = menuAt(context->pos());
        if (!menu)
            return false;
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(context->globalPos());
        return true;
    }
    case QEvent::ToolTip: {
        const TimelineModel *model = m_view->model();
        if (!model)
            return false;
        auto *help = static_cast<QHelpEvent *>(event);
        const TimelineLayout layout(*model, m_view->contentRect(), m_view->options(), m_view);
        const AnnotationLayout notes(*model, layout, m_view->timeScale(), m_view);
        const auto *c = notes.at(help->pos());
        if (!c)
            return false;
        const Annotation &note =
            model->groups()[static_cast<std::size_t>(c->group)].notes[static_cast<std::size_t>(c->index)];
        QToolTip::showText(help->globalPos(),
                           note.text + QStringLiteral("\n\n") +
                               tr("Drag to move the note, Ctrl+drag to move its box alone; double-click "
                                  "to edit; Delete removes it."),
                           m_view);
        return true;
    }
    default:
        return false;
    }
}

} // namespace mtlab
