#pragma once

#include <QString>

namespace mtlab {

class RunList;

// The class's guess before a lesson step's run, kept with the run (RunList::Entry) so that it
// can be revealed beside the result and saved with the session. A plain value: no widgets.
struct Prediction {
    enum class Kind { None, WallTime, Faster, Same, Slower }; // the last three: than sync
    Kind kind = Kind::None;
    double seconds = 0.0; // the guessed wall time, for WallTime
    QString step = {};    // the lesson step's id, whose "why" the reveal quotes

    bool isSet() const noexcept { return kind != Kind::None; }
};

// What the run measured, as far as the reveal needs it.
struct Measured {
    double wallSeconds = 0.0;
    double syncSeconds = 0.0; // a sync run of the same work; 0 when there is none
};

// Speedups within this factor of 1 are "about the same" as sync: a classroom machine's noise.
inline constexpr double SameAsSyncFactor = 1.15;
// A guessed wall time within this factor of the measured one is "close".
inline constexpr double CloseGuessFactor = 1.25;

// The guess beside the result, in one line, ending with why (the step's reason):
// "You guessed 0.5 s; it took 2.0 s, 4× longer: the interpreter lock lets only one thread …".
// Empty for no guess.
QString revealText(const Prediction &guess, const Measured &measured, const QString &why);
// The same for a row of the run list: its median wall time, its sync baseline, its step's why.
QString revealText(const RunList &runs, int row);
// "0.5 s" or "faster than sync": the guess alone, for lists.
QString guessText(const Prediction &guess);
// A guess as the command line takes it: seconds ("0.5"), or faster, same or slower (than sync).
// Kind::None when the text is neither.
Prediction parseGuess(const QString &text);

} // namespace mtlab
