#include "sessionfile.h"

#include "atomicfile.h"
#include "chrometrace.h"
#include "decimal.h"
#include "jsonreader.h"
#include "jsonwriter.h"
#include "runner.h"
#include "tracefile.h"

#include <QFile>

#include <charconv>
#include <map>

namespace mtlab {

namespace {

// Members of an object written as "key":value with the commas in between.
class Members
{
public:
    explicit Members(JsonWriter &json)
        : m_json(json)
    {
        m_json.raw("{");
    }
    ~Members() { m_json.raw("}"); }
    JsonWriter &key(std::string_view name)
    {
        if (!m_first)
            m_json.raw(",");
        m_first = false;
        return m_json.key(name);
    }

private:
    JsonWriter &m_json;
    bool m_first = true;
};

void writeExperiment(JsonWriter &json, const Experiment &e)
{
    Members m(json);
    m.key("workload").string(workloadName(e.workload));
    m.key("strategy").string(strategyName(e.strategy));
    m.key("tasks").number(e.tasks);
    m.key("workers").number(e.workers);
    m.key("n").string(std::to_string(e.n));
    m.key("gil").boolean(e.gil);
    m.key("switch_ms").number(e.switchMs);
    m.key("crash_task").number(e.crashTask);
    m.key("url").string(e.io.url);
    m.key("delay_ms").number(e.io.delayMs);
    m.key("size_kb").number(e.io.sizeKb);
    m.key("tls").boolean(e.io.tls);
    m.key("setup_ms").number(e.io.setupMs);
    m.key("max_concurrent").number(e.io.maxConcurrent);
    m.key("error_rate").fixed(e.io.errorRate, 6);
    m.key("fault").string(e.io.fault);
    m.key("seed").number(e.io.seed);
    m.key("reuse").boolean(e.io.reuse);
    m.key("timeout_ms").number(e.io.timeoutMs);
    m.key("max_body_mb").number(e.io.maxBodyMb);
    m.key("max_in_flight").number(e.io.maxInFlight);
    m.key("blocking").boolean(e.io.blocking);
    m.key("hog_ms").number(e.io.hogMs);
    m.key("hog_slice_ms").number(e.io.hogSliceMs);
    m.key("sync").string(syncName(e.counter.sync));
    m.key("permits").number(e.counter.permits);
    m.key("yield_inside").boolean(e.counter.yieldInside);
}

void writeRun(JsonWriter &json, const RunResult &run)
{
    Members m(json);
    m.key("experiment");
    writeExperiment(json, run.experiment);
    m.key("wall_ns").number(run.wallNs);
    m.key("ok").number(run.ok);
    m.key("failed").number(run.failed);
    m.key("cancelled").boolean(run.cancelled);
    m.key("result").string(toDecimal(run.result));
    m.key("bytes").number(run.bytes);
    m.key("problem").string(run.problem);
    m.key("embedded_server").boolean(run.embeddedServer);
    m.key("cores").number(run.cores);
    m.key("load").raw("[").fixed(run.load.before, 3).raw(",").fixed(run.load.after, 3).raw("]");
    m.key("origin_ns").number(run.trace.origin());
    m.key("errors").raw("[");
    bool first = true;
    for (const auto &[why, count] : run.errors) {
        json.raw(first ? "[" : ",[").string(why).raw(",").number(count).raw("]");
        first = false;
    }
    json.raw("]");
    // The OS's process and thread of each lane: the trace's pid and tid are the run's and the lane's.
    m.key("lanes").raw("[");
    first = true;
    for (const Lane &lane : run.trace.lanes()) {
        json.raw(first ? "[" : ",[").number(lane.pid).raw(",").number(lane.tid).raw("]");
        first = false;
    }
    json.raw("]");
    m.key("tasks").raw("[");
    first = true;
    for (const TaskRecord &t : run.trace.tasks()) {
        json.raw(first ? "\n[" : ",\n[").number(t.task).raw(",").number(t.lane).raw(",").boolean(t.ok);
        json.raw(",").boolean(t.newConnection).raw(",").string(toDecimal(t.value)).raw(",").number(t.bytes);
        json.raw(",").string(t.error).raw(",").number(t.cpuNs).raw("]");
        first = false;
    }
    json.raw("]");
    if (run.counter) {
        const CounterReport &c = *run.counter;
        m.key("counter").raw("{").key("expected").number(c.expected).raw(",").key("result").number(c.result);
        json.raw(",").key("lost").number(c.lost).raw(",").key("overlaps").number(c.overlaps);
        json.raw(",").key("max_inside").number(c.maxInside).raw(",").key("note").string(c.note);
        json.raw(",").key("per_process").raw("[");
        for (std::size_t i = 0; i < c.perProcess.size(); ++i)
            json.raw(i ? "," : "").number(c.perProcess[i]);
        json.raw("],").key("states").raw("[");
        for (std::size_t i = 0; i < c.states.size(); ++i)
            json.raw(i ? "," : "").string(c.states[i]);
        json.raw("]}");
    }
}

} // namespace

std::string SessionFile::json(const std::vector<RunList::Entry> &entries, const QString &version)
{
    std::vector<const RunResult *> runs;
    for (const RunList::Entry &entry : entries)
        for (const auto &run : entry.runs)
            runs.push_back(run.get());
    std::string session;
    JsonWriter json(session);
    json.key("mtlabSession");
    {
        Members m(json);
        m.key("writer").string("multitask-lab " + version.toStdString());
        m.key("format").raw("[").number(FormatMajor).raw(",").number(FormatMinor).raw("]");
        m.key("entries").raw("[");
        int pid = 1;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const RunList::Entry &e = entries[i];
            json.raw(i ? ",\n" : "\n");
            Members entry(json);
            entry.key("name").string(e.name.toStdString());
            entry.key("finished").string(e.finishedAt.toString(QStringLiteral("HH:mm:ss.zzz")).toStdString());
            entry.key("batch").number(e.batch);
            entry.key("slot").number(e.slot);
            entry.key("sweep").boolean(e.sweep);
            entry.key("pinned").boolean(e.pinned);
            entry.key("shown").boolean(e.shown);
            // The class's guess: its kind (Prediction::Kind), the guessed seconds, the lesson step.
            entry.key("prediction").raw("[").number(static_cast<int>(e.prediction.kind)).raw(",");
            json.fixed(e.prediction.seconds, 6).raw(",").string(e.prediction.step.toStdString()).raw("]");
            entry.key("notes").raw("[");
            for (std::size_t n = 0; n < e.notes.size(); ++n) {
                const Annotation &note = e.notes[n];
                json.raw(n ? ",[" : "[").number(note.atNs).raw(",").string(note.lane.toStdString());
                json.raw(",").string(note.text.toStdString()).raw(",").fixed(note.offset.x(), 2);
                json.raw(",").fixed(note.offset.y(), 2).raw("]");
            }
            json.raw("]");
            entry.key("runs").raw("[");
            for (std::size_t r = 0; r < e.runs.size(); ++r) {
                json.raw(r ? ",\n" : "\n").raw("{").key("pid").number(pid++).raw(",").key("run");
                writeRun(json, *e.runs[r]);
                json.raw("}");
            }
            json.raw("]");
        }
        json.raw("]");
    }
    return chromeTraceJson(runs, session);
}

