#include "workerprotocol.h"

#include <charconv>

namespace mtlab {

namespace {

// Reads the space-separated fields of one line, left to right.
class Fields
{
public:
    explicit Fields(std::string_view line)
        : m_rest(line)
    {
    }

    std::optional<std::string_view> word()
    {
        if (m_done)
            return std::nullopt;
        const std::size_t space = m_rest.find(' ');
        const std::string_view field = m_rest.substr(0, space);
        if (space == std::string_view::npos)
            m_done = true;
        else
            m_rest.remove_prefix(space + 1);
        if (field.empty())
            return std::nullopt;
        return field;
    }

    template <typename T>
    std::optional<T> number()
    {
        const auto text = word();
        T value{};
        if (!text)
            return std::nullopt;
        const char *end = text->data() + text->size();
        const auto [ptr, ec] = std::from_chars(text->data(), end, value);
        if (ec != std::errc() || ptr != end)
            return std::nullopt;
        return value;
    }

    std::optional<bool> flag()
    {
        const auto text = word();
        if (text == "0")
            return false;
        if (text == "1")
            return true;
        return std::nullopt;
    }

    // The last field: the rest of the line, possibly empty.
    std::string_view text()
    {
        const std::string_view rest = m_done ? std::string_view() : m_rest;
        m_done = true;
        return rest;
    }

    bool atEnd() const noexcept { return m_done; }

private:
    std::string_view m_rest;
    bool m_done = false;
};

std::optional<WorkerMessage> parseReady(Fields &fields)
{
    ReadyMessage message;
    const auto pid = fields.number<std::int64_t>();
    const auto ns = fields.number<std::int64_t>();
    if (!pid || !ns || !fields.atEnd())
        return std::nullopt;
    message.pid = *pid;
    message.ns = *ns;
    return message;
}

std::optional<WorkerMessage> parseSpan(Fields &fields)
{
    SpanMessage message;
    const auto task = fields.number<std::int32_t>();
    const auto stateWord = fields.word();
    const auto phaseWord = fields.word();
    const auto begin = fields.number<std::int64_t>();
    const auto end = fields.number<std::int64_t>();
    if (!task || !stateWord || !phaseWord || !begin || !end || *end < *begin)
        return std::nullopt;
    const auto state = stateFromName(*stateWord);
    const auto phase = *phaseWord == "-" ? std::optional(IoPhase::None) : ioPhaseFromName(*phaseWord);
    auto detail = unescapeText(fields.text());
    if (!state || !phase || !detail)
        return std::nullopt;
    message.span = Span{
        .begin = *begin, .end = *end, .lane = 0, .task = *task, .state = *state, .phase = *phase};
    message.detail = std::move(*detail);
    return message;
}

std::optional<WorkerMessage> parseDone(Fields &fields)
{
    DoneMessage message;
    const auto task = fields.number<std::int32_t>();
    const auto ok = fields.flag();
    const auto valueWord = fields.word();
    const auto bytes = fields.number<std::int64_t>();
    const auto newConnection = fields.flag();
    const auto cpu = fields.number<std::int64_t>();
    const auto sent = fields.number<std::int64_t>();
    if (!task || !ok || !valueWord || !bytes || !newConnection || !cpu || *cpu < 0 || !sent)
        return std::nullopt;
    const auto value = parseDecimalU128(*valueWord);
    auto error = unescapeText(fields.text());
    if (!value || !error)
        return std::nullopt;
    message.task = *task;
    message.outcome.ok = *ok;
    message.outcome.value = *value;
    message.outcome.bytes = *bytes;
    message.outcome.newConnection = *newConnection;
    message.outcome.cpuNs = *cpu;
    message.outcome.error = std::move(*error);
    message.sentNs = *sent;
    return message;
}

} // namespace

std::string escapeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> unescapeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
            continue;
        }
        if (++i == text.size())
            return std::nullopt;
        if (text[i] == '\\')
            out += '\\';
        else if (text[i] == 'n')
            out += '\n';
        else if (text[i] == 'r')
            out += '\r';
        else
            return std::nullopt;
    }
    return out;
}

std::string formatTask(const TaskMessage &message)
{
    return "task " + std::to_string(message.task) + ' ' + std::to_string(message.sentNs) + '\n';
}

std::string formatReady(const ReadyMessage &message)
{
    return "ready " + std::to_string(message.pid) + ' ' + std::to_string(message.ns) + '\n';
}

std::string formatSpan(const Span &span, std::string_view detail)
{
    const std::string_view phase = span.phase == IoPhase::None ? "-" : ioPhaseName(span.phase);
    return "span " + std::to_string(span.task) + ' ' + std::string(stateName(span.state)) + ' ' +
        std::string(phase) + ' ' + std::to_string(span.begin) + ' ' + std::to_string(span.end) + ' ' +
        escapeText(detail) + '\n';
}

std::string formatDone(const DoneMessage &message)
{
    const TaskOutcome &o = message.outcome;
    return "done " + std::to_string(message.task) + (o.ok ? " 1 " : " 0 ") + toDecimal(o.value) + ' ' +
        std::to_string(o.bytes) + (o.newConnection ? " 1 " : " 0 ") + std::to_string(o.cpuNs) + ' ' +
        std::to_string(message.sentNs) + ' ' + escapeText(o.error) + '\n';
}

std::optional<TaskMessage> parseTask(std::string_view line)
{
    Fields fields(line);
    if (fields.word() != "task")
        return std::nullopt;
    const auto task = fields.number<std::int32_t>();
    const auto sent = fields.number<std::int64_t>();
    if (!task || *task < 0 || !sent || !fields.atEnd())
        return std::nullopt;
    return TaskMessage{*task, *sent};
}

std::optional<WorkerMessage> parseWorkerMessage(std::string_view line)
{
    Fields fields(line);
    const auto kind = fields.word();
    if (kind == "ready")
        return parseReady(fields);
    if (kind == "span")
        return parseSpan(fields);
    if (kind == "done")
        return parseDone(fields);
    return std::nullopt;
}

std::optional<std::string> takeLine(std::string &buffer)
{
    const std::size_t newline = buffer.find('\n');
    if (newline == std::string::npos)
        return std::nullopt;
    std::string line = buffer.substr(0, newline);
    buffer.erase(0, newline + 1);
    return line;
}

} // namespace mtlab
