#include "presentationmode.h"

#include "experimentpanel.h"
#include "presets.h"
#include "timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>

#include <algorithm>
#include <array>
#include <cmath>

namespace mtlab {

namespace {

// The text scales the menu offers; Ctrl+= and Ctrl+- step through them.
constexpr std::array<double, 6> Steps = {1.0, 1.25, 1.5, 1.75, 2.0, 2.5};
constexpr double ReferenceHeight = 1080.0;
// The timeline's lane labels are 11 points at fontScale 1 (TimelineLayout).
constexpr double LabelPoints = 11.0;

QString scaleText(double scale)
{
    return PresentationMode::tr("%1×").arg(QLocale().toString(scale, 'g', 3));
}

} // namespace

PresentationMode::PresentationMode(const Parts &parts)
    : QObject(parts.window)
    , m_parts(parts)
{
    m_toggle = new QAction(tr("&Presentation"), this);
    m_toggle->setObjectName(QStringLiteral("presentationAction"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F11));
    m_toggle->setStatusTip(tr("Full screen with large type for a projector; Run stays at the top"));
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setOn);
    m_larger = new QAction(tr("&Larger text"), this);
    m_larger->setIconText(tr("A+"));
    m_larger->setToolTip(tr("Larger text (Ctrl+=)"));
    connect(m_larger, &QAction::triggered, this, &PresentationMode::larger);
    m_smaller = new QAction(tr("&Smaller text"), this);
    m_smaller->setIconText(tr("A−"));
    m_smaller->setToolTip(tr("Smaller text (Ctrl+-)"));
    m_smaller->setEnabled(false); // at the smallest scale already
    connect(m_smaller, &QAction::triggered, this, &PresentationMode::smaller);
    // Both work without the menu bar's help: the window itself carries them.
    m_parts.window->addAction(m_toggle);
    m_parts.window->addAction(m_larger);
    m_parts.window->addAction(m_smaller);

    for (QChartView *view : m_parts.charts) {
        ChartFonts fonts{view->chart()->titleFont(), view->chart()->legend()->font(), {}, {}};
        for (const QAbstractAxis *axis : view->chart()->axes()) {
            fonts.labels.push_back(axis->labelsFont());
            fonts.titles.push_back(axis->titleFont());
        }
        m_chartFonts.push_back(std::move(fonts));
    }
    buildToolBar();
    m_parts.window->installEventFilter(this);
    m_parts.comparison->installEventFilter(this);
}

PresentationMode::~PresentationMode() = default;

void PresentationMode::buildToolBar()
{
    m_bar = new QToolBar(tr("Presentation"));
    m_bar->setObjectName(QStringLiteral("presentationBar"));
    m_bar->setMovable(false);
    m_bar->setFloatable(false);
    m_bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_bar->addAction(m_parts.run);
    m_bar->addAction(m_parts.cancel);
    m_bar->addSeparator();
    m_presets = new QComboBox;
    m_presets->setObjectName(QStringLiteral("presentationPresets"));
    m_presets->setToolTip(tr("Load a preset"));
    m_presets->setPlaceholderText(tr("Your own experiment"));
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_presets->setMinimumContentsLength(24);
    for (const Preset &preset : builtinPresets())
        m_presets->addItem(preset.shownName(), preset.id);
    connect(m_presets, &QComboBox::activated, this,
            [this](int index) { m_parts.panel->loadPreset(m_presets->itemData(index).toString()); });
    connect(m_parts.panel, &ExperimentPanel::experimentChanged, this, &PresentationMode::syncPreset);
    syncPreset();
    QAction *presets = m_bar->addWidget(m_presets);
    presets->setObjectName(QStringLiteral("presentationPresetsAction"));
    m_bar->addSeparator();
    m_bar->addAction(m_smaller);
    m_bar->addAction(m_larger);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_bar->addWidget(spacer);
    m_bar->addAction(m_toggle);
    m_parts.window->addToolBar(Qt::TopToolBarArea, m_bar);
    m_bar->hide();
}

void PresentationMode::addToMenu(QMenu *view)
{
    view->addAction(m_toggle);
    QMenu *size = view->addMenu(tr("Presentation &text size"));
    size->addAction(m_larger);
    size->addAction(m_smaller);
    size->addSeparator();
    auto *group = new QActionGroup(size);
    for (const double step : Steps) {
        QAction *choice = size->addAction(scaleText(step));
        choice->setCheckable(true);
        choice->setChecked(step == m_textScale);
        group->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, step] { setTextScale(step); });
        connect(this, &PresentationMode::textScaleChanged, choice,
                [choice, step](double scale) { choice->setChecked(step == scale); });
    }
}

int PresentationMode::bodyPixels() const
{
    const double height = std::max(1, m_parts.window->height());
    return static_cast<int>(std::round(BodyPixelsAt1080 * height / ReferenceHeight * m_textScale));
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    m_toggle->setChecked(on);
    QMainWindow *window = m_parts.window;
    if (on) {
        m_panelWasShown = m_parts.panelAction->isChecked();
        m_stateBefore = window->windowState();
        m_comparisonBefore = m_parts.comparison->saveState();
        m_parts.panelAction->setChecked(false);
        m_asideShown.clear();
        for (QWidget *widget : m_parts.aside) {
            m_asideShown.push_back(!widget->isHidden());
            widget->hide();
        }
        if (m_fullScreenAllowed)
            window->setWindowState(m_stateBefore | Qt::WindowFullScreen);
    } else {
        m_parts.comparison->restoreState(m_comparisonBefore);
        m_parts.panelAction->setChecked(m_panelWasShown);
        for (std::size_t i = 0; i < m_parts.aside.size() && i < m_asideShown.size(); ++i)
            m_parts.aside[i]->setVisible(m_asideShown[i]);
        if (m_fullScreenAllowed)
            window->setWindowState(m_stateBefore & ~Qt::WindowFullScreen);
    }
    m_bar->setVisible(on);
    lendShortcuts(on);
    apply();
}

