#pragma once

#include <QDialog>

namespace mtlab {

// "What am I looking at?": a short lesson beside the window (not modal, so the class can keep
// the timeline in view while reading): concurrency against parallelism, the interpreter lock,
// and why each strategy's picture looks the way it does. The text is resources/lesson.html, or
// lesson_<language>.html in the window's language: a whole page is written, not pieced from tr().
class LessonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LessonDialog(QWidget *parent = nullptr);

    // The lesson's resource in that language, or the English one when it has none.
    static QString lessonFile(const QString &language);
};

} // namespace mtlab
