<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>obnam::gui::BrowserWindow</name>
    <message numerus="yes">
        <source>Preparing the search: %1 of %n backup(s) read…</source>
        <translation>
            <numerusform>Preparing the search: %1 of %n backup read…</numerusform>
            <numerusform>Preparing the search: %1 of %n backups read…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n backup.</numerusform>
            <numerusform>%n backups.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in all backups. Enter shows one in the newest backup that has it.</source>
        <translation>
            <numerusform>%n hit in all backups. Enter shows one in the newest backup that has it.</numerusform>
            <numerusform>%n hits in all backups. Enter shows one in the newest backup that has it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n different version(s)</source>
        <translation>
            <numerusform>%n different version</numerusform>
            <numerusform>%n different versions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::MainWindow</name>
    <message numerus="yes">
        <source>(leaving out %n pattern(s))</source>
        <translation>
            <numerusform>(leaving out %n pattern)</numerusform>
            <numerusform>(leaving out %n patterns)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 new</source>
        <translation>
            <numerusform>%n file, %1 new</numerusform>
            <numerusform>%n files, %1 new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreDialog</name>
    <message numerus="yes">
        <source>Restore %n chosen items as they were backed up %1.</source>
        <translation>
            <numerusform>Restore %n chosen items as they was backed up %1.</numerusform>
            <numerusform>Restore %n chosen items as they were backed up %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be created.</source>
        <translation>
            <numerusform>%n item will be created.</numerusform>
            <numerusform>%n items will be created.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>Restored %n item (%1) to %2.</numerusform>
            <numerusform>Restored %n items (%1) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be restored, or only with a caveat: see the list.</source>
        <translation>
            <numerusform>%n item could not be restored, or only with a caveat: see the list.</numerusform>
            <numerusform>%n items could not be restored, or only with a caveat: see the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already there: %n item(s).</source>
        <translation>
            <numerusform>Already there: %n item.</numerusform>
            <numerusform>Already there: %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not restorable, as they could not be read when they were backed up: %n item(s).</source>
        <translation>
            <numerusform>Not restorable, as they could not be read when they was backed up: %n item.</numerusform>
            <numerusform>Not restorable, as they could not be read when they were backed up: %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Restored whole before it: %n item(s); nothing was left half-written.</source>
        <translation>
            <numerusform>Cancelled. Restored whole before it: %n item; nothing was left half-written.</numerusform>
            <numerusform>Cancelled. Restored whole before it: %n items; nothing was left half-written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestorePage</name>
    <message numerus="yes">
        <source>%1 — %n file(s), %2, from %3</source>
        <translation>
            <numerusform>%1 — %n file, %2, from %3</numerusform>
            <numerusform>%1 — %n files, %2, from %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2.</source>
        <translation>
            <numerusform>&lt;b&gt;Restored %n file&lt;/b&gt; (%1) into %2.</numerusform>
            <numerusform>&lt;b&gt;Restored %n files&lt;/b&gt; (%1) into %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restore was stopped. %n file(s) were restored whole; none was left half-written.</source>
        <translation>
            <numerusform>The restore was stopped. %n file was restored whole; none was left half-written.</numerusform>
            <numerusform>The restore was stopped. %n files were restored whole; none was left half-written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2, but not everything.</source>
        <translation>
            <numerusform>&lt;b&gt;Restored %n file&lt;/b&gt; (%1) into %2, but not everything.</numerusform>
            <numerusform>&lt;b&gt;Restored %n files&lt;/b&gt; (%1) into %2, but not everything.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RunHistoryModel</name>
    <message numerus="yes">
        <source>succeeded, %n warning(s)</source>
        <translation>
            <numerusform>succeeded, %n warning</numerusform>
            <numerusform>succeeded, %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::ScheduledBackups</name>
    <message numerus="yes">
        <source>%n file(s) backed up, %1 of new data.</source>
        <translation>
            <numerusform>%n file backed up, %1 of new data.</numerusform>
            <numerusform>%n files backed up, %1 of new data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The last successful backup is more than %n day(s) old.</source>
        <translation>
            <numerusform>The last successful backup is more than %n day old.</numerusform>
            <numerusform>The last successful backup is more than %n days old.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk that holds your backups has not been attached for %n day(s). Attach it and the backup runs.</source>
        <translation>
            <numerusform>The disk that holds your backups has not been attached for %n day. Attach it and the backup runs.</numerusform>
            <numerusform>The disk that holds your backups has not been attached for %n days. Attach it and the backup runs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::SearchResultsModel</name>
    <message numerus="yes">
        <source>%n of %1</source>
        <translation>
            <numerusform>%n of %1</numerusform>
            <numerusform>%n of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::SettingsDialog</name>
    <message numerus="yes">
        <source>the %n newest backup(s)</source>
        <translation>
            <numerusform>the %n newest backup</numerusform>
            <numerusform>the %n newest backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n hour(s) that have one</source>
        <translation>
            <numerusform>the newest backup of each of the last %n hour that have one</numerusform>
            <numerusform>the newest backup of each of the last %n hours that have one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n day(s) that have one</source>
        <translation>
            <numerusform>the newest backup of each of the last %n day that have one</numerusform>
            <numerusform>the newest backup of each of the last %n days that have one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n week(s) that have one</source>
        <translation>
            <numerusform>the newest backup of each of the last %n week that have one</numerusform>
            <numerusform>the newest backup of each of the last %n weeks that have one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n month(s) that have one</source>
        <translation>
            <numerusform>the newest backup of each of the last %n month that have one</numerusform>
            <numerusform>the newest backup of each of the last %n months that have one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n year(s) that have one</source>
        <translation>
            <numerusform>the newest backup of each of the last %n year that have one</numerusform>
            <numerusform>the newest backup of each of the last %n years that have one</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;No damage found.&lt;/b&gt; %n backup(s) checked, %1 of %2 data packs read back and verified, in %3.</source>
        <translation>
            <numerusform>&lt;b&gt;No damage found.&lt;/b&gt; %n backup checked, %1 of %2 data packs read back and verified, in %3.</numerusform>
            <numerusform>&lt;b&gt;No damage found.&lt;/b&gt; %n backups checked, %1 of %2 data packs read back and verified, in %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::TrayIcon</name>
    <message numerus="yes">
        <source>Backing up: %1 %, %n file(s) looked at</source>
        <translation>
            <numerusform>Backing up: %1 %, %n file looked at</numerusform>
            <numerusform>Backing up: %1 %, %n files looked at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backing up: %n file(s) looked at</source>
        <translation>
            <numerusform>Backing up: %n file looked at</numerusform>
            <numerusform>Backing up: %n files looked at</numerusform>
        </translation>
    </message>
</context>
</TS>
