#include "exportactions.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "csvexport.h"
#include "pictureexport.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>

namespace mtlab {

namespace {

const QLatin1String FolderKey("export/folder");

// The folder of the last export, so a class's pictures land together without browsing again.
QString lastFolder()
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QSettings().value(FolderKey, fallback).toString();
}

} // namespace

ExportActions::ExportActions(QWidget *window, std::function<Source()> source)
    : QObject(window)
    , m_window(window)
    , m_source(std::move(source))
    , m_picture(new QAction(tr("Export &picture…"), this))
    , m_copy(new QAction(tr("&Copy picture"), this))
    , m_chrome(new QAction(tr("Export trace as C&hrome JSON…"), this))
    , m_csv(new QAction(tr("Export trace as C&SV…"), this))
{
    m_picture->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_picture->setStatusTip(tr("Save what the current tab shows as a PNG, SVG or PDF picture for slides"));
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copy->setStatusTip(tr("Copy what the current tab shows to the clipboard, to paste into slides"));
    m_chrome->setStatusTip(tr("Save the spans for Perfetto or chrome://tracing"));
    m_csv->setStatusTip(tr("Save every span as a row, for spreadsheets and scripts"));
    connect(m_picture, &QAction::triggered, this, &ExportActions::exportPicture);
    connect(m_copy, &QAction::triggered, this, &ExportActions::copyPicture);
    connect(m_chrome, &QAction::triggered, this, &ExportActions::exportChromeTrace);
    connect(m_csv, &QAction::triggered, this, &ExportActions::exportCsv);
    setAvailable(false);
}

void ExportActions::setAvailable(bool available)
{
    for (QAction *action : {m_picture, m_copy, m_chrome, m_csv})
        action->setEnabled(available);
}

QString ExportActions::askPath(const QString &caption, const QString &filters, QString *selectedFilter)
{
    const QString path = QFileDialog::getSaveFileName(m_window, caption, lastFolder(), filters,
                                                      selectedFilter);
    if (!path.isEmpty())
        QSettings().setValue(FolderKey, QFileInfo(path).absolutePath());
    return path;
}

void ExportActions::exportPicture()
{
    const Source source = m_source();
    if (!source.model)
        return;
    const QString png = tr("PNG image (*.png)");
    const QString png2x = tr("PNG image, double resolution (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = askPath(tr("Export picture"), QStringList{png, png2x, svg, pdf}.join(QStringLiteral(";;")),
                           &filter);
    if (path.isEmpty())
        return;
    // The format follows the suffix; a name typed without one gets the chosen filter's.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? QStringLiteral(".svg")
            : filter == pdf   ? QStringLiteral(".pdf")
                              : QStringLiteral(".png");
    PictureOptions options;
    options.title = source.title;
    options.chart = source.chart;
    options.scale = filter == png2x ? 2.0 : 1.0;
    if (const QString problem = mtlab::exportPicture(*source.model, path, options); !problem.isEmpty())
        fail(problem);
}

void ExportActions::copyPicture()
{
    const Source source = m_source();
    if (!source.model)
        return;
    PictureOptions options;
    options.title = source.title;
    options.chart = source.chart;
    copyPictureToClipboard(*source.model, options);
}

void ExportActions::exportChromeTrace()
{
    const Source source = m_source();
    if (source.runs.empty())
        return;
    const QString path = askPath(tr("Export trace as Chrome JSON"), tr("Chrome trace (*.json)"), nullptr);
    if (!path.isEmpty())
        writeText(path, chromeTraceJson(source.runs));
}

void ExportActions::exportCsv()
{
    const Source source = m_source();
    if (source.runs.empty())
        return;
    const QString path = askPath(tr("Export trace as CSV"), tr("CSV table (*.csv)"), nullptr);
    if (!path.isEmpty())
        writeText(path, spansCsv(source.runs));
}

void ExportActions::writeText(const QString &path, const std::string &data)
{
    if (const std::string problem = writeOutputFile(QFile::encodeName(path).toStdString(), data);
        !problem.empty())
        fail(QString::fromStdString(problem));
}

void ExportActions::fail(const QString &message)
{
    QMessageBox::warning(m_window, tr("Export failed"), message);
}

} // namespace mtlab
