#include "SettingsDialog.h"

#include "Autostart.h"
#include "ClientConfig.h"
#include "ConfigEditor.h"
#include "EnterClicks.h"
#include "ExcludePresets.h"
#include "SchedulePage.h"
#include "Session.h"
#include "Text.h"
#include "WhenReady.h"
#include "maint/Checker.h"
#include "repo/Lock.h"
#include "repo/Repository.h"
#include "support/OperationControl.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace obnam::gui {

namespace {

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QStringList items(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->text());
    return out;
}

// What a check hands back to the dialog's thread.
struct CheckOutcome
{
    std::optional<CheckReport> report;
    QString error;
};

} // namespace

SettingsDialog::SettingsDialog(client::Paths paths, QString configPath, QWidget *parent)
    : QDialog(parent)
    , m_paths(std::move(paths))
    , m_configPath(std::move(configPath))
    , m_tabs(new QTabWidget(this))
{
    m_pool.setMaxThreadCount(1);
    setWindowTitle(tr("Backup Settings"));
    auto *layout = new QVBoxLayout(this);
    m_tabs->addTab(foldersPage(), tr("&Folders"));
    m_tabs->addTab(optionsPage(), tr("&Options"));
    m_tabs->addTab(keepPage(), tr("&Keeping"));
    m_schedule = new SchedulePage(this);
    m_schedule->setObjectName(QStringLiteral("schedulePage"));
    m_tabs->addTab(m_schedule, tr("Sch&edule"));
    m_tabs->addTab(checkPage(), tr("C&heck"));
    layout->addWidget(m_tabs);
    m_error = note(QString(), this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    load();
    resize(640, 520);
}

SettingsDialog::~SettingsDialog()
{
    // A check stops at its next safe point; the dialog goes once it has.
    if (m_checkControl)
        m_checkControl->cancel();
    m_pool.waitForDone();
}

QWidget *SettingsDialog::foldersPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *rootsBox = new QGroupBox(tr("Folders to back up"), page);
    auto *rootsLayout = new QVBoxLayout(rootsBox);
    m_roots = new QListWidget(rootsBox);
    m_roots->setObjectName(QStringLiteral("roots"));
    m_roots->setAccessibleName(tr("Folders to back up"));
    rootsLayout->addWidget(m_roots);
    auto *rootsRow = new QHBoxLayout;
    m_newRoot = new QLineEdit(rootsBox);
    m_newRoot->setObjectName(QStringLiteral("newRoot"));
    m_newRoot->setAccessibleName(tr("Folder to add"));
    m_newRoot->setPlaceholderText(tr("A folder, such as ~/Documents"));
    auto *add = new QPushButton(tr("&Add"), rootsBox);
    add->setObjectName(QStringLiteral("addRoot"));
    auto *browse = new QPushButton(tr("&Browse…"), rootsBox);
    auto *remove = new QPushButton(tr("&Remove"), rootsBox);
    remove->setObjectName(QStringLiteral("removeRoot"));
    rootsRow->addWidget(m_newRoot, 1);
    rootsRow->addWidget(add);
    rootsRow->addWidget(browse);
    rootsRow->addWidget(remove);
    rootsLayout->addLayout(rootsRow);
    layout->addWidget(rootsBox, 1);

    auto *leaveBox = new QGroupBox(tr("Leave out"), page);
    auto *leaveLayout = new QVBoxLayout(leaveBox);
    for (const client::ExcludePreset &preset : client::excludePresets()) {
        auto *box = new QCheckBox(preset.label, leaveBox);
        box->setProperty("patterns", preset.patterns);
        m_presets.append(box);
        leaveLayout->addWidget(box);
    }
    leaveLayout->addWidget(note(tr("Other patterns (a path, ~/path, or a name such as *.iso "
                                   "matched at any depth):"),
                                leaveBox));
    m_excludes = new QListWidget(leaveBox);
    m_excludes->setObjectName(QStringLiteral("excludes"));
    m_excludes->setAccessibleName(tr("Other patterns to leave out"));
    m_excludes->setMaximumHeight(90);
    leaveLayout->addWidget(m_excludes);
    auto *excludeRow = new QHBoxLayout;
    m_newExclude = new QLineEdit(leaveBox);
    m_newExclude->setObjectName(QStringLiteral("newExclude"));
    m_newExclude->setAccessibleName(tr("Pattern to add"));
    auto *addExclude = new QPushButton(tr("A&dd pattern"), leaveBox);
    auto *removeExclude = new QPushButton(tr("Re&move pattern"), leaveBox);
    excludeRow->addWidget(m_newExclude, 1);
    excludeRow->addWidget(addExclude);
    excludeRow->addWidget(removeExclude);
    leaveLayout->addLayout(excludeRow);
    layout->addWidget(leaveBox);

    connect(add, &QPushButton::clicked, this, [this] {
        addRoot(m_newRoot->text());
        m_newRoot->clear();
    });
    new EnterClicks(m_newRoot, add);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Choose a folder to back up"), m_paths.home());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        connect(dialog, &QFileDialog::fileSelected, this, &SettingsDialog::addRoot);
        dialog->open();
    });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_roots->currentItem(); });
    connect(addExclude, &QPushButton::clicked, this, [this] {
        const QString pattern = m_newExclude->text().trimmed();
        if (!pattern.isEmpty() && m_excludes->findItems(pattern, Qt::MatchExactly).isEmpty())
            m_excludes->addItem(pattern);
        m_newExclude->clear();
    });
    new EnterClicks(m_newExclude, addExclude);
    connect(removeExclude, &QPushButton::clicked, this,
            [this] { delete m_excludes->currentItem(); });
    return page;
}

