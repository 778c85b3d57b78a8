#include "statepalette.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPen>

#include <array>

namespace mtlab {

namespace {

using Style = StatePalette::Style;

// Okabe & Ito, "Color Universal Design" (2008).
constexpr QRgb Orange = 0xE69F00;
constexpr QRgb SkyBlue = 0x56B4E9;
constexpr QRgb BluishGreen = 0x009E73;
constexpr QRgb Yellow = 0xF0E442;
constexpr QRgb Blue = 0x0072B2;
constexpr QRgb Vermillion = 0xD55E00;
constexpr QRgb ReddishPurple = 0xCC79A7;

// In the window's language, chosen before the first legend is drawn; the state's own name in
// brackets stays as the trace and the tooltip spell it.
QString legendName(const char *name)
{
    return QCoreApplication::translate("StatePalette", name);
}

Style solid(QRgb fill, const char *name)
{
    return {QColor(fill), QColor(fill), Qt::NoBrush, legendName(name)};
}

// The hatch is a darker shade of the fill, so it reads as texture rather than as another colour.
Style hatched(QRgb fill, Qt::BrushStyle hatch, const char *name)
{
    return {QColor(fill), QColor(fill).darker(165), hatch, legendName(name)};
}

Style network(QRgb fill, const char *what)
{
    return hatched(fill, Qt::FDiagPattern, what);
}

// Legend order: what the CPU does and waiting for it, then how tasks wait for anything else, then
// the overheads and failures.
const std::array<Style, StatePalette::StyleCount> &styles()
{
    static const std::array<Style, StatePalette::StyleCount> table{
        solid(Blue, QT_TRANSLATE_NOOP("StatePalette", "computing (cpu)")),
        // A pale computing blue: the thread wants to compute, but every core is taken.
        Style{QColor(0xC9E0F0), QColor(0x3C7FB0), Qt::HorPattern,
              legendName(QT_TRANSLATE_NOOP("StatePalette",
                                           "ready to run, waiting for a core or the event loop (ready)"))},
        network(SkyBlue, QT_TRANSLATE_NOOP("StatePalette", "waiting for network: name lookup (dns)")),
        network(BluishGreen, QT_TRANSLATE_NOOP("StatePalette", "waiting for network: connecting (connect)")),
        network(ReddishPurple, QT_TRANSLATE_NOOP("StatePalette", "waiting for network: TLS handshake (tls)")),
        network(Orange, QT_TRANSLATE_NOOP("StatePalette", "waiting for network: server think time (wait)")),
        network(Yellow,
                QT_TRANSLATE_NOOP("StatePalette", "waiting for network: receiving the answer (transfer)")),
        network(0xF3CF80, QT_TRANSLATE_NOOP("StatePalette", "waiting for network (io-wait)")),
        Style{QColor(0xE5B3D0), QColor(0xA0507E), Qt::DiagCrossPattern,
              legendName(QT_TRANSLATE_NOOP("StatePalette", "waiting for a lock or a semaphore (lock-wait)"))},
        Style{QColor(0xD9D9D9), QColor(0x7A7A7A), Qt::BDiagPattern,
              legendName(QT_TRANSLATE_NOOP("StatePalette", "queued, waiting for a worker (queued)"))},
        Style{QColor(0xF4F4F4), QColor(0xB0B0B0), Qt::Dense6Pattern,
              legendName(QT_TRANSLATE_NOOP("StatePalette", "idle, nothing to do (idle)"))},
        solid(0x505050, QT_TRANSLATE_NOOP("StatePalette", "starting a worker process (spawn)")),
        solid(ReddishPurple, QT_TRANSLATE_NOOP("StatePalette", "passing data between processes (ipc)")),
        solid(Vermillion, QT_TRANSLATE_NOOP("StatePalette", "task failed (failed)")),
        // Computing, crossed out: the work is done, but its result is about to be overwritten.
        Style{QColor(Vermillion), QColor(0x6B2F00), Qt::CrossPattern,
              legendName(QT_TRANSLATE_NOOP("StatePalette",
                                           "two tasks' read-modify-writes overlapped, updates lost (race)"))},
    };
    return table;
}

} // namespace

const StatePalette::Style &StatePalette::style(int index)
{
    return styles().at(static_cast<std::size_t>(index));
}

const StatePalette::Style &StatePalette::style(State state, IoPhase phase)
{
    return style(styleIndex(state, phase));
}

QString StatePalette::name(State state, IoPhase phase)
{
    return style(state, phase).name;
}

QString StatePalette::shortName(int index)
{
    // In legend order, as the styles' table.
    static constexpr std::array words = {
        QT_TRANSLATE_NOOP("StatePalette", "computing"),    QT_TRANSLATE_NOOP("StatePalette", "ready"),
        QT_TRANSLATE_NOOP("StatePalette", "name lookup"),  QT_TRANSLATE_NOOP("StatePalette", "connecting"),
        QT_TRANSLATE_NOOP("StatePalette", "TLS"),          QT_TRANSLATE_NOOP("StatePalette", "server wait"),
        QT_TRANSLATE_NOOP("StatePalette", "receiving"),    QT_TRANSLATE_NOOP("StatePalette", "network"),
        QT_TRANSLATE_NOOP("StatePalette", "lock wait"),    QT_TRANSLATE_NOOP("StatePalette", "queued"),
        QT_TRANSLATE_NOOP("StatePalette", "idle"),         QT_TRANSLATE_NOOP("StatePalette", "process start"),
        QT_TRANSLATE_NOOP("StatePalette", "data passing"), QT_TRANSLATE_NOOP("StatePalette", "failed"),
        QT_TRANSLATE_NOOP("StatePalette", "race"),
    };
    static_assert(words.size() == StyleCount);
    return QCoreApplication::translate("StatePalette", words.at(static_cast<std::size_t>(index)));
}

bool StatePalette::isWaiting(State state) noexcept
{
    return state == State::Ready || state == State::Queued || state == State::IoWait ||
        state == State::LockWait || state == State::Idle;
}

QBrush StatePalette::hatchBrush(int index)
{
    const Style &s = style(index);
    return QBrush(s.hatchColor, s.hatch);
}

void StatePalette::paintSwatch(QPainter &painter, const QRectF &rect, int index)
{
    const Style &s = style(index);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.fillRect(rect, s.fill);
    if (s.hatch != Qt::NoBrush)
        painter.fillRect(rect, hatchBrush(index));
    painter.setPen(QPen(QColor(0x404040), 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
    painter.restore();
}

} // namespace mtlab
