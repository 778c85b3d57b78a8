#pragma once

#include "prediction.h"

#include <QString>

#include <span>

namespace mtlab {

// One step of the lesson that follows the article "Multitasking in Python": what the teacher
// says, the article's Python for it, and the preset that shows it. The texts are in English in
// the source (QT_TRANSLATE_NOOP) and shown in the window's language; the Python stays as written.
struct LessonStep {
    // What the class can guess before the run. A sync run is its own baseline, so only its wall
    // time can be guessed; a step that is about what the picture shows has nothing to time.
    enum class Guess { None, WallTime, WallTimeOrSync };

    const char *id;     // stable: "io-threads", "replay"
    const char *preset; // the built-in preset it loads, by its id (`multitask-lab presets --ids`)
    const char *part;   // the lesson's part: I/O-bound, CPU-bound, mechanisms
    const char *title;
    const char *text; // 2–4 sentences a teacher would say
    const char *why;  // one line: why the result comes out as it does, for the reveal
    const char *code; // the article's Python for the step, short
    Guess guess = Guess::None;

    QString shownPart() const;
    QString shownTitle() const;
    QString shownText() const;
    QString shownWhy() const;
    // Whether the class can guess so at this step.
    bool accepts(Prediction::Kind kind) const;
};

// The steps in the article's order.
std::span<const LessonStep> lessonSteps();
// By id; null when there is none.
const LessonStep *findLessonStep(const QString &id);
// The index of a step given by its number (1 to the last) or its id; -1 when there is none.
int lessonStepIndex(const QString &numberOrId);

} // namespace mtlab
