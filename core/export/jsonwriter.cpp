#include "jsonwriter.h"

#include <cmath>
#include <cstdio>

namespace mtlab {

JsonWriter &JsonWriter::string(std::string_view text)
{
    m_out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                m_out.append(escaped);
            } else {
                m_out.push_back(c);
            }
        }
    }
    m_out.push_back('"');
    return *this;
}

JsonWriter &JsonWriter::fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return raw("null");
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    m_out.append(buffer);
    return *this;
}

} // namespace mtlab
