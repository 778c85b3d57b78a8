#include "lessonpanel.h"

#include "lessonsteps.h"
#include "presets.h"
#include "runlist.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace mtlab {

namespace {

QLabel *wrappedLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

LessonPanel::LessonPanel(RunList *runs, QWidget *parent)
    : QWidget(parent)
    , m_runs(runs)
{
    m_part = wrappedLabel(QStringLiteral("lessonPart"));
    m_title = wrappedLabel(QStringLiteral("lessonTitle"));
    m_position = new QLabel;
    m_position->setObjectName(QStringLiteral("lessonPosition"));
    m_previous = new QPushButton(tr("◀ &Previous"));
    m_previous->setObjectName(QStringLiteral("lessonPrevious"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_previous->setToolTip(tr("The previous step (Alt+←)"));
    m_next = new QPushButton(tr("&Next ▶"));
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_next->setToolTip(tr("The next step (Alt+→)"));
    connect(m_previous, &QPushButton::clicked, this, &LessonPanel::previous);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::next);
    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_previous);
    navigation->addWidget(m_position, 1, Qt::AlignCenter);
    navigation->addWidget(m_next);

    m_text = wrappedLabel(QStringLiteral("lessonText"));
    m_code = new QPlainTextEdit;
    m_code->setObjectName(QStringLiteral("lessonCode"));
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_code->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_preset = wrappedLabel(QStringLiteral("lessonPreset"));
    auto *loadButton = new QPushButton(tr("&Load"));
    loadButton->setObjectName(QStringLiteral("lessonLoad"));
    loadButton->setToolTip(tr("Set up the step's experiment"));
    auto *runButton = new QPushButton(tr("Load and r&un"));
    runButton->setObjectName(QStringLiteral("lessonLoadAndRun"));
    runButton->setToolTip(tr("Set up the step's experiment and run it at once"));
    connect(loadButton, &QPushButton::clicked, this, &LessonPanel::load);
    connect(runButton, &QPushButton::clicked, this, &LessonPanel::loadAndRun);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(loadButton);
    buttons->addWidget(runButton);
    buttons->addStretch(1);

    m_guessKind = new QComboBox;
    m_guessKind->setObjectName(QStringLiteral("lessonGuessKind"));
    m_guessSeconds = new QDoubleSpinBox;
    m_guessSeconds->setObjectName(QStringLiteral("lessonGuessSeconds"));
    m_guessSeconds->setRange(0.01, 999.0);
    m_guessSeconds->setDecimals(2);
    m_guessSeconds->setSingleStep(0.5);
    m_guessSeconds->setValue(1.0);
    m_guessSeconds->setSuffix(tr(" s"));
    connect(m_guessKind, &QComboBox::activated, this, &LessonPanel::guessEdited);
    connect(m_guessSeconds, &QDoubleSpinBox::valueChanged, this, &LessonPanel::guessEdited);
    auto *guessRow = new QHBoxLayout;
    guessRow->addWidget(m_guessKind, 1);
    guessRow->addWidget(m_guessSeconds);
    m_reveal = wrappedLabel(QStringLiteral("lessonReveal"));
    // What the class waited for: it must stand out.
    QFont bold = m_reveal->font();
    bold.setBold(true);
    m_reveal->setFont(bold);
    auto *guessLayout = new QVBoxLayout;
    guessLayout->addLayout(guessRow);
    guessLayout->addWidget(m_reveal);
    m_guessBox = new QGroupBox(tr("The class guesses, before the run"));
    m_guessBox->setLayout(guessLayout);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(navigation);
    layout->addWidget(m_part);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addWidget(m_code);
    layout->addWidget(m_preset);
    layout->addLayout(buttons);
    layout->addWidget(m_guessBox);
    layout->addStretch(1);

    if (m_runs) {
        connect(m_runs, &RunList::rowsInserted, this,
                [this](const QModelIndex &, int first, int) { runsInserted(first); });
        connect(m_runs, &RunList::dataChanged, this, &LessonPanel::updateReveal);
        connect(m_runs, &RunList::rowsRemoved, this, &LessonPanel::updateReveal);
    }
    showStep();
}

QDockWidget *LessonPanel::addDock(QMainWindow *window)
{
    // Scrolls rather than squeezes at a projector's 720 lines.
    auto *area = new QScrollArea;
    area->setWidget(this);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *dock = new QDockWidget(tr("Lesson"), window);
    dock->setObjectName(QStringLiteral("lessonDock"));
    dock->setWidget(area);
    // The whole height on the right: the code needs lines more than the run list needs width.
    window->setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    // Wide enough for the longest line of Python the first time it opens; the user's width after.
    connect(dock, &QDockWidget::visibilityChanged, this, [this, window, dock](bool visible) {
        if (!visible || m_sized)
            return;
        m_sized = true;
        // Once the window has made room for it (the panel it replaces folds away after).
        QTimer::singleShot(0, dock, [this, window, dock] {
            window->resizeDocks({dock}, {std::min(codeWidth(), window->width() / 2)}, Qt::Horizontal);
        });
    });
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(tr("&Lesson"));
    toggle->setShortcut(QKeySequence(Qt::Key_F7));
    toggle->setStatusTip(
        tr("Follow the article step by step: its Python, the preset to run, the class's guess"));
    return dock;
}

int LessonPanel::stepCount() const
{
    return static_cast<int>(lessonSteps().size());
}

const LessonStep &LessonPanel::currentStep() const
{
    return lessonSteps()[static_cast<std::size_t>(m_step)];
}

void LessonPanel::setStep(int index)
{
    index = std::clamp(index, 0, stepCount() - 1);
    if (index == m_step)
        return;
    m_step = index;
    showStep();
    emit stepChanged(m_step);
}

void LessonPanel::next()
{
    setStep(m_step + 1);
}

void LessonPanel::previous()
{
    setStep(m_step - 1);
}

void LessonPanel::load()
{
    emit loadRequested(QLatin1String(currentStep().preset));
}

void LessonPanel::loadAndRun()
{
    load();
    emit runRequested();
}

void LessonPanel::showStep()
{
    const LessonStep &step = currentStep();
    m_position->setText(tr("Step %1 of %2").arg(m_step + 1).arg(stepCount()));
    m_previous->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < stepCount());
    m_part->setText(step.shownPart());
    m_title->setText(step.shownTitle());
    m_text->setText(step.shownText());
    m_code->setPlainText(QString::fromUtf8(step.code));
    const Preset *preset = findPreset(QLatin1String(step.preset));
    m_preset->setText(preset ? tr("Preset: %1").arg(preset->shownName()) : QString());
    m_guessBox->setVisible(step.guess != LessonStep::Guess::None);
    fillGuessKinds();
    m_pending = false;
    m_revealedSerial = 0;
    updateReveal();
    fitCode();
}

