#pragma once

#include "experiment.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

namespace mtlab {

// A ready-made experiment, one click away: the article's seven and a few more. The experiment is
// written as `multitask-lab run` options, so a preset is parsed by the same strict parser as the
// command line and can be pasted there unchanged.
struct Preset {
    QString id;          // short and stable: "io-threads"
    QString name;        // what the list shows: "I/O: 100 downloads, thread pool of 5"
    QString description; // one sentence: what to look for in the picture
    QString arguments;   // as after `multitask-lab run`
    Experiment experiment;
    std::vector<StrategyKind> strategies; // the four for `--strategy all`

    // In the window's language; `name` stays as written, since --preset takes it.
    QString shownName() const;
    QString shownDescription() const;
};

// A whole experiment as run options and back. Used by presets and by the saved settings, so a
// stored experiment is validated like one typed on the command line.
QStringList toRunArguments(const Experiment &experiment, const std::vector<StrategyKind> &strategies);
struct ParsedExperiment {
    Experiment experiment;
    std::vector<StrategyKind> strategies;
};
std::variant<ParsedExperiment, QString> fromRunArguments(const QString &arguments);

// Parses a presets document ({"presets": [{id, name, description, arguments}, ...]}). The error
// names the preset at fault.
std::variant<std::vector<Preset>, QString> parsePresets(const QByteArray &json);
// The presets compiled into the program (resources/presets.json).
const std::vector<Preset> &builtinPresets();
// Registers the compiled-in resources (presets, icon, lesson). They live in a static library,
// whose resources Qt does not register by itself; calling this more than once is harmless.
void initResources();
// By id or by name, case-insensitively; null when there is none.
const Preset *findPreset(const QString &idOrName);

} // namespace mtlab
