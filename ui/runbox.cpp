#include "runbox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mtlab {

RunBox::RunBox(QWidget *parent)
    : QGroupBox(tr("Run"), parent)
{
    m_run = new QPushButton(tr("Run"));
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setToolTip(tr("Run the experiment (F5)"));
    m_run->setDefault(true);
    // The one button a class watches being pressed: large enough to find on a projector.
    QFont bold = m_run->font();
    bold.setBold(true);
    m_run->setFont(bold);
    m_run->setMinimumHeight(m_run->sizeHint().height() * 3 / 2);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop the run (Esc)"));
    m_sweepMax = new QSpinBox;
    m_sweepMax->setObjectName(QStringLiteral("sweepSpin"));
    m_sweepMax->setRange(2, 64);
    m_sweepMax->setValue(8);
    m_sweepMax->setPrefix(tr("1 to "));
    m_sweepMax->setSuffix(tr(" workers"));
    m_sweep = new QPushButton(tr("Sweep"));
    m_sweep->setObjectName(QStringLiteral("sweepButton"));
    m_sweep->setToolTip(tr("Run the pool once for each number of workers and chart the speedup"));
    m_repeatCount = new QSpinBox;
    m_repeatCount->setObjectName(QStringLiteral("repeatSpin"));
    m_repeatCount->setRange(2, 20);
    m_repeatCount->setValue(5);
    m_repeatCount->setPrefix(tr("×"));
    m_repeatCount->setSuffix(tr(" times"));
    m_repeat = new QPushButton(tr("Repeat"));
    m_repeat->setObjectName(QStringLiteral("repeatButton"));
    m_repeat->setToolTip(tr("Run the same experiment several times: the comparison shows the median "
                            "with the spread (Ctrl+F5)"));
    m_python = new QPushButton(tr("Run the article's Python"));
    m_python->setObjectName(QStringLiteral("pythonButton"));
    m_python->setToolTip(tr("Run the article's own Python program of this experiment with python3, "
                            "traced, and show it beside the lab's runs (I/O and CPU work)"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setFormat(tr("%v / %m tasks"));
    // No count until a run says how many tasks it has (Qt's default range would read "0 / 100").
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_text = new QLabel(tr("Ready"));
    m_text->setObjectName(QStringLiteral("progressLabel"));
    m_text->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run, 2);
    buttons->addWidget(m_cancel, 1);
    auto *repeat = new QHBoxLayout;
    repeat->addWidget(m_repeatCount, 2);
    repeat->addWidget(m_repeat, 1);
    auto *sweep = new QHBoxLayout;
    sweep->addWidget(m_sweepMax, 2);
    sweep->addWidget(m_sweep, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_python);
    layout->addLayout(repeat);
    layout->addLayout(sweep);
    layout->addWidget(m_progress);
    layout->addWidget(m_text);
    connect(m_run, &QPushButton::clicked, this, &RunBox::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &RunBox::cancelRequested);
    connect(m_sweep, &QPushButton::clicked, this, &RunBox::sweepRequested);
    connect(m_repeat, &QPushButton::clicked, this, &RunBox::repeatRequested);
    connect(m_python, &QPushButton::clicked, this, &RunBox::pythonRequested);
}

int RunBox::repeatCount() const
{
    return m_repeatCount->value();
}

void RunBox::setRepeatCount(int count)
{
    m_repeatCount->setValue(count);
}

int RunBox::sweepMax() const
{
    return m_sweepMax->value();
}

void RunBox::setSweepMax(int workers)
{
    m_sweepMax->setValue(workers);
}

void RunBox::setState(bool running, bool canSweep)
{
    m_running = running;
    m_python->setEnabled(!running && m_pythonAvailable);
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_repeat->setEnabled(!running);
    m_repeatCount->setEnabled(!running);
    m_sweepMax->setEnabled(!running && canSweep);
    m_sweep->setEnabled(!running && canSweep);
}

void RunBox::setProgress(int done, int total, qint64 elapsedMs, const QString &what)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    m_progress->setTextVisible(true);
    m_text->setText(tr("%1\n%2 of %3 tasks, %4 s")
                        .arg(what)
                        .arg(done)
                        .arg(total)
                        .arg(QLocale().toString(static_cast<double>(elapsedMs) / 1000.0, 'f', 1)));
}

void RunBox::setPythonAvailable(bool available)
{
    m_pythonAvailable = available;
    m_python->setEnabled(!m_running && available);
}

void RunBox::setMessage(const QString &text)
{
    m_text->setText(text);
}

} // namespace mtlab