QWidget *SettingsDialog::optionsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_repository = new QLabel(page);
    m_repository->setObjectName(QStringLiteral("repository"));
    m_repository->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_repository->setWordWrap(true);
    form->addRow(tr("Repository:"), m_repository);
    m_compression = new QSpinBox(page);
    m_compression->setObjectName(QStringLiteral("compression"));
    m_compression->setRange(0, 19);
    m_compression->setSpecialValueText(tr("off"));
    auto *compressionLabel = new QLabel(tr("&Compression level:"), page);
    compressionLabel->setBuddy(m_compression);
    form->addRow(compressionLabel, m_compression);
    layout->addLayout(form);
    layout->addWidget(note(tr("The repository is where this computer's backups are stored. To "
                              "back up somewhere else, set up a new configuration."),
                           page));
    layout->addWidget(note(tr("Compression (zstd) makes backups smaller; 3 is fast and good. "
                              "Higher levels save a little more space and take more time."),
                           page));
    m_oneFileSystem = new QCheckBox(tr("Stay on one file s&ystem (do not back up other disks "
                                       "mounted inside these folders)"),
                                    page);
    m_oneFileSystem->setObjectName(QStringLiteral("oneFileSystem"));
    layout->addWidget(m_oneFileSystem);
    m_cacheTags = new QCheckBox(tr("Leave out folders marked as caches (CACHEDIR.TAG)"), page);
    m_cacheTags->setObjectName(QStringLiteral("cacheTags"));
    layout->addWidget(m_cacheTags);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::keepPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note(tr("Which backups to keep when old ones are thinned out to save "
                              "space: scheduled backups apply these rules after each backup "
                              "and free the space once a week; obnam-cli forget and prune do "
                              "the same by hand. 0 turns a rule off."),
                           page));
    auto *form = new QFormLayout;
    const QList<std::pair<QString, QString>> rules{
        {QStringLiteral("keepLast"), tr("Newest &backups:")},
        {QStringLiteral("keepHourly"), tr("Ho&urs:")},
        {QStringLiteral("keepDaily"), tr("&Days:")},
        {QStringLiteral("keepWeekly"), tr("&Weeks:")},
        {QStringLiteral("keepMonthly"), tr("&Months:")},
        {QStringLiteral("keepYearly"), tr("&Years:")},
    };
    for (const auto &[name, label] : rules) {
        auto *spin = new QSpinBox(page);
        spin->setObjectName(name);
        spin->setRange(0, 9999);
        auto *text = new QLabel(label, page);
        text->setBuddy(spin);
        form->addRow(text, spin);
        m_keep.append(spin);
        connect(spin, &QSpinBox::valueChanged, this, &SettingsDialog::updateKeepExplanation);
    }
    layout->addLayout(form);
    m_keepExplanation = note(QString(), page);
    m_keepExplanation->setObjectName(QStringLiteral("keepExplanation"));
    layout->addWidget(m_keepExplanation);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::checkPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note(tr("A check verifies that every backup can be restored: every file's "
                              "data is present and every structure is intact. It also reads "
                              "back a sample of the stored data and verifies it byte for byte."),
                           page));
    auto *row = new QHBoxLayout;
    m_sample = new QSpinBox(page);
    m_sample->setObjectName(QStringLiteral("sample"));
    m_sample->setRange(1, 100);
    m_sample->setValue(5);
    m_sample->setSuffix(tr(" %"));
    auto *sampleLabel = new QLabel(tr("&Read back:"), page);
    sampleLabel->setBuddy(m_sample);
    m_check = new QPushButton(tr("&Check the repository"), page);
    m_check->setObjectName(QStringLiteral("check"));
    row->addWidget(sampleLabel);
    row->addWidget(m_sample);
    row->addStretch();
    row->addWidget(m_check);
    layout->addLayout(row);
    m_checkBar = new QProgressBar(page);
    m_checkBar->setObjectName(QStringLiteral("checkBar"));
    m_checkBar->setAccessibleName(tr("Check progress"));
    m_checkBar->hide();
    layout->addWidget(m_checkBar);
    m_checkResult = note(QString(), page);
    m_checkResult->setObjectName(QStringLiteral("checkResult"));
    m_checkResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_checkResult);
    layout->addStretch();
    connect(m_check, &QPushButton::clicked, this, &SettingsDialog::checkRepository);
    return page;
}

