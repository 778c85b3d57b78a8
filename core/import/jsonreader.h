#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mtlab {

// A JSON error, with where it happened: what() reads "line 12, byte 3456: expected ':'".
class JsonError : public std::runtime_error
{
public:
    JsonError(const std::string &message, std::size_t offset)
        : std::runtime_error(message)
        , m_offset(offset)
    {
    }
    std::size_t offset() const noexcept { return m_offset; }

private:
    std::size_t m_offset;
};

// A pull reader over JSON text held in memory: the caller asks for what it expects next, the
// reader checks it is there and moves on. Nothing is built that the caller does not ask for, so a
// trace of a million events is read without a document tree (skipValue() checks and steps over
// what the caller does not need). Strict: anything but RFC 8259 JSON is an error with its offset.
class JsonReader
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null, End };

    explicit JsonReader(std::string_view text, std::size_t offset = 0);

    // What the next value is, after white space; End at the end of the text.
    Kind peek();
    // Object members: beginObject(), then while (nextKey(key)) { read the value }.
    void beginObject();
    bool nextKey(std::string_view &key);
    // Array elements: beginArray(), then while (nextElement()) { read the value }.
    void beginArray();
    bool nextElement();
    // A string, decoded; the view lives until the next string is read.
    std::string_view string();
    double number();
    // A number without fraction or exponent that fits 64 bits.
    std::int64_t integer();
    bool boolean();
    void null();
    // Checks and steps over one value of any kind.
    void skipValue();
    // Nothing but white space is left.
    void expectEnd();

    std::size_t offset() const noexcept { return m_pos; }
    bool atEnd();
    // Throws a JsonError at the current offset (or a given one).
    [[noreturn]] void fail(const std::string &what) const { fail(what, m_pos); }
    [[noreturn]] void fail(const std::string &what, std::size_t at) const;
    // "line 12, byte 3456" for an offset into the text.
    static std::string where(std::string_view text, std::size_t offset);

private:
    void skipSpace() noexcept;
    void expect(char c, const char *what);
    void skipString();
    void skipNumber();
    void literal(std::string_view word);
    unsigned hex4();

    std::string_view m_text;
    std::size_t m_pos;
    std::string m_scratch; // strings with escapes are decoded here
    // Per open container: has it had a member yet (a comma is needed before the next one).
    std::string m_firsts;
    int m_depth = 0;
};

} // namespace mtlab
