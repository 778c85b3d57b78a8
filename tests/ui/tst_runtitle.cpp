#include "presets.h"
#include "runtitle.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace mtlab;

namespace {

// Every run the presets make: one experiment per strategy of each preset.
std::vector<Experiment> presetRuns()
{
    std::vector<Experiment> runs;
    for (const Preset &preset : builtinPresets()) {
        for (const StrategyKind strategy : preset.strategies) {
            Experiment e = preset.experiment;
            e.strategy = strategy;
            runs.push_back(e);
        }
    }
    return runs;
}

} // namespace

class TestRunTitle : public QObject
{
    Q_OBJECT

private slots:
    void englishIsTheEngineLabel()
    {
        for (const Experiment &e : presetRuns())
            QCOMPARE(runTitle(e), QString::fromStdString(runLabel(e)));
    }

    // In Korean every part of every preset's label is translated, so none slips through in English.
    void koreanTranslatesEveryPart()
    {
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/multitask-lab_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        const auto runs = presetRuns();
        QVERIFY(runs.size() > 20);
        for (const Experiment &e : runs) {
            const QStringList english = QString::fromStdString(runLabel(e)).split(QStringLiteral(", "));
            const QStringList shown = runTitle(e).split(QStringLiteral(", "));
            QCOMPARE(shown.size(), english.size());
            for (qsizetype i = 0; i < english.size(); ++i)
                QVERIFY2(shown[i] != english[i], qPrintable(english[i]));
        }
        QCoreApplication::removeTranslator(&korean);
    }

    void unknownPartsStayAsTheyAre()
    {
        QCOMPARE(runTitle(std::string("threads, 3 workers, python 3.12")),
                 QStringLiteral("threads, 3 workers, python 3.12"));
    }
};

QTEST_MAIN(TestRunTitle)
#include "tst_runtitle.moc"
