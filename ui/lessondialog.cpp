#include "lessondialog.h"

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
    QFile file(QStringLiteral(":/lesson.html"));
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

} // namespace mtlab
