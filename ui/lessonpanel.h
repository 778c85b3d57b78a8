#pragma once

#include "prediction.h"

#include <QWidget>

#include <cstdint>

class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QMainWindow;
class QPlainTextEdit;
class QPushButton;

namespace mtlab {

class RunList;
struct LessonStep;

// The lesson that follows the article, one step at a time (View > Lesson): what the teacher says,
// the article's Python, and the step's preset one click away. Before the run the class's guess is
// entered; it goes with the next run that comes into the run list, and once that run is there
// the guess stands beside the result with why it came out so (predict, then reveal).
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(RunList *runs, QWidget *parent = nullptr);

    // The panel in a dock on the right of the window, hidden until View > Lesson (F7) shows it.
    QDockWidget *addDock(QMainWindow *window);

    int step() const noexcept { return m_step; }
    int stepCount() const;
    const LessonStep &currentStep() const;
    // What is entered now; Kind::None when nothing is.
    Prediction guess() const;
    void setGuess(const Prediction &guess);
    // The reveal beside the last guessed run; empty before that run is there.
    QString revealShown() const;

public slots:
    // Clamped to the steps; a new step starts with no guess.
    void setStep(int index);
    void next();
    void previous();
    void load();
    void loadAndRun();

signals:
    void loadRequested(const QString &presetId);
    void runRequested();
    void stepChanged(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep();
    void fillGuessKinds();
    void guessEdited();
    void runsInserted(int first);
    void updateReveal();
    void fitCode();
    // The width that shows the longest line of every step's Python.
    int codeWidth() const;

    RunList *m_runs = nullptr;
    int m_step = 0;
    bool m_pending = false;             // a guess entered and not yet given to a run
    bool m_sized = false;               // the dock had its first width
    std::uint64_t m_revealedSerial = 0; // the run the guess went with (RunList::Entry::serial)

    QLabel *m_part = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_position = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_text = nullptr;
    QPlainTextEdit *m_code = nullptr;
    QLabel *m_preset = nullptr;
    QGroupBox *m_guessBox = nullptr;
    QComboBox *m_guessKind = nullptr;
    QDoubleSpinBox *m_guessSeconds = nullptr;
    QLabel *m_reveal = nullptr;
};

} // namespace mtlab