void PresentationMode::setTextScale(double scale)
{
    scale = std::clamp(scale, MinTextScale, MaxTextScale);
    if (scale == m_textScale)
        return;
    m_textScale = scale;
    m_smaller->setEnabled(m_textScale > MinTextScale);
    m_larger->setEnabled(m_textScale < MaxTextScale);
    emit textScaleChanged(scale);
    apply();
}

void PresentationMode::larger()
{
    const auto next = std::find_if(Steps.begin(), Steps.end(), [this](double s) { return s > m_textScale; });
    setTextScale(next == Steps.end() ? MaxTextScale : *next);
}

void PresentationMode::smaller()
{
    const auto next = std::find_if(Steps.rbegin(), Steps.rend(),
                                   [this](double s) { return s < m_textScale; });
    setTextScale(next == Steps.rend() ? MinTextScale : *next);
}

// Ctrl+= and Ctrl+- zoom the time axis in the window; while presenting they size the text (the
// wheel and the timeline's own + and - still zoom). One owner at a time, or neither would fire.
void PresentationMode::lendShortcuts(bool toText)
{
    static const QList<QKeySequence> larger = {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn};
    static const QList<QKeySequence> smaller = {QKeySequence::ZoomOut};
    if (toText) {
        m_zoomInKeys = m_parts.zoomIn->shortcuts();
        m_zoomOutKeys = m_parts.zoomOut->shortcuts();
        m_parts.zoomIn->setShortcuts(QList<QKeySequence>());
        m_parts.zoomOut->setShortcuts(QList<QKeySequence>());
        m_larger->setShortcuts(larger);
        m_smaller->setShortcuts(smaller);
    } else {
        m_larger->setShortcuts(QList<QKeySequence>());
        m_smaller->setShortcuts(QList<QKeySequence>());
        m_parts.zoomIn->setShortcuts(m_zoomInKeys);
        m_parts.zoomOut->setShortcuts(m_zoomOutKeys);
    }
}

void PresentationMode::apply()
{
    const int pixels = m_on ? bodyPixels() : 0;
    m_appliedPixels = pixels;
    QMainWindow *window = m_parts.window;
    if (m_on) {
        // In points, as every widget's own font is: some scale theirs from it (a title a size up).
        QFont font = window->font();
        font.setPointSizeF(pixels * 72.0 / window->logicalDpiY());
        window->setFont(font);
    } else {
        window->setFont(QFont()); // the application's font again
    }
    for (TimelineView *timeline : m_parts.timelines) {
        const double labelPixels = LabelPoints * timeline->logicalDpiY() / 72.0;
        timeline->setTextScale(m_on ? pixels / labelPixels : 1.0, m_on);
    }
    applyCharts(pixels);
    sizeComparison();
}

void PresentationMode::sizeComparison()
{
    // Large type needs a wider chart, or its run names are cut to "threa...".
    if (!m_on)
        return;
    const int width = m_parts.comparison->width();
    const int chart = std::clamp(22 * m_appliedPixels, width / 4, width * 2 / 5);
    m_parts.comparison->setSizes({width - chart, chart});
}

void PresentationMode::applyCharts(int pixels)
{
    for (std::size_t i = 0; i < m_parts.charts.size(); ++i) {
        QChart *chart = m_parts.charts[i]->chart();
        const ChartFonts &usual = m_chartFonts[i];
        const auto sized = [pixels](QFont font, double factor) {
            if (pixels > 0)
                font.setPixelSize(static_cast<int>(std::round(pixels * factor)));
            return font;
        };
        chart->setTitleFont(sized(usual.title, 1.15));
        chart->legend()->setFont(sized(usual.legend, 1.0));
        const QList<QAbstractAxis *> axes = chart->axes();
        for (qsizetype a = 0; a < axes.size() && static_cast<std::size_t>(a) < usual.labels.size(); ++a) {
            axes[a]->setLabelsFont(sized(usual.labels[static_cast<std::size_t>(a)], 1.0));
            axes[a]->setTitleFont(sized(usual.titles[static_cast<std::size_t>(a)], 1.0));
        }
    }
}

void PresentationMode::syncPreset()
{
    m_presets->setCurrentIndex(m_presets->findData(m_parts.panel->presetId()));
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    // Type follows the screen's height: the same slide on a 720-line projector and a 1080 one.
    if (m_on && watched == m_parts.window && event->type() == QEvent::Resize &&
        bodyPixels() != m_appliedPixels)
        apply();
    // After the splitter's own reaction to its new width, which keeps the old shares.
    if (m_on && watched == m_parts.comparison && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &PresentationMode::sizeComparison, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void PresentationMode::restoreSettings()
{
    m_bar->setVisible(m_on); // the window's saved state may have had it shown
    setTextScale(QSettings().value(QLatin1String(SettingKey), DefaultTextScale).toDouble());
}

void PresentationMode::saveSettings() const
{
    QSettings().setValue(QLatin1String(SettingKey), m_textScale);
}

} // namespace mtlab