void SettingsDialog::load()
{
    m_tabs->setEnabled(false);
    m_save->setEnabled(false);
    const QString configPath = m_configPath;
    const client::Paths paths = m_paths;
    auto answer = QtConcurrent::run(
        &m_pool, [configPath, paths] { return client::ClientConfig::load(configPath, paths); });
    whenReady(std::move(answer), this, [this](const Result<client::ClientConfig> &config) {
        if (!config) {
            m_error->setText(
                tr("The configuration cannot be read: %1").arg(config.error().toString()));
            m_error->show();
            return;
        }
        fill(*config);
        m_tabs->setEnabled(true);
        m_save->setEnabled(true);
    });
}

void SettingsDialog::fill(const client::ClientConfig &config)
{
    for (const QString &root : std::as_const(config.roots))
        addRoot(root);
    // Shown and saved as the user would write them: "~/Downloads", not the expanded path.
    QStringList rest;
    for (const QString &pattern : std::as_const(config.exclude))
        rest.append(m_paths.abbreviateHome(pattern));
    for (QCheckBox *box : std::as_const(m_presets)) {
        const QStringList patterns = box->property("patterns").toStringList();
        bool all = true;
        for (const QString &p : patterns)
            all = all && rest.contains(p);
        box->setChecked(all);
        if (all)
            for (const QString &p : patterns)
                rest.removeAll(p);
    }
    m_excludes->addItems(rest);
    m_repository->setText(config.serverUrl);
    m_compression->setValue(config.compression);
    m_oneFileSystem->setChecked(config.oneFileSystem);
    m_cacheTags->setChecked(config.excludeCacheTagDirectories);
    const RetentionPolicy &r = config.retention;
    const QList<int> values{r.last, r.hourly, r.daily, r.weekly, r.monthly, r.yearly};
    for (int i = 0; i < m_keep.size(); ++i)
        m_keep[i]->setValue(values[i]);
    updateKeepExplanation();
    m_schedule->fill(config.schedule, autostart::enabled(m_paths));
}

