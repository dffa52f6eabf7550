<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Presets</name>
    <message>
        <source>Caches (~/.cache)</source>
        <translation>Zwischenspeicher (~/.cache)</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Downloads (~/Downloads)</source>
        <translation>Downloads (~/Downloads)</translation>
    </message>
    <message>
        <source>Build output (node_modules, __pycache__, *.o, *.pyc)</source>
        <translation>Build-Ausgaben (node_modules, __pycache__, *.o, *.pyc)</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>heute um %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>gestern um %1</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Looking for changes and storing them</source>
        <translation>Änderungen werden gesucht und gespeichert</translation>
    </message>
    <message>
        <source>Storing the new generation</source>
        <translation>Die neue Generation wird gespeichert</translation>
    </message>
    <message>
        <source>Getting the list of files</source>
        <translation>Die Dateiliste wird abgerufen</translation>
    </message>
    <message>
        <source>Restoring files</source>
        <translation>Dateien werden wiederhergestellt</translation>
    </message>
    <message>
        <source>Checking the repository</source>
        <translation>Das Repository wird geprüft</translation>
    </message>
    <message>
        <source>Reading the data back</source>
        <translation>Die Daten werden zurückgelesen</translation>
    </message>
    <message>
        <source>Freeing space</source>
        <translation>Speicherplatz wird freigegeben</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>Wird repariert</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>a backup</source>
        <translation>eine Sicherung</translation>
    </message>
    <message>
        <source>a restore</source>
        <translation>eine Wiederherstellung</translation>
    </message>
    <message>
        <source>a check</source>
        <translation>eine Prüfung</translation>
    </message>
    <message>
        <source>maintenance (%1)</source>
        <translation>Wartung (%1)</translation>
    </message>
    <message>
        <source>%1 on %2 (process %3), since %4</source>
        <translation>%1 auf %2 (Prozess %3), seit %4</translation>
    </message>
    <message>
        <source>a few seconds</source>
        <translation>wenige Sekunden</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>morgen um %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Encrypted, de-duplicating backups for Linux: the desktop backup window.</source>
        <translation>Verschlüsselte, deduplizierende Sicherungen für Linux: das Sicherungsfenster für den Desktop.</translation>
    </message>
    <message>
        <source>Use this configuration file instead of the default.</source>
        <translation>Diese Konfigurationsdatei anstelle der Standarddatei verwenden.</translation>
    </message>
    <message>
        <source>Start in the system tray only, as at login: scheduled backups run, and a click on the icon opens the window.</source>
        <translation>Nur im Infobereich starten, wie bei der Anmeldung: geplante Sicherungen laufen, und ein Klick auf das Symbol öffnet das Fenster.</translation>
    </message>
