#include "windowarguments.h"

#include "outputpath.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace mtlab {

namespace {

// QWidget::grab() gives a raster image: formats Qt writes without plugins.
bool isImagePath(const std::string &path)
{
    std::string suffix = std::filesystem::path(path).extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    constexpr std::array<std::string_view, 4> formats = {".png", ".jpg", ".jpeg", ".bmp"};
    return std::find(formats.begin(), formats.end(), suffix) != formats.end();
}

// "1280x720" (or 1280X720): both sides from 320 to 16384 pixels, or false.
bool parseSize(std::string_view text, int &width, int &height)
{
    const auto x = text.find_first_of("xX");
    if (x == std::string_view::npos)
        return false;
    const auto number = [](std::string_view digits, int &value) {
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return error == std::errc() && end == digits.data() + digits.size() && value >= 320 && value <= 16384;
    };
    return number(text.substr(0, x), width) && number(text.substr(x + 1), height);
}

// "MS:LANE:TEXT" (the text may hold colons), or false.
bool parseNote(std::string_view text, WindowNote &note)
{
    const auto first = text.find(':');
    const auto second = first == std::string_view::npos ? first : text.find(':', first + 1);
    if (second == std::string_view::npos)
        return false;
    const std::string_view ms = text.substr(0, first);
    const auto [end, error] = std::from_chars(ms.data(), ms.data() + ms.size(), note.ms);
    note.lane = std::string(text.substr(first + 1, second - first - 1));
    note.text = std::string(text.substr(second + 1));
    return error == std::errc() && end == ms.data() + ms.size() && std::isfinite(note.ms) && note.ms >= 0 &&
        !note.lane.empty() && !note.text.empty();
}

} // namespace

std::variant<WindowArguments, WindowArgumentError> parseWindowArguments(
    const std::vector<std::string_view> &args)
{
    WindowArguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        if (arg == "--run") {
            parsed.run = true;
        } else if (arg == "--python") {
            parsed.python = true;
        } else if (arg == "--presentation") {
            parsed.presentation = true;
        } else if (arg == "--repeat" || arg.starts_with("--repeat=")) {
            const std::string_view value = arg == "--repeat" ? (i + 1 < args.size() ? args[++i] : "")
                                                             : arg.substr(arg.find('=') + 1);
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(),
                                                      parsed.repeat);
            if (error != std::errc() || end != value.data() + value.size() || parsed.repeat < 2 ||
                parsed.repeat > 20)
                return WindowArgumentError{"--repeat takes a number from 2 to 20, not '" +
                                           std::string(value) + "'"};
            parsed.run = true;
        } else if (arg == "--help" || arg == "-h") {
            parsed.help = true;
        } else if (arg == "--version") {
            parsed.version = true;
        } else if (arg.starts_with("--playhead")) {
            std::string_view value;
            if (const auto eq = arg.find('='); eq != std::string_view::npos)
                value = arg.substr(eq + 1);
            else if (arg == "--playhead" && i + 1 < args.size())
                value = args[++i];
            else if (arg != "--playhead")
                return WindowArgumentError{"unknown option '" + std::string(arg) + "' (try --help)"};
            const char *end = value.data() + value.size();
            const auto [ptr, ec] = std::from_chars(value.data(), end, parsed.playheadMs);
            if (value.empty() || ec != std::errc() || ptr != end || !std::isfinite(parsed.playheadMs) ||
                parsed.playheadMs < 0)
                return WindowArgumentError{
                    "--playhead takes a time in ms from the run's start (0 or more), not '" +
                    std::string(value) + "'"};
        } else if (arg.starts_with("--preset") || arg.starts_with("--screenshot") ||
                   arg.starts_with("--size") || arg.starts_with("--note") || arg.starts_with("--lesson") ||
                   arg.starts_with("--guess")) {
            std::string_view name = arg;
            std::string_view value;
            if (const auto eq = arg.find('='); eq != std::string_view::npos) {
                name = arg.substr(0, eq);
                value = arg.substr(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args[++i];
            }
            if (name != "--preset" && name != "--screenshot" && name != "--size" && name != "--note" &&
                name != "--lesson" && name != "--guess")
                return WindowArgumentError{"unknown option '" + std::string(name) + "' (try --help)"};
            if (value.empty())
                return WindowArgumentError{std::string(name) + " needs a value"};
            if (name == "--note") {
                WindowNote note;
                if (!parseNote(value, note))
                    return WindowArgumentError{
                        "--note takes MS:LANE:TEXT, such as 120:thread 2:waits for the "
                        "lock, not '" +
                        std::string(value) + "'"};
                parsed.notes.push_back(std::move(note));
            } else if (name == "--size") {
                if (!parseSize(value, parsed.width, parsed.height))
                    return WindowArgumentError{"--size takes WIDTHxHEIGHT in pixels (320 to 16384), such "
                                               "as 1280x720, not '" +
                                               std::string(value) + "'"};
            } else if (name == "--lesson" || name == "--guess") {
                (name == "--lesson" ? parsed.lesson : parsed.guess) = std::string(value);
            } else {
                (name == "--preset" ? parsed.preset : parsed.screenshot) = std::string(value);
            }
        } else if (arg == "--max-file-mb" || arg.starts_with("--max-file-mb=")) {
            const std::string_view value = arg == "--max-file-mb" ? (i + 1 < args.size() ? args[++i] : "")
                                                                  : arg.substr(arg.find('=') + 1);
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(),
                                                      parsed.maxFileMb);
            if (error != std::errc() || end != value.data() + value.size() || parsed.maxFileMb < 1 ||
                parsed.maxFileMb > 65536)
                return WindowArgumentError{"--max-file-mb takes a size in MB from 1 to 65536, not '" +
                                           std::string(value) + "'"};
        } else if (!arg.starts_with("-") && parsed.file.empty()) {
            parsed.file = arg;
        } else if (arg.starts_with("--") || !arg.starts_with("-")) {
            return WindowArgumentError{"unknown option '" + std::string(arg) + "' (try --help)"};
        } else {
            // Qt's own single-dash options, such as -platform offscreen, with their value.
            if (i + 1 < args.size() && !args[i + 1].starts_with("-"))
                ++i;
        }
    }
    if (!parsed.notes.empty() && !parsed.run)
        return WindowArgumentError{"--note marks the run that --run starts, so it needs --run"};
    if (!parsed.guess.empty() && parsed.lesson.empty())
        return WindowArgumentError{"--guess is the class's guess at a lesson step, so it needs --lesson"};
    if (parsed.playheadMs >= 0 && !parsed.run)
        return WindowArgumentError{"--playhead replays the run that --run starts, so it needs --run"};
    if (!parsed.screenshot.empty()) {
        if (!isImagePath(parsed.screenshot))
            return WindowArgumentError{"--screenshot takes a .png, .jpg or .bmp file, not '" +
                                       parsed.screenshot + "'"};
        if (std::string problem = checkWritable(parsed.screenshot); !problem.empty())
            return WindowArgumentError{std::move(problem)};
    }
    return parsed;
}

