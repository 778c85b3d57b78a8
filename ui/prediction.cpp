#include "prediction.h"

#include "lessonsteps.h"
#include "numbertext.h"
#include "runlist.h"
#include "runner.h"

#include <QCoreApplication>

#include <cmath>

namespace mtlab {

namespace {

QString secondsText(double seconds)
{
    return QCoreApplication::translate("Prediction", "%1 s").arg(QString::number(seconds, 'g', 3));
}

// "4.9× faster than sync", "about as fast as sync", "1.2× slower than sync".
QString relationText(double speedup)
{
    if (speedup >= SameAsSyncFactor)
        return QCoreApplication::translate("Prediction", "%1 faster than sync").arg(speedupText(speedup));
    if (speedup <= 1.0 / SameAsSyncFactor)
        return QCoreApplication::translate("Prediction", "%1 slower than sync")
            .arg(speedupText(1.0 / speedup));
    return QCoreApplication::translate("Prediction", "about as fast as sync");
}

Prediction::Kind measuredKind(double speedup)
{
    if (speedup >= SameAsSyncFactor)
        return Prediction::Kind::Faster;
    if (speedup <= 1.0 / SameAsSyncFactor)
        return Prediction::Kind::Slower;
    return Prediction::Kind::Same;
}

QString wallReveal(const Prediction &guess, double wall)
{
    const QString guessed = secondsText(guess.seconds);
    const QString took = durationText(wall * 1e9);
    const double ratio = wall / guess.seconds;
    if (ratio <= CloseGuessFactor && ratio >= 1.0 / CloseGuessFactor)
        return QCoreApplication::translate("Prediction", "You guessed %1; it took %2, close")
            .arg(guessed, took);
    if (ratio > 1.0)
        return QCoreApplication::translate("Prediction",
                                           "You guessed %1; it took %2, %3 slower than you thought")
            .arg(guessed, took, speedupText(ratio));
    return QCoreApplication::translate("Prediction", "You guessed %1; it took %2, %3 faster than you thought")
        .arg(guessed, took, speedupText(1.0 / ratio));
}

QString syncReveal(const Prediction &guess, const Measured &measured)
{
    const QString took = durationText(measured.wallSeconds * 1e9);
    if (measured.syncSeconds <= 0.0)
        return QCoreApplication::translate(
                   "Prediction", "You guessed %1; it took %2, with no sync run of the same work to compare")
            .arg(guessText(guess), took);
    const double speedup = measured.syncSeconds / measured.wallSeconds;
    const QString figures = QCoreApplication::translate("Prediction", "%1 against %2")
                                .arg(took, durationText(measured.syncSeconds * 1e9));
    if (measuredKind(speedup) == guess.kind)
        return QCoreApplication::translate("Prediction", "You guessed %1, and so it was: %2 (%3)")
            .arg(guessText(guess), relationText(speedup), figures);
    return QCoreApplication::translate("Prediction", "You guessed %1; it was %2 (%3)")
        .arg(guessText(guess), relationText(speedup), figures);
}

} // namespace

QString guessText(const Prediction &guess)
{
    switch (guess.kind) {
    case Prediction::Kind::WallTime:
        return secondsText(guess.seconds);
    case Prediction::Kind::Faster:
        return QCoreApplication::translate("Prediction", "faster than sync");
    case Prediction::Kind::Same:
        return QCoreApplication::translate("Prediction", "about the same as sync");
    case Prediction::Kind::Slower:
        return QCoreApplication::translate("Prediction", "slower than sync");
    case Prediction::Kind::None:
        break;
    }
    return {};
}

Prediction parseGuess(const QString &text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("faster"))
        return {.kind = Prediction::Kind::Faster};
    if (word == QLatin1String("same"))
        return {.kind = Prediction::Kind::Same};
    if (word == QLatin1String("slower"))
        return {.kind = Prediction::Kind::Slower};
    bool isNumber = false;
    const double seconds = word.toDouble(&isNumber);
    if (isNumber && seconds > 0.0 && std::isfinite(seconds))
        return {.kind = Prediction::Kind::WallTime, .seconds = seconds};
    return {};
}

QString revealText(const Prediction &guess, const Measured &measured, const QString &why)
{
    if (!guess.isSet() || !(measured.wallSeconds > 0.0))
        return {};
    if (guess.kind == Prediction::Kind::WallTime && !(guess.seconds > 0.0))
        return {};
    const QString reveal = guess.kind == Prediction::Kind::WallTime ? wallReveal(guess, measured.wallSeconds)
                                                                    : syncReveal(guess, measured);
    return why.isEmpty() ? reveal : QCoreApplication::translate("Prediction", "%1: %2").arg(reveal, why);
}

QString revealText(const RunList &runs, int row)
{
    const RunList::Entry &entry = runs.entry(row);
    const Experiment &work = entry.median().experiment;
    Measured measured{.wallSeconds = static_cast<double>(entry.median().wallNs) / 1e9};
    if (work.strategy == StrategyKind::Sync) {
        measured.syncSeconds = measured.wallSeconds;
    } else if (const int base = runs.baselineRow(row); base >= 0) {
        const RunResult &sync = runs.entry(base).median();
        if (sync.experiment.strategy == StrategyKind::Sync && RunList::sameWork(sync.experiment, work))
            measured.syncSeconds = static_cast<double>(sync.wallNs) / 1e9;
    }
    const LessonStep *step = findLessonStep(entry.prediction.step);
    return revealText(entry.prediction, measured, step ? step->shownWhy() : QString());
}

} // namespace mtlab
