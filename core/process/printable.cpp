#include "printable.h"

namespace mtlab {

std::string printable(std::string_view bytes, std::size_t limit)
{
    static constexpr char Hex[] = "0123456789abcdef";
    std::string out;
    for (const char c : bytes.substr(0, limit)) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\\')
            out += "\\\\";
        else if (byte < 0x20 || byte >= 0x7f)
            out += {'\\', 'x', Hex[byte >> 4], Hex[byte & 0xf]};
        else
            out += c;
    }
    if (bytes.size() > limit)
        out += "...";
    return out;
}

} // namespace mtlab