</context>
<context>
    <name>obnam</name>
    <message>
        <source>configuration key &apos;%1&apos; %2</source>
        <translation>Konfigurationsschlüssel „%1“ %2</translation>
    </message>
    <message>
        <source>uses plain http://, which would send backups unencrypted in transit; use an https: URL or a local repository path</source>
        <translation>verwendet unverschlüsseltes http://, wodurch Sicherungen unverschlüsselt übertragen würden; verwenden Sie eine https:-URL oder einen lokalen Repository-Pfad</translation>
    </message>
    <message>
        <source>(or OBNAM_ACCESS_TOKEN) contains characters a token never has</source>
        <translation>(oder OBNAM_ACCESS_TOKEN) enthält Zeichen, die in einem Token nie vorkommen</translation>
    </message>
    <message>
        <source>names a file that cannot be read: </source>
        <translation>nennt eine Datei, die nicht gelesen werden kann: </translation>
    </message>
    <message>
        <source>holds no PEM certificate</source>
        <translation>enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>is a local repository, so server_cert_sha256 and server_ca_file do not apply</source>
        <translation>ist ein lokales Repository, daher gelten server_cert_sha256 und server_ca_file nicht</translation>
    </message>
    <message>
        <source>configuration must be a YAML mapping</source>
        <translation>die Konfiguration muss eine YAML-Zuordnung sein</translation>
    </message>
    <message>
        <source>unknown configuration key &apos;%1&apos;</source>
        <translation>unbekannter Konfigurationsschlüssel „%1“</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must list at least one directory</source>
        <translation>muss mindestens ein Verzeichnis enthalten</translation>
    </message>
    <message>
        <source>must not contain an empty path</source>
        <translation>darf keinen leeren Pfad enthalten</translation>
    </message>
    <message>
        <source>must be a power of two from 4096 to 16777216</source>
        <translation>muss eine Zweierpotenz von 4096 bis 16777216 sein</translation>
    </message>
    <message>
        <source>must not contain an empty pattern</source>
        <translation>darf kein leeres Muster enthalten</translation>
    </message>
    <message>
        <source>must be a zstd level from 1 to 19 or &apos;none&apos;</source>
        <translation>muss eine zstd-Stufe von 1 bis 19 oder „none“ sein</translation>
    </message>
    <message>
        <source>configuration file does not exist</source>
        <translation>die Konfigurationsdatei existiert nicht</translation>
    </message>
    <message>
        <source>cannot read configuration: </source>
        <translation>die Konfiguration kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>configuration file is too large</source>
        <translation>die Konfigurationsdatei ist zu groß</translation>
    </message>
    <message>
        <source>configuration is not valid YAML: </source>
        <translation>die Konfiguration ist kein gültiges YAML: </translation>
    </message>
    <message>
        <source>configuration file exists</source>
        <translation>die Konfigurationsdatei existiert bereits</translation>
    </message>
    <message>
        <source>cannot create configuration directory</source>
        <translation>das Konfigurationsverzeichnis kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot write configuration: </source>
        <translation>die Konfiguration kann nicht geschrieben werden: </translation>
    </message>
    <message>
        <source>no credentials for this client</source>
        <translation>keine Zugangsdaten für diesen Client</translation>
    </message>
    <message>
        <source>credentials file can be read by other users; refusing to use it (chmod 0400 it, then check who may have copied it)</source>
        <translation>die Zugangsdatendatei ist für andere Benutzer lesbar und wird deshalb nicht verwendet (setzen Sie sie mit chmod auf 0400 und prüfen Sie dann, wer sie kopiert haben könnte)</translation>
    </message>
    <message>
        <source>cannot read credentials: </source>
        <translation>die Zugangsdaten können nicht gelesen werden: </translation>
    </message>
    <message>
        <source>credentials file lacks repository_id or master_keys</source>
        <translation>in der Zugangsdatendatei fehlt repository_id oder master_keys</translation>
    </message>
    <message>
        <source>credentials file: repository_id is not a hex id</source>
        <translation>Zugangsdatendatei: repository_id ist keine hexadezimale ID</translation>
    </message>
    <message>
        <source>credentials file is not valid YAML: </source>
        <translation>die Zugangsdatendatei ist kein gültiges YAML: </translation>
    </message>
    <message>
        <source>cannot create directory</source>
        <translation>das Verzeichnis kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot create credentials file</source>
        <translation>die Zugangsdatendatei kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot write credentials file</source>
        <translation>die Zugangsdatendatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>keyring: </source>
        <translation>Schlüsselbund: </translation>
    </message>
    <message>
        <source>no desktop keyring is available (no D-Bus session)</source>
        <translation>kein Desktop-Schlüsselbund verfügbar (keine D-Bus-Sitzung)</translation>
    </message>
    <message>
        <source>cannot read passphrase file: </source>
        <translation>die Passphrasendatei kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>passphrase file is empty</source>
        <translation>die Passphrasendatei ist leer</translation>
    </message>
    <message>
        <source>OBNAM_PASSPHRASE is set but empty</source>
        <translation>OBNAM_PASSPHRASE ist gesetzt, aber leer</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>succeeded with warnings</source>
        <translation>erfolgreich mit Warnungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>new CACHEDIR.TAG: its directory&apos;s contents were not backed up</source>
        <translation>neue CACHEDIR.TAG: der Inhalt ihres Verzeichnisses wurde nicht gesichert</translation>
    </message>
    <message>
        <source>cannot create the history folder</source>
        <translation>der Verlaufsordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot write the history: </source>
        <translation>der Verlauf kann nicht geschrieben werden: </translation>
    </message>
    <message>
        <source>server_url must be https://HOST or https://HOST:PORT</source>
        <translation>server_url muss https://HOST oder https://HOST:PORT sein</translation>
    </message>
    <message>
        <source>an obnam-server needs an access token: set access_token in the configuration or OBNAM_ACCESS_TOKEN</source>
        <translation>ein obnam-server benötigt ein Zugangstoken: setzen Sie access_token in der Konfiguration oder OBNAM_ACCESS_TOKEN</translation>
    </message>
    <message>
        <source>a backup from this computer is already running: %1</source>
        <translation>eine Sicherung dieses Computers läuft bereits: %1</translation>
    </message>
    <message>
        <source>--root and --repository only apply when no configuration exists yet; edit the configuration instead</source>
        <translation>--root und --repository gelten nur, solange noch keine Konfiguration existiert; bearbeiten Sie stattdessen die Konfiguration</translation>
    </message>
    <message>
        <source>the directory is not empty and is not an obnam repository; choose an empty or new directory (or pass --allow-non-empty)</source>
        <translation>das Verzeichnis ist nicht leer und kein obnam-Repository; wählen Sie ein leeres oder neues Verzeichnis (oder übergeben Sie --allow-non-empty)</translation>
    </message>
    <message>
        <source>cannot write the configuration</source>
        <translation>die Konfiguration kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>injected storage failure</source>
        <translation>simulierter Speicherfehler</translation>
    </message>
    <message>
        <source>the server refused the request: </source>
        <translation>der Server hat die Anfrage abgelehnt: </translation>
    </message>
    <message>
        <source>the server refused the access token</source>
        <translation>der Server hat das Zugangstoken abgelehnt</translation>
    </message>
    <message>
        <source>the server does not allow this: </source>
        <translation>der Server erlaubt dies nicht: </translation>
    </message>
    <message>
        <source>no such object</source>
        <translation>kein solches Objekt</translation>
    </message>
    <message>
        <source>object exists</source>
        <translation>das Objekt existiert bereits</translation>
    </message>
    <message>
        <source>the object is larger than the server accepts</source>
        <translation>das Objekt ist größer, als der Server annimmt</translation>
    </message>
    <message>
        <source>object is shorter than expected</source>
        <translation>das Objekt ist kürzer als erwartet</translation>
    </message>
    <message>
        <source>the server is out of storage: </source>
        <translation>der Server hat keinen Speicherplatz mehr: </translation>
    </message>
    <message>
        <source>server error %1: %2</source>
        <translation>Serverfehler %1: %2</translation>
    </message>
    <message>
        <source>unexpected HTTP status %1</source>
        <translation>unerwarteter HTTP-Status %1</translation>
    </message>
    <message>
        <source>invalid range</source>
        <translation>ungültiger Bereich</translation>
    </message>
    <message>
        <source>server sent no object size</source>
        <translation>der Server hat keine Objektgröße gesendet</translation>
    </message>
    <message>
        <source>server listed an invalid name</source>
        <translation>der Server hat einen ungültigen Namen aufgelistet</translation>
    </message>
    <message>
        <source>cannot open directory</source>
        <translation>das Verzeichnis kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot sync directory</source>
        <translation>das Verzeichnis kann nicht synchronisiert werden</translation>
    </message>
    <message>
        <source>cannot create repository directory</source>
        <translation>das Repository-Verzeichnis kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot read object</source>
        <translation>das Objekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>object is shorter than expected (wanted %1 bytes at offset %2)</source>
        <translation>das Objekt ist kürzer als erwartet (%1 Bytes an Position %2 angefordert)</translation>
    </message>
    <message>
        <source>cannot open object</source>
        <translation>das Objekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot stat object</source>
        <translation>stat für das Objekt ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>Schreiben nicht möglich</translation>
    </message>
    <message>
        <source>cannot sync</source>
        <translation>Synchronisieren nicht möglich</translation>
    </message>
    <message>
        <source>cannot replace object</source>
        <translation>das Objekt kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>cannot create temporary file</source>
        <translation>die temporäre Datei kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot close</source>
        <translation>Schließen nicht möglich</translation>
    </message>
    <message>
        <source>object is not a regular file</source>
        <translation>das Objekt ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>repository directory does not exist</source>
        <translation>das Repository-Verzeichnis existiert nicht</translation>
    </message>
    <message>
        <source>cannot remove object</source>
        <translation>das Objekt kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>invalid object name</source>
        <translation>ungültiger Objektname</translation>
    </message>
    <message>
        <source>chunk average size must be a power of two of at least %1, not %2</source>
        <translation>die durchschnittliche Blockgröße muss eine Zweierpotenz von mindestens %1 sein, nicht %2</translation>
    </message>
    <message>
        <source>chunk minimum size %1 must be between 1 and the average %2</source>
        <translation>die minimale Blockgröße %1 muss zwischen 1 und dem Durchschnitt %2 liegen</translation>
    </message>
    <message>
        <source>chunk maximum size %1 must be between the average %2 and %3</source>
        <translation>die maximale Blockgröße %1 muss zwischen dem Durchschnitt %2 und %3 liegen</translation>
    </message>
    <message>
        <source>unknown chunking algorithm</source>
        <translation>unbekannter Algorithmus zur Blockaufteilung</translation>
    </message>
    <message>
        <source>chunker sizes missing or out of range</source>
        <translation>Blockgrößen fehlen oder liegen außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>empty payload has no codec tag</source>
        <translation>leere Nutzdaten haben keine Codec-Kennung</translation>
    </message>
    <message>
        <source>payload larger than allowed</source>
        <translation>Nutzdaten größer als erlaubt</translation>
    </message>
    <message>
        <source>unknown compression codec %1</source>
        <translation>unbekannter Kompressionscodec %1</translation>
    </message>
    <message>
        <source>compressed payload has no valid size</source>
        <translation>komprimierte Nutzdaten haben keine gültige Größe</translation>
    </message>
    <message>
        <source>compressed payload claims %1 bytes, more than the limit of %2</source>
        <translation>komprimierte Nutzdaten geben %1 Bytes an, mehr als die Grenze von %2</translation>
    </message>
    <message>
        <source>compressed payload does not decode</source>
        <translation>komprimierte Nutzdaten lassen sich nicht dekodieren</translation>
    </message>
    <message>
        <source>bad key or nonce size</source>
        <translation>ungültige Schlüssel- oder Nonce-Größe</translation>
    </message>
    <message>
        <source>encrypted data is truncated</source>
        <translation>verschlüsselte Daten sind abgeschnitten</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Authentifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown key derivation algorithm</source>
        <translation>unbekannter Algorithmus zur Schlüsselableitung</translation>
    </message>
    <message>
        <source>key derivation parameters out of range</source>
        <translation>Parameter der Schlüsselableitung außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>key derivation failed: </source>
        <translation>Schlüsselableitung fehlgeschlagen: </translation>
    </message>
    <message>
        <source>no backup roots given</source>
        <translation>keine zu sichernden Wurzelverzeichnisse angegeben</translation>
    </message>
    <message>
        <source>backup root does not exist or cannot be examined: </source>
        <translation>das zu sichernde Wurzelverzeichnis existiert nicht oder kann nicht untersucht werden: </translation>
    </message>
    <message>
        <source>exclude pattern matched nothing in this backup</source>
        <translation>das Ausschlussmuster hat in dieser Sicherung nichts gefunden</translation>
    </message>
    <message>
        <source>backup root vanished</source>
        <translation>das zu sichernde Wurzelverzeichnis ist verschwunden</translation>
    </message>
    <message>
        <source>backup cancelled</source>
        <translation>Sicherung abgebrochen</translation>
    </message>
    <message>
        <source>cannot read directory: </source>
        <translation>das Verzeichnis kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>error while reading directory: </source>
        <translation>Fehler beim Lesen des Verzeichnisses: </translation>
    </message>
    <message>
        <source>cannot examine: </source>
        <translation>kann nicht untersucht werden: </translation>
    </message>
    <message>
        <source>cannot list extended attributes: </source>
        <translation>erweiterte Attribute können nicht aufgelistet werden: </translation>
    </message>
    <message>
        <source>extended attributes are malformed</source>
        <translation>erweiterte Attribute sind fehlerhaft</translation>
    </message>
    <message>
        <source>cannot read generation database: </source>
        <translation>die Generationsdatenbank kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>short read of generation database</source>
        <translation>unvollständiges Lesen der Generationsdatenbank</translation>
    </message>
    <message>
        <source>cannot create file: </source>
        <translation>die Datei kann nicht erstellt werden: </translation>
    </message>
    <message>
        <source>fetching the generation database was cancelled</source>
        <translation>das Abrufen der Generationsdatenbank wurde abgebrochen</translation>
    </message>
    <message>
        <source>generation database is larger than recorded</source>
        <translation>die Generationsdatenbank ist größer als verzeichnet</translation>
    </message>
    <message>
        <source>cannot write cached database: </source>
        <translation>die zwischengespeicherte Datenbank kann nicht geschrieben werden: </translation>
    </message>
    <message>
        <source>generation database is smaller than recorded</source>
        <translation>die Generationsdatenbank ist kleiner als verzeichnet</translation>
    </message>
    <message>
        <source>cannot place cached database</source>
        <translation>die zwischengespeicherte Datenbank kann nicht abgelegt werden</translation>
    </message>
    <message>
        <source>generation contains a path that would escape the target directory</source>
        <translation>die Generation enthält einen Pfad, der aus dem Zielverzeichnis herausführen würde</translation>
    </message>
    <message>
        <source>no such path in the generation</source>
        <translation>dieser Pfad ist in der Generation nicht vorhanden</translation>
    </message>
    <message>
        <source>restore target is not empty (use --overwrite to restore into it anyway)</source>
        <translation>das Wiederherstellungsziel ist nicht leer (verwenden Sie --overwrite, um trotzdem dorthin wiederherzustellen)</translation>
    </message>
    <message>
        <source>cannot create restore target</source>
        <translation>das Wiederherstellungsziel kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot open restore target</source>
        <translation>das Wiederherstellungsziel kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>restore interrupted</source>
        <translation>Wiederherstellung unterbrochen</translation>
    </message>
    <message>
        <source>chunk %1 is not in the repository&apos;s index</source>
        <translation>Block %1 ist nicht im Index des Repositorys</translation>
    </message>
    <message>
        <source>its chunks hold %1 bytes but the generation records %2</source>
        <translation>seine Blöcke enthalten %1 Bytes, aber die Generation verzeichnet %2</translation>
    </message>
    <message>
        <source>restore stopped</source>
        <translation>Wiederherstellung angehalten</translation>
    </message>
    <message>
        <source>chunk %1 is not as long as the index says</source>
        <translation>Block %1 ist nicht so lang, wie der Index angibt</translation>
    </message>
    <message>
        <source>unknown entry kind</source>
        <translation>unbekannte Eintragsart</translation>
    </message>
    <message>
        <source>cannot create hard link</source>
        <translation>harter Link kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>not restored: the file it is a hard link to could not be restored</source>
        <translation>nicht wiederhergestellt: die Datei, auf die dieser harte Link verweist, konnte nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>cannot set owner</source>
        <translation>Eigentümer kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>cannot set extended attribute </source>
        <translation>erweitertes Attribut kann nicht gesetzt werden: </translation>
    </message>
    <message>
        <source>cannot set permissions safely: /proc is not mounted</source>
        <translation>Berechtigungen können nicht sicher gesetzt werden: /proc ist nicht eingehängt</translation>
    </message>
    <message>
        <source>cannot set permissions</source>
        <translation>Berechtigungen können nicht gesetzt werden</translation>
    </message>
    <message>
        <source>cannot set times</source>
        <translation>Zeitstempel können nicht gesetzt werden</translation>
    </message>
    <message>
        <source>cannot open restored entry</source>
        <translation>der wiederhergestellte Eintrag kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>not restored: the entry was replaced by something else while it was being restored</source>
        <translation>nicht wiederhergestellt: der Eintrag wurde während der Wiederherstellung durch etwas anderes ersetzt</translation>
    </message>
    <message>
        <source>cannot create file</source>
        <translation>die Datei kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot set file size</source>
        <translation>die Dateigröße kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>cannot move restored file into place</source>
        <translation>die wiederhergestellte Datei kann nicht an ihren Platz verschoben werden</translation>
    </message>
    <message>
        <source>generation database: %1: %2</source>
        <translation>Generationsdatenbank: %1: %2</translation>
    </message>
    <message>
        <source>cannot create generation database: </source>
        <translation>die Generationsdatenbank kann nicht erstellt werden: </translation>
    </message>
    <message>
        <source>cannot begin transaction</source>
        <translation>die Transaktion kann nicht begonnen werden</translation>
    </message>
    <message>
        <source>the SQLite driver gives no handle</source>
        <translation>der SQLite-Treiber liefert kein Handle</translation>
    </message>
    <message>
        <source>generation database: prepare inserts: </source>
        <translation>Generationsdatenbank: Einfügungen vorbereiten: </translation>
    </message>
    <message>
        <source>generation database is missing</source>
        <translation>die Generationsdatenbank fehlt</translation>
    </message>
    <message>
        <source>cannot open generation database: </source>
        <translation>die Generationsdatenbank kann nicht geöffnet werden: </translation>
    </message>
    <message>
        <source>generation database is not an SQLite database</source>
        <translation>die Generationsdatenbank ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>generation database is not an SQLite database of this program: </source>
        <translation>die Generationsdatenbank ist keine SQLite-Datenbank dieses Programms: </translation>
    </message>
    <message>
        <source>the generation was made by a newer version of obnam (database schema %1.%2; this version reads %3.x): upgrade obnam to read it</source>
        <translation>die Generation wurde von einer neueren Version von obnam erstellt (Datenbankschema %1.%2; diese Version liest %3.x): aktualisieren Sie obnam, um sie zu lesen</translation>
    </message>
    <message>
        <source>generation database has an unknown schema version %1</source>
        <translation>die Generationsdatenbank hat eine unbekannte Schemaversion %1</translation>
    </message>
    <message>
        <source>generation database lacks its tables (meta, files, chunks)</source>
        <translation>der Generationsdatenbank fehlen ihre Tabellen (meta, files, chunks)</translation>
    </message>
    <message>
        <source>no meta value </source>
        <translation>kein Meta-Wert </translation>
    </message>
    <message>
        <source>generation database is not open for writing</source>
        <translation>die Generationsdatenbank ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>cannot commit generation database: </source>
        <translation>die Generationsdatenbank kann nicht festgeschrieben werden: </translation>
    </message>
    <message>
        <source>generation database index disagrees with its table</source>
        <translation>der Index der Generationsdatenbank stimmt nicht mit ihrer Tabelle überein</translation>
    </message>
    <message>
        <source>generation database has a bad chunk id</source>
        <translation>die Generationsdatenbank enthält eine ungültige Block-ID</translation>
    </message>
    <message>
        <source>check cancelled</source>
        <translation>Prüfung abgebrochen</translation>
    </message>
    <message>
        <source>prune stopped before deleting anything: </source>
        <translation>prune wurde angehalten, bevor etwas gelöscht wurde: </translation>
    </message>
    <message>
        <source>a damaged object makes the references unknowable (%1)</source>
        <translation>ein beschädigtes Objekt macht die Verweise unbestimmbar (%1)</translation>
    </message>
    <message>
        <source>the index names %1 pack(s) the storage does not hold</source>
        <translation>der Index nennt %1 Paket(e), die der Speicher nicht enthält</translation>
    </message>
    <message>
        <source>prune cancelled; nothing was changed</source>
        <translation>prune abgebrochen; es wurde nichts geändert</translation>
    </message>
    <message>
        <source>generation %1 cannot be read: %2</source>
        <translation>Generation %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>chunk %1 is used by a generation but is in no index object</source>
        <translation>Block %1 wird von einer Generation verwendet, ist aber in keinem Index-Objekt</translation>
    </message>
    <message>
        <source>the index names a pack the storage does not list</source>
        <translation>der Index nennt ein Paket, das der Speicher nicht auflistet</translation>
    </message>
    <message>
        <source>prune cancelled; nothing was removed</source>
        <translation>prune abgebrochen; es wurde nichts entfernt</translation>
    </message>
    <message>
        <source>a live chunk cannot be read for repacking: </source>
        <translation>ein verwendeter Block kann zum Neupacken nicht gelesen werden: </translation>
    </message>
    <message>
        <source>prune cancelled after it rewrote the index; %1 packs it had still to delete are left for the next prune</source>
        <translation>prune wurde nach dem Neuschreiben des Index abgebrochen; %1 noch zu löschende Pakete bleiben für den nächsten prune-Lauf übrig</translation>
    </message>
    <message>
        <source>repair cancelled; the index is unchanged</source>
        <translation>repair abgebrochen; der Index ist unverändert</translation>
    </message>
    <message>
        <source>index: </source>
        <translation>Index: </translation>
    </message>
    <message>
        <source>bad magic</source>
        <translation>ungültige Magic-Kennung</translation>
    </message>
    <message>
        <source>unknown index version</source>
        <translation>unbekannte Index-Version</translation>
    </message>
    <message>
        <source>pack count exceeds the object</source>
        <translation>die Paketanzahl übersteigt das Objekt</translation>
    </message>
    <message>
        <source>entry count exceeds the object</source>
        <translation>die Eintragsanzahl übersteigt das Objekt</translation>
    </message>
    <message>
        <source>entry uses the header nonce</source>
        <translation>ein Eintrag verwendet die Nonce des Headers</translation>
    </message>
    <message>
        <source>trailing bytes</source>
        <translation>überzählige Bytes am Ende</translation>
    </message>
    <message>
        <source>a chunk prepared as stored is not in the repository</source>
        <translation>ein als gespeichert vorbereiteter Block ist nicht im Repository</translation>
    </message>
    <message>
        <source>generation record: </source>
        <translation>Generationseintrag: </translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
    <message>
        <source>the generation was made by a newer version of obnam (record version %1; this version reads up to %2): upgrade obnam to read it</source>
        <translation>die Generation wurde von einer neueren Version von obnam erstellt (Eintragsversion %1; diese Version liest bis %2): aktualisieren Sie obnam, um sie zu lesen</translation>
    </message>
    <message>
        <source>unknown generation record version</source>
        <translation>unbekannte Version des Generationseintrags</translation>
    </message>
    <message>
        <source>bad database chunk id</source>
        <translation>ungültige Block-ID der Datenbank</translation>
    </message>
    <message>
        <source>missing or invalid fields</source>
        <translation>fehlende oder ungültige Felder</translation>
    </message>
    <message>
        <source>key slot has no authentication code at its end</source>
        <translation>der Schlüsselplatz hat am Ende keinen Authentifizierungscode</translation>
    </message>
    <message>
        <source>key slot authentication code is malformed</source>
        <translation>der Authentifizierungscode des Schlüsselplatzes ist fehlerhaft</translation>
    </message>
    <message>
        <source>key slot is too large</source>
        <translation>der Schlüsselplatz ist zu groß</translation>
    </message>
    <message>
        <source>key slot is not valid JSON</source>
        <translation>der Schlüsselplatz ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>unknown key slot version</source>
        <translation>unbekannte Version des Schlüsselplatzes</translation>
    </message>
    <message>
        <source>key slot fields have the wrong size</source>
        <translation>die Felder des Schlüsselplatzes haben die falsche Größe</translation>
    </message>
    <message>
        <source>key slot has been changed or damaged (its authentication code does not match)</source>
        <translation>der Schlüsselplatz wurde verändert oder beschädigt (sein Authentifizierungscode stimmt nicht überein)</translation>
    </message>
    <message>
        <source>wrong passphrase: it does not open this key slot</source>
        <translation>falsche Passphrase: sie öffnet diesen Schlüsselplatz nicht</translation>
    </message>
    <message>
        <source>lock object is malformed</source>
        <translation>das Sperrobjekt ist fehlerhaft</translation>
    </message>
    <message>
        <source>the repository is locked: %1</source>
        <translation>das Repository ist gesperrt: %1</translation>
    </message>
    <message>
        <source>master key material has the wrong form</source>
        <translation>das Hauptschlüsselmaterial hat die falsche Form</translation>
    </message>
    <message>
        <source>object is truncated or not an obnam object</source>
        <translation>das Objekt ist abgeschnitten oder kein obnam-Objekt</translation>
    </message>
    <message>
        <source>unknown object version %1</source>
        <translation>unbekannte Objektversion %1</translation>
    </message>
    <message>
        <source>object has the wrong type</source>
        <translation>das Objekt hat den falschen Typ</translation>
    </message>
    <message>
        <source>object does not authenticate (damaged, or from another repository)</source>
        <translation>das Objekt lässt sich nicht authentifizieren (beschädigt oder aus einem anderen Repository)</translation>
    </message>
    <message>
        <source>chunk uses the header&apos;s nonce</source>
        <translation>der Block verwendet die Nonce des Headers</translation>
    </message>
    <message>
        <source>pack: </source>
        <translation>Paket: </translation>
    </message>
    <message>
        <source>truncated or not a pack</source>
        <translation>abgeschnitten oder kein Paket</translation>
    </message>
    <message>
        <source>unknown pack version</source>
        <translation>unbekannte Paketversion</translation>
    </message>
    <message>
        <source>header length out of range</source>
        <translation>Header-Länge außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>header does not authenticate</source>
        <translation>der Header lässt sich nicht authentifizieren</translation>
    </message>
    <message>
        <source>header entry count does not match its size</source>
        <translation>die Eintragsanzahl im Header passt nicht zu seiner Größe</translation>
    </message>
    <message>
        <source>header entry %1 points outside the pack</source>
        <translation>Header-Eintrag %1 zeigt außerhalb des Pakets</translation>
    </message>
    <message>
        <source>repository config: </source>
        <translation>Repository-Konfiguration: </translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>not an obnam repository</source>
        <translation>kein obnam-Repository</translation>
    </message>
    <message>
        <source>the repository was written by a newer version of obnam (repository format %1; this version reads up to %2): upgrade obnam to use it</source>
        <translation>das Repository wurde von einer neueren Version von obnam geschrieben (Repository-Format %1; diese Version liest bis %2): aktualisieren Sie obnam, um es zu verwenden</translation>
    </message>
    <message>
        <source>unknown repository format version %1</source>
        <translation>unbekannte Repository-Formatversion %1</translation>
    </message>
    <message>
        <source>unknown chunk id kind</source>
        <translation>unbekannte Art von Block-ID</translation>
    </message>
    <message>
        <source>bad repository id</source>
        <translation>ungültige Repository-ID</translation>
    </message>
    <message>
        <source>pack size out of range</source>
        <translation>Paketgröße außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>missing or malformed mac</source>
        <translation>fehlender oder fehlerhafter MAC</translation>
    </message>
    <message>
        <source>no repository here (the config object is missing)</source>
        <translation>hier ist kein Repository (das config-Objekt fehlt)</translation>
    </message>
    <message>
        <source>a repository already exists here</source>
        <translation>hier existiert bereits ein Repository</translation>
    </message>
    <message>
        <source>the passphrase is empty</source>
        <translation>die Passphrase ist leer</translation>
    </message>
    <message>
        <source>the repository has no key slots</source>
        <translation>das Repository hat keine Schlüsselplätze</translation>
    </message>
    <message>
        <source>wrong passphrase: no key slot of this repository opens with it</source>
        <translation>falsche Passphrase: sie öffnet keinen Schlüsselplatz dieses Repositorys</translation>
    </message>
    <message>
        <source>invalid key material</source>
        <translation>ungültiges Schlüsselmaterial</translation>
    </message>
    <message>
        <source>these credentials belong to a different repository (%1…) than the one at %2 (%3…): another client&apos;s access token, or a changed server_url?</source>
        <translation>diese Zugangsdaten gehören zu einem anderen Repository (%1…) als dem unter %2 (%3…): das Zugangstoken eines anderen Clients oder eine geänderte server_url?</translation>
    </message>
    <message>
        <source>the repository&apos;s config object has been changed or damaged (its authentication code does not match)</source>
        <translation>das config-Objekt des Repositorys wurde verändert oder beschädigt (sein Authentifizierungscode stimmt nicht überein)</translation>
    </message>
    <message>
        <source>chunk is not in the index</source>
        <translation>der Block ist nicht im Index</translation>
    </message>
    <message>
        <source>chunk does not authenticate</source>
        <translation>der Block lässt sich nicht authentifizieren</translation>
    </message>
    <message>
        <source>chunk content does not match its id</source>
        <translation>der Blockinhalt passt nicht zu seiner ID</translation>
    </message>
    <message>
        <source>no such key slot</source>
        <translation>kein solcher Schlüsselplatz</translation>
    </message>
    <message>
        <source>refusing to remove the last key slot: the repository could never be opened again</source>
        <translation>der letzte Schlüsselplatz wird nicht entfernt: das Repository könnte sonst nie wieder geöffnet werden</translation>
    </message>
    <message>
        <source>the new passphrase is empty</source>
        <translation>die neue Passphrase ist leer</translation>
    </message>
    <message>
        <source>the storage acknowledged this object but does not hold it (%1 of %2 bytes); it may be losing writes</source>
        <translation>der Speicher hat dieses Objekt bestätigt, enthält es aber nicht (%1 von %2 Bytes); möglicherweise gehen Schreibvorgänge verloren</translation>
    </message>
    <message>
        <source>object content does not match its name (damaged or swapped)</source>
        <translation>der Objektinhalt passt nicht zu seinem Namen (beschädigt oder vertauscht)</translation>
    </message>
    <message>
        <source>Unknown generation: </source>
        <translation>Unbekannte Generation: </translation>
    </message>
    <message>
        <source>the repository has no generations yet</source>
        <translation>das Repository hat noch keine Generationen</translation>
    </message>
    <message>
        <source>ambiguous generation prefix %1 matches %2 generations</source>
        <translation>das mehrdeutige Generationspräfix %1 passt auf %2 Generationen</translation>
    </message>
    <message>
        <source>cannot create cache directory</source>
        <translation>das Cache-Verzeichnis kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot use cache directory</source>
        <translation>das Cache-Verzeichnis kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>cache directory is not a directory</source>
        <translation>das Cache-Verzeichnis ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>cannot make cache directory private</source>
        <translation>das Cache-Verzeichnis kann nicht privat gemacht werden</translation>
    </message>
    <message>
        <source>a server address starts with https:// and names a host</source>
        <translation>eine Serveradresse beginnt mit https:// und nennt einen Rechner</translation>
    </message>
    <message>
        <source>cannot reach the server at %1: %2</source>
        <translation>der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the server presented no certificate</source>
        <translation>der Server hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>a SHA-256 fingerprint is 64 hexadecimal digits (colons allowed); obnam-server prints it when it starts</source>
        <translation>ein SHA-256-Fingerabdruck besteht aus 64 Hexadezimalziffern (Doppelpunkte erlaubt); obnam-server gibt ihn beim Start aus</translation>
    </message>
    <message>
        <source>the repository&apos;s config object</source>
        <translation>das config-Objekt des Repositorys</translation>
    </message>
    <message>
        <source>TLS certificate problem with the server at %1: %2</source>
        <translation>TLS-Zertifikatsproblem mit dem Server unter %1: %2</translation>
    </message>
    <message>
        <source>TLS certificate problem with the server: %1</source>
        <translation>TLS-Zertifikatsproblem mit dem Server: %1</translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation>der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>cannot create symbolic link</source>
        <translation>symbolische Verknüpfung kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot create named pipe</source>
        <translation>benannte Pipe kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot create socket</source>
        <translation>Socket kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot create device node</source>
        <translation>Gerätedatei kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>das Muster ist leer</translation>
    </message>
    <message>
        <source>the pattern cannot be used: %1</source>
        <translation>das Muster ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>the search index cannot be rebuilt</source>
        <translation>der Suchindex lässt sich nicht neu aufbauen</translation>
    </message>
    <message>
        <source>search index: %1: %2</source>
        <translation>Suchindex: %1: %2</translation>
    </message>
    <message>
        <source>updating the search index was cancelled</source>
        <translation>die Aktualisierung des Suchindex wurde abgebrochen</translation>
    </message>
    <message>
        <source>the search index lacks a path it had</source>
        <translation>dem Suchindex fehlt ein Pfad, den er hatte</translation>
    </message>
    <message>
        <source>the preview was cancelled</source>
        <translation>die Vorschau wurde abgebrochen</translation>
    </message>
    <message>
        <source>generation database has an invalid file row</source>
        <translation>die Datenbank der Generation enthält eine ungültige Dateizeile</translation>
    </message>
    <message>
        <source>the file was not restored</source>
        <translation>die Datei wurde nicht wiederhergestellt</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the autostart entry: </source>
        <translation>der Autostart-Eintrag kann nicht geschrieben werden: </translation>
    </message>
    <message>
        <source>cannot remove the autostart entry</source>
        <translation>der Autostart-Eintrag kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>must be one of off, hourly, daily or weekly</source>
        <translation>muss off, hourly, daily oder weekly sein</translation>
    </message>
    <message>
        <source>must be a time of day as HH:MM, such as 12:30</source>
        <translation>muss eine Uhrzeit als HH:MM sein, etwa 12:30</translation>
    </message>
    <message>
        <source>must be a day of the week, such as monday</source>
        <translation>muss ein Wochentag sein, etwa monday</translation>
    </message>
    <message>
        <source>must be a number of days from 1 to 365</source>
        <translation>muss eine Anzahl Tage von 1 bis 365 sein</translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to 3600</source>
        <translation>muss eine Anzahl Sekunden von 0 bis 3600 sein</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>every hour at %1 minutes past</source>
        <translation>stündlich, %1 Minuten nach der vollen Stunde</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>täglich um %1</translation>
    </message>
    <message>
        <source>every %1 at %2</source>
        <translation>jeden %1 um %2</translation>
    </message>
    <message>
        <source>cannot create the folder of the schedule&apos;s state</source>
        <translation>der Ordner für den Zustand des Zeitplans kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the schedule&apos;s state: </source>
        <translation>der Zustand des Zeitplans kann nicht geschrieben werden: </translation>
    </message>
    <message>
        <source>the schedule&apos;s state is locked</source>
        <translation>der Zustand des Zeitplans ist gesperrt</translation>
    </message>
    <message>
        <source>the S3 bucket does not exist</source>
        <translation>der S3-Bucket existiert nicht</translation>
    </message>
    <message>
        <source>the S3 store refused the request (%1): check the access key, the secret key and the bucket&apos;s permissions</source>
        <translation>der S3-Speicher hat die Anfrage abgelehnt (%1): Prüfen Sie den Zugriffsschlüssel, den geheimen Schlüssel und die Rechte am Bucket</translation>
    </message>
    <message>
        <source>the S3 store answered %1 %2</source>
        <translation>der S3-Speicher antwortete %1 %2</translation>
    </message>
    <message>
        <source>the S3 store sent no object size</source>
        <translation>der S3-Speicher hat keine Objektgröße gesendet</translation>
    </message>
    <message>
        <source>the S3 store listed an invalid name</source>
        <translation>der S3-Speicher hat einen ungültigen Namen aufgeführt</translation>
    </message>
    <message>
        <source>the S3 store&apos;s listing is not XML</source>
        <translation>die Auflistung des S3-Speichers ist kein XML</translation>
    </message>
    <message>
        <source>only applies to an S3 repository (server_url s3://HOST/BUCKET)</source>
        <translation>gilt nur für ein S3-Repository (server_url s3://HOST/BUCKET)</translation>
    </message>
    <message>
        <source>must be an https: URL, an s3:// URL, a file:/// URL or an absolute path</source>
        <translation>muss eine https:-URL, eine s3://-URL, eine file:///-URL oder ein absoluter Pfad sein</translation>
    </message>
    <message>
        <source>cannot read the AWS file: </source>
        <translation>die AWS-Datei kann nicht gelesen werden: </translation>
    </message>
    <message>
        <source>names no bucket: use s3://HOST/BUCKET or s3://HOST/BUCKET/PREFIX</source>
        <translation>nennt keinen Bucket: Verwenden Sie s3://HOST/BUCKET oder s3://HOST/BUCKET/PRÄFIX</translation>
    </message>
    <message>
        <source>names the bucket &apos;%1&apos;, which is not a valid S3 bucket name (3 to 63 letters, digits, dots and hyphens)</source>
        <translation>nennt den Bucket „%1“, der kein gültiger S3-Bucketname ist (3 bis 63 Buchstaben, Ziffern, Punkte und Bindestriche)</translation>
    </message>
    <message>
        <source>has the prefix part &apos;%1&apos;: a prefix is made of letters, digits, dots, hyphens and underscores between slashes</source>
        <translation>hat den Präfixteil „%1“: Ein Präfix besteht aus Buchstaben, Ziffern, Punkten, Binde- und Unterstrichen zwischen Schrägstrichen</translation>
    </message>
    <message>
        <source>is needed too: the access key ID and the secret access key go together</source>
        <translation>wird ebenfalls benötigt: Zugriffsschlüssel-ID und geheimer Zugriffsschlüssel gehören zusammen</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together</source>
        <translation>AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY müssen zusammen gesetzt sein</translation>
    </message>
    <message>
        <source>no S3 credentials: set s3_access_key_id and s3_secret_access_key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the profile &apos;%1&apos; aws_access_key_id and aws_secret_access_key in %2</source>
        <translation>keine S3-Zugangsdaten: Setzen Sie s3_access_key_id und s3_secret_access_key oder AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, oder geben Sie dem Profil „%1“ aws_access_key_id und aws_secret_access_key in %2</translation>
    </message>
    <message>
        <source>the S3 credentials (%1) contain characters keys never have</source>
        <translation>die S3-Zugangsdaten (%1) enthalten Zeichen, die Schlüssel nie haben</translation>
    </message>
    <message>
        <source>(or AWS_REGION) must be a region name such as eu-west-1</source>
        <translation>(oder AWS_REGION) muss ein Regionsname wie eu-west-1 sein</translation>
    </message>
    <message>
        <source>must be s3://HOST[:PORT]/BUCKET[/PREFIX] for an S3 store</source>
        <translation>muss für einen S3-Speicher s3://HOST[:PORT]/BUCKET[/PRÄFIX] sein</translation>
    </message>
    <message>
        <source>must not hold credentials: use s3_access_key_id and s3_secret_access_key, the AWS_* variables or ~/.aws/credentials</source>
        <translation>darf keine Zugangsdaten enthalten: Verwenden Sie s3_access_key_id und s3_secret_access_key, die AWS_*-Variablen oder ~/.aws/credentials</translation>
    </message>
    <message>
        <source>must be path or virtual-host</source>
        <translation>muss path oder virtual-host sein</translation>
    </message>
    <message>
        <source>is virtual-host, which needs a bucket name of lower-case letters, digits and hyphens; use path addressing for &apos;%1&apos;</source>
        <translation>ist virtual-host, was einen Bucketnamen aus Kleinbuchstaben, Ziffern und Bindestrichen verlangt; verwenden Sie für „%1“ die Adressierung path</translation>
    </message>
    <message>
        <source>the S3 store started an upload without naming it</source>
        <translation>der S3-Speicher hat einen Upload begonnen, ohne ihn zu benennen</translation>
    </message>
    <message>
        <source>the S3 store took a part without an ETag</source>
        <translation>der S3-Speicher hat einen Teil ohne ETag angenommen</translation>
    </message>
    <message>
        <source>the S3 store&apos;s list of unfinished uploads is not XML</source>
        <translation>die Liste unvollendeter Uploads des S3-Speichers ist kein XML</translation>
    </message>
    <message>
        <source>chunk %1 lies outside what was read of its pack</source>
        <translation>Block %1 liegt außerhalb dessen, was aus seinem Paket gelesen wurde</translation>
    </message>
    <message>
        <source>the S3 connection was closed</source>
        <translation>die Verbindung zum S3-Speicher wurde geschlossen</translation>
    </message>
    <message>
        <source>the server redirects to %1, which is not followed: set server_url to the address that answers</source>
        <translation>der Server leitet nach %1 weiter, was nicht befolgt wird: setzen Sie server_url auf die Adresse, die antwortet</translation>
    </message>
    <message>
        <source>the S3 store&apos;s listing cannot be followed to its end (is it an S3 ListObjectsV2 endpoint?)</source>
        <translation>die Auflistung des S3-Speichers lässt sich nicht bis zum Ende verfolgen (ist es ein S3-ListObjectsV2-Endpunkt?)</translation>
    </message>
    <message>
        <source>the server sent more than was asked for: %1</source>
        <translation>der Server hat mehr gesendet als angefordert: %1</translation>
    </message>
</context>
<context>
    <name>obnam::gui::Browser</name>
    <message>
        <source>The search index could not be prepared.</source>
        <translation>Der Suchindex konnte nicht vorbereitet werden.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::BrowserWindow</name>
    <message>
        <source>Backups – Obnam</source>
        <translation>Sicherungen – Obnam</translation>
    </message>
    <message>
        <source>&amp;Search all backups:</source>
        <translation>In allen Sicherungen &amp;suchen:</translation>
    </message>
    <message>
        <source>A name, part of one, or a pattern such as *.odt</source>
        <translation>Ein Name, ein Teil davon oder ein Muster wie *.odt</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>Sic&amp;herungen</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>&amp;Filter the open folder:</source>
        <translation>Geöffneten Ordner &amp;filtern:</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Choose a file to see its versions.</source>
        <translation>Wählen Sie eine Datei, um ihre Versionen zu sehen.</translation>
    </message>
    <message>
        <source>Restore this &amp;version…</source>
        <translation>Diese &amp;Version wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Opens a read-only copy with the application for its type, without restoring it anywhere.</source>
        <translation>Öffnet eine schreibgeschützte Kopie mit der Anwendung für ihren Typ, ohne sie irgendwo wiederherzustellen.</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Das Repository wird geöffnet…</translation>
    </message>
    <message>
        <source>The backups cannot be shown without the passphrase.</source>
        <translation>Ohne die Passphrase können die Sicherungen nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>The repository could not be opened: %1</source>
        <translation>Das Repository konnte nicht geöffnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Preparing the search: %1 of %n backup(s) read…</source>
        <translation>
            <numerusform>Die Suche wird vorbereitet: %1 von %n Sicherung gelesen…</numerusform>
            <numerusform>Die Suche wird vorbereitet: %1 von %n Sicherungen gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n Sicherung.</numerusform>
            <numerusform>%n Sicherungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching is not available: %1</source>
        <translation>Die Suche ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The search did not work: %1</source>
        <translation>Die Suche hat nicht funktioniert: %1</translation>
    </message>
    <message>
        <source>A folder could not be read: %1</source>
        <translation>Ein Ordner konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Es gibt noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>This backup&apos;s list of files could not be read: %1</source>
        <translation>Die Dateiliste dieser Sicherung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Searching as soon as the search is prepared…</source>
        <translation>Die Suche beginnt, sobald sie vorbereitet ist…</translation>
    </message>
    <message>
        <source>Nothing in any backup matches “%1”.</source>
        <translation>Nichts in irgendeiner Sicherung passt zu „%1“.</translation>
    </message>
    <message>
        <source>More than %1 matches; the first %1 are shown. Type more of the name to narrow them down.</source>
        <translation>Mehr als %1 Treffer; die ersten %1 werden angezeigt. Geben Sie mehr vom Namen ein, um sie einzugrenzen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>Die Datei konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Opened a read-only copy: %1</source>
        <translation>Eine schreibgeschützte Kopie wurde geöffnet: %1</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>Sicherung %1</translation>
    </message>
    <message>
        <source>Computer: %1</source>
        <translation>Computer: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Begonnen: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Beendet: %1</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Dateien: %1</translation>
    </message>
    <message>
        <source>Size of the files: %1</source>
        <translation>Größe der Dateien: %1</translation>
    </message>
    <message>
        <source>Size of its list of files: %1</source>
        <translation>Größe ihrer Dateiliste: %1</translation>
    </message>
    <message>
        <source>Backup details</source>
        <translation>Details der Sicherung</translation>
    </message>
    <message>
        <source>%1: %2, in %3.</source>
        <translation>%1: %2, in %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in all backups. Enter shows one in the newest backup that has it.</source>
        <translation>
            <numerusform>%n Treffer in allen Sicherungen. Die Eingabetaste zeigt ihn in der neuesten Sicherung, die ihn enthält.</numerusform>
            <numerusform>%n Treffer in allen Sicherungen. Die Eingabetaste zeigt einen davon in der neuesten Sicherung, die ihn enthält.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n different version(s)</source>
        <translation>
            <numerusform>%n abweichende Version</numerusform>
            <numerusform>%n abweichende Versionen</numerusform>
        </translation>
    </message>
    <message>
        <source>The versions of %1 could not be read: %2</source>
        <translation>Die Versionen von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not backed up itself: it is a folder on the way to the backed-up folders.</source>
        <translation>%1 ist selbst nicht gesichert: Es ist ein Ordner auf dem Weg zu den gesicherten Ordnern.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FileTreeModel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Verknüpfung zu %1</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Named pipe</source>
        <translation>Benannte Pipe</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Contents skipped (cache folder)</source>
        <translation>Inhalt ausgelassen (Zwischenspeicher)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Unreadable, not backed up</source>
        <translation>Nicht lesbar, nicht gesichert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert am</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Backed up as</source>
        <translation>Gesichert als</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>Auf dem Weg</translation>
    </message>
    <message>
        <source>A folder above the folders that are backed up: only the way to them, not backed up itself.</source>
        <translation>Ein Ordner oberhalb der gesicherten Ordner: nur der Weg dorthin, selbst nicht gesichert.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FinishPage</name>
    <message>
        <source>&amp;Start the first backup now</source>
        <translation>Erste Sicherung jetzt &amp;starten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Backups of %1 will be stored in %2.</source>
        <translation>Sicherungen von %1 werden in %2 gespeichert.</translation>
    </message>
    <message>
        <source>The first backup stores everything and may take a while; later backups store only what changed. The settings are in %1.</source>
        <translation>Die erste Sicherung speichert alles und kann eine Weile dauern; spätere Sicherungen speichern nur, was sich geändert hat. Die Einstellungen befinden sich in %1.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FoldersPage</name>
    <message>
        <source>What to back up</source>
        <translation>Was gesichert werden soll</translation>
    </message>
    <message>
        <source>Your home folder holds your documents, pictures and settings. Add other folders if you keep files elsewhere.</source>
        <translation>Ihr persönlicher Ordner enthält Ihre Dokumente, Bilder und Einstellungen. Fügen Sie weitere Ordner hinzu, wenn Sie Dateien an anderen Orten aufbewahren.</translation>
    </message>
    <message>
        <source>&amp;Folders to back up:</source>
        <translation>Zu sichernde &amp;Ordner:</translation>
    </message>
    <message>
        <source>Folders to back up</source>
        <translation>Zu sichernde Ordner</translation>
    </message>
    <message>
        <source>Folder to add</source>
        <translation>Hinzuzufügender Ordner</translation>
    </message>
    <message>
        <source>A folder, such as /srv/photos</source>
        <translation>Ein Ordner, etwa /srv/photos</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Leave out:</source>
        <translation>Auslassen:</translation>
    </message>
    <message>
        <source>Choose a folder to back up</source>
        <translation>Einen zu sichernden Ordner wählen</translation>
    </message>
</context>
<context>
    <name>obnam::gui::GenerationListModel</name>
    <message>
        <source>Counted once the search index is ready.</source>
        <translation>Wird gezählt, sobald der Suchindex bereit ist.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
</context>
<context>
    <name>obnam::gui::Launcher</name>
    <message>
        <source>No system tray</source>
        <translation>Kein Infobereich</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Obnam cannot wait there for the next scheduled backup.

A systemd user timer can run the same schedule without Obnam being open: it backs up even when nobody is logged in to a desktop.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich, daher kann Obnam dort nicht auf die nächste geplante Sicherung warten.

Ein systemd-Timer des Benutzers kann denselben Zeitplan ausführen, ohne dass Obnam geöffnet ist: Er sichert auch, wenn niemand an einer Arbeitsumgebung angemeldet ist.</translation>
    </message>
    <message>
        <source>&amp;Use the timer</source>
        <translation>Timer &amp;verwenden</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>Geplante Sicherungen</translation>
    </message>
    <message>
        <source>The timer is set up.</source>
        <translation>Der Timer ist eingerichtet.</translation>
    </message>
    <message>
        <source>The timer could not be set up.</source>
        <translation>Der Timer konnte nicht eingerichtet werden.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::MainWindow</name>
    <message>
        <source>Obnam Backup</source>
        <translation>Obnam Backup</translation>
    </message>
    <message>
        <source>Your backup</source>
        <translation>Ihre Sicherung</translation>
    </message>
    <message>
        <source>Backs up:</source>
        <translation>Sichert:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Letzte Sicherung:</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Backup in progress</source>
        <translation>Sicherung läuft</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Sicherungsfortschritt</translation>
    </message>
    <message>
        <source>Files looked at:</source>
        <translation>Untersuchte Dateien:</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Gelesen:</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Verbleibende Zeit:</translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation>Gerade in:</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Recent backups</source>
        <translation>Letzte Sicherungen</translation>
    </message>
    <message>
        <source>Show &amp;warnings…</source>
        <translation>&amp;Warnungen anzeigen…</translation>
    </message>
    <message numerus="yes">
        <source>(leaving out %n pattern(s))</source>
        <translation>
            <numerusform>(%n Muster ausgelassen)</numerusform>
            <numerusform>(%n Muster ausgelassen)</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration cannot be read: %1</source>
        <translation>Die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>noch nie</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 new</source>
        <translation>
            <numerusform>%n Datei, %1 neu</numerusform>
            <numerusform>%n Dateien, %1 neu</numerusform>
        </translation>
    </message>
    <message>
        <source>A backup is running elsewhere: %1. Its progress is shown where it was started; it appears in the history below when it ends.</source>
        <translation>An anderer Stelle läuft eine Sicherung: %1. Ihr Fortschritt wird dort angezeigt, wo sie gestartet wurde; sobald sie endet, erscheint sie unten im Verlauf.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Das Repository wird geöffnet…</translation>
    </message>
    <message>
        <source>Paused. Nothing is read or stored until you resume.</source>
        <translation>Pausiert. Bis Sie fortsetzen, wird nichts gelesen oder gespeichert.</translation>
    </message>
    <message>
        <source>Stopping at a safe point…</source>
        <translation>Wird an einem sicheren Punkt angehalten…</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>%p% of what is found so far</source>
        <translation>%p % des bisher Gefundenen</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>The passphrase could not be stored in the desktop keyring: %1</source>
        <translation>Die Passphrase konnte nicht im Desktop-Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The backup was cancelled. What it had stored is kept, and the next backup goes on from there.</source>
        <translation>Die Sicherung wurde abgebrochen. Was bereits gespeichert wurde, bleibt erhalten, und die nächste Sicherung setzt dort an.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>These files or folders could not be backed up in that run:</source>
        <translation>Diese Dateien oder Ordner konnten bei diesem Lauf nicht gesichert werden:</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>Alles &amp;kopieren</translation>
    </message>
    <message>
        <source>A backup is running</source>
        <translation>Eine Sicherung läuft</translation>
    </message>
    <message>
        <source>A backup is running. Stop it at the next safe point, or let it finish in the background?</source>
        <translation>Eine Sicherung läuft. Soll sie am nächsten sicheren Punkt angehalten werden, oder soll sie im Hintergrund zu Ende laufen?</translation>
    </message>
    <message>
        <source>&amp;Stop the backup</source>
        <translation>Sicherung &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Keep it running</source>
        <translation>&amp;Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Not started: the backup is running elsewhere already (%1). Try again when it has finished.</source>
        <translation>Nicht gestartet: die Sicherung läuft bereits an anderer Stelle (%1). Versuchen Sie es erneut, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>This backup could not be recorded in the history of backups: %1</source>
        <translation>Diese Sicherung konnte nicht im Verlauf der Sicherungen vermerkt werden: %1</translation>
    </message>
    <message>
        <source>Browse bac&amp;kups…</source>
        <translation>Sicherungen d&amp;urchsehen…</translation>
    </message>
    <message>
        <source>Look through every backup, search them all at once, see the versions of a file and restore any of them.</source>
        <translation>Jede Sicherung durchsehen, alle auf einmal durchsuchen, die Versionen einer Datei sehen und jede davon wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::PassphraseDialog</name>
    <message>
        <source>&amp;Remember it in the desktop keyring</source>
        <translation>Im Desktop-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&lt;b&gt;That passphrase did not open the repository.&lt;/b&gt;&lt;br&gt;Enter the passphrase for %1 again:</source>
        <translation>&lt;b&gt;Diese Passphrase hat das Repository nicht geöffnet.&lt;/b&gt;&lt;br&gt;Geben Sie die Passphrase für %1 erneut ein:</translation>
    </message>
    <message>
        <source>Enter the passphrase for the repository at %1:</source>
        <translation>Geben Sie die Passphrase für das Repository unter %1 ein:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>obnam::gui::PassphrasePage</name>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Wieder&amp;holen:</translation>
    </message>
    <message>
        <source>Re&amp;member it in the desktop keyring</source>
        <translation>Im Desktop-Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>A new repository is created, protected by this passphrase.</source>
        <translation>Ein neues Repository wird erstellt, geschützt durch diese Passphrase.</translation>
    </message>
    <message>
        <source>Choose a passphrase of several words. You need it to restore your files on another computer, and nobody can recover it for you: write it down and keep it somewhere safe.</source>
        <translation>Wählen Sie eine Passphrase aus mehreren Wörtern. Sie benötigen sie, um Ihre Dateien auf einem anderen Computer wiederherzustellen, und niemand kann sie für Sie wiederbeschaffen: Schreiben Sie sie auf und bewahren Sie sie an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>This repository exists already.</source>
        <translation>Dieses Repository existiert bereits.</translation>
    </message>
    <message>
        <source>Enter the passphrase the repository was created with.</source>
        <translation>Geben Sie die Passphrase ein, mit der das Repository erstellt wurde.</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>Easy to guess. Use at least 12 characters, or four or more words.</source>
        <translation>Leicht zu erraten. Verwenden Sie mindestens 12 Zeichen oder vier oder mehr Wörter.</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>Reasonable. A few more words make it much stronger.</source>
        <translation>Annehmbar. Ein paar Wörter mehr machen sie deutlich stärker.</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>Creating the repository…</source>
        <translation>Das Repository wird erstellt…</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Das Repository wird geöffnet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;That passphrase did not open the repository.&lt;/b&gt; Check it and try again.</source>
        <translation>&lt;b&gt;Diese Passphrase hat das Repository nicht geöffnet.&lt;/b&gt; Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Storing the passphrase in the desktop keyring…</source>
        <translation>Die Passphrase wird im Desktop-Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Hard to guess. Write it down: it cannot be recovered.</source>
        <translation>Schwer zu erraten. Schreiben Sie sie auf: Sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The passphrase was not stored in the desktop keyring: %1. You will be asked for it when it is needed.</source>
        <translation>Die Passphrase wurde nicht im Desktop-Schlüsselbund gespeichert: %1. Sie werden danach gefragt, wenn sie benötigt wird.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Verwenden Sie mindestens 8 Zeichen.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreDialog</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore %1 as it was backed up %2.</source>
        <translation>%1 so wiederherstellen, wie es %2 gesichert wurde.</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n chosen items as they were backed up %1.</source>
        <translation>
            <numerusform>%n gewähltes Element so wiederherstellen, wie es %1 gesichert wurde.</numerusform>
            <numerusform>%n gewählte Elemente so wiederherstellen, wie sie %1 gesichert wurden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Wohin</translation>
    </message>
    <message>
        <source>To the place they were &amp;backed up from</source>
        <translation>An den Ort, von dem sie &amp;gesichert wurden</translation>
    </message>
    <message>
        <source>Into &amp;another folder:</source>
        <translation>In einen &amp;anderen Ordner:</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Inside that folder each item keeps its whole path, so nothing already in the folder is mixed up with it.</source>
        <translation>In diesem Ordner behält jedes Element seinen ganzen Pfad, sodass nichts mit dem vermischt wird, was schon im Ordner liegt.</translation>
    </message>
    <message>
        <source>Looking at what the restore would do…</source>
        <translation>Es wird ermittelt, was die Wiederherstellung tun würde…</translation>
    </message>
    <message>
        <source>Files that are already there</source>
        <translation>Dateien, die schon vorhanden sind</translation>
    </message>
    <message>
        <source>&amp;Leave them as they are (skip)</source>
        <translation>So &amp;lassen, wie sie sind (überspringen)</translation>
    </message>
    <message>
        <source>&amp;Keep both: the restored copy is named “name (restored)”</source>
        <translation>&amp;Beide behalten: die wiederhergestellte Kopie heißt „Name (restored)“</translation>
    </message>
    <message>
        <source>Replace them with the backed-up &amp;version</source>
        <translation>Durch die gesicherte &amp;Version ersetzen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Restore into</source>
        <translation>Wiederherstellen in</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>The restore cannot be prepared: %1</source>
        <translation>Die Wiederherstellung kann nicht vorbereitet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be created.</source>
        <translation>
            <numerusform>%n Element wird angelegt.</numerusform>
            <numerusform>%n Elemente werden angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already there, left as it is</source>
        <translation>Schon vorhanden, bleibt, wie es ist</translation>
    </message>
    <message>
        <source>Already there, kept; restored beside it</source>
        <translation>Schon vorhanden, bleibt; daneben wiederhergestellt</translation>
    </message>
    <message>
        <source>Already there, replaced</source>
        <translation>Schon vorhanden, wird ersetzt</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Needs %1.</source>
        <translation>Benötigt %1.</translation>
    </message>
    <message>
        <source>Needs %1; %2 free on %3.</source>
        <translation>Benötigt %1; %2 frei auf %3.</translation>
    </message>
    <message>
        <source>Needs %1, but only %2 are free on %3. Free some space or choose another folder.</source>
        <translation>Benötigt %1, aber nur %2 sind auf %3 frei. Geben Sie Platz frei oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restored %1 of %2 items, %3 of %4.</source>
        <translation>%1 von %2 Elementen wiederhergestellt, %3 von %4.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n Element (%1) nach %2 wiederhergestellt.</numerusform>
            <numerusform>%n Elemente (%1) nach %2 wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The restore did not finish: %1</source>
        <translation>Die Wiederherstellung wurde nicht abgeschlossen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be restored, or only with a caveat: see the list.</source>
        <translation>
            <numerusform>%n Element konnte nicht oder nur mit Einschränkung wiederhergestellt werden: siehe Liste.</numerusform>
            <numerusform>%n Elemente konnten nicht oder nur mit Einschränkung wiederhergestellt werden: siehe Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>Already there: %n item(s).</source>
        <translation>
            <numerusform>Schon vorhanden: %n Element.</numerusform>
            <numerusform>Schon vorhanden: %n Elemente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not restorable, as they could not be read when they were backed up: %n item(s).</source>
        <translation>
            <numerusform>Nicht wiederherstellbar, weil beim Sichern nicht lesbar: %n Element.</numerusform>
            <numerusform>Nicht wiederherstellbar, weil beim Sichern nicht lesbar: %n Elemente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Restored whole before it: %n item(s); nothing was left half-written.</source>
        <translation>
            <numerusform>Abgebrochen. Zuvor vollständig wiederhergestellt: %n Element; nichts blieb halb geschrieben.</numerusform>
            <numerusform>Abgebrochen. Zuvor vollständig wiederhergestellt: %n Elemente; nichts blieb halb geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreJob</name>
    <message>
        <source>%1: already there, left as it was</source>
        <translation>%1: schon vorhanden, blieb, wie es war</translation>
    </message>
    <message>
        <source>%1: already there, restored beside it as %2</source>
        <translation>%1: schon vorhanden, daneben wiederhergestellt als %2</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestorePage</name>
    <message>
        <source>&amp;Restore</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Restore your files</source>
        <translation>Ihre Dateien wiederherstellen</translation>
    </message>
    <message>
        <source>Choose a backup and a folder to put its files in. Each backed-up folder is recreated inside it, so nothing already on this computer is replaced.</source>
        <translation>Wählen Sie eine Sicherung und einen Ordner, in den ihre Dateien abgelegt werden. Jeder gesicherte Ordner wird darin neu angelegt, sodass nichts ersetzt wird, was sich bereits auf diesem Computer befindet.</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Wiederherzustellende Sicherung</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sicherung:</translation>
    </message>
    <message>
        <source>Folder to restore into</source>
        <translation>Zielordner der Wiederherstellung</translation>
    </message>
    <message>
        <source>Restored files</source>
        <translation>Wiederhergestellte Dateien</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Into:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Wiederherstellungsfortschritt</translation>
    </message>
    <message>
        <source>Choose a folder to restore into</source>
        <translation>Einen Zielordner für die Wiederherstellung wählen</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n file(s), %2, from %3</source>
        <translation>
            <numerusform>%1 — %n Datei, %2, von %3</numerusform>
            <numerusform>%1 — %n Dateien, %2, von %3</numerusform>
        </translation>
    </message>
    <message>
        <source>This repository holds no backups yet.</source>
        <translation>Dieses Repository enthält noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>The backups cannot be listed: %1</source>
        <translation>Die Sicherungen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 files restored</source>
        <translation>%1 von %2 Dateien wiederhergestellt</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Datei wiederhergestellt&lt;/b&gt; (%1) nach %2.</numerusform>
            <numerusform>&lt;b&gt;%n Dateien wiederhergestellt&lt;/b&gt; (%1) nach %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restore was stopped. %n file(s) were restored whole; none was left half-written.</source>
        <translation>
            <numerusform>Die Wiederherstellung wurde angehalten. %n Datei wurde vollständig wiederhergestellt; keine blieb halb geschrieben zurück.</numerusform>
            <numerusform>Die Wiederherstellung wurde angehalten. %n Dateien wurden vollständig wiederhergestellt; keine blieb halb geschrieben zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The restore failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Wiederherstellung ist fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Not restored or with problems:</source>
        <translation>Nicht oder mit Problemen wiederhergestellt:</translation>
    </message>
    <message>
        <source>Reading the list of backups…</source>
        <translation>Die Liste der Sicherungen wird gelesen…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2, but not everything.</source>
        <translation>
            <numerusform>&lt;b&gt;%n Datei wiederhergestellt&lt;/b&gt; (%1) in %2, aber nicht alles.</numerusform>
            <numerusform>&lt;b&gt;%n Dateien wiederhergestellt&lt;/b&gt; (%1) in %2, aber nicht alles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreRunner</name>
    <message>
        <source>%1 is not empty. Choose a new or empty folder, so that nothing in it is replaced.</source>
        <translation>%1 ist nicht leer. Wählen Sie einen neuen oder leeren Ordner, damit darin nichts ersetzt wird.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RunHistoryModel</name>
    <message numerus="yes">
        <source>succeeded, %n warning(s)</source>
        <translation>
            <numerusform>erfolgreich, %n Warnung</numerusform>
            <numerusform>erfolgreich, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>Neue Daten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SchedulePage</name>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Uhrzeit:</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>Ta&amp;g:</translation>
    </message>
    <message>
        <source>Also on &amp;battery power</source>
        <translation>Auch im A&amp;kkubetrieb</translation>
    </message>
    <message>
        <source>Also over &amp;metered connections (to a server)</source>
        <translation>Auch über getaktete &amp;Verbindungen (zu einem Server)</translation>
    </message>
    <message>
        <source>&amp;Notify me of backups that went well, too</source>
        <translation>Auch über gelungene Sicherungen be&amp;nachrichtigen</translation>
    </message>
    <message>
        <source>Start Obnam in the tray when I &amp;log in</source>
        <translation>Obnam beim Anme&amp;lden im Infobereich starten</translation>
    </message>
    <message>
        <source>Obnam backs up by itself while it runs in the tray. A backup missed while the computer was off or asleep runs soon after it is back, once. Failed backups are always notified.</source>
        <translation>Obnam sichert von selbst, solange es im Infobereich läuft. Eine Sicherung, die verpasst wurde, weil der Rechner aus war oder schlief, läuft bald danach, einmal. Über fehlgeschlagene Sicherungen wird immer benachrichtigt.</translation>
    </message>
    <message>
        <source>Never (only when I click Back up now)</source>
        <translation>Nie (nur wenn ich auf „Jetzt sichern“ klicke)</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>Say backups are o&amp;verdue after:</source>
        <translation>Als ü&amp;berfällig melden nach:</translation>
    </message>
    <message>
        <source>Backups run %1. Obnam must be running (in the tray) for them to happen; on a desktop without a tray, obnam-cli schedule install sets up a timer instead.</source>
        <translation>Sicherungen laufen %1. Dafür muss Obnam (im Infobereich) laufen; auf einer Arbeitsumgebung ohne Infobereich richtet obnam-cli schedule install stattdessen einen Timer ein.</translation>
    </message>
    <message>
        <source>No backups run by themselves.</source>
        <translation>Es laufen keine Sicherungen von selbst.</translation>
    </message>
    <message>
        <source>Minutes past the ho&amp;ur:</source>
        <translation>Minuten nach der vollen St&amp;unde:</translation>
    </message>
</context>
<context>
    <name>obnam::gui::ScheduledBackups</name>
    <message>
        <source>Backup waiting for its passphrase</source>
        <translation>Sicherung wartet auf die Passphrase</translation>
    </message>
    <message>
        <source>The scheduled backup could not open the backup: open Obnam and enter the passphrase.</source>
        <translation>Die geplante Sicherung konnte das Repository nicht öffnen: Öffnen Sie Obnam und geben Sie die Passphrase ein.</translation>
    </message>
    <message>
        <source>Old backups were not removed</source>
        <translation>Alte Sicherungen wurden nicht entfernt</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Sicherung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Backup finished</source>
        <translation>Sicherung abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) backed up, %1 of new data.</source>
        <translation>
            <numerusform>%n Datei gesichert, %1 neue Daten.</numerusform>
            <numerusform>%n Dateien gesichert, %1 neue Daten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders left out of the backup</source>
        <translation>Ordner nicht gesichert</translation>
    </message>
    <message>
        <source>These folders hold a CACHEDIR.TAG file, which marks a cache, so their contents were not backed up: %1</source>
        <translation>Diese Ordner enthalten eine Datei CACHEDIR.TAG, die einen Zwischenspeicher kennzeichnet, daher wurde ihr Inhalt nicht gesichert: %1</translation>
    </message>
    <message>
        <source>Backups are overdue</source>
        <translation>Sicherungen sind überfällig</translation>
    </message>
    <message numerus="yes">
        <source>The last successful backup is more than %n day(s) old.</source>
        <translation>
            <numerusform>Die letzte gelungene Sicherung ist älter als %n Tag.</numerusform>
            <numerusform>Die letzte gelungene Sicherung ist älter als %n Tage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup disk missing</source>
        <translation>Sicherungsplatte fehlt</translation>
    </message>
    <message numerus="yes">
        <source>The disk that holds your backups has not been attached for %n day(s). Attach it and the backup runs.</source>
        <translation>
            <numerusform>Die Platte mit Ihren Sicherungen war seit %n Tag nicht angeschlossen. Schließen Sie sie an, dann läuft die Sicherung.</numerusform>
            <numerusform>Die Platte mit Ihren Sicherungen war seit %n Tagen nicht angeschlossen. Schließen Sie sie an, dann läuft die Sicherung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::SearchResultsModel</name>
    <message numerus="yes">
        <source>%n of %1</source>
        <translation>
            <numerusform>%n von %1</numerusform>
            <numerusform>%n von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>In backups</source>
        <translation>In Sicherungen</translation>
    </message>
    <message>
        <source>Last backed up</source>
        <translation>Zuletzt gesichert</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SettingsDialog</name>
    <message>
        <source>Backup Settings</source>
        <translation>Sicherungseinstellungen</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>Opt&amp;ionen</translation>
    </message>
    <message>
        <source>&amp;Keeping</source>
        <translation>&amp;Aufbewahrung</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Folders to back up</source>
        <translation>Zu sichernde Ordner</translation>
    </message>
    <message>
        <source>Folder to add</source>
        <translation>Hinzuzufügender Ordner</translation>
    </message>
    <message>
        <source>A folder, such as ~/Documents</source>
        <translation>Ein Ordner, etwa ~/Dokumente</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <source>Other patterns (a path, ~/path, or a name such as *.iso matched at any depth):</source>
        <translation>Weitere Muster (ein Pfad, ~/Pfad oder ein Name wie *.iso, der in jeder Tiefe passt):</translation>
    </message>
    <message>
        <source>Other patterns to leave out</source>
        <translation>Weitere auszulassende Muster</translation>
    </message>
    <message>
        <source>Pattern to add</source>
        <translation>Hinzuzufügendes Muster</translation>
    </message>
    <message>
        <source>A&amp;dd pattern</source>
        <translation>Muster hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Re&amp;move pattern</source>
        <translation>Muster entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Choose a folder to back up</source>
        <translation>Einen zu sichernden Ordner wählen</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>Repository:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>&amp;Compression level:</source>
        <translation>&amp;Kompressionsstufe:</translation>
    </message>
    <message>
        <source>The repository is where this computer&apos;s backups are stored. To back up somewhere else, set up a new configuration.</source>
        <translation>Im Repository werden die Sicherungen dieses Computers gespeichert. Um an einem anderen Ort zu sichern, richten Sie eine neue Konfiguration ein.</translation>
    </message>
    <message>
        <source>Compression (zstd) makes backups smaller; 3 is fast and good. Higher levels save a little more space and take more time.</source>
        <translation>Kompression (zstd) macht Sicherungen kleiner; 3 ist schnell und gut. Höhere Stufen sparen etwas mehr Platz und brauchen mehr Zeit.</translation>
    </message>
    <message>
        <source>Leave out folders marked as caches (CACHEDIR.TAG)</source>
        <translation>Als Zwischenspeicher markierte Ordner auslassen (CACHEDIR.TAG)</translation>
    </message>
    <message>
        <source>Newest &amp;backups:</source>
        <translation>&amp;Neueste Sicherungen:</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Tage:</translation>
    </message>
    <message>
        <source>&amp;Weeks:</source>
        <translation>&amp;Wochen:</translation>
    </message>
    <message>
        <source>&amp;Months:</source>
        <translation>&amp;Monate:</translation>
    </message>
    <message>
        <source>&amp;Years:</source>
        <translation>&amp;Jahre:</translation>
    </message>
    <message>
        <source>A check verifies that every backup can be restored: every file&apos;s data is present and every structure is intact. It also reads back a sample of the stored data and verifies it byte for byte.</source>
        <translation>Eine Prüfung stellt sicher, dass jede Sicherung wiederhergestellt werden kann: die Daten jeder Datei sind vorhanden und jede Struktur ist intakt. Außerdem wird eine Stichprobe der gespeicherten Daten zurückgelesen und Byte für Byte überprüft.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Read back:</source>
        <translation>&amp;Zurücklesen:</translation>
    </message>
    <message>
        <source>&amp;Check the repository</source>
        <translation>&amp;Repository prüfen</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Prüfungsfortschritt</translation>
    </message>
    <message>
        <source>The configuration cannot be read: %1</source>
        <translation>Die Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n newest backup(s)</source>
        <translation>
            <numerusform>die %n neueste Sicherung</numerusform>
            <numerusform>die %n neuesten Sicherungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n hour(s) that have one</source>
        <translation>
            <numerusform>die neueste Sicherung aus der letzten %n Stunde, in der es eine gibt</numerusform>
            <numerusform>die neueste Sicherung aus jeder der letzten %n Stunden, in denen es eine gibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n day(s) that have one</source>
        <translation>
            <numerusform>die neueste Sicherung aus dem letzten %n Tag, an dem es eine gibt</numerusform>
            <numerusform>die neueste Sicherung aus jedem der letzten %n Tage, an denen es eine gibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n week(s) that have one</source>
        <translation>
            <numerusform>die neueste Sicherung aus der letzten %n Woche, in der es eine gibt</numerusform>
            <numerusform>die neueste Sicherung aus jeder der letzten %n Wochen, in denen es eine gibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n month(s) that have one</source>
        <translation>
            <numerusform>die neueste Sicherung aus dem letzten %n Monat, in dem es eine gibt</numerusform>
            <numerusform>die neueste Sicherung aus jedem der letzten %n Monate, in denen es eine gibt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n year(s) that have one</source>
        <translation>
            <numerusform>die neueste Sicherung aus dem letzten %n Jahr, in dem es eine gibt</numerusform>
            <numerusform>die neueste Sicherung aus jedem der letzten %n Jahre, in denen es eine gibt</numerusform>
        </translation>
    </message>
    <message>
        <source>Every backup is kept: nothing is forgotten until you choose what to keep.</source>
        <translation>Jede Sicherung wird behalten: nichts wird vergessen, bis Sie festlegen, was behalten werden soll.</translation>
    </message>
    <message>
        <source>Forgetting keeps:&lt;ul&gt;%1&lt;/ul&gt;Every other backup is forgotten. A backup kept by any rule is kept.</source>
        <translation>Beim Vergessen werden behalten:&lt;ul&gt;%1&lt;/ul&gt;Alle anderen Sicherungen werden vergessen. Eine Sicherung, die von irgendeiner Regel behalten wird, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Choose at least one folder to back up.</source>
        <translation>Wählen Sie mindestens einen zu sichernden Ordner.</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>Die Einstellungen wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Das Repository wird geöffnet…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;No damage found.&lt;/b&gt; %n backup(s) checked, %1 of %2 data packs read back and verified, in %3.</source>
        <translation>
            <numerusform>&lt;b&gt;Keine Schäden gefunden.&lt;/b&gt; %n Sicherung geprüft, %1 von %2 Datenpaketen zurückgelesen und überprüft, in %3.</numerusform>
            <numerusform>&lt;b&gt;Keine Schäden gefunden.&lt;/b&gt; %n Sicherungen geprüft, %1 von %2 Datenpaketen zurückgelesen und überprüft, in %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Damage found:&lt;/b&gt; %1 damaged object(s), %2 file(s) that cannot be restored whole.&lt;ul&gt;%3&lt;/ul&gt;Run &lt;tt&gt;obnam-cli check&lt;/tt&gt; for the full list and &lt;tt&gt;obnam-cli repair&lt;/tt&gt; to rebuild what can be rebuilt.</source>
        <translation>&lt;b&gt;Schäden gefunden:&lt;/b&gt; %1 beschädigte(s) Objekt(e), %2 Datei(en), die nicht vollständig wiederhergestellt werden können.&lt;ul&gt;%3&lt;/ul&gt;Führen Sie &lt;tt&gt;obnam-cli check&lt;/tt&gt; aus, um die vollständige Liste zu erhalten, und &lt;tt&gt;obnam-cli repair&lt;/tt&gt;, um neu aufzubauen, was sich neu aufbauen lässt.</translation>
    </message>
    <message>
        <source>Stay on one file s&amp;ystem (do not back up other disks mounted inside these folders)</source>
        <translation>Auf &amp;einem Dateisystem bleiben (keine anderen Datenträger sichern, die in diesen Ordnern eingehängt sind)</translation>
    </message>
    <message>
        <source>Ho&amp;urs:</source>
        <translation>St&amp;unden:</translation>
    </message>
    <message>
        <source>Sch&amp;edule</source>
        <translation>&amp;Zeitplan</translation>
    </message>
    <message>
        <source>Which backups to keep when old ones are thinned out to save space: scheduled backups apply these rules after each backup and free the space once a week; obnam-cli forget and prune do the same by hand. 0 turns a rule off.</source>
        <translation>Welche Sicherungen behalten werden, wenn alte ausgedünnt werden, um Platz zu sparen: geplante Sicherungen wenden diese Regeln nach jeder Sicherung an und geben den Platz einmal pro Woche frei; obnam-cli forget und prune tun dasselbe von Hand. 0 schaltet eine Regel ab.</translation>
    </message>
    <message>
        <source>The settings were saved, but starting at login could not be changed: %1</source>
        <translation>Die Einstellungen wurden gespeichert, aber der Start bei der Anmeldung konnte nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SetupWizard</name>
    <message>
        <source>Set Up Obnam Backup</source>
        <translation>Obnam Backup einrichten</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertigstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>obnam::gui::StartPage</name>
    <message>
        <source>&amp;Back up this computer</source>
        <translation>Diesen Computer &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Restore from an existing backup</source>
        <translation>Aus einer vorhandenen Sicherung wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Welcome to Obnam Backup</source>
        <translation>Willkommen bei Obnam Backup</translation>
    </message>
    <message>
        <source>Obnam keeps encrypted copies of your files, and every earlier version of them, in a repository on another disk or on a backup server.</source>
        <translation>Obnam bewahrt verschlüsselte Kopien Ihrer Dateien und aller ihrer früheren Versionen in einem Repository auf einem anderen Datenträger oder auf einem Sicherungsserver auf.</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>Was möchten Sie tun?</translation>
    </message>
    <message>
        <source>Choose the folders to back up and where to, and protect the backup with a passphrase.</source>
        <translation>Wählen Sie die zu sichernden Ordner und das Ziel, und schützen Sie die Sicherung mit einer Passphrase.</translation>
    </message>
    <message>
        <source>On a new or reinstalled computer: open the repository your backups are in and get your files back.</source>
        <translation>Auf einem neuen oder neu installierten Computer: Öffnen Sie das Repository mit Ihren Sicherungen und holen Sie Ihre Dateien zurück.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::TrayIcon</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Pause scheduled backups</source>
        <translation>Geplante Sicherungen &amp;pausieren</translation>
    </message>
    <message>
        <source>For one &amp;hour</source>
        <translation>Für eine &amp;Stunde</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow</source>
        <translation>Bis &amp;morgen</translation>
    </message>
    <message>
        <source>Until I &amp;resume them</source>
        <translation>Bis ich sie &amp;fortsetze</translation>
    </message>
    <message>
        <source>&amp;Resume scheduled backups</source>
        <translation>Geplante Sicherungen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Open Obnam</source>
        <translation>Obnam ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Scheduled backups are paused until you resume them.</source>
        <translation>Geplante Sicherungen sind pausiert, bis Sie sie fortsetzen.</translation>
    </message>
    <message>
        <source>Scheduled backups are paused until %1.</source>
        <translation>Geplante Sicherungen sind pausiert bis %1.</translation>
    </message>
    <message>
        <source>The next backup waits: the computer runs on battery.</source>
        <translation>Die nächste Sicherung wartet: Der Rechner läuft im Akkubetrieb.</translation>
    </message>
    <message>
        <source>The next backup waits: the network connection is metered.</source>
        <translation>Die nächste Sicherung wartet: Die Netzwerkverbindung ist getaktet.</translation>
    </message>
    <message>
        <source>The next backup waits for the backup disk to be attached.</source>
        <translation>Die nächste Sicherung wartet darauf, dass die Sicherungsplatte angeschlossen wird.</translation>
    </message>
    <message>
        <source>The next backup waits: another backup of this computer is running.</source>
        <translation>Die nächste Sicherung wartet: Eine andere Sicherung dieses Rechners läuft.</translation>
    </message>
    <message>
        <source>The next attempt is %1.</source>
        <translation>Der nächste Versuch ist %1.</translation>
    </message>
    <message>
        <source>A missed backup runs %1.</source>
        <translation>Eine verpasste Sicherung läuft %1.</translation>
    </message>
    <message>
        <source>Next backup %1.</source>
        <translation>Nächste Sicherung %1.</translation>
    </message>
    <message>
        <source>No backups are scheduled.</source>
        <translation>Es sind keine Sicherungen geplant.</translation>
    </message>
    <message>
        <source>Stopping the backup…</source>
        <translation>Die Sicherung wird angehalten…</translation>
    </message>
    <message>
        <source>Starting the backup…</source>
        <translation>Die Sicherung beginnt…</translation>
    </message>
    <message numerus="yes">
        <source>Backing up: %1 %, %n file(s) looked at</source>
        <translation>
            <numerusform>Sicherung: %1 %, %n Datei angesehen</numerusform>
            <numerusform>Sicherung: %1 %, %n Dateien angesehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backing up: %n file(s) looked at</source>
        <translation>
            <numerusform>Sicherung: %n Datei angesehen</numerusform>
            <numerusform>Sicherung: %n Dateien angesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is paused.</source>
        <translation>Die Sicherung ist pausiert.</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>Die letzte Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Backups are overdue: the last one was %1.</source>
        <translation>Sicherungen sind überfällig: Die letzte war %1.</translation>
    </message>
    <message>
        <source>Backups are overdue.</source>
        <translation>Sicherungen sind überfällig.</translation>
    </message>
    <message>
        <source>Last backup %1.</source>
        <translation>Letzte Sicherung %1.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Noch keine Sicherung.</translation>
    </message>
    <message>
        <source>The configuration has a problem: %1</source>
        <translation>Die Konfiguration hat ein Problem: %1</translation>
    </message>
    <message>
        <source>Bro&amp;wse backups…</source>
        <translation>Sicherungen d&amp;urchsehen…</translation>
    </message>
</context>
<context>
    <name>obnam::gui::VersionsModel</name>
    <message>
        <source>First backed up</source>
        <translation>Zuerst gesichert</translation>
    </message>
    <message>
        <source>Last backed up</source>
        <translation>Zuletzt gesichert</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert am</translation>
    </message>
</context>
<context>
    <name>obnam::gui::WherePage</name>
    <message>
        <source>A &amp;folder or removable disk</source>
        <translation>Ein &amp;Ordner oder Wechseldatenträger</translation>
    </message>
    <message>
        <source>An obnam-&amp;server</source>
        <translation>Ein obnam-&amp;server</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Repository folder</source>
        <translation>Repository-Ordner</translation>
    </message>
    <message>
        <source>only for a server with a certificate of its own</source>
        <translation>nur für einen Server mit eigenem Zertifikat</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>Zugangs&amp;token:</translation>
    </message>
    <message>
        <source>I have compared this fingerprint with the one from the server&apos;s administrator, and they are the same</source>
        <translation>Ich habe diesen Fingerabdruck mit dem des Serveradministrators verglichen, und sie stimmen überein</translation>
    </message>
    <message>
        <source>Choose where to keep the backups</source>
        <translation>Wählen Sie, wo die Sicherungen aufbewahrt werden</translation>
    </message>
    <message>
        <source>Where are your backups?</source>
        <translation>Wo befinden sich Ihre Sicherungen?</translation>
    </message>
    <message>
        <source>Where to keep the backups</source>
        <translation>Wo die Sicherungen aufbewahrt werden</translation>
    </message>
    <message>
        <source>Best on another disk or a server: a backup on the same disk is lost with it. A new folder is created as an empty repository.</source>
        <translation>Am besten auf einem anderen Datenträger oder einem Server: Eine Sicherung auf demselben Datenträger geht mit ihm verloren. Ein neuer Ordner wird als leeres Repository angelegt.</translation>
    </message>
    <message>
        <source>The server&apos;s address starts with https:// and names the server, such as https://backup.example.org:8888.</source>
        <translation>Die Adresse des Servers beginnt mit https:// und nennt den Server, etwa https://backup.example.org:8888.</translation>
    </message>
    <message>
        <source>The certificate fingerprint is not valid: %1</source>
        <translation>Der Fingerabdruck des Zertifikats ist ungültig: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is not the server you were told about.&lt;/b&gt; It presented a certificate with the fingerprint&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;but the fingerprint you entered is&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Someone may be intercepting the connection, or the fingerprint was mistyped. Nothing was sent to the server. Ask its administrator for the fingerprint obnam-server printed when it started.</source>
        <translation>&lt;b&gt;Dies ist nicht der Server, der Ihnen genannt wurde.&lt;/b&gt; Er hat ein Zertifikat mit dem Fingerabdruck&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;vorgelegt, aber der von Ihnen eingegebene Fingerabdruck lautet&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Möglicherweise fängt jemand die Verbindung ab, oder der Fingerabdruck wurde falsch eingegeben. Es wurde nichts an den Server gesendet. Fragen Sie seinen Administrator nach dem Fingerabdruck, den obnam-server beim Start ausgegeben hat.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the fingerprint you entered.</source>
        <translation>Das Zertifikat des Servers passt nicht zu dem von Ihnen eingegebenen Fingerabdruck.</translation>
    </message>
    <message>
        <source>The server has a certificate of its own, which no certificate authority vouches for. Its fingerprint is:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;Compare it with the fingerprint the server&apos;s administrator gave you (obnam-server prints it when it starts). Only continue if they are the same.</source>
        <translation>Der Server hat ein eigenes Zertifikat, für das keine Zertifizierungsstelle bürgt. Sein Fingerabdruck lautet:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen der Administrator des Servers gegeben hat (obnam-server gibt ihn beim Start aus). Fahren Sie nur fort, wenn beide übereinstimmen.</translation>
    </message>
    <message>
        <source>Compare the fingerprint, then tick the box to continue.</source>
        <translation>Vergleichen Sie den Fingerabdruck und setzen Sie dann das Häkchen, um fortzufahren.</translation>
    </message>
    <message>
        <source>Looking for a repository on the server…</source>
        <translation>Auf dem Server wird nach einem Repository gesucht…</translation>
    </message>
    <message>
        <source>Preparing the repository folder…</source>
        <translation>Der Repository-Ordner wird vorbereitet…</translation>
    </message>
    <message>
        <source>Certificate finger&amp;print:</source>
        <translation>Zertifikats-Fingerabd&amp;ruck:</translation>
    </message>
    <message>
        <source>%1 holds other files and is no backup repository. Choose an empty or new folder for the backups, so that they stay apart from your files.</source>
        <translation>%1 enthält andere Dateien und ist kein Sicherungs-Repository. Wählen Sie für die Sicherungen einen leeren oder neuen Ordner, damit sie von Ihren Dateien getrennt bleiben.</translation>
    </message>
    <message>
        <source>An S&amp;3 bucket (Amazon S3, Ceph, MinIO, …)</source>
        <translation>Ein S&amp;3-Bucket (Amazon S3, Ceph, MinIO, …)</translation>
    </message>
    <message>
        <source>empty: from ~/.aws/credentials or AWS_ACCESS_KEY_ID</source>
        <translation>leer: aus ~/.aws/credentials oder AWS_ACCESS_KEY_ID</translation>
    </message>
    <message>
        <source>empty: from ~/.aws/config, else us-east-1</source>
        <translation>leer: aus ~/.aws/config, sonst us-east-1</translation>
    </message>
    <message>
        <source>B&amp;ucket address:</source>
        <translation>B&amp;ucket-Adresse:</translation>
    </message>
    <message>
        <source>Access key &amp;ID:</source>
        <translation>Zugriffsschlüssel-&amp;ID:</translation>
    </message>
    <message>
        <source>Secret access &amp;key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>R&amp;egion:</translation>
    </message>
    <message>
        <source>The repository you backed up to: a folder, a removable disk, an obnam-server or an S3 bucket.</source>
        <translation>Das Repository, in das Sie gesichert haben: ein Ordner, ein Wechseldatenträger, ein obnam-server oder ein S3-Bucket.</translation>
    </message>
    <message>
        <source>A bucket&apos;s address starts with s3:// and names the store, the bucket and optionally a folder in it, such as s3://s3.eu-west-1.amazonaws.com/my-backups/laptop.</source>
        <translation>Die Adresse eines Buckets beginnt mit s3:// und nennt den Speicher, den Bucket und wahlweise einen Ordner darin, etwa s3://s3.eu-west-1.amazonaws.com/my-backups/laptop.</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key, or neither to use those in ~/.aws/credentials.</source>
        <translation>Geben Sie die Zugriffsschlüssel-ID und den geheimen Zugriffsschlüssel ein, oder keines von beiden, um die aus ~/.aws/credentials zu verwenden.</translation>
    </message>
    <message>
        <source>Looking for a repository in the bucket…</source>
        <translation>Im Bucket wird nach einem Repository gesucht…</translation>
    </message>
    <message>
        <source>There is no backup repository there. Choose the folder, server or bucket your backups were made to.</source>
        <translation>Dort gibt es kein Sicherungs-Repository. Wählen Sie den Ordner, Server oder Bucket, in den Ihre Sicherungen geschrieben wurden.</translation>
    </message>
</context>
</TS>
