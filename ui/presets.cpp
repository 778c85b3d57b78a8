#include "presets.h"

#include "runarguments.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <string>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace mtlab {

namespace {

QString number(std::uint64_t value)
{
    return QString::number(value);
}

// The options the run parser knows, with the experiment's value when it differs from the
// default (a shorter line reads better in presets and settings).
void appendIoOptions(QStringList &args, const IoOptions &io)
{
    const IoOptions defaults;
    auto option = [&](const char *name, auto value, auto fallback) {
        if (value != fallback)
            args << QLatin1String(name) << number(static_cast<std::uint64_t>(value));
    };
    if (!io.url.empty())
        args << QStringLiteral("--url") << QString::fromStdString(io.url);
    option("--delay-ms", io.delayMs, defaults.delayMs);
    option("--size-kb", io.sizeKb, defaults.sizeKb);
    if (io.tls)
        args << QStringLiteral("--tls");
    option("--setup-ms", io.setupMs, defaults.setupMs);
    option("--max-concurrent", io.maxConcurrent, defaults.maxConcurrent);
    if (io.errorRate != defaults.errorRate)
        args << QStringLiteral("--error-rate") << QString::number(io.errorRate, 'g', 17);
    if (io.fault != defaults.fault)
        args << QStringLiteral("--fault") << QString::fromStdString(io.fault);
    option("--seed", io.seed, defaults.seed);
    option("--timeout-ms", io.timeoutMs, defaults.timeoutMs);
    option("--max-body-mb", io.maxBodyMb, defaults.maxBodyMb);
    option("--max-in-flight", io.maxInFlight, defaults.maxInFlight);
    if (io.blocking)
        args << QStringLiteral("--blocking");
    option("--hog-ms", io.hogMs, defaults.hogMs);
    option("--hog-slice-ms", io.hogSliceMs, defaults.hogSliceMs);
    if (!io.reuse)
        args << QStringLiteral("--no-reuse");
}

bool isAllFour(const std::vector<StrategyKind> &strategies)
{
    return strategies.size() == 4;
}

} // namespace

QStringList toRunArguments(const Experiment &e, const std::vector<StrategyKind> &strategies)
{
    const Experiment defaults;
    QStringList args{QStringLiteral("--workload"),
                     QString::fromLatin1(workloadName(e.workload)),
                     QStringLiteral("--strategy"),
                     isAllFour(strategies) ? QStringLiteral("all")
                                           : QString::fromLatin1(strategyName(e.strategy)),
                     QStringLiteral("--tasks"),
                     QString::number(e.tasks)};
    if (e.workers > 0)
        args << QStringLiteral("--workers") << QString::number(e.workers);
    const bool counter = e.workload == WorkloadKind::Counter;
    if (e.n != (counter ? CounterN : defaults.n))
        args << QStringLiteral("--n") << number(e.n);
    if (e.gil)
        args << QStringLiteral("--gil");
    if (e.switchMs != defaults.switchMs)
        args << QStringLiteral("--switch-ms") << QString::number(e.switchMs);
    appendIoOptions(args, e.io);
    if (counter && e.counter.sync != SyncKind::None)
        args << QStringLiteral("--sync") << QString::fromLatin1(syncName(e.counter.sync));
    if (counter && e.counter.sync == SyncKind::Semaphore)
        args << QStringLiteral("--permits") << QString::number(e.counter.permits);
    if (counter && e.counter.yieldInside)
        args << QStringLiteral("--yield-inside");
    return args;
}

std::variant<ParsedExperiment, QString> fromRunArguments(const QString &arguments)
{
    std::vector<std::string> words;
    for (const QString &word : arguments.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.push_back(word.toStdString());
    const std::vector<std::string_view> views(words.begin(), words.end());
    const auto parsed = parseRunArguments(views);
    if (const auto *error = std::get_if<ArgumentError>(&parsed))
        return QString::fromStdString(error->message);
    const RunArguments &run = std::get<RunArguments>(parsed);
    // An experiment says what to run; where results go is the caller's business.
    if (!run.tracePath.empty() || !run.pngPath.empty() || !run.svgPath.empty() || !run.pdfPath.empty() ||
        run.json)
        return QStringLiteral("an experiment cannot name output files or --json");
    ParsedExperiment result{run.experiment, run.strategies};
    result.experiment.strategy = run.strategies.front();
    return result;
}

// The texts are gathered for translation from presets.json by the build (ui/CMakeLists.txt).
QString Preset::shownName() const
{
    return QCoreApplication::translate("Presets", name.toUtf8().constData());
}

QString Preset::shownDescription() const
{
    return QCoreApplication::translate("Presets", description.toUtf8().constData());
}

std::variant<std::vector<Preset>, QString> parsePresets(const QByteArray &json)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return QStringLiteral("presets: %1 at offset %2").arg(jsonError.errorString()).arg(jsonError.offset);
    const QJsonArray list = document.object().value(QLatin1String("presets")).toArray();
    if (list.isEmpty())
        return QStringLiteral("presets: no \"presets\" array");
    std::vector<Preset> presets;
    QSet<QString> seen;
    for (const QJsonValue &value : list) {
        const QJsonObject object = value.toObject();
        Preset preset;
        preset.id = object.value(QLatin1String("id")).toString();
        preset.name = object.value(QLatin1String("name")).toString();
        preset.description = object.value(QLatin1String("description")).toString();
        preset.arguments = object.value(QLatin1String("arguments")).toString();
        const QString label = preset.id.isEmpty() ? QStringLiteral("#%1").arg(presets.size() + 1) : preset.id;
        if (preset.id.isEmpty() || preset.name.isEmpty() || preset.description.isEmpty())
            return QStringLiteral("preset %1: needs an id, a name and a description").arg(label);
        // Names and ids share one namespace on the command line (--preset takes either).
        const QSet<QString> keys{preset.id.toLower(), preset.name.toLower()};
        for (const QString &key : keys) {
            if (seen.contains(key))
                return QStringLiteral("preset %1: \"%2\" is used twice").arg(label, key);
        }
        seen.unite(keys);
        const auto parsed = fromRunArguments(preset.arguments);
        if (const auto *error = std::get_if<QString>(&parsed))
            return QStringLiteral("preset %1: %2").arg(label, *error);
        preset.experiment = std::get<ParsedExperiment>(parsed).experiment;
        preset.strategies = std::get<ParsedExperiment>(parsed).strategies;
        presets.push_back(std::move(preset));
    }
    return presets;
}

void initResources()
{
    static const bool once = [] {
        registerResources();
        return true;
    }();
    Q_UNUSED(once);
}

const std::vector<Preset> &builtinPresets()
{
    static const std::vector<Preset> presets = [] {
        initResources();
        QFile file(QStringLiteral(":/presets.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the compiled-in presets are missing");
        auto parsed = parsePresets(file.readAll());
        // The file is part of the program and tst_presets parses it: a failure is a build defect.
        if (const auto *error = std::get_if<QString>(&parsed))
            qFatal("%s", qPrintable(*error));
        return std::get<std::vector<Preset>>(std::move(parsed));
    }();
    return presets;
}

const Preset *findPreset(const QString &idOrName)
{
    for (const Preset &preset : builtinPresets()) {
        if (preset.id.compare(idOrName, Qt::CaseInsensitive) == 0 ||
            preset.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &preset;
    }
    return nullptr;
}

} // namespace mtlab
