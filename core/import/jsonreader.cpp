#include "jsonreader.h"

#include <charconv>
#include <cmath>

namespace mtlab {

namespace {

// Deeper than any trace nests; keeps a hostile file from exhausting the stack in skipValue().
constexpr int MaxDepth = 512;

void appendUtf8(std::string &out, unsigned code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

std::string shown(char c)
{
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + c + "'";
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned char>(c));
    return buffer;
}

} // namespace

JsonReader::JsonReader(std::string_view text, std::size_t offset)
    : m_text(text)
    , m_pos(offset)
{
}

std::string JsonReader::where(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i)
        line += text[i] == '\n';
    return "line " + std::to_string(line) + ", byte " + std::to_string(offset);
}

void JsonReader::fail(const std::string &what, std::size_t at) const
{
    throw JsonError(where(m_text, at) + ": " + what, at);
}

void JsonReader::skipSpace() noexcept
{
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

bool JsonReader::atEnd()
{
    skipSpace();
    return m_pos >= m_text.size();
}

JsonReader::Kind JsonReader::peek()
{
    skipSpace();
    if (m_pos >= m_text.size())
        return Kind::End;
    switch (m_text[m_pos]) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    default:
        if (m_text[m_pos] == '-' || (m_text[m_pos] >= '0' && m_text[m_pos] <= '9'))
            return Kind::Number;
        fail("unexpected " + shown(m_text[m_pos]) + ", expected a value");
    }
}

void JsonReader::expect(char c, const char *what)
{
    skipSpace();
    if (m_pos >= m_text.size())
        fail(std::string("the text ends where ") + what + " was expected");
    if (m_text[m_pos] != c)
        fail("unexpected " + shown(m_text[m_pos]) + ", expected " + what);
    ++m_pos;
}

void JsonReader::beginObject()
{
    if (m_depth >= MaxDepth)
        fail("nested more than " + std::to_string(MaxDepth) + " levels deep");
    expect('{', "an object");
    m_firsts.push_back(1);
    ++m_depth;
}

bool JsonReader::nextKey(std::string_view &key)
{
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == '}') {
        ++m_pos;
        m_firsts.pop_back();
        --m_depth;
        return false;
    }
    if (!m_firsts.back())
        expect(',', "',' or '}'");
    m_firsts.back() = 0;
    skipSpace();
    if (m_pos >= m_text.size())
        fail("the text ends inside an object");
    if (m_text[m_pos] != '"')
        fail("unexpected " + shown(m_text[m_pos]) + ", expected a key in quotes");
    key = string();
    expect(':', "':'");
    return true;
}

void JsonReader::beginArray()
{
    if (m_depth >= MaxDepth)
        fail("nested more than " + std::to_string(MaxDepth) + " levels deep");
    expect('[', "an array");
    m_firsts.push_back(1);
    ++m_depth;
}

bool JsonReader::nextElement()
{
    skipSpace();
    if (m_pos < m_text.size() && m_text[m_pos] == ']') {
        ++m_pos;
        m_firsts.pop_back();
        --m_depth;
        return false;
    }
    if (m_pos >= m_text.size())
        fail("the text ends inside an array");
    if (!m_firsts.back())
        expect(',', "',' or ']'");
    m_firsts.back() = 0;
    return true;
}

unsigned JsonReader::hex4()
{
    if (m_text.size() - m_pos < 4)
        fail("the text ends inside a \\u escape");
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = m_text[m_pos++];
        value <<= 4;
        if (c >= '0' && c <= '9')
            value |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
            value |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            value |= static_cast<unsigned>(c - 'A' + 10);
        else
            fail("bad hex digit " + shown(c) + " in a \\u escape", m_pos - 1);
    }
    return value;
}

