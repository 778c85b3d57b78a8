#include "windowcommand.h"

#include "annotationeditor.h"
#include "atomicfile.h"
#include "fileactions.h"
#include "interruptwatcher.h"
#include "language.h"
#include "lessonpanel.h"
#include "lessonsteps.h"
#include "mainwindow.h"
#include "presentationmode.h"
#include "presets.h"
#include "replaycontroller.h"
#include "replaypane.h"
#include "runcontroller.h"
#include "runner.h"
#include "windowarguments.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include <cstdlib>
#include <iostream>
#include <memory>

namespace mtlab {

namespace {

// A screenshot needs no screen: without a display, draw off-screen rather than fail to start.
void useOffscreenWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

// The whole window as it is on screen, written as writeOutputFile() writes every output (whole
// or not at all; into a device or FIFO as it is). An error message, or empty.
QString saveScreenshot(QWidget &window, const QString &path)
{
    const QImage picture = window.grab().toImage();
    const std::string problem = writeOutputFile(
        QFile::encodeName(path).toStdString(), [&](int fd) -> std::string {
            QFile file;
            if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
                return file.errorString().toStdString();
            QImageWriter writer(&file, QFileInfo(path).suffix().toLower().toLatin1());
            if (!writer.write(picture))
                return writer.errorString().toStdString();
            if (!file.flush())
                return file.errorString().toStdString();
            return {};
        });
    return QString::fromStdString(problem);
}

// 1 when a run of the batch could not start at all (no server, too many open files).
int runExitCode(const RunController &controller)
{
    for (const auto &result : controller.results()) {
        if (!result->problem.empty()) {
            std::cerr << "multitask-lab: " << result->problem << '\n';
            return 1;
        }
    }
    return 0;
}

} // namespace

int windowCommand(int argc, char *argv[], const std::vector<std::string_view> &args)
{
    const auto parsed = parseWindowArguments(args);
    if (const auto *error = std::get_if<WindowArgumentError>(&parsed)) {
        std::cerr << "multitask-lab: " << error->message << '\n';
        return 2;
    }
    const WindowArguments &arguments = std::get<WindowArguments>(parsed);
    if (arguments.help) {
        std::cout << usageText();
        return 0;
    }
    if (arguments.version) {
        std::cout << "multitask-lab " << MTLAB_VERSION << '\n';
        return 0;
    }
    const QString preset = QString::fromStdString(arguments.preset);
    if (!preset.isEmpty() && !findPreset(preset)) {
        std::cerr << "multitask-lab: unknown preset '" << arguments.preset
                  << "' (`multitask-lab presets` lists them)\n";
        return 2;
    }
    const int lessonStep = arguments.lesson.empty()
        ? -1
        : lessonStepIndex(QString::fromStdString(arguments.lesson));
    if (!arguments.lesson.empty() && lessonStep < 0) {
        std::cerr << "multitask-lab: unknown lesson step '" << arguments.lesson << "' (a number from 1 to "
                  << lessonSteps().size() << ", or a step's id)\n";
        return 2;
    }
    const Prediction guess = parseGuess(QString::fromStdString(arguments.guess));
    if (!arguments.guess.empty() &&
        (!guess.isSet() || !lessonSteps()[static_cast<std::size_t>(lessonStep)].accepts(guess.kind))) {
        std::cerr << "multitask-lab: --guess takes a wall time in seconds, or faster, same or slower for a "
                     "step that is not sync, not '"
                  << arguments.guess << "'\n";
        return 2;
    }
    const bool scripted = !arguments.screenshot.empty();
    if (scripted)
        useOffscreenWithoutDisplay();

    InterruptWatcher interrupts; // before QApplication starts any thread
    QApplication app(argc, argv);
    interrupts.watch();
    QApplication::setOrganizationName(QStringLiteral("Multitask Lab"));
    QApplication::setApplicationName(QStringLiteral("Multitask Lab"));
    QApplication::setApplicationVersion(QStringLiteral(MTLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("multitask-lab"));
    // A scripted screenshot follows the environment only (LANGUAGE=ko), not the user's choice.
    const QString kept = scripted ? QString()
                                  : QSettings().value(QLatin1String(Language::SettingKey)).toString();
    Language::install(app, Language::choose(kept, QLocale::system().uiLanguages()));
    // Read from the back of a classroom: never smaller than 11 points.
    if (QFont font = QApplication::font(); font.pointSizeF() < 11) {
        font.setPointSizeF(11);
        QApplication::setFont(font);
    }

    MainWindow window;
    // A scripted screenshot is the same picture on every machine and leaves the user's settings be.
    if (!scripted)
        window.restoreSettings();
    if (!preset.isEmpty())
        window.loadPreset(preset);
    if (lessonStep >= 0) {
        window.setLessonShown(true);
        window.lessonPanel()->setStep(lessonStep);
        if (preset.isEmpty())
            window.lessonPanel()->load();
        if (guess.isSet())
            window.lessonPanel()->setGuess(guess);
    }
    if (arguments.width > 0) {
        // A given size wins over full screen: a slide of a projector other than this screen.
        window.presentation()->setFullScreenAllowed(false);
        window.resize(arguments.width, arguments.height);
    }
    if (arguments.presentation)
        window.presentation()->setOn(true);
    window.show();

    if (arguments.playheadMs >= 0) {
        const auto ns = static_cast<std::int64_t>(arguments.playheadMs * 1e6);
        QObject::connect(&window, &MainWindow::runsFinished, &window,
                         [&window, ns] { window.replayPane()->controller()->seek(ns); });
    }
    if (!arguments.notes.empty()) {
        // On the timeline tab's run, before a screenshot (queued below) is taken.
        QObject::connect(&window, &MainWindow::runsFinished, &window, [&window, notes = arguments.notes] {
            for (const WindowNote &note : notes)
                if (!window.notes()->addNote(0,
                                             Annotation{.atNs = static_cast<std::int64_t>(note.ms * 1e6),
                                                        .lane = QString::fromStdString(note.lane),
                                                        .text = QString::fromStdString(note.text),
                                                        .offset = {}}))
                    std::cerr << "multitask-lab: no lane '" << note.lane << "' for the note '" << note.text
                              << "' (the lanes are named as in the window, such as 'thread 2')\n";
        });
    }
    if (scripted) {
        const QString path = QString::fromStdString(arguments.screenshot);
        const auto take = [&window, path] {
            int code = runExitCode(*window.controller());
            if (const QString problem = saveScreenshot(window, path); !problem.isEmpty()) {
                std::cerr << "multitask-lab: " << problem.toStdString() << '\n';
                code = 1;
            }
            QApplication::exit(code);
        };
        // Queued: the window finishes its own reaction to the end of the run (tab, status) first;
        // with --run and --python, of both runs.
        if (arguments.run || arguments.python) {
            QObject::connect(
                &window, &MainWindow::runsFinished, &window,
                [take, left = std::make_shared<int>(int(arguments.run) + int(arguments.python))] {
                    if (--*left == 0)
                        take();
                },
                Qt::QueuedConnection);
        } else if (!arguments.file.empty()) {
            QObject::connect(window.files(), &FileActions::opened, &window, take, Qt::QueuedConnection);
            QObject::connect(window.files(), &FileActions::failed, &window,
                             [](const QString &, const QString &why) {
                                 std::cerr << "multitask-lab: " << why.toStdString() << '\n';
                                 QApplication::exit(1);
                             });
        } else {
            QTimer::singleShot(0, &window, take);
        }
    }
    if (!arguments.file.empty()) {
        window.files()->setMaxFileMb(arguments.maxFileMb);
        QTimer::singleShot(0, &window, [&window, path = QFile::decodeName(arguments.file.c_str())] {
            window.files()->open(path);
        });
    }
    if (arguments.python && arguments.run)
        QObject::connect(&window, &MainWindow::runsFinished, &window, &MainWindow::runArticlePython,
                         static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    else if (arguments.python)
        QTimer::singleShot(0, &window, &MainWindow::runArticlePython);
    if (arguments.run)
        QTimer::singleShot(0, &window, [&window, repeat = arguments.repeat] {
            if (repeat > 1)
                window.repeat(repeat);
            else
                window.run();
        });
    return QApplication::exec();
}

} // namespace mtlab
