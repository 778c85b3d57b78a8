#include "fileactions.h"

#include "runlist.h"
#include "sessionfile.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QTimer>

namespace mtlab {

namespace {

const QLatin1String RecentKey("recentFiles");

// The first local file of a drag, or empty.
QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

} // namespace

FileActions::FileActions(QMainWindow *window, RunList *runs)
    : QObject(window)
    , m_window(window)
    , m_runs(runs)
{
    m_open = new QAction(tr("&Open…"), this);
    m_open->setObjectName(QStringLiteral("openAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Open a saved session or a trace of Chrome, Perfetto, Node.js or VizTracer"));
    connect(m_open, &QAction::triggered, this, &FileActions::chooseAndOpen);
    m_save = new QAction(tr("&Save session"), this);
    m_save->setObjectName(QStringLiteral("saveSessionAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Save every run of the Runs list, with pins and names, to open again later"));
    connect(m_save, &QAction::triggered, this, [this] {
        if (m_sessionPath.isEmpty())
            chooseAndSave();
        else
            save(m_sessionPath);
    });
    m_saveAs = new QAction(tr("Save session &as…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &FileActions::chooseAndSave);
    m_recent = new QMenu(tr("Open &Recent"), window);
    updateRecent();
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_progress)
            m_progress->setValue(m_permille.load());
    });
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

FileActions::~FileActions()
{
    m_thread.request_stop(); // the jthread joins: a file half read is dropped
}

std::vector<FileActions::Opened> FileActions::runsOf(TraceFile file, const QString &path)
{
    std::vector<Opened> out;
    const QString base = QFileInfo(path).fileName();
    for (std::size_t i = 0; i < file.runs.size(); ++i) {
        QString name = QString::fromStdString(i < file.names.size() ? file.names[i] : std::string());
        if (name.isEmpty() || !file.ours)
            name = name.isEmpty() ? base : QStringLiteral("%1 (%2)").arg(name, base);
        out.push_back({std::make_shared<const RunResult>(std::move(file.runs[i])), name});
    }
    return out;
}

void FileActions::chooseAndOpen()
{
    const QStringList recent = recentFiles();
    const QString folder = recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open a session or a trace"), folder,
        tr("Traces and sessions (*.json *.trace);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void FileActions::chooseAndSave()
{
    if (m_runs->entries().empty()) {
        emit status(tr("Nothing to save yet: the Runs list is empty."));
        return;
    }
    const QStringList recent = recentFiles();
    const QString proposed = !m_sessionPath.isEmpty() ? m_sessionPath
        : recent.isEmpty()                            ? QStringLiteral("session.json")
                           : QFileInfo(recent.front()).absoluteDir().filePath(QStringLiteral("session.json"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save the session"), proposed,
                                                tr("Sessions (*.json)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    save(path);
}

bool FileActions::save(const QString &path)
{
    if (m_runs->entries().empty()) {
        emit status(tr("Nothing to save yet: the Runs list is empty."));
        return false;
    }
    const QString problem = SessionFile::save(path, m_runs->entries(),
                                              QCoreApplication::applicationVersion());
    if (!problem.isEmpty()) {
        emit status(tr("Could not save the session: %1").arg(problem));
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not save"), problem, QMessageBox::Ok,
                                    m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_sessionPath = path;
    remember(path);
    emit status(
        tr("Saved the session (%n run(s)) to %1.", nullptr, static_cast<int>(m_runs->entries().size()))
            .arg(QDir::toNativeSeparators(path)));
    return true;
}

void FileActions::open(const QString &path)
{
    if (isLoading())
        return; // one file at a time: the dialog of the first one is up
    m_permille = 0;
    m_progress = new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 1000,
                                     m_window);
    m_progress->setWindowTitle(tr("Opening"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setMinimumDuration(300); // a small file opens without a flash of a dialog
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [this] { m_thread.request_stop(); });
    m_poll->start();
    const std::string file = QFile::encodeName(path).toStdString();
    m_thread = std::jthread([this, file, path, maxMb = m_maxFileMb](std::stop_token stop) {
        TraceFileReader::Result result = TraceFileReader::read(
            file, maxMb, [this](double fraction) { m_permille = static_cast<int>(fraction * 1000); },
            std::move(stop));
        QMetaObject::invokeMethod(
            this,
            [this, path, r = std::make_shared<TraceFileReader::Result>(std::move(result))]() mutable {
                finish(path, std::move(*r));
            },
            Qt::QueuedConnection);
    });
}

void FileActions::finish(const QString &path, TraceFileReader::Result result)
{
    m_thread.join();
    m_thread = {};
    m_poll->stop();
    if (m_progress)
        m_progress->close();
    m_progress = nullptr;
    if (result.cancelled) {
        emit status(tr("Opening %1 was cancelled.").arg(QFileInfo(path).fileName()));
        emit failed(path, {});
        return;
    }
    std::vector<RunList::Entry> entries;
    QString why = QString::fromStdString(result.error);
    if (result.file && !result.file->session.empty()) {
        SessionFile::Read session = SessionFile::read(*result.file);
        why = QStringLiteral("cannot open %1: %2").arg(path, session.error);
        entries = std::move(session.entries);
        if (session.error.isEmpty())
            m_sessionPath = path;
        else
            result.file.reset();
    }
    if (!result.file) {
        emit status(tr("Could not open %1: %2").arg(QFileInfo(path).fileName(), why));
        // Not modal: a scripted screenshot must not wait for someone to click OK.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not open"), why, QMessageBox::Ok,
                                    m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        emit failed(path, why);
        return;
    }
    std::shared_ptr<const RunResult> last;
    int count = 0;
    if (!entries.empty()) {
        last = entries.back().runs.back();
        count = static_cast<int>(entries.size());
        m_runs->addEntries(std::move(entries));
    } else {
        std::vector<Opened> runs = runsOf(std::move(*result.file), path);
        m_runs->beginBatch(false, false);
        for (std::size_t i = 0; i < runs.size(); ++i) {
            m_runs->addRun(runs[i].run, static_cast<int>(i));
            m_runs->rename(m_runs->rowCount() - 1, runs[i].name);
            last = runs[i].run;
        }
        count = static_cast<int>(runs.size());
    }
    remember(path);
    emit status(tr("Opened %1: %n run(s).", nullptr, count).arg(QFileInfo(path).fileName()));
    emit opened(path, last, count);
}

QStringList FileActions::recentFiles() const
{
    return QSettings().value(RecentKey).toStringList();
}

void FileActions::remember(const QString &path)
{
    QStringList recent = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    QSettings().setValue(RecentKey, recent);
    updateRecent();
}

void FileActions::updateRecent()
{
    m_recent->clear();
    const QStringList recent = recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        // &1 .. &8: a digit opens it from the keyboard.
        const QString text = QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(recent[i]).fileName());
        QAction *action = m_recent->addAction(text, this, [this, path = recent[i]] { open(path); });
        action->setStatusTip(recent[i]);
    }
    if (!recent.isEmpty()) {
        m_recent->addSeparator();
        m_recent->addAction(tr("&Clear the list"), this, [this] {
            QSettings().remove(RecentKey);
            updateRecent();
        });
    }
    m_recent->setEnabled(!recent.isEmpty());
}

bool FileActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!droppedFile(drag->mimeData()).isEmpty() && !isLoading()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        if (const QString path = droppedFile(drop->mimeData()); !path.isEmpty()) {
            drop->acceptProposedAction();
            open(path);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace mtlab
