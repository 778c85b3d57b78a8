#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QWidget;

namespace mtlab {

class TimelineModel;
struct RunResult;

// The File menu's exports: a picture (PNG, SVG or PDF, 1x or 2x) or the clipboard, and the trace
// as Chrome JSON or CSV. What is exported is whatever the window currently shows, asked for at
// the moment of the export. Files are written whole or not at all; a failure says why in a box.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    struct Source {
        const TimelineModel *model = nullptr;
        std::vector<const RunResult *> runs; // finished runs only
        QString title;                       // the picture's heading
        QWidget *chart = nullptr;            // drawn beside the timeline (a sweep's speedup)
    };

    ExportActions(QWidget *window, std::function<Source()> source);

    QAction *pictureAction() const noexcept { return m_picture; }
    QAction *copyAction() const noexcept { return m_copy; }
    QAction *chromeTraceAction() const noexcept { return m_chrome; }
    QAction *csvAction() const noexcept { return m_csv; }
    // Nothing to export before a run has finished.
    void setAvailable(bool available);

private:
    void exportPicture();
    void copyPicture();
    void exportChromeTrace();
    void exportCsv();
    QString askPath(const QString &caption, const QString &filters, QString *selectedFilter);
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
