#include "lessondialog.h"

#include "language.h"
#include "presets.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mtlab {

LessonDialog::LessonDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("What am I looking at?"));
    initResources();
    QFile file(lessonFile(Language::installed()));
    auto *text = new QTextBrowser;
    text->setObjectName(QStringLiteral("lessonText"));
    text->setOpenExternalLinks(true);
    if (file.open(QIODevice::ReadOnly))
        text->setHtml(QString::fromUtf8(file.readAll()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(640, 720);
}

QString LessonDialog::lessonFile(const QString &language)
{
    initResources();
    const QString translated = QStringLiteral(":/lesson_%1.html").arg(language);
    return QFile::exists(translated) ? translated : QStringLiteral(":/lesson.html");
}

} // namespace mtlab
