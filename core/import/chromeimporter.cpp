#include "chromeimporter.h"

#include "jsonreader.h"
#include "rawtrace.h"

#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace mtlab {

namespace {

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using StringIndex = std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>>;

struct PairHash {
    std::size_t operator()(const std::pair<std::int64_t, std::int64_t> &p) const noexcept
    {
        return std::hash<std::int64_t>{}(p.first) * 0x9E3779B97F4A7C15ULL ^
            std::hash<std::int64_t>{}(p.second);
    }
};

// A pid or tid: a number, or a string some writers use (kept apart from the numbers).
struct Id {
    std::int64_t key = 0;
    std::string label;
};

// One event's members, as far as the importer uses them; args are read only where needed.
struct Event {
    std::size_t start = 0;
    char ph = 0;
    std::int32_t name = -1;
    std::int32_t cat = -1;
    std::optional<double> ts;
    std::optional<double> dur;
    std::optional<Id> pid;
    std::optional<Id> tid;
    std::string id; // async events
    std::size_t args = std::string_view::npos;
};

struct Open {
    std::int64_t begin = 0;
    std::int32_t name = -1;
    std::size_t start = 0;
};

constexpr std::int64_t StringIdBase = std::int64_t(1) << 62;
constexpr std::int64_t ProgressEvery = 1 << 16;

class Reading
{
public:
    Reading(std::string_view text, const ChromeImporter::Progress &progress, std::stop_token stop)
        : m_text(text)
        , m_reader(text)
        , m_progress(progress)
        , m_stop(std::move(stop))
    {
    }

    RawTrace run();

private:
    void events(bool mayEndEarly);
    void event();
    Id readId(const char *what);
    double readNumber(const char *what);
    std::int32_t readName(const char *what);
    std::int64_t ns(double us, std::size_t at, const char *what) const;
    std::int32_t intern(std::string_view name);
    std::int32_t process(const Id &pid);
    std::int32_t thread(std::int32_t process, const Id &tid);
    std::int32_t asyncTrack(std::int32_t process, std::int32_t name);
    void slice(std::int32_t thread, std::int64_t begin, std::int64_t end, std::int32_t name);
    void metadata(const Event &e);
    void ourSlice(const Event &e, RawSlice &s);
    void counter(const Event &e, std::int64_t at);
    void closeOpen();
    [[noreturn]] void fail(const Event &e, const std::string &what) const { m_reader.fail(what, e.start); }