QString SessionFile::save(const QString &path, const std::vector<RunList::Entry> &entries,
                          const QString &version)
{
    return QString::fromStdString(
        writeOutputFile(QFile::encodeName(path).toStdString(), json(entries, version)));
}

} // namespace mtlab

namespace mtlab {

namespace {

// Reads an object member by member, handing each key to `member`, which reads its value or skips it.
template <typename F>
void members(JsonReader &r, F &&member)
{
    r.beginObject();
    std::string_view key;
    while (r.nextKey(key)) {
        const std::string name(key);
        member(name);
    }
}

template <typename F>
void elements(JsonReader &r, F &&element)
{
    r.beginArray();
    while (r.nextElement())
        element();
}

std::string text(JsonReader &r)
{
    return std::string(r.string());
}

int integer32(JsonReader &r)
{
    return static_cast<int>(r.integer());
}

Experiment readExperiment(JsonReader &r)
{
    Experiment e;
    members(r, [&](const std::string &k) {
        if (k == "workload")
            e.workload = workloadFromName(r.string()).value_or(WorkloadKind::Cpu);
        else if (k == "strategy")
            e.strategy = strategyFromName(r.string()).value_or(StrategyKind::Sync);
        else if (k == "tasks")
            e.tasks = integer32(r);
        else if (k == "workers")
            e.workers = integer32(r);
        else if (k == "n")
            e.n = static_cast<std::uint64_t>(parseDecimalU128(r.string()).value_or(e.n));
        else if (k == "gil")
            e.gil = r.boolean();
        else if (k == "switch_ms")
            e.switchMs = integer32(r);
        else if (k == "crash_task")
            e.crashTask = integer32(r);
        else if (k == "url")
            e.io.url = text(r);
        else if (k == "delay_ms")
            e.io.delayMs = integer32(r);
        else if (k == "size_kb")
            e.io.sizeKb = integer32(r);
        else if (k == "tls")
            e.io.tls = r.boolean();
        else if (k == "setup_ms")
            e.io.setupMs = integer32(r);
        else if (k == "max_concurrent")
            e.io.maxConcurrent = integer32(r);
        else if (k == "error_rate")
            e.io.errorRate = r.number();
        else if (k == "fault")
            e.io.fault = text(r);
        else if (k == "seed")
            e.io.seed = integer32(r);
        else if (k == "reuse")
            e.io.reuse = r.boolean();
        else if (k == "timeout_ms")
            e.io.timeoutMs = integer32(r);
        else if (k == "max_body_mb")
            e.io.maxBodyMb = integer32(r);
        else if (k == "max_in_flight")
            e.io.maxInFlight = integer32(r);
        else if (k == "blocking")
            e.io.blocking = r.boolean();
        else if (k == "hog_ms")
            e.io.hogMs = integer32(r);
        else if (k == "hog_slice_ms")
            e.io.hogSliceMs = integer32(r);
        else if (k == "sync")
            e.counter.sync = syncFromName(r.string()).value_or(SyncKind::None);
        else if (k == "permits")
            e.counter.permits = integer32(r);
        else if (k == "yield_inside")
            e.counter.yieldInside = r.boolean();
        else
            r.skipValue(); // written by a newer minor version
    });
    return e;
}

CounterReport readCounter(JsonReader &r)
{
    CounterReport c;
    members(r, [&](const std::string &k) {
        if (k == "expected")
            c.expected = r.integer();
        else if (k == "result")
            c.result = r.integer();
        else if (k == "lost")
            c.lost = r.integer();
        else if (k == "overlaps")
            c.overlaps = r.integer();
        else if (k == "max_inside")
            c.maxInside = integer32(r);
        else if (k == "note")
            c.note = text(r);
        else if (k == "per_process")
            elements(r, [&] { c.perProcess.push_back(r.integer()); });
        else if (k == "states")
            elements(r, [&] { c.states.push_back(text(r)); });
        else
            r.skipValue();
    });
    return c;
}

// The run as the trace gave it, completed with what the session kept of it.
RunResult readRun(JsonReader &r, const RunResult &traced)
{
    RunResult run;
    std::vector<std::pair<std::int64_t, std::int64_t>> osIds;
    std::vector<TaskRecord> tasks;
    std::int64_t origin = 0;
    members(r, [&](const std::string &k) {
        if (k == "experiment") {
            run.experiment = readExperiment(r);
        } else if (k == "wall_ns") {
            run.wallNs = r.integer();
        } else if (k == "ok") {
            run.ok = integer32(r);
        } else if (k == "failed") {
            run.failed = integer32(r);
        } else if (k == "cancelled") {
            run.cancelled = r.boolean();
        } else if (k == "result") {
            run.result = parseDecimalU128(r.string()).value_or(0);
        } else if (k == "bytes") {
            run.bytes = r.integer();
        } else if (k == "problem") {
            run.problem = text(r);
        } else if (k == "embedded_server") {
            run.embeddedServer = r.boolean();
        } else if (k == "cores") {
            run.cores = integer32(r);
        } else if (k == "load") {
            r.beginArray();
            r.nextElement();
            run.load.before = r.number();
            r.nextElement();
            run.load.after = r.number();
            if (r.nextElement())
                r.fail("\"load\" holds two numbers");
        } else if (k == "origin_ns") {
            origin = r.integer();
        } else if (k == "errors") {
            elements(r, [&] {
                r.beginArray();
                r.nextElement();
                std::string why = text(r);
                r.nextElement();
                run.errors[why] = integer32(r);
                if (r.nextElement())
                    r.fail("an error is a reason and a count");
            });
        } else if (k == "lanes") {
            elements(r, [&] {
                r.beginArray();
                r.nextElement();
                const std::int64_t pid = r.integer();
                r.nextElement();
                osIds.emplace_back(pid, r.integer());
                if (r.nextElement())
                    r.fail("a lane is a pid and a tid");
            });
        } else if (k == "tasks") {
            elements(r, [&] {
                TaskRecord t;
                r.beginArray();
                r.nextElement();
                t.task = integer32(r);
                r.nextElement();
                t.lane = integer32(r);
                r.nextElement();
                t.ok = r.boolean();
                r.nextElement();
                t.newConnection = r.boolean();
                r.nextElement();
                t.value = parseDecimalU128(r.string()).value_or(0);
                r.nextElement();
                t.bytes = r.integer();
                r.nextElement();
                t.error = text(r);
                r.nextElement();
                t.cpuNs = r.integer();
                while (r.nextElement())
                    r.skipValue(); // more, from a newer minor version
                tasks.push_back(std::move(t));
            });
        } else if (k == "counter") {
            run.counter = readCounter(r);
        } else {
            r.skipValue();
        }
    });
    std::vector<Lane> lanes = traced.trace.lanes();
    for (std::size_t i = 0; i < lanes.size() && i < osIds.size(); ++i) {
        lanes[i].pid = osIds[i].first;
        lanes[i].tid = osIds[i].second;
    }
    // The trace's times count from the run's start; back on the clock they were recorded on.
    std::vector<Span> spans = traced.trace.spans();
    for (Span &s : spans) {
        s.begin += origin - traced.trace.origin();
        s.end += origin - traced.trace.origin();
    }
    run.trace = Trace(std::move(lanes), std::move(spans), traced.trace.details(), std::move(tasks), origin,
                      traced.trace.labels());
    return run;
}

} // namespace

SessionFile::Read SessionFile::read(TraceFile &file)
{
    Read out;
    std::string writer = "a program";
    try {
        JsonReader r(file.session);
        members(r, [&](const std::string &k) {
            if (k == "writer") {
                writer = text(r);
            } else if (k == "format") {
                r.beginArray();
                r.nextElement();
                const std::int64_t major = r.integer();
                while (r.nextElement())
                    r.skipValue();
                if (major > FormatMajor)
                    throw std::runtime_error(writer + " wrote this session in format " +
                                             std::to_string(major) + "; this version reads format " +
                                             std::to_string(FormatMajor) +
                                             ": open it with a newer Multitask Lab");
            } else if (k == "entries") {
                elements(r, [&] {
                    RunList::Entry entry;
                    members(r, [&](const std::string &e) {
                        if (e == "name")
                            entry.name = QString::fromStdString(text(r));
                        else if (e == "finished")
                            entry.finishedAt = QTime::fromString(QString::fromStdString(text(r)),
                                                                 QStringLiteral("HH:mm:ss.zzz"));
                        else if (e == "batch")
                            entry.batch = integer32(r);
                        else if (e == "slot")
                            entry.slot = integer32(r);
                        else if (e == "sweep")
                            entry.sweep = r.boolean();
                        else if (e == "pinned")
                            entry.pinned = r.boolean();
                        else if (e == "shown")
                            entry.shown = r.boolean();
                        else if (e == "prediction") {
                            r.beginArray();
                            r.nextElement();
                            const std::int64_t kind = r.integer();
                            if (kind < 0 || kind > static_cast<int>(Prediction::Kind::Slower))
                                r.fail("an unknown kind of prediction");
                            entry.prediction.kind = static_cast<Prediction::Kind>(kind);
                            r.nextElement();
                            entry.prediction.seconds = r.number();
                            r.nextElement();
                            entry.prediction.step = QString::fromStdString(text(r));
                            while (r.nextElement())
                                r.skipValue();
                        } else if (e == "notes")
                            elements(r, [&] {
                                Annotation note;
                                r.beginArray();
                                r.nextElement();
                                note.atNs = r.integer();
                                r.nextElement();
                                note.lane = QString::fromStdString(text(r));
                                r.nextElement();
                                note.text = QString::fromStdString(text(r));
                                r.nextElement();
                                const double x = r.number();
                                r.nextElement();
                                note.offset = QPointF(x, r.number());
                                while (r.nextElement())
                                    r.skipValue();
                                entry.notes.push_back(std::move(note));
                            });
                        else if (e == "runs")
                            elements(r, [&] {
                                std::int64_t pid = 0;
                                members(r, [&](const std::string &m) {
                                    if (m == "pid") {
                                        pid = r.integer();
                                        if (pid < 1 || static_cast<std::size_t>(pid) > file.runs.size())
                                            r.fail("the session names run " + std::to_string(pid) +
                                                   ", which the trace does not hold");
                                    } else if (m == "run" && pid > 0) {
                                        entry.runs.push_back(std::make_shared<const RunResult>(
                                            readRun(r, file.runs[static_cast<std::size_t>(pid - 1)])));
                                    } else {
                                        r.skipValue();
                                    }
                                });
                            });
                        else
                            r.skipValue();
                    });
                    if (!entry.runs.empty())
                        out.entries.push_back(std::move(entry));
                });
            } else {
                r.skipValue();
            }
        });
        r.expectEnd();
    } catch (const std::exception &e) {
        out.entries.clear();
        out.error = QString::fromStdString(std::string("the session in it cannot be read: ") + e.what());
    }
    return out;
}

} // namespace mtlab
