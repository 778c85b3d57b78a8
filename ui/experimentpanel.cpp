#include "experimentpanel.h"

#include "articlepython.h"
#include "experiment.h"
#include "presets.h"
#include "runbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <thread>

namespace mtlab {

namespace {

// The strategy combo's last entry runs them all (comparisonRuns); its data is -1.
constexpr int AllFour = -1;
// The first experiment a new user sees: quick, and its picture shows the point at once.
const QLatin1String FirstPreset("io-threads");

QSpinBox *spinBox(int low, int high, const QString &suffix = {})
{
    auto *box = new QSpinBox;
    box->setRange(low, high);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    return box;
}

QGroupBox *groupBox(const QString &title, QLayout *layout)
{
    auto *box = new QGroupBox(title);
    box->setLayout(layout);
    return box;
}

} // namespace

ExperimentPanel::ExperimentPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildPresetBox());
    layout->addWidget(buildExperimentBox());
    layout->addWidget(buildCpuBox());
    layout->addWidget(buildIoBox());
    layout->addWidget(buildCounterBox());
    layout->addWidget(buildStarveBox());
    layout->addWidget(buildLockBox());
    m_runBox = new RunBox;
    layout->addWidget(m_runBox);
    layout->addStretch(1);
    connect(m_runBox, &RunBox::runRequested, this, &ExperimentPanel::runRequested);
    connect(m_runBox, &RunBox::cancelRequested, this, &ExperimentPanel::cancelRequested);
    connect(m_runBox, &RunBox::sweepRequested, this, &ExperimentPanel::sweepRequested);
    m_inputs = {m_preset, m_workload, m_strategy,  m_tasks,      m_workers,
                m_cpuBox, m_ioBox,    m_starveBox, m_counterBox, m_lockBox};
    loadPreset(FirstPreset);
}