    std::string_view m_text;
    JsonReader m_reader;
    const ChromeImporter::Progress &m_progress;
    std::stop_token m_stop;
    RawTrace m_raw;
    StringIndex m_names;
    std::vector<std::int8_t> m_stateOfName; // per name: its State, or -1
    StringIndex m_stringIds;
    std::unordered_map<std::int64_t, std::int32_t> m_processOfPid;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int32_t, PairHash> m_threads;
    std::unordered_map<std::pair<std::int64_t, std::int64_t>, std::int32_t, PairHash> m_asyncTracks;
    std::vector<std::vector<Open>> m_openB; // per thread
    std::unordered_map<std::string, std::vector<Open>> m_openAsync;
    std::unordered_map<std::string, std::int32_t> m_counterOf;
    std::unordered_set<std::int64_t> m_resultSeen; // (process << 32 | task)
    std::int64_t m_lastNs = std::numeric_limits<std::int64_t>::min();
    bool m_endless = false; // an array form whose ']' is missing
};

std::string quoted(const char *what)
{
    return std::string("\"") + what + "\"";
}

RawTrace Reading::run()
{
    if (m_stop.stop_requested())
        throw ImportCancelled();
    switch (m_reader.peek()) {
    case JsonReader::Kind::End:
        throw std::runtime_error("the file is empty");
    case JsonReader::Kind::Array:
        events(true);
        break;
    case JsonReader::Kind::Object: {
        m_reader.beginObject();
        bool found = false;
        std::string_view key;
        while (m_reader.nextKey(key)) {
            if (key == "traceEvents") {
                if (m_reader.peek() != JsonReader::Kind::Array)
                    m_reader.fail("\"traceEvents\" must be an array");
                events(false);
                found = true;
            } else if (key == "mtlabSession") {
                m_reader.peek();
                const std::size_t from = m_reader.offset();
                m_reader.skipValue();
                m_raw.session.assign(m_text.substr(from, m_reader.offset() - from));
            } else {
                m_reader.skipValue();
            }
        }
        if (!found)
            m_reader.fail("no \"traceEvents\" array: not a Chrome trace", 0);
        break;
    }
    default:
        m_reader.fail("not a Chrome trace: it starts with neither '{' nor '['");
    }
    if (!m_endless)
        m_reader.expectEnd();
    closeOpen();
    return std::move(m_raw);
}

void Reading::events(bool mayEndEarly)
{
    m_reader.beginArray();
    for (;;) {
        if (mayEndEarly && m_reader.atEnd()) {
            m_endless = true;
            return;
        }
        if (!m_reader.nextElement())
            return;
        if (mayEndEarly && m_reader.atEnd()) { // a trailing comma, then the end of the file
            m_endless = true;
            return;
        }
        event();
        if (++m_raw.events % ProgressEvery == 0) {
            if (m_stop.stop_requested())
                throw ImportCancelled();
            if (m_progress)
                m_progress(static_cast<double>(m_reader.offset()) / static_cast<double>(m_text.size()));
        }
    }
}

std::int32_t Reading::intern(std::string_view name)
{
    if (const auto it = m_names.find(name); it != m_names.end())
        return it->second;
    const auto index = static_cast<std::int32_t>(m_raw.names.size());
    m_raw.names.emplace_back(name);
    m_names.emplace(std::string(name), index);
    const std::optional<State> state = stateFromName(name);
    m_stateOfName.push_back(state ? static_cast<std::int8_t>(*state) : std::int8_t(-1));
    return index;
}

double Reading::readNumber(const char *what)
{
    if (m_reader.peek() != JsonReader::Kind::Number)
        m_reader.fail(quoted(what) + " must be a number");
    return m_reader.number();
}

std::int32_t Reading::readName(const char *what)
{
    if (m_reader.peek() != JsonReader::Kind::String)
        m_reader.fail(quoted(what) + " must be a string");
    return intern(m_reader.string());
}

Id Reading::readId(const char *what)
{
    const std::size_t at = m_reader.offset();
    if (m_reader.peek() == JsonReader::Kind::String) {
        const std::string_view text = m_reader.string();
        auto it = m_stringIds.find(text);
        if (it == m_stringIds.end())
            it = m_stringIds.emplace(std::string(text), static_cast<std::int32_t>(m_stringIds.size())).first;
        return {StringIdBase + it->second, std::string(text)};
    }
    const double value = readNumber(what);
    if (value != std::floor(value) || std::fabs(value) >= 1e15)
        m_reader.fail(quoted(what) + " must be a whole number", at);
    const auto key = static_cast<std::int64_t>(value);
    return {key, std::to_string(key)};
}

std::int64_t Reading::ns(double us, std::size_t at, const char *what) const
{
    // µs to ns must fit in 64 bits; a time beyond 290 years is no trace's.
    if (!(std::fabs(us) < 9e15))
        m_reader.fail(quoted(what) + " is out of range", at);
    return std::llround(us * 1000.0);
}

void Reading::event()
{
    Event e;
    if (m_reader.peek() != JsonReader::Kind::Object)
        m_reader.fail("an event must be an object");
    e.start = m_reader.offset();
    m_reader.beginObject();
    std::string_view key;
    while (m_reader.nextKey(key)) {
        if (key == "ph") {
            if (m_reader.peek() != JsonReader::Kind::String)
                m_reader.fail("\"ph\" must be a string");
            const std::string_view ph = m_reader.string();
            if (ph.size() != 1)
                m_reader.fail("\"ph\" must be one letter");
            e.ph = ph[0];
        } else if (key == "name") {
            e.name = readName("name");
        } else if (key == "cat") {
            e.cat = readName("cat");
        } else if (key == "ts") {
            e.ts = readNumber("ts");
        } else if (key == "dur") {
            e.dur = readNumber("dur");
        } else if (key == "pid") {
            e.pid = readId("pid");
        } else if (key == "tid") {
            e.tid = readId("tid");
        } else if (key == "id") {
            e.id = readId("id").label;
        } else if (key == "id2") {
            if (m_reader.peek() != JsonReader::Kind::Object)
                m_reader.fail("\"id2\" must be an object");
            m_reader.beginObject();
            while (m_reader.nextKey(key)) {
                const std::string scope(key);
                e.id = scope + ":" + readId("id2").label;
            }
        } else if (key == "args") {
            if (m_reader.peek() != JsonReader::Kind::Object)
                m_reader.fail("\"args\" must be an object");
            e.args = m_reader.offset();
            m_reader.skipValue();
        } else {
            m_reader.skipValue();
        }
    }
    if (e.ph == 0)
        fail(e, "an event without \"ph\"");
    if (e.ph == 'M') {
        metadata(e);
        return;
    }
    static constexpr std::string_view drawn = "XBEbeniIC";
    if (drawn.find(e.ph) == std::string_view::npos) {
        ++m_raw.skipped; // flows, samples, object snapshots, marks: nothing the timeline shows
        return;
    }
    const std::string phase(1, e.ph);
    if (!e.ts)
        fail(e, "a \"" + phase + "\" event without \"ts\"");
    if (e.name < 0 && e.ph != 'E' && e.ph != 'e')
        fail(e, "a \"" + phase + "\" event without \"name\"");
    const std::int64_t at = ns(*e.ts, e.start, "ts");
    m_lastNs = std::max(m_lastNs, at);
    const std::int32_t proc = process(e.pid.value_or(Id{}));
    if (e.ph == 'C') {
        counter(e, at);
        return;
    }
    if (e.ph == 'b' || e.ph == 'e' || e.ph == 'n') {
        m_raw.onlyOurs = false;
        if (e.id.empty())
            fail(e, "an async \"" + phase + "\" event without \"id\"");
        if (e.ph == 'n') {
            slice(asyncTrack(proc, e.name), at, at, e.name);
            return;
        }
        const std::string key = std::to_string(proc) + '\x1f' + std::to_string(e.cat) + '\x1f' + e.id;
        std::vector<Open> &open = m_openAsync[key];
        if (e.ph == 'b') {
            open.push_back({at, e.name, e.start});
            return;
        }
        if (open.empty())
            fail(e, "an async end (\"e\") with no begin (\"b\") of id " + e.id + " open");
        const Open begun = open.back();
        open.pop_back();
        if (at < begun.begin)
            fail(e, "an async end (\"e\") before its begin");
        slice(asyncTrack(proc, begun.name), begun.begin, at, begun.name);
        return;
    }
    const std::int32_t th = thread(proc, e.tid.value_or(Id{}));
    switch (e.ph) {
    case 'X': {
        if (!e.dur)
            fail(e, "an \"X\" event without \"dur\"");
        if (*e.dur < 0)
            fail(e, "a negative duration (\"dur\")");
        const std::int64_t end = at + ns(*e.dur, e.start, "dur");
        m_lastNs = std::max(m_lastNs, end);
        slice(th, at, end, e.name);
        if (m_stateOfName[static_cast<std::size_t>(e.name)] >= 0)
            ourSlice(e, m_raw.slices.back());
        else
            m_raw.onlyOurs = false;
        return;
    }
    case 'B':
        m_raw.onlyOurs = false;
        m_openB[static_cast<std::size_t>(th)].push_back({at, e.name, e.start});
        return;
    case 'E': {
        std::vector<Open> &open = m_openB[static_cast<std::size_t>(th)];
        if (open.empty())
            fail(e,
                 "an \"E\" event with no \"B\" open on its thread (pid " + e.pid.value_or(Id{}).label +
                     ", tid " + e.tid.value_or(Id{}).label + ")");
        const Open begun = open.back();
        open.pop_back();
        if (at < begun.begin)
            fail(e, "an \"E\" event before its \"B\"");
        slice(th, begun.begin, at, begun.name);
        return;
    }
    default: // i, I: an instant
        m_raw.onlyOurs = false;
        slice(th, at, at, e.name);
    }
}

std::int32_t Reading::process(const Id &pid)
{
    if (const auto it = m_processOfPid.find(pid.key); it != m_processOfPid.end())
        return it->second;
    const auto index = static_cast<std::int32_t>(m_raw.processes.size());
    m_raw.processes.push_back({.pid = pid.key, .label = pid.label.empty() ? "0" : pid.label});
    m_processOfPid.emplace(pid.key, index);
    return index;
}

std::int32_t Reading::thread(std::int32_t process, const Id &tid)
{
    const auto [it, added] = m_threads.try_emplace({process, tid.key}, 0);
    if (added) {
        it->second = static_cast<std::int32_t>(m_raw.threads.size());
        m_raw.threads.push_back(
            {.process = process, .tid = tid.key, .label = tid.label.empty() ? "0" : tid.label});
        m_openB.emplace_back();
    }
    return it->second;
}

std::int32_t Reading::asyncTrack(std::int32_t process, std::int32_t name)
{
    const auto [it, added] = m_asyncTracks.try_emplace({process, name}, 0);
    if (added) {
        it->second = static_cast<std::int32_t>(m_raw.threads.size());
        m_raw.threads.push_back({.process = process,
                                 .tid = name,
                                 .name = m_raw.names[static_cast<std::size_t>(name)],
                                 .async = true});
        m_openB.emplace_back();
    }
    return it->second;
}

void Reading::slice(std::int32_t thread, std::int64_t begin, std::int64_t end, std::int32_t name)
{
    m_raw.slices.push_back({.begin = begin, .end = end, .thread = thread, .name = name});
}

void Reading::metadata(const Event &e)
{
    if (e.name < 0)
        fail(e, "an \"M\" event without \"name\"");
    const std::string &name = m_raw.names[static_cast<std::size_t>(e.name)];
    const bool processWide = name == "process_name" || name == "process_sort_index";
    const bool threadWide = name == "thread_name" || name == "thread_sort_index";
    if ((!processWide && !threadWide) || e.args == std::string_view::npos)
        return; // process_labels, process_uptime_seconds and the like: nothing drawn
    const std::int32_t proc = process(e.pid.value_or(Id{}));
    RawProcess *p = &m_raw.processes[static_cast<std::size_t>(proc)];
    RawThread *t = threadWide ? &m_raw.threads[static_cast<std::size_t>(thread(proc, e.tid.value_or(Id{})))]
                              : nullptr;
    JsonReader args(m_text, e.args);
    args.beginObject();
    std::string_view key;
    while (args.nextKey(key)) {
        if (key == "name" && (name == "process_name" || name == "thread_name")) {
            if (args.peek() != JsonReader::Kind::String)
                args.fail("a metadata event's \"name\" must be a string");
            (t ? t->name : p->name) = args.string();
        } else if (key == "sort_index") {
            if (args.peek() != JsonReader::Kind::Number)
                args.fail("\"sort_index\" must be a number");
            const auto index = static_cast<std::int64_t>(args.number());
            (t ? t->sortIndex : p->sortIndex) = index;
            (t ? t->sorted : p->sorted) = true;
        } else if (key == "kind" && t && args.peek() == JsonReader::Kind::String) {
            t->kind = laneKindFromName(args.string());
        } else if (key == "parent_tid" && t && args.peek() == JsonReader::Kind::Number) {
            t->parentTid = static_cast<std::int64_t>(args.number());
        } else {
            args.skipValue();
        }
    }
}

// This program's spans carry the task, its I/O phase, a failure's reason and the task's result.
void Reading::ourSlice(const Event &e, RawSlice &s)
{
    const State state = static_cast<State>(m_stateOfName[static_cast<std::size_t>(e.name)]);
    if (state == State::IoWait && e.cat >= 0)
        s.phase = ioPhaseFromName(m_raw.names[static_cast<std::size_t>(e.cat)]).value_or(IoPhase::None);
    if (e.args == std::string_view::npos)
        return;
    RawTaskResult result{.process = m_raw.threads[static_cast<std::size_t>(s.thread)].process,
                         .thread = s.thread};
    bool hasResult = false;
    JsonReader args(m_text, e.args);
    args.beginObject();
    std::string_view key;
    while (args.nextKey(key)) {
        const JsonReader::Kind kind = args.peek();
        if (key == "task" && kind == JsonReader::Kind::Number) {
            s.task = static_cast<std::int32_t>(std::clamp(args.number(), -1.0, 2e9));
        } else if (key == "detail" && kind == JsonReader::Kind::String) {
            s.detail = static_cast<std::int32_t>(m_raw.details.size());
            m_raw.details.emplace_back(args.string());
        } else if (key == "result" &&
                   (kind == JsonReader::Kind::String || kind == JsonReader::Kind::Number)) {
            const std::size_t from = args.offset();
            result.text = kind == JsonReader::Kind::String;
            if (result.text) {
                result.value = args.string();
            } else {
                args.skipValue();
                result.value = m_text.substr(from, args.offset() - from);
            }
            hasResult = true;
        } else if (key == "error" && kind == JsonReader::Kind::String) {
            result.ok = false;
            result.error = args.string();
            hasResult = true;
        } else if (key == "task_cpu_ms" && kind == JsonReader::Kind::Number) {
            result.cpuNs = std::llround(std::clamp(args.number(), 0.0, 9e12) * 1e6);
        } else {
            args.skipValue();
        }
    }
    result.task = s.task;
    const std::int64_t seen = (std::int64_t(result.process) << 32) | static_cast<std::uint32_t>(s.task);
    if (hasResult && s.task >= 0 && m_resultSeen.insert(seen).second)
        m_raw.results.push_back(std::move(result));
}

void Reading::counter(const Event &e, std::int64_t at)
{
    if (e.args == std::string_view::npos)
        return;
    const std::int32_t proc = process(e.pid.value_or(Id{}));
    std::string base = m_raw.names[static_cast<std::size_t>(e.name)];
    if (!e.id.empty())
        base += " " + e.id;
    JsonReader args(m_text, e.args);
    args.beginObject();
    std::string_view key;
    while (args.nextKey(key)) {
        const std::string series = base + "." + std::string(key);
        if (args.peek() != JsonReader::Kind::Number)
            args.fail("a counter's value (\"" + std::string(key) + "\") must be a number");
        const double value = args.number();
        const std::string id = std::to_string(proc) + '\x1f' + series;
        auto [it, added] = m_counterOf.try_emplace(id, static_cast<std::int32_t>(m_raw.counters.size()));
        if (added)
            m_raw.counters.push_back(
                {.name = series, .pid = m_raw.processes[static_cast<std::size_t>(proc)].pid});
        m_raw.counters[static_cast<std::size_t>(it->second)].points.emplace_back(at, value);
    }
}

// B without E, b without e: still running when the trace ended (a program killed mid-trace).
void Reading::closeOpen()
{
    for (std::size_t t = 0; t < m_openB.size(); ++t)
        for (const Open &o : m_openB[t])
            slice(static_cast<std::int32_t>(t), o.begin, std::max(o.begin, m_lastNs), o.name);
    for (auto &[key, open] : m_openAsync)
        for (const Open &o : open) {
            const auto proc = static_cast<std::int32_t>(std::stol(key.substr(0, key.find('\x1f'))));
            slice(asyncTrack(proc, o.name), o.begin, std::max(o.begin, m_lastNs), o.name);
        }
}

} // namespace

TraceFile ChromeImporter::read(std::string_view text, const Progress &progress, std::stop_token stop)
{
    RawTrace raw = Reading(text, progress, std::move(stop)).run();
    return assembleRuns(std::move(raw));
}

} // namespace mtlab