void SettingsDialog::addRoot(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return;
    const QString absolute = QDir::cleanPath(m_paths.expandHome(trimmed));
    if (m_roots->findItems(absolute, Qt::MatchExactly).isEmpty())
        m_roots->addItem(absolute);
}

void SettingsDialog::updateKeepExplanation()
{
    const int last = m_keep[0]->value();
    QStringList parts;
    if (last > 0)
        parts.append(tr("the %n newest backup(s)", nullptr, last));
    const QList<QString> each{
        tr("the newest backup of each of the last %n hour(s) that have one", nullptr,
           m_keep[1]->value()),
        tr("the newest backup of each of the last %n day(s) that have one", nullptr,
           m_keep[2]->value()),
        tr("the newest backup of each of the last %n week(s) that have one", nullptr,
           m_keep[3]->value()),
        tr("the newest backup of each of the last %n month(s) that have one", nullptr,
           m_keep[4]->value()),
        tr("the newest backup of each of the last %n year(s) that have one", nullptr,
           m_keep[5]->value()),
    };
    for (int i = 1; i < m_keep.size(); ++i)
        if (m_keep[i]->value() > 0)
            parts.append(each[i - 1]);
    if (parts.isEmpty()) {
        m_keepExplanation->setText(tr("Every backup is kept: nothing is forgotten until you "
                                      "choose what to keep."));
        return;
    }
    QString list;
    for (int i = 0; i < parts.size(); ++i)
        list += QStringLiteral("<li>%1</li>").arg(parts[i].toHtmlEscaped());
    m_keepExplanation->setText(tr("Forgetting keeps:<ul>%1</ul>Every other backup is forgotten. "
                                  "A backup kept by any rule is kept.")
                                   .arg(list));
}

void SettingsDialog::accept()
{
    const QStringList roots = items(m_roots);
    if (roots.isEmpty()) {
        m_error->setText(tr("Choose at least one folder to back up."));
        m_error->show();
        m_tabs->setCurrentIndex(0);
        return;
    }
    QStringList excludes;
    for (QCheckBox *box : std::as_const(m_presets))
        if (box->isChecked())
            excludes += box->property("patterns").toStringList();
    excludes += items(m_excludes);
    QList<QPair<QString, QVariant>> values{
        {QStringLiteral("roots"), QVariant(roots)},
        {QStringLiteral("exclude"), QVariant(excludes)},
        {QStringLiteral("compression"), QVariant(m_compression->value())},
        {QStringLiteral("one_file_system"), QVariant(m_oneFileSystem->isChecked())},
        {QStringLiteral("exclude_cache_tag_directories"), QVariant(m_cacheTags->isChecked())},
    };
    const QStringList keys{QStringLiteral("keep_last"),    QStringLiteral("keep_hourly"),
                           QStringLiteral("keep_daily"),   QStringLiteral("keep_weekly"),
                           QStringLiteral("keep_monthly"), QStringLiteral("keep_yearly")};
    for (int i = 0; i < keys.size(); ++i)
        values.append({keys[i], QVariant(m_keep[i]->value())});
    values += m_schedule->values();
    const bool startAtLogin = m_schedule->startAtLogin();
    m_save->setEnabled(false);
    m_error->hide();
    // The save runs after the check on the dialog's one worker: the check stops first.
    if (m_checkControl)
        m_checkControl->cancel();
    const QString configPath = m_configPath;
    auto answer = QtConcurrent::run(&m_pool, [configPath, values]() -> QString {
        auto editor = client::ConfigEditor::open(configPath);
        if (!editor)
            return editor.error().toString();
        for (const auto &[key, value] : values)
            editor->set(key, value);
        if (auto saved = editor->save(); !saved)
            return saved.error().toString();
        return {};
    });
    whenReady(std::move(answer), this, [this, startAtLogin](const QString &error) {
        m_save->setEnabled(true);
        if (!error.isEmpty()) {
            m_error->setText(tr("The settings were not saved: %1").arg(error));
            m_error->show();
            return;
        }
        // Not a key of obnam.yaml: the desktop's own autostart entry, once the rest is saved.
        const Status login =
            startAtLogin
                ? autostart::enable(m_paths, QCoreApplication::applicationFilePath(), m_configPath)
                : autostart::disable(m_paths);
        if (!login) {
            m_error->setText(tr("The settings were saved, but starting at login could not be "
                                "changed: %1")
                                 .arg(login.error().toString()));
            m_error->show();
            return;
        }
        QDialog::accept();
    });
}

