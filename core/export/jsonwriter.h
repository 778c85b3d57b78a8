#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mtlab {

// A minimal streaming JSON writer: the engine has no JSON library and needs only to write.
// Callers place the commas (comma()) so large arrays stream without a document in memory.
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out)
        : m_out(out)
    {
    }

    JsonWriter &raw(std::string_view text)
    {
        m_out.append(text);
        return *this;
    }
    JsonWriter &string(std::string_view text);
    JsonWriter &key(std::string_view name)
    {
        string(name);
        m_out.push_back(':');
        return *this;
    }
    JsonWriter &number(std::int64_t value)
    {
        m_out.append(std::to_string(value));
        return *this;
    }
    // Fixed-point, as traces and reports want milliseconds and microseconds to the nanosecond.
    JsonWriter &fixed(double value, int decimals);
    JsonWriter &boolean(bool value) { return raw(value ? "true" : "false"); }

private:
    std::string &m_out;
};

} // namespace mtlab
