#include "rendercommand.h"

#include "comparison.h"
#include "outputpath.h"
#include "pictureexport.h"
#include "timelinemodel.h"
#include "tracefilereader.h"
#include "fileactions.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>

#include <charconv>
#include <iostream>
#include <optional>

namespace mtlab {

namespace {

const char *const RenderUsage =
    "Usage: multitask-lab render FILE [--png OUT] [--svg OUT] [--pdf OUT] [--max-file-mb N]\n"
    "  Draws a saved session or a trace of another tool (Chrome, Perfetto, Node.js, VizTracer)\n"
    "  as the window's comparison draws it, without a window. At least one picture is needed;\n"
    "  --max-file-mb refuses larger files (default 512). Exit code 0, 1 when the file cannot be\n"
    "  read or a picture not written, 2 for bad arguments.\n";

struct RenderArguments {
    std::string file;
    std::string png, svg, pdf;
    int maxFileMb = TraceFileReader::DefaultMaxFileMb;
};

// The arguments, or a line saying what is wrong with them.
std::optional<RenderArguments> parse(const std::vector<std::string_view> &args, std::string &problem)
{
    RenderArguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::string_view value;
        if (!name.starts_with("--")) {
            if (!parsed.file.empty()) {
                problem = "render takes one file, not '" + std::string(name) + "' too";
                return std::nullopt;
            }
            parsed.file = name;
            continue;
        }
        if (const auto eq = name.find('='); eq != std::string_view::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        }
        std::string *path = name == "--png" ? &parsed.png
            : name == "--svg"               ? &parsed.svg
            : name == "--pdf"               ? &parsed.pdf
                                            : nullptr;
        if (!path && name != "--max-file-mb") {
            problem = "unknown option '" + std::string(name) + "' (try render --help)";
            return std::nullopt;
        }
        if (value.empty()) {
            problem = std::string(name) + " needs a value";
            return std::nullopt;
        }
        if (path) {
            *path = value;
            continue;
        }
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(),
                                                  parsed.maxFileMb);
        if (error != std::errc() || end != value.data() + value.size() || parsed.maxFileMb < 1 ||
            parsed.maxFileMb > 65536) {
            problem = "--max-file-mb takes a size in MB from 1 to 65536, not '" + std::string(value) + "'";
            return std::nullopt;
        }
    }
    if (parsed.file.empty())
        problem = "render needs a file to draw (try render --help)";
    else if (parsed.png.empty() && parsed.svg.empty() && parsed.pdf.empty())
        problem = "render needs --png, --svg or --pdf";
    if (!problem.empty())
        return std::nullopt;
    const std::vector<OutputPath> outputs = {
        {"--png", parsed.png}, {"--svg", parsed.svg}, {"--pdf", parsed.pdf}};
    for (const OutputPath &output : outputs)
        if (!output.path.empty() && problem.empty())
            problem = checkWritable(output.path);
    if (problem.empty())
        problem = checkDistinctOutputs(outputs);
    if (!problem.empty())
        return std::nullopt;
    return parsed;
}

} // namespace

int renderCommand(const std::vector<std::string_view> &args)
{
    for (const std::string_view arg : args) {
        if (arg == "--help" || arg == "-h") {
            std::cout << RenderUsage;
            return 0;
        }
    }
    std::string problem;
    const std::optional<RenderArguments> arguments = parse(args, problem);
    if (!arguments) {
        std::cerr << "multitask-lab: " << problem << '\n';
        return 2;
    }
    TraceFileReader::Result result = TraceFileReader::read(arguments->file, arguments->maxFileMb);
    if (!result.file) {
        std::cerr << "multitask-lab: " << result.error << '\n';
        return 1;
    }
    // Painting text needs a QGuiApplication but no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "multitask-lab";
    char *argv[] = {name, nullptr};
    QGuiApplication application(argc, argv);

    const QString file = QFile::decodeName(arguments->file.c_str());
    const std::vector<FileActions::Opened> runs = FileActions::runsOf(std::move(*result.file), file);
    TimelineModel model;
    Comparison comparison(model);
    for (const FileActions::Opened &opened : runs)
        comparison.addRun(*opened.run, Comparison::Mode::Strategies, opened.name);
    PictureOptions options;
    options.title = QFileInfo(file).fileName();
    int code = 0;
    const std::pair<const std::string *, PictureFormat> pictures[] = {{&arguments->png, PictureFormat::Png},
                                                                      {&arguments->svg, PictureFormat::Svg},
                                                                      {&arguments->pdf, PictureFormat::Pdf}};
    for (const auto &[path, format] : pictures) {
        if (path->empty())
            continue;
        if (const QString why = exportPicture(model, QString::fromStdString(*path), format, options);
            !why.isEmpty()) {
            std::cerr << "multitask-lab: " << why.toStdString() << '\n';
            code = 1;
        }
    }
    return code;
}

} // namespace mtlab