void SettingsDialog::checkRepository()
{
    if (m_checkControl)
        return;
    auto control = std::make_shared<OperationControl>();
    m_checkControl = control;
    m_check->setEnabled(false);
    m_checkBar->setRange(0, 0);
    m_checkBar->show();
    m_checkResult->setText(tr("Opening the repository…"));
    const double fraction = m_sample->value() / 100.0;
    const QString configPath = m_configPath;
    const client::Paths paths = m_paths;
    auto answer =
        QtConcurrent::run(&m_pool, [this, control, configPath, paths, fraction]() -> CheckOutcome {
            CheckOutcome outcome;
            // What the storage holds is judged, not the cache's copies.
            auto session = client::openWithoutTerminal(configPath, paths, std::nullopt, false);
            if (!session) {
                outcome.error = session.error().toString();
                return outcome;
            }
            QString lockNote;
            auto lock = client::readingLock(*session, QStringLiteral("check"), &lockNote);
            if (!lock) {
                outcome.error = lock.error().toString();
                return outcome;
            }
            CheckOptions options;
            options.readData =
                fraction >= 1.0 ? CheckOptions::ReadData::All : CheckOptions::ReadData::Fraction;
            options.fraction = fraction;
            options.cacheDir = session->cacheDir;
            Checker checker(*session->repository, options);
            checker.setControl(control.get());
            QObject::connect(&checker, &Checker::progress, this, [this](const CheckProgress &p) {
                if (p.stepsTotal > 0) {
                    m_checkBar->setRange(0, 1000);
                    m_checkBar->setValue(int(1000.0 * double(p.steps) / double(p.stepsTotal)));
                }
                m_checkResult->setText(text::phase(p.phase));
            });
            auto report = checker.run();
            if (!report)
                outcome.error = report.error().toString();
            else
                outcome.report = *report;
            return outcome;
        });
    whenReady(std::move(answer), this, [this](const CheckOutcome &outcome) {
        m_checkControl.reset();
        m_check->setEnabled(true);
        m_checkBar->hide();
        if (!outcome.report) {
            m_checkResult->setText(tr("The check could not run: %1").arg(outcome.error));
            Q_EMIT checkFinished(false);
            return;
        }
        const CheckReport &r = *outcome.report;
        if (r.healthy()) {
            m_checkResult->setText(
                tr("<b>No damage found.</b> %n backup(s) checked, %1 of %2 data packs read back "
                   "and verified, in %3.",
                   nullptr, r.generations)
                    .arg(r.packsRead)
                    .arg(r.packs)
                    .arg(text::duration(r.durationSeconds)));
        } else {
            QString details;
            for (const CheckFinding &f : r.damaged.mid(0, 5))
                details += QStringLiteral("<li>%1: %2</li>")
                               .arg(f.object.toHtmlEscaped(), f.message.toHtmlEscaped());
            m_checkResult->setText(
                tr("<b>Damage found:</b> %1 damaged object(s), %2 file(s) that cannot be "
                   "restored whole.<ul>%3</ul>Run <tt>obnam-cli check</tt> for the full list "
                   "and <tt>obnam-cli repair</tt> to rebuild what can be rebuilt.")
                    .arg(r.damaged.size())
                    .arg(r.affected.size())
                    .arg(details));
        }
        Q_EMIT checkFinished(r.healthy());
    });
}

} // namespace obnam::gui
