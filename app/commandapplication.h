#pragma once

#include <QCoreApplication>

#include <memory>

namespace mtlab {

// The Qt application a command without a window needs, if any. `run` and `presets` speak to people
// in the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: not the window's kept choice, so
// that what a script gets depends on its environment only) with the window's translation, which
// needs an application to be installed in; drawing pictures needs a QGuiApplication (offscreen
// unless a platform is set). In English and without pictures none is made.
class CommandApplication
{
public:
    explicit CommandApplication(bool drawsPictures = false);
    ~CommandApplication();
    CommandApplication(const CommandApplication &) = delete;
    CommandApplication &operator=(const CommandApplication &) = delete;

private:
    int m_argc = 1;
    char m_name[14] = "multitask-lab";
    char *m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QCoreApplication> m_application;
};

} // namespace mtlab
