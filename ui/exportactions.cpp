#include "exportactions.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "csvexport.h"
#include "experiment.h"
#include "pictureexport.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace mtlab {

namespace {

const QLatin1String FolderKey("export/folder");

// The folder of the last export, so a class's pictures land together without browsing again.
QString lastFolder()
{
    const QString fallback = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QSettings().value(FolderKey, fallback).toString();
}

// The extensions a filter names: "PNG image (*.png)" -> {".png"}.
QStringList filterSuffixes(const QString &filter)
{
    static const QRegularExpression pattern(QStringLiteral("\\*(\\.[^\\s)]+)"));
    QStringList suffixes;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(filter))
        suffixes << match.captured(1);
    return suffixes;
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

QString ExportActions::fileStem(const Experiment &experiment, View view)
{
    const QString workload = QString::fromLatin1(workloadName(experiment.workload));
    const QString strategy = QString::fromLatin1(strategyName(experiment.strategy));
    switch (view) {
    case View::Timeline:
        return workload + u'-' + strategy + QStringLiteral("-timeline");
    case View::Comparison:
        return workload + QStringLiteral("-comparison");
    case View::Sweep:
        return workload + u'-' + strategy + QStringLiteral("-sweep");
    }
    return workload;
}

QString ExportActions::withFilterSuffix(const QString &path, const QString &chosenFilter,
                                        const QStringList &filters)
{
    for (const QString &filter : filters) {
        for (const QString &suffix : filterSuffixes(filter)) {
            if (path.endsWith(suffix, Qt::CaseInsensitive) && path.size() > suffix.size())
                return path;
        }
    }
    const QStringList chosen = filterSuffixes(chosenFilter);
    return chosen.isEmpty() ? path : path + chosen.front();
}

QString ExportActions::askPath(const QString &caption, const QString &stem, const QStringList &filters,
                               QString *chosen)
{
    QString filter = chosen && !chosen->isEmpty() ? *chosen : filters.front();
    const QString name = stem.isEmpty() ? QStringLiteral("multitask-lab") : stem;
    const QString proposed = withFilterSuffix(QDir(lastFolder()).filePath(name), filter, {});
    QString path = QFileDialog::getSaveFileName(m_window, caption, proposed,
                                                filters.join(QStringLiteral(";;")), &filter);
    // Back to the window at once, so that a shortcut pressed right away (Copy picture) reaches it
    // rather than the dialog's window as it closes.
    m_window->activateWindow();
    if (path.isEmpty())
        return path;
    path = withFilterSuffix(path, filter, filters);
    QSettings().setValue(FolderKey, QFileInfo(path).absolutePath());
    if (chosen)
        *chosen = filter;
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
    const QString path = askPath(tr("Export picture"), source.fileStem, {png, png2x, svg, pdf}, &filter);
    if (path.isEmpty())
        return;
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
    const QImage image = renderPicture(*source.model, options);
    if (image.isNull()) {
        fail(tr("The picture could not be drawn."));
        return;
    }
    QGuiApplication::clipboard()->setImage(image);
    // Said where the teacher looks next, so that a copy that did not happen is noticed at once.
    if (auto *window = qobject_cast<QMainWindow *>(m_window))
        window->statusBar()->showMessage(
            tr("Picture copied to the clipboard (%1 × %2).").arg(image.width()).arg(image.height()), 5000);
}

void ExportActions::exportChromeTrace()
{
    const Source source = m_source();
    if (source.runs.empty())
        return;
    const QString path = askPath(tr("Export trace as Chrome JSON"),
                                 source.fileStem + QStringLiteral("-trace"), {tr("Chrome trace (*.json)")});
    if (!path.isEmpty())
        writeText(path, chromeTraceJson(source.runs));
}

void ExportActions::exportCsv()
{
    const Source source = m_source();
    if (source.runs.empty())
        return;
    const QString path = askPath(tr("Export trace as CSV"), source.fileStem, {tr("CSV table (*.csv)")});
    if (!path.isEmpty())
        writeText(path, traceCsv(source.runs));
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
