#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mtlab {

// The language of the window: English (the source texts) or Korean, the language of the article.
// By default it follows the system (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); View → Language keeps a
// choice in the settings, applied at the next start, as the texts are made when widgets are built.
namespace Language {

// The settings key; its value is "" (follow the system) or a language code.
inline constexpr auto SettingKey = "language";

struct Choice {
    QString code;
    QString nativeName; // as a menu shows it, in that language: "English", "한국어"
};

// The languages offered besides the system's choice, English first.
QList<Choice> available();
// The language to use: the kept choice if it is one we have, else the first of the system's
// preferred languages that we have, else English.
QString choose(const QString &kept, const QStringList &systemPreferred);
// Installs our translation and Qt's own (its dialogs, "About Qt") for that language; English needs
// none. Returns the language installed.
QString install(QCoreApplication &app, const QString &code);
// The language install() last installed ("en" before any): what texts that are whole files, not
// tr() strings (the lesson), are chosen by.
QString installed();

} // namespace Language

} // namespace mtlab
