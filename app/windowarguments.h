#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mtlab {

// `multitask-lab [--preset NAME] [--lesson STEP [--guess G]] [--run] [--python] [--repeat N] [--playhead MS]
// [--presentation] [--size WxH] [--note MS:LANE:TEXT]... [--screenshot FILE]`: how the window is opened.
// Parsed and checked before any window exists, so a typo or an unwritable path fails at once with one line,
// even where there is no display. Qt's own single-dash options (-platform offscreen) are skipped here and
// left to QApplication.
// --note MS:LANE:TEXT: a note on the finished run's timeline, MS after its start on LANE.
struct WindowNote {
    double ms = 0;
    std::string lane; // as the engine names it ("thread 2"), or its start ("process 2")
    std::string text;
};

struct WindowArguments {
    std::string preset;            // a preset's id or name; empty: the last experiment
    std::string lesson;            // --lesson STEP: the lesson panel at a step (its number or id)
    std::string guess;             // --guess G: the class's guess for it (seconds, faster|same|slower)
    bool run = false;              // start the experiment once the window is up
    bool python = false;           // run the article's Python program of it (after the lab's, with run)
    int repeat = 1;                // --repeat N: run it N times (2..20), for the median and spread
    std::string screenshot;        // save the window there when the run is done, then quit
    double playheadMs = -1;        // with run: replay the finished run to there (ms from its start)
    bool presentation = false;     // full screen, large type, the panel folded away
    std::vector<WindowNote> notes; // with run: drawn on the finished run's timeline
    int width = 0;                 // --size: the window's size in pixels, 0 when not given
    int height = 0;
    std::string file;    // a session or trace to open (multitask-lab FILE)
    int maxFileMb = 512; // --max-file-mb: larger files are refused
    bool help = false;
    bool version = false;
};

struct WindowArgumentError {
    std::string message;
};

std::variant<WindowArguments, WindowArgumentError> parseWindowArguments(
    const std::vector<std::string_view> &args);

// The usage text of the whole program (window, `run` and `presets`).
std::string usageText();

} // namespace mtlab
