#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QAction;
class QWidget;

namespace mtlab {

class TimelineModel;
struct Experiment;
struct RunResult;

// The File menu's exports: a picture (PNG, SVG or PDF, 1x or 2x) or the clipboard, and the trace
// as Chrome JSON or CSV. What is exported is whatever the window currently shows, asked for at
// the moment of the export. Files are written whole or not at all; a failure says why in a box.
// A save dialog proposes a name saying what is saved, in the folder of the last export, and a
// name typed without an extension gets the chosen filter's.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    struct Source {
        const TimelineModel *model = nullptr;
        std::vector<const RunResult *> runs; // finished runs only
        QString title;                       // the picture's heading
        QWidget *chart = nullptr;            // drawn beside the timeline (a sweep's speedup)
        QString fileStem;                    // the proposed file name, without its extension
    };
    enum class View { Timeline, Comparison, Sweep };

    ExportActions(QWidget *window, std::function<Source()> source);

    QAction *pictureAction() const noexcept { return m_picture; }
    QAction *copyAction() const noexcept { return m_copy; }
    QAction *chromeTraceAction() const noexcept { return m_chrome; }
    QAction *csvAction() const noexcept { return m_csv; }
    // Nothing to export before a run has finished.
    void setAvailable(bool available);

    // "io-threads-timeline", "cpu-comparison", "io-processes-sweep": never translated, so that
    // files keep one name whatever the window's language.
    static QString fileStem(const Experiment &experiment, View view);
    // path, with the chosen filter's extension added unless it already ends in one of the
    // extensions the dialog offers ("trace-sweep" -> "trace-sweep.json", "a.svg" stays).
    static QString withFilterSuffix(const QString &path, const QString &chosenFilter,
                                    const QStringList &filters);

private:
    void exportPicture();
    void copyPicture();
    void exportChromeTrace();
    void exportCsv();
    // The path to save to (empty: cancelled), its extension completed; *chosen is the filter.
    QString askPath(const QString &caption, const QString &stem, const QStringList &filters,
                    QString *chosen = nullptr);
    void writeText(const QString &path, const std::string &data);
    void fail(const QString &message);

    QWidget *m_window;
    std::function<Source()> m_source;
    QAction *m_picture;
    QAction *m_copy;
    QAction *m_chrome;
    QAction *m_csv;
};

} // namespace mtlab
