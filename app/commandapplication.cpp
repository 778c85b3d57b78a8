#include "commandapplication.h"

#include "language.h"

#include <QGuiApplication>
#include <QLocale>

#include <clocale>

namespace mtlab {

CommandApplication::CommandApplication(bool drawsPictures)
{
    const QString language = Language::choose({}, QLocale::system().uiLanguages());
    if (drawsPictures) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        m_application = std::make_unique<QGuiApplication>(m_argc, m_argv);
    } else if (language != QLatin1String("en")) {
        m_application = std::make_unique<QCoreApplication>(m_argc, m_argv);
    }
    if (!m_application)
        return;
    // Qt sets the C library's locale from the environment, but the numbers scripts read (JSON,
    // traces) are written with printf and must keep their decimal point whatever the language.
    std::setlocale(LC_NUMERIC, "C");
    Language::install(*m_application, language);
}

CommandApplication::~CommandApplication() = default;

} // namespace mtlab