std::string_view JsonReader::string()
{
    expect('"', "a string");
    const std::size_t start = m_pos;
    // The common case, no escapes: a view into the text itself.
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return m_text.substr(start, m_pos - 1 - start);
        }
        if (c == '\\')
            break;
        if (static_cast<unsigned char>(c) < 0x20)
            fail("a control character inside a string");
        ++m_pos;
    }
    m_scratch.assign(m_text.substr(start, m_pos - start));
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '"')
            return m_scratch;
        if (static_cast<unsigned char>(c) < 0x20)
            fail("a control character inside a string", m_pos - 1);
        if (c != '\\') {
            m_scratch.push_back(c);
            continue;
        }
        if (m_pos >= m_text.size())
            break;
        const char e = m_text[m_pos++];
        switch (e) {
        case '"':
        case '\\':
        case '/':
            m_scratch.push_back(e);
            break;
        case 'b':
            m_scratch.push_back('\b');
            break;
        case 'f':
            m_scratch.push_back('\f');
            break;
        case 'n':
            m_scratch.push_back('\n');
            break;
        case 'r':
            m_scratch.push_back('\r');
            break;
        case 't':
            m_scratch.push_back('\t');
            break;
        case 'u': {
            unsigned code = hex4();
            if (code >= 0xD800 && code < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                m_pos += 2;
                const unsigned low = hex4();
                if (low >= 0xDC00 && low < 0xE000)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                else
                    code = 0xFFFD;
            } else if (code >= 0xD800 && code < 0xE000) {
                code = 0xFFFD; // a lone surrogate: kept readable rather than refused
            }
            appendUtf8(m_scratch, code);
            break;
        }
        default:
            fail("bad escape \\" + std::string(1, e) + " in a string", m_pos - 1);
        }
    }
    fail("the text ends inside a string");
}

void JsonReader::skipString()
{
    expect('"', "a string");
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos++];
        if (c == '"')
            return;
        if (static_cast<unsigned char>(c) < 0x20)
            fail("a control character inside a string", m_pos - 1);
        if (c == '\\') {
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos++];
            if (e == 'u') {
                hex4();
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                fail("bad escape \\" + std::string(1, e) + " in a string", m_pos - 1);
            }
        }
    }
    fail("the text ends inside a string");
}

void JsonReader::skipNumber()
{
    // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::size_t start = m_pos;
    auto digits = [&] {
        const std::size_t from = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        return m_pos - from;
    };
    if (m_pos < m_text.size() && m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0')
        ++m_pos;
    else if (digits() == 0)
        fail("a malformed number", start);
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (digits() == 0)
            fail("a malformed number", start);
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (digits() == 0)
            fail("a malformed number", start);
    }
}

double JsonReader::number()
{
    if (peek() != Kind::Number)
        fail("expected a number");
    const std::size_t start = m_pos;
    skipNumber();
    double value = 0;
    const auto [end, error] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
    if (error != std::errc() || end != m_text.data() + m_pos || !std::isfinite(value))
        fail("a number out of range", start);
    return value;
}

std::int64_t JsonReader::integer()
{
    if (peek() != Kind::Number)
        fail("expected a whole number");
    const std::size_t start = m_pos;
    skipNumber();
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
    if (error != std::errc() || end != m_text.data() + m_pos)
        fail("expected a whole number", start);
    return value;
}

void JsonReader::literal(std::string_view word)
{
    if (m_text.substr(m_pos, word.size()) != word)
        fail("expected a value");
    m_pos += word.size();
}

bool JsonReader::boolean()
{
    if (peek() != Kind::Bool)
        fail("expected true or false");
    if (m_text[m_pos] == 't') {
        literal("true");
        return true;
    }
    literal("false");
    return false;
}

void JsonReader::null()
{
    if (peek() != Kind::Null)
        fail("expected null");
    literal("null");
}

void JsonReader::skipValue()
{
    std::string_view key;
    switch (peek()) {
    case Kind::Object:
        beginObject();
        while (nextKey(key))
            skipValue();
        return;
    case Kind::Array:
        beginArray();
        while (nextElement())
            skipValue();
        return;
    case Kind::String:
        skipString();
        return;
    case Kind::Number:
        skipNumber();
        return;
    case Kind::Bool:
        boolean();
        return;
    case Kind::Null:
        null();
        return;
    case Kind::End:
        fail("the text ends where a value was expected");
    }
}

void JsonReader::expectEnd()
{
    skipSpace();
    if (m_pos < m_text.size())
        fail("unexpected " + shown(m_text[m_pos]) + " after the end of the JSON text");
}

} // namespace mtlab
