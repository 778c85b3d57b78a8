#pragma once

#include <QFont>
#include <QKeySequence>
#include <QList>
#include <QObject>

#include <vector>

class QAction;
class QChartView;
class QComboBox;
class QMainWindow;
class QMenu;
class QSplitter;
class QToolBar;

namespace mtlab {

class ExperimentPanel;
class TimelineView;

// View > Presentation (F11): the window as a classroom projector wants it. Full screen, the
// experiment panel folded away, a strip along the top with Run, Cancel, the presets and the text
// size, and every text sized from the window's height: at the default text scale the body text is
// 24 px on a 1080-line screen (22 px is the least a back row reads) and proportionally smaller
// on smaller screens, the timeline's sub-labels and axis as large as its labels. The text scale
// (1x to 2.5x, Ctrl+= and Ctrl+- while presenting) is kept in the settings.
class PresentationMode : public QObject
{
    Q_OBJECT

public:
    // What the mode changes in the window; it owns none of it.
    struct Parts {
        QMainWindow *window = nullptr;
        ExperimentPanel *panel = nullptr;
        QAction *run = nullptr;
        QAction *cancel = nullptr;
        QAction *panelAction = nullptr; // folded away while presenting, as it was afterwards
        QAction *zoomIn = nullptr;      // whose Ctrl+= and Ctrl+- size the text while presenting
        QAction *zoomOut = nullptr;
        std::vector<TimelineView *> timelines;
        std::vector<QChartView *> charts;
        QSplitter *comparison = nullptr; // the comparison's timeline and chart, side by side
        std::vector<QWidget *> aside;    // folded away too while presenting (the replay pane)
    };

    static constexpr double MinTextScale = 1.0;
    static constexpr double MaxTextScale = 2.5;
    static constexpr double DefaultTextScale = 1.0;
    // The body text at 1080 lines and the default scale, and the least any text may be there.
    static constexpr double BodyPixelsAt1080 = 24.0;
    static constexpr double LeastPixelsAt1080 = 22.0;
    static constexpr const char *SettingKey = "view/presentationTextScale";

    explicit PresentationMode(const Parts &parts);
    ~PresentationMode() override;

    QAction *toggleAction() const noexcept { return m_toggle; }
    QAction *largerAction() const noexcept { return m_larger; }
    QAction *smallerAction() const noexcept { return m_smaller; }
    QToolBar *toolBar() const noexcept { return m_bar; }
    // The Presentation switch and the Text size menu.
    void addToMenu(QMenu *view);

    bool isOn() const noexcept { return m_on; }
    double textScale() const noexcept { return m_textScale; }
    // The body text in pixels for the window's present height.
    int bodyPixels() const;
    // A scripted screenshot sizes the window itself (--size): presenting then keeps that size.
    void setFullScreenAllowed(bool allowed) { m_fullScreenAllowed = allowed; }
    void restoreSettings();
    void saveSettings() const;

public slots:
    void setOn(bool on);
    void setTextScale(double scale);
    void larger();
    void smaller();

signals:
    void textScaleChanged(double scale);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct ChartFonts {
        QFont title, legend;
        std::vector<QFont> labels, titles; // per axis
    };

    void buildToolBar();
    void apply();
    void applyCharts(int pixels);
    void sizeComparison();
    void syncPreset();
    void lendShortcuts(bool toText);

    Parts m_parts;
    QAction *m_toggle = nullptr;
    QAction *m_larger = nullptr;
    QAction *m_smaller = nullptr;
    QToolBar *m_bar = nullptr;
    QComboBox *m_presets = nullptr;
    QList<QKeySequence> m_zoomInKeys, m_zoomOutKeys; // theirs again after presenting
    std::vector<ChartFonts> m_chartFonts;            // as the charts made them, for leaving the mode
    bool m_on = false;
    bool m_fullScreenAllowed = true;
    bool m_panelWasShown = true;
    std::vector<bool> m_asideShown; // as they were before presenting
    Qt::WindowStates m_stateBefore;
    QByteArray m_comparisonBefore; // the splitter's state outside the mode
    double m_textScale = DefaultTextScale;
    int m_appliedPixels = 0;
};

} // namespace mtlab