void LessonPanel::fillGuessKinds()
{
    m_guessKind->clear();
    m_guessKind->addItem(tr("No guess yet"), static_cast<int>(Prediction::Kind::None));
    m_guessKind->addItem(tr("Wall time:"), static_cast<int>(Prediction::Kind::WallTime));
    // A sync run is the yardstick: against itself it can only be "the same".
    if (currentStep().guess == LessonStep::Guess::WallTimeOrSync) {
        m_guessKind->addItem(tr("Faster than sync"), static_cast<int>(Prediction::Kind::Faster));
        m_guessKind->addItem(tr("About the same as sync"), static_cast<int>(Prediction::Kind::Same));
        m_guessKind->addItem(tr("Slower than sync"), static_cast<int>(Prediction::Kind::Slower));
    }
    m_guessSeconds->setVisible(false);
}

Prediction LessonPanel::guess() const
{
    Prediction guess{.kind = static_cast<Prediction::Kind>(m_guessKind->currentData().toInt()),
                     .step = QLatin1String(currentStep().id)};
    if (guess.kind == Prediction::Kind::WallTime)
        guess.seconds = m_guessSeconds->value();
    return guess;
}

void LessonPanel::setGuess(const Prediction &guess)
{
    const int index = m_guessKind->findData(static_cast<int>(guess.kind));
    m_guessKind->setCurrentIndex(std::max(index, 0));
    if (guess.kind == Prediction::Kind::WallTime) {
        const QSignalBlocker quiet(m_guessSeconds);
        m_guessSeconds->setValue(guess.seconds);
    }
    guessEdited();
}

void LessonPanel::guessEdited()
{
    const Prediction entered = guess();
    m_guessSeconds->setVisible(entered.kind == Prediction::Kind::WallTime);
    m_pending = entered.isSet();
    m_revealedSerial = 0;
    updateReveal();
}

void LessonPanel::runsInserted(int first)
{
    if (!m_pending)
        return;
    m_pending = false;
    m_runs->setPrediction(first, guess());
    m_revealedSerial = m_runs->entry(first).serial;
    updateReveal();
}

void LessonPanel::updateReveal()
{
    QString text;
    if (m_revealedSerial != 0 && m_runs) {
        const auto &entries = m_runs->entries();
        const auto found = std::find_if(entries.begin(), entries.end(),
                                        [this](const auto &e) { return e.serial == m_revealedSerial; });
        if (found != entries.end())
            text = revealText(*m_runs, static_cast<int>(found - entries.begin()));
    } else if (m_pending) {
        text = tr("The guess goes with the next run.");
    }
    m_reveal->setText(text);
    m_reveal->setVisible(!text.isEmpty());
}

QString LessonPanel::revealShown() const
{
    return m_revealedSerial != 0 ? m_reveal->text() : QString();
}

void LessonPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitCode();
}

int LessonPanel::codeWidth() const
{
    const QFontMetrics metrics(m_code->font());
    int widest = 0;
    for (const LessonStep &step : lessonSteps()) {
        for (const QString &line : QString::fromUtf8(step.code).split(QLatin1Char('\n')))
            widest = std::max(widest, metrics.horizontalAdvance(line));
    }
    const QMargins margins = layout()->contentsMargins();
    // The text's margins, the frame, the panel's margins and the scroll bar of the dock.
    return widest + static_cast<int>(2 * m_code->document()->documentMargin()) + 2 * m_code->frameWidth() +
        margins.left() + margins.right() + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8;
}

// The code in the panel's own type size (presentation mode scales it), monospaced, every line in
// view without a scroll bar.
void LessonPanel::fitCode()
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF());
    m_code->setFont(fixed);
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF() * 1.3);
    m_title->setFont(title);
    const QFontMetrics metrics(fixed);
    const int lines = m_code->document()->blockCount();
    const int frame = 2 * m_code->frameWidth() + static_cast<int>(2 * m_code->document()->documentMargin());
    // Room for the horizontal scroll bar a narrow dock needs, so that no line hides under it.
    const int bar = m_code->horizontalScrollBar()->sizeHint().height();
    m_code->setFixedHeight(lines * metrics.lineSpacing() + frame + metrics.descent() + bar);
}

} // namespace mtlab