QWidget *ExperimentPanel::buildPresetBox()
{
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("Your own experiment"), QString());
    for (const Preset &preset : builtinPresets()) {
        m_preset->addItem(preset.shownName(), preset.id);
        m_preset->setItemData(m_preset->count() - 1, preset.shownDescription(), Qt::ToolTipRole);
    }
    // A long preset name must not widen the panel: the combo elides, the popup shows it whole.
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setMinimumContentsLength(20);
    connect(m_preset, &QComboBox::activated, this, &ExperimentPanel::presetActivated);

    m_description = new QLabel;
    m_description->setObjectName(QStringLiteral("presetDescription"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout;
    layout->addWidget(m_preset);
    layout->addWidget(m_description);
    return groupBox(tr("Preset"), layout);
}

QWidget *ExperimentPanel::buildExperimentBox()
{
    m_workload = new QComboBox;
    m_workload->setObjectName(QStringLiteral("workloadCombo"));
    m_workload->addItem(tr("I/O: download a page"), static_cast<int>(WorkloadKind::Io));
    m_workload->addItem(tr("CPU: sum of squares"), static_cast<int>(WorkloadKind::Cpu));
    m_workload->addItem(tr("Shared counter: races and locks"), static_cast<int>(WorkloadKind::Counter));

    m_strategy = new QComboBox;
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->addItem(tr("sync: one at a time"), static_cast<int>(StrategyKind::Sync));
    m_strategy->addItem(tr("threads: a pool"), static_cast<int>(StrategyKind::Threads));
    m_strategy->addItem(tr("async: an event loop"), static_cast<int>(StrategyKind::Async));
    m_strategy->addItem(tr("processes: a pool"), static_cast<int>(StrategyKind::Processes));
    m_strategy->addItem(tr("all, one after another"), AllFour);

    m_tasks = spinBox(1, MaxTasks);
    m_tasks->setObjectName(QStringLiteral("tasksSpin"));
    m_workers = spinBox(0, MaxWorkers);
    m_workers->setObjectName(QStringLiteral("workersSpin"));
    m_workers->setSpecialValueText(tr("default"));
    m_workers->setToolTip(tr("Threads: 5 by default. Processes: one per CPU (%1 here).")
                              .arg(std::max(1u, std::thread::hardware_concurrency())));

    auto *form = new QFormLayout;
    form->addRow(tr("Workload"), m_workload);
    form->addRow(tr("Strategy"), m_strategy);
    form->addRow(tr("Tasks"), m_tasks);
    form->addRow(tr("Workers"), m_workers);
    connect(m_workload, &QComboBox::currentIndexChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_tasks, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_workers, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    return groupBox(tr("Experiment"), form);
}

QWidget *ExperimentPanel::buildCpuBox()
{
    // A double holds every n up to MaxN exactly; QSpinBox stops at 2^31.
    m_n = new QDoubleSpinBox;
    m_n->setObjectName(QStringLiteral("nSpin"));
    m_n->setDecimals(0);
    m_n->setRange(1, static_cast<double>(MaxN));
    m_n->setSingleStep(1'000'000);
    m_n->setGroupSeparatorShown(true);
    m_n->setToolTip(tr("Task i sums i² below n + i. The article's n is 5,000,000."));
    auto *form = new QFormLayout;
    form->addRow(tr("Size n"), m_n);
    connect(m_n, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    m_cpuBox = groupBox(tr("Computing"), form);
    return m_cpuBox;
}

QWidget *ExperimentPanel::buildIoBox()
{
    m_delay = spinBox(0, 600'000, tr(" ms"));
    m_delay->setObjectName(QStringLiteral("delaySpin"));
    m_delay->setToolTip(tr("How long the embedded server thinks before it answers."));
    m_size = spinBox(0, 1'048'576, tr(" KB"));
    m_size->setObjectName(QStringLiteral("sizeSpin"));
    m_tls = new QCheckBox(tr("HTTPS (TLS)"));
    m_tls->setObjectName(QStringLiteral("tlsCheck"));
    m_tls->setToolTip(tr("The embedded server speaks HTTPS, with a certificate made for this run that only "
                         "this run trusts: every new connection starts with a TLS handshake."));
    m_setup = spinBox(0, 600'000, tr(" ms"));
    m_setup->setObjectName(QStringLiteral("setupSpin"));
    m_setup->setToolTip(tr("How long the server makes each TLS handshake take: the set-up that a reused "
                           "connection is spared. Needs HTTPS."));
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("the embedded server"));
    m_reuse = new QCheckBox(tr("Reuse connections (a session per worker)"));
    m_reuse->setObjectName(QStringLiteral("reuseCheck"));

    auto *form = new QFormLayout;
    form->addRow(tr("Server delay"), m_delay);
    form->addRow(tr("Body size"), m_size);
    form->addRow(m_tls);
    form->addRow(tr("Connection set-up"), m_setup);
    form->addRow(tr("Or a URL"), m_url);
    form->addRow(m_reuse);
    for (QSpinBox *box : {m_delay, m_size, m_setup})
        connect(box, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_url, &QLineEdit::textChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_tls, &QCheckBox::toggled, this, &ExperimentPanel::fieldsChanged);
    connect(m_reuse, &QCheckBox::toggled, this, &ExperimentPanel::fieldsChanged);
    m_ioBox = groupBox(tr("Downloads"), form);
    return m_ioBox;
}

QWidget *ExperimentPanel::buildStarveBox()
{
    m_blocking = new QCheckBox(tr("A blocking call in each task"));
    m_blocking->setObjectName(QStringLiteral("blockingCheck"));
    m_blocking->setToolTip(tr("Each task downloads with a blocking call, like requests.get inside async def: "
                              "the loop's one thread waits for each answer in turn, the others wait in "
                              "its ready list."));
    m_hog = spinBox(0, 60'000, tr(" ms"));
    m_hog->setObjectName(QStringLiteral("hogSpin"));
    m_hog->setSpecialValueText(tr("none"));
    m_hog->setToolTip(tr("One more task computes this long without an await: the answers that arrive "
                         "meanwhile cannot be read until it is done."));
    m_hogSlice = spinBox(0, 60'000, tr(" ms"));
    m_hogSlice->setObjectName(QStringLiteral("hogSliceSpin"));
    m_hogSlice->setSpecialValueText(tr("in one go"));
    m_hogSlice->setToolTip(tr("The hog computes in slices this long with an await between them, which lets "
                              "the waiting tasks through."));
    auto *form = new QFormLayout;
    form->addRow(m_blocking);
    form->addRow(tr("Hog computes"), m_hog);
    form->addRow(tr("In slices of"), m_hogSlice);
    connect(m_blocking, &QCheckBox::toggled, this, &ExperimentPanel::fieldsChanged);
    connect(m_hog, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_hogSlice, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    m_starveBox = groupBox(tr("Starving the event loop"), form);
    m_starveBox->setToolTip(tr("Only for downloads under the async strategy."));
    return m_starveBox;
}

QWidget *ExperimentPanel::buildCounterBox()
{
    m_counterN = spinBox(1, static_cast<int>(MaxCounterN));
    m_counterN->setObjectName(QStringLiteral("counterNSpin"));
    m_counterN->setToolTip(tr("How many times each task adds 1 to the shared counter."));
    m_sync = new QComboBox;
    m_sync->setObjectName(QStringLiteral("syncCombo"));
    m_sync->addItem(tr("nothing: updates can be lost"), static_cast<int>(SyncKind::None));
    m_sync->addItem(tr("a lock: one task at a time"), static_cast<int>(SyncKind::Lock));
    m_sync->addItem(tr("a semaphore: a few tasks at a time"), static_cast<int>(SyncKind::Semaphore));
    m_sync->setToolTip(tr("What guards the update: read the counter, compute, write it back plus one."));
    m_permits = spinBox(1, MaxTasks);
    m_permits->setObjectName(QStringLiteral("permitsSpin"));
    m_permits->setToolTip(tr("How many tasks the semaphore lets in at once (at most the number of tasks)."));
    m_yieldInside = new QCheckBox(tr("An await inside the update (async)"));
    m_yieldInside->setObjectName(QStringLiteral("yieldInsideCheck"));
    m_yieldInside->setToolTip(tr("value = counter; await asyncio.sleep(0); counter = value + 1: the other "
                                 "tasks run in the middle of each update."));
    auto *form = new QFormLayout;
    form->addRow(tr("Additions per task"), m_counterN);
    form->addRow(tr("Guard"), m_sync);
    form->addRow(tr("Permits"), m_permits);
    form->addRow(m_yieldInside);
    connect(m_counterN, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_sync, &QComboBox::currentIndexChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_permits, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    connect(m_yieldInside, &QCheckBox::toggled, this, &ExperimentPanel::fieldsChanged);
    m_counterBox = groupBox(tr("Shared counter"), form);
    return m_counterBox;
}

QWidget *ExperimentPanel::buildLockBox()
{
    m_gil = new QCheckBox(tr("Emulate it (as in CPython)"));
    m_gil->setObjectName(QStringLiteral("gilCheck"));
    m_gil->setToolTip(
        tr("Only the thread holding the lock may compute; it changes hands every switch interval."));
    m_switch = spinBox(1, 10'000, tr(" ms"));
    m_switch->setObjectName(QStringLiteral("switchSpin"));
    auto *form = new QFormLayout;
    form->addRow(m_gil);
    form->addRow(tr("Switch interval"), m_switch);
    connect(m_gil, &QCheckBox::toggled, this, &ExperimentPanel::fieldsChanged);
    connect(m_switch, &QSpinBox::valueChanged, this, &ExperimentPanel::fieldsChanged);
    m_lockBox = groupBox(tr("Interpreter lock (GIL)"), form);
    return m_lockBox;
}

Experiment ExperimentPanel::experiment() const
{
    Experiment e = m_base;
    e.workload = static_cast<WorkloadKind>(m_workload->currentData().toInt());
    const int strategy = m_strategy->currentData().toInt();
    e.strategy = strategy == AllFour ? StrategyKind::Sync : static_cast<StrategyKind>(strategy);
    e.tasks = m_tasks->value();
    e.workers = m_workers->value();
    const bool counter = e.workload == WorkloadKind::Counter;
    e.n = static_cast<std::uint64_t>(counter ? m_counterN->value() : m_n->value());
    e.io.delayMs = m_delay->value();
    e.io.sizeKb = m_size->value();
    e.io.url = m_url->text().trimmed().toStdString();
    // Both are the embedded server's, and the set-up delays its TLS handshake: a field that is
    // greyed out keeps its value for later but does not apply (as the run parser insists).
    e.io.tls = e.io.url.empty() && m_tls->isChecked();
    e.io.setupMs = e.io.tls ? m_setup->value() : 0;
    e.io.reuse = m_reuse->isChecked();
    // The counter has no interpreter lock to emulate; its guard comes from its own box, and a
    // greyed-out permit count or await keeps its value for later without applying.
    e.gil = !counter && m_gil->isChecked();
    e.switchMs = m_switch->value();
    e.counter = {};
    if (counter) {
        e.counter.sync = static_cast<SyncKind>(m_sync->currentData().toInt());
        e.counter.permits = std::min(m_permits->value(), e.tasks);
        e.counter.yieldInside = strategy == static_cast<int>(StrategyKind::Async) &&
            m_yieldInside->isChecked();
    }
    // Only the event loop can be starved, and only of one thing at a time (as the run parser insists).
    const bool starvable = e.workload == WorkloadKind::Io &&
        strategy == static_cast<int>(StrategyKind::Async);
    e.io.blocking = starvable && m_blocking->isChecked();
    e.io.hogMs = starvable && !e.io.blocking ? m_hog->value() : 0;
    e.io.hogSliceMs = e.io.hogMs > 0 ? m_hogSlice->value() : 0;
    return e;
}

std::vector<StrategyKind> ExperimentPanel::strategies() const
{
    if (m_strategy->currentData().toInt() == AllFour)
        return {StrategyKind::Sync, StrategyKind::Threads, StrategyKind::Async, StrategyKind::Processes};
    return {experiment().strategy};
}

void ExperimentPanel::setExperiment(const Experiment &e, const std::vector<StrategyKind> &strategies)
{
    m_loading = true;
    m_base = e;
    m_workload->setCurrentIndex(m_workload->findData(static_cast<int>(e.workload)));
    const int strategy = strategies.size() > 1 ? AllFour : static_cast<int>(e.strategy);
    m_strategy->setCurrentIndex(m_strategy->findData(strategy));
    m_tasks->setValue(e.tasks);
    m_workers->setValue(e.workers);
    if (e.workload == WorkloadKind::Counter)
        m_counterN->setValue(static_cast<int>(e.n));
    else
        m_n->setValue(static_cast<double>(e.n));
    m_sync->setCurrentIndex(m_sync->findData(static_cast<int>(e.counter.sync)));
    m_permits->setValue(e.counter.permits);
    m_yieldInside->setChecked(e.counter.yieldInside);
    m_delay->setValue(e.io.delayMs);
    m_size->setValue(e.io.sizeKb);
    m_tls->setChecked(e.io.tls);
    m_setup->setValue(e.io.setupMs);
    m_url->setText(QString::fromStdString(e.io.url));
    m_reuse->setChecked(e.io.reuse);
    m_blocking->setChecked(e.io.blocking);
    m_hog->setValue(e.io.hogMs);
    m_hogSlice->setValue(e.io.hogSliceMs);
    m_gil->setChecked(e.gil);
    m_switch->setValue(e.switchMs);
    m_loading = false;
    fieldsChanged();
}

bool ExperimentPanel::loadPreset(const QString &idOrName)
{
    const Preset *preset = findPreset(idOrName);
    if (!preset)
        return false;
    setExperiment(preset->experiment, preset->strategies);
    return true;
}

QString ExperimentPanel::presetId() const
{
    return m_preset->currentData().toString();
}

void ExperimentPanel::addPresetAction(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The preset box is a column: the list, its description, then such buttons.
    m_preset->parentWidget()->layout()->addWidget(button);
}

void ExperimentPanel::presetActivated(int index)
{
    const QString id = m_preset->itemData(index).toString();
    if (!id.isEmpty())
        loadPreset(id);
}

void ExperimentPanel::fieldsChanged()
{
    if (m_loading)
        return;
    // The preset shown is whichever one the fields match, so a tweaked preset reads "Your own
    // experiment" and its description no longer promises what the run will not show.
    const QStringList arguments = toRunArguments(experiment(), strategies());
    int match = 0;
    for (int i = 1; i < m_preset->count(); ++i) {
        const Preset *preset = findPreset(m_preset->itemData(i).toString());
        if (preset && toRunArguments(preset->experiment, preset->strategies) == arguments) {
            match = i;
            break;
        }
    }
    m_preset->setCurrentIndex(match);
    m_description->setText(match > 0 ? m_preset->itemData(match, Qt::ToolTipRole).toString()
                                     : tr("Change anything you like, then press Run."));
    m_description->setToolTip(QStringLiteral("multitask-lab run ") + arguments.join(QLatin1Char(' ')));
    updateEnabled();
    emit experimentChanged();
}

void ExperimentPanel::updateEnabled()
{
    const Experiment e = experiment();
    const bool io = e.workload == WorkloadKind::Io;
    const bool counter = e.workload == WorkloadKind::Counter;
    const bool allFour = strategies().size() > 1;
    m_cpuBox->setVisible(e.workload == WorkloadKind::Cpu);
    m_ioBox->setVisible(io);
    m_counterBox->setVisible(counter);
    m_lockBox->setVisible(!counter);
    m_starveBox->setVisible(io);
    for (QWidget *input : m_inputs)
        input->setEnabled(!m_running);
    if (!m_running) {
        m_workers->setEnabled(allFour || e.strategy == StrategyKind::Threads ||
                              e.strategy == StrategyKind::Processes);
        const bool embedded = e.io.url.empty();
        for (QWidget *field :
             {static_cast<QWidget *>(m_delay), static_cast<QWidget *>(m_size), static_cast<QWidget *>(m_tls)})
            field->setEnabled(embedded);
        m_setup->setEnabled(e.io.tls);
        const bool starvable = io && !allFour && e.strategy == StrategyKind::Async;
        m_starveBox->setEnabled(starvable);
        m_hog->setEnabled(starvable && !e.io.blocking);
        m_hogSlice->setEnabled(e.io.hogMs > 0);
        m_switch->setEnabled(e.gil);
        m_permits->setEnabled(e.counter.sync == SyncKind::Semaphore);
        m_yieldInside->setEnabled(m_strategy->currentData().toInt() == static_cast<int>(StrategyKind::Async));
    }
    m_runBox->setState(m_running, canSweep());
    m_runBox->setPythonAvailable(!articlePythonRuns(e, strategies()).empty());
}

int ExperimentPanel::sweepMax() const
{
    return m_runBox->sweepMax();
}

bool ExperimentPanel::canSweep() const
{
    const int strategy = m_strategy->currentData().toInt();
    return strategy == static_cast<int>(StrategyKind::Threads) ||
        strategy == static_cast<int>(StrategyKind::Processes);
}

void ExperimentPanel::setRunning(bool running)
{
    m_running = running;
    updateEnabled();
}

RunBox *ExperimentPanel::runBox() const noexcept
{
    return m_runBox;
}

void ExperimentPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("experiment/arguments"),
                      toRunArguments(experiment(), strategies()).join(QLatin1Char(' ')));
    settings.setValue(QStringLiteral("experiment/sweepMax"), m_runBox->sweepMax());
}

void ExperimentPanel::restoreSettings(const QSettings &settings)
{
    // Stored settings go through the command-line parser: a damaged entry is ignored, not run.
    const auto parsed = fromRunArguments(settings.value(QStringLiteral("experiment/arguments")).toString());
    if (const auto *stored = std::get_if<ParsedExperiment>(&parsed))
        setExperiment(stored->experiment, stored->strategies);
    m_runBox->setSweepMax(
        settings.value(QStringLiteral("experiment/sweepMax"), m_runBox->sweepMax()).toInt());
}

} // namespace mtlab
