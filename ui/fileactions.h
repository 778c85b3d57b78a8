#pragma once

#include "tracefilereader.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class QAction;
class QMainWindow;
class QMenu;
class QProgressDialog;
class QTimer;

namespace mtlab {

class RunList;

// The File menu's files. Open (Ctrl+O), Open Recent, a file dropped on the window and
// `multitask-lab FILE`: a saved session or a trace of another tool (Chrome, Perfetto, Node.js,
// VizTracer) read on a worker thread with a progress dialog whose Cancel stops it, the window
// answering all the while; its runs join the run list (a session's rows as they were saved, a
// trace's runs as a batch of their own). Save session (Ctrl+S) and Save session as: the run list
// as a session file (SessionFile).
class FileActions : public QObject
{
    Q_OBJECT

public:
    struct Opened {
        std::shared_ptr<const RunResult> run;
        QString name;
    };
    static constexpr int MaxRecent = 8;

    FileActions(QMainWindow *window, RunList *runs);
    ~FileActions() override;

    QAction *openAction() const noexcept { return m_open; }
    QAction *saveAction() const noexcept { return m_save; }
    QAction *saveAsAction() const noexcept { return m_saveAs; }
    QMenu *recentMenu() const noexcept { return m_recent; }
    bool isLoading() const noexcept { return m_thread.joinable(); }
    QStringList recentFiles() const;
    void setMaxFileMb(int mb) { m_maxFileMb = mb; }
    // The runs of a file read, each with the name it goes by: the file's process name, or the
    // file's own name for a trace of another tool.
    static std::vector<Opened> runsOf(TraceFile file, const QString &path);

public slots:
    void open(const QString &path);
    void chooseAndOpen();
    // false when nothing was written (no runs, cancelled, an error: the status says which).
    bool save(const QString &path);
    void chooseAndSave();

signals:
    // The runs are in the run list; the last one is what the timeline's exports take.
    void opened(const QString &path, std::shared_ptr<const RunResult> last, int runs);
    void failed(const QString &path, const QString &why); // also cancelled: why is empty then
    void status(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void finish(const QString &path, TraceFileReader::Result result);
    void remember(const QString &path);
    void updateRecent();

    QMainWindow *m_window;
    RunList *m_runs;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QString m_sessionPath; // where Save writes without asking
    QMenu *m_recent = nullptr;
    QProgressDialog *m_progress = nullptr;
    QTimer *m_poll = nullptr;
    int m_maxFileMb = TraceFileReader::DefaultMaxFileMb;
    std::atomic<int> m_permille{0};
    std::jthread m_thread;
};

} // namespace mtlab
