#include "CliRunner.h"
#include "TestSupport.h"

#include "Cli.h"

#include <QDir>
#include <QFile>

namespace obnam::test {

CliHome::CliHome()
{
    QDir().mkpath(home());
}

QProcessEnvironment CliHome::env() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home());
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    // Sanitizer settings (and the leak suppressions) reach the programs the tests start.
    for (const char *name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        if (qEnvironmentVariableIsSet(name))
            env.insert(QLatin1String(name), qEnvironmentVariable(name));
    return env;
}

QString CliHome::writeConfig(const QByteArray &body) const
{
    QDir().mkpath(home() + QStringLiteral("/.config/obnam"));
    QFile f(configPath());
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(body);
    return configPath();
}

QString CliHome::writeSimpleConfig(const QStringList &roots) const
{
    QByteArray yaml = "roots:\n";
    for (const QString &r : roots)
        yaml += "  - \"" + r.toUtf8() + "\"\n";
    yaml += "server_url: " + repositoryPath().toUtf8() + "\n";
    return writeConfig(yaml);
}

CliRun CliHome::run(const QStringList &args, const QProcessEnvironment &extra,
                    const QList<QByteArray> &promptAnswers) const
{
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    QProcessEnvironment env = this->env();
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    auto answers = std::make_shared<QList<QByteArray>>(promptAnswers);
    cli::CliContext ctx{outStream,
                        errStream,
                        env,
                        false,
                        [answers](const QString &) -> std::optional<QByteArray> {
                            if (answers->isEmpty())
                                return std::nullopt;
                            return answers->takeFirst();
                        },
                        {}, // no keyring
                        {}};
    const int code = cli::run(ctx, QStringList{QStringLiteral("obnam-cli")} + args);
    outStream.flush();
    errStream.flush();
    return CliRun{code, out, err};
}

std::unique_ptr<QProcess> CliHome::start(const QStringList &args, const QProcessEnvironment &extra,
                                         const std::function<void()> &inChild) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = this->env();
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(home());
    if (inChild)
        process->setChildProcessModifier(inChild);
    process->start(test::cliBinary(), args);
    process->closeWriteChannel();
    return process;
}

CliRun CliHome::finish(QProcess &process)
{
    // waitForFinished() is false for a process that has already finished.
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

CliRun CliHome::runBinary(const QStringList &args, const QProcessEnvironment &extra,
                          const std::function<void()> &inChild) const
{
    auto process = start(args, extra, inChild);
    return finish(*process);
}

} // namespace obnam::test

namespace obnam::test {

QString CliHome::restoreAndCompare(const QString &source, const QProcessEnvironment &extra,
                                   const QString &generation, bool binary) const
{
    static QAtomicInt restores;
    const QString target =
        path() + QStringLiteral("/restored-%1").arg(restores.fetchAndAddRelaxed(1) + 1);
    const QStringList args{QStringLiteral("restore"), generation, target};
    const CliRun r = binary ? runBinary(args, extra) : run(args, extra);
    if (r.code != 0)
        return QStringLiteral("restore failed: ") + r.err;
    return manifestDiff(manifest(QFile::encodeName(source)),
                        manifest(QFile::encodeName(target + source)));
}

} // namespace obnam::test