std::string usageText()
{
    return "Usage:\n"
           "  multitask-lab [FILE] [--max-file-mb N] [--screenshot FILE]\n"
           "      Opens the window with a saved session or a trace of another tool (Chrome,\n"
           "      Perfetto, Node.js, VizTracer) in it; files over --max-file-mb (default 512) are\n"
           "      refused. --screenshot saves the window once the file is open, then quits.\n"
           "  multitask-lab render FILE --png|--svg|--pdf OUT [--max-file-mb N]\n"
           "      Draws a session or a trace without a window (options: render --help).\n"
           "  multitask-lab [--preset NAME] [--lesson STEP [--guess G]] [--run] [--python] [--repeat N]\n"
           "                [--playhead MS] [--presentation] [--size WxH] [--note MS:LANE:TEXT]...\n"
           "                [--screenshot FILE]\n"
           "      Opens the window. --preset loads a preset (its name as `presets` lists it, or\n"
           "      its id); --run starts it; --python runs the article's own Python program of it\n"
           "      (after the lab's run, with --run, beside it in the comparison); --repeat N runs\n"
           "      it N times (2 to 20; the comparison shows the median with the spread); --playhead\n"
           "      puts the finished run's replay MS\n"
           "      after its start; --presentation opens it in presentation mode (full screen, large\n"
           "      type, the panel folded away; F11 in the window); --size gives the window a size\n"
           "      in pixels, such as 1280x720 (a screenshot of a projector's screen); --note puts a\n"
           "      note on the finished run's timeline, MS after its start on the lane named LANE\n"
           "      (\"thread 2\", \"event loop\", \"process 1\"; repeatable); --screenshot\n"
           "      saves the whole window as a PNG when the run is done (all runs, for a\n"
           "      comparison) and quits. Exit code 0, 1 if the run could not start or the\n"
           "      screenshot could not be written, 2 for an unknown preset, a bad size or an\n"
           "      unwritable path, 130 when closed by Ctrl-C or SIGTERM. --lesson opens the lesson\n"
           "      panel at STEP (its number, 1 to the last, or its id) and loads the step's preset\n"
           "      (unless --preset names one); --guess enters the class's guess for the step's run:\n"
           "      a wall time in seconds, or faster, same or slower (than sync). An unknown STEP or\n"
           "      guess exits with 2.\n"
           "  multitask-lab presets [--ids]\n"
           "      Lists the presets, one a line: the name, a tab, the description (--ids: the id,\n"
           "      a tab, then the name and description).\n"
           "  multitask-lab run --workload cpu|io --strategy sync|threads|async|processes|all [...]\n"
           "      Runs an experiment without a window and prints a table (options: run --help).\n"
           "  multitask-lab python --workload io|cpu --strategy sync|threads|async|processes|all [...]\n"
           "      Runs the article's own Python programs, traced, and prints a table as run does\n"
           "      (options: python --help).\n";
}

} // namespace mtlab
