<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Presets</name>
    <message>
        <source>Caches (~/.cache)</source>
        <translation>Caches (~/.cache)</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Downloads (~/Downloads)</source>
        <translation>Téléchargements (~/Downloads)</translation>
    </message>
    <message>
        <source>Build output (node_modules, __pycache__, *.o, *.pyc)</source>
        <translation>Fichiers de compilation (node_modules, __pycache__, *.o, *.pyc)</translation>
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
        <translation>aujourd&apos;hui à %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>hier à %1</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Looking for changes and storing them</source>
        <translation>Recherche et enregistrement des modifications</translation>
    </message>
    <message>
        <source>Storing the new generation</source>
        <translation>Enregistrement de la nouvelle génération</translation>
    </message>
    <message>
        <source>Getting the list of files</source>
        <translation>Récupération de la liste des fichiers</translation>
    </message>
    <message>
        <source>Restoring files</source>
        <translation>Restauration des fichiers</translation>
    </message>
    <message>
        <source>Checking the repository</source>
        <translation>Vérification du dépôt</translation>
    </message>
    <message>
        <source>Reading the data back</source>
        <translation>Relecture des données</translation>
    </message>
    <message>
        <source>Freeing space</source>
        <translation>Libération d&apos;espace</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>Réparation</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>a backup</source>
        <translation>une sauvegarde</translation>
    </message>
    <message>
        <source>a restore</source>
        <translation>une restauration</translation>
    </message>
    <message>
        <source>a check</source>
        <translation>une vérification</translation>
    </message>
    <message>
        <source>maintenance (%1)</source>
        <translation>maintenance (%1)</translation>
    </message>
    <message>
        <source>%1 on %2 (process %3), since %4</source>
        <translation>%1 sur %2 (processus %3), depuis %4</translation>
    </message>
    <message>
        <source>a few seconds</source>
        <translation>quelques secondes</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>demain à %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Encrypted, de-duplicating backups for Linux: the desktop backup window.</source>
        <translation>Sauvegardes chiffrées et dédupliquées pour Linux : la fenêtre de sauvegarde du bureau.</translation>
    </message>
    <message>
        <source>Use this configuration file instead of the default.</source>
        <translation>Utiliser ce fichier de configuration au lieu de celui par défaut.</translation>
    </message>
    <message>
        <source>Start in the system tray only, as at login: scheduled backups run, and a click on the icon opens the window.</source>
        <translation>Démarrer uniquement dans la zone de notification, comme à l’ouverture de session : les sauvegardes planifiées s’exécutent, et un clic sur l’icône ouvre la fenêtre.</translation>
    </message>
</context>
<context>
    <name>obnam</name>
    <message>
        <source>configuration key &apos;%1&apos; %2</source>
        <translation>clé de configuration « %1 » %2</translation>
    </message>
    <message>
        <source>uses plain http://, which would send backups unencrypted in transit; use an https: URL or a local repository path</source>
        <translation>utilise http:// en clair, ce qui enverrait les sauvegardes sans chiffrement pendant le transfert ; utilisez une URL https: ou le chemin d&apos;un dépôt local</translation>
    </message>
    <message>
        <source>(or OBNAM_ACCESS_TOKEN) contains characters a token never has</source>
        <translation>(ou OBNAM_ACCESS_TOKEN) contient des caractères qu&apos;un jeton ne contient jamais</translation>
    </message>
    <message>
        <source>names a file that cannot be read: </source>
        <translation>désigne un fichier illisible : </translation>
    </message>
    <message>
        <source>holds no PEM certificate</source>
        <translation>ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>is a local repository, so server_cert_sha256 and server_ca_file do not apply</source>
        <translation>désigne un dépôt local, donc server_cert_sha256 et server_ca_file ne s&apos;appliquent pas</translation>
    </message>
    <message>
        <source>configuration must be a YAML mapping</source>
        <translation>la configuration doit être un dictionnaire YAML</translation>
    </message>
    <message>
        <source>unknown configuration key &apos;%1&apos;</source>
        <translation>clé de configuration inconnue « %1 »</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must list at least one directory</source>
        <translation>doit indiquer au moins un répertoire</translation>
    </message>
    <message>
        <source>must not contain an empty path</source>
        <translation>ne doit pas contenir de chemin vide</translation>
    </message>
    <message>
        <source>must be a power of two from 4096 to 16777216</source>
        <translation>doit être une puissance de deux comprise entre 4096 et 16777216</translation>
    </message>
    <message>
        <source>must not contain an empty pattern</source>
        <translation>ne doit pas contenir de motif vide</translation>
    </message>
    <message>
        <source>must be a zstd level from 1 to 19 or &apos;none&apos;</source>
        <translation>doit être un niveau zstd de 1 à 19 ou « none »</translation>
    </message>
    <message>
        <source>configuration file does not exist</source>
        <translation>le fichier de configuration n&apos;existe pas</translation>
    </message>
    <message>
        <source>cannot read configuration: </source>
        <translation>impossible de lire la configuration : </translation>
    </message>
    <message>
        <source>configuration file is too large</source>
        <translation>le fichier de configuration est trop volumineux</translation>
    </message>
    <message>
        <source>configuration is not valid YAML: </source>
        <translation>la configuration n&apos;est pas du YAML valide : </translation>
    </message>
    <message>
        <source>configuration file exists</source>
        <translation>le fichier de configuration existe déjà</translation>
    </message>
    <message>
        <source>cannot create configuration directory</source>
        <translation>impossible de créer le répertoire de configuration</translation>
    </message>
    <message>
        <source>cannot write configuration: </source>
        <translation>impossible d&apos;écrire la configuration : </translation>
    </message>
    <message>
        <source>no credentials for this client</source>
        <translation>aucun identifiant pour ce client</translation>
    </message>
    <message>
        <source>credentials file can be read by other users; refusing to use it (chmod 0400 it, then check who may have copied it)</source>
        <translation>le fichier d&apos;identifiants est lisible par d&apos;autres utilisateurs ; refus de l&apos;utiliser (appliquez-lui chmod 0400, puis vérifiez qui a pu le copier)</translation>
    </message>
    <message>
        <source>cannot read credentials: </source>
        <translation>impossible de lire les identifiants : </translation>
    </message>
    <message>
        <source>credentials file lacks repository_id or master_keys</source>
        <translation>il manque repository_id ou master_keys dans le fichier d&apos;identifiants</translation>
    </message>
    <message>
        <source>credentials file: repository_id is not a hex id</source>
        <translation>fichier d&apos;identifiants : repository_id n&apos;est pas un identifiant hexadécimal</translation>
    </message>
    <message>
        <source>credentials file is not valid YAML: </source>
        <translation>le fichier d&apos;identifiants n&apos;est pas du YAML valide : </translation>
    </message>
    <message>
        <source>cannot create directory</source>
        <translation>impossible de créer le répertoire</translation>
    </message>
    <message>
        <source>cannot create credentials file</source>
        <translation>impossible de créer le fichier d&apos;identifiants</translation>
    </message>
    <message>
        <source>cannot write credentials file</source>
        <translation>impossible d&apos;écrire le fichier d&apos;identifiants</translation>
    </message>
    <message>
        <source>keyring: </source>
        <translation>trousseau de clés : </translation>
    </message>
    <message>
        <source>no desktop keyring is available (no D-Bus session)</source>
        <translation>aucun trousseau de clés du bureau n&apos;est disponible (pas de session D-Bus)</translation>
    </message>
    <message>
        <source>cannot read passphrase file: </source>
        <translation>impossible de lire le fichier de phrase secrète : </translation>
    </message>
    <message>
        <source>passphrase file is empty</source>
        <translation>le fichier de phrase secrète est vide</translation>
    </message>
    <message>
        <source>OBNAM_PASSPHRASE is set but empty</source>
        <translation>OBNAM_PASSPHRASE est définie mais vide</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>succeeded with warnings</source>
        <translation>réussi avec des avertissements</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>new CACHEDIR.TAG: its directory&apos;s contents were not backed up</source>
        <translation>nouveau CACHEDIR.TAG : le contenu de son répertoire n&apos;a pas été sauvegardé</translation>
    </message>
    <message>
        <source>cannot create the history folder</source>
        <translation>impossible de créer le dossier de l&apos;historique</translation>
    </message>
    <message>
        <source>cannot write the history: </source>
        <translation>impossible d&apos;écrire l&apos;historique : </translation>
    </message>
    <message>
        <source>server_url must be https://HOST or https://HOST:PORT</source>
        <translation>server_url doit être de la forme https://HOST ou https://HOST:PORT</translation>
    </message>
    <message>
        <source>an obnam-server needs an access token: set access_token in the configuration or OBNAM_ACCESS_TOKEN</source>
        <translation>un obnam-server nécessite un jeton d&apos;accès : définissez access_token dans la configuration ou OBNAM_ACCESS_TOKEN</translation>
    </message>
    <message>
        <source>a backup from this computer is already running: %1</source>
        <translation>une sauvegarde de cet ordinateur est déjà en cours : %1</translation>
    </message>
    <message>
        <source>--root and --repository only apply when no configuration exists yet; edit the configuration instead</source>
        <translation>--root et --repository ne s&apos;appliquent que lorsqu&apos;aucune configuration n&apos;existe encore ; modifiez plutôt la configuration</translation>
    </message>
    <message>
        <source>the directory is not empty and is not an obnam repository; choose an empty or new directory (or pass --allow-non-empty)</source>
        <translation>le répertoire n&apos;est pas vide et n&apos;est pas un dépôt obnam ; choisissez un répertoire vide ou nouveau (ou passez --allow-non-empty)</translation>
    </message>
    <message>
        <source>cannot write the configuration</source>
        <translation>impossible d&apos;écrire la configuration</translation>
    </message>
    <message>
        <source>injected storage failure</source>
        <translation>panne de stockage injectée</translation>
    </message>
    <message>
        <source>the server refused the request: </source>
        <translation>le serveur a refusé la requête : </translation>
    </message>
    <message>
        <source>the server refused the access token</source>
        <translation>le serveur a refusé le jeton d&apos;accès</translation>
    </message>
    <message>
        <source>the server does not allow this: </source>
        <translation>le serveur n&apos;autorise pas cette opération : </translation>
    </message>
    <message>
        <source>no such object</source>
        <translation>objet inexistant</translation>
    </message>
    <message>
        <source>object exists</source>
        <translation>l&apos;objet existe déjà</translation>
    </message>
    <message>
        <source>the object is larger than the server accepts</source>
        <translation>l&apos;objet dépasse la taille acceptée par le serveur</translation>
    </message>
    <message>
        <source>object is shorter than expected</source>
        <translation>l&apos;objet est plus court que prévu</translation>
    </message>
    <message>
        <source>the server is out of storage: </source>
        <translation>le serveur n&apos;a plus d&apos;espace de stockage : </translation>
    </message>
    <message>
        <source>server error %1: %2</source>
        <translation>erreur du serveur %1 : %2</translation>
    </message>
    <message>
        <source>unexpected HTTP status %1</source>
        <translation>statut HTTP inattendu %1</translation>
    </message>
    <message>
        <source>invalid range</source>
        <translation>plage invalide</translation>
    </message>
    <message>
        <source>server sent no object size</source>
        <translation>le serveur n&apos;a pas envoyé la taille de l&apos;objet</translation>
    </message>
    <message>
        <source>server listed an invalid name</source>
        <translation>le serveur a listé un nom invalide</translation>
    </message>
    <message>
        <source>cannot open directory</source>
        <translation>impossible d&apos;ouvrir le répertoire</translation>
    </message>
    <message>
        <source>cannot sync directory</source>
        <translation>impossible de synchroniser le répertoire</translation>
    </message>
    <message>
        <source>cannot create repository directory</source>
        <translation>impossible de créer le répertoire du dépôt</translation>
    </message>
    <message>
        <source>cannot read object</source>
        <translation>impossible de lire l&apos;objet</translation>
    </message>
    <message>
        <source>object is shorter than expected (wanted %1 bytes at offset %2)</source>
        <translation>l&apos;objet est plus court que prévu (%1 octets attendus à la position %2)</translation>
    </message>
    <message>
        <source>cannot open object</source>
        <translation>impossible d&apos;ouvrir l&apos;objet</translation>
    </message>
    <message>
        <source>cannot stat object</source>
        <translation>impossible d&apos;examiner l&apos;objet</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>impossible d&apos;écrire</translation>
    </message>
    <message>
        <source>cannot sync</source>
        <translation>impossible de synchroniser</translation>
    </message>
    <message>
        <source>cannot replace object</source>
        <translation>impossible de remplacer l&apos;objet</translation>
    </message>
    <message>
        <source>cannot create temporary file</source>
        <translation>impossible de créer le fichier temporaire</translation>
    </message>
    <message>
        <source>cannot close</source>
        <translation>impossible de fermer</translation>
    </message>
    <message>
        <source>object is not a regular file</source>
        <translation>l&apos;objet n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>repository directory does not exist</source>
        <translation>le répertoire du dépôt n&apos;existe pas</translation>
    </message>
    <message>
        <source>cannot remove object</source>
        <translation>impossible de supprimer l&apos;objet</translation>
    </message>
    <message>
        <source>invalid object name</source>
        <translation>nom d&apos;objet invalide</translation>
    </message>
    <message>
        <source>chunk average size must be a power of two of at least %1, not %2</source>
        <translation>la taille moyenne des blocs doit être une puissance de deux d&apos;au moins %1, et non %2</translation>
    </message>
    <message>
        <source>chunk minimum size %1 must be between 1 and the average %2</source>
        <translation>la taille minimale des blocs %1 doit être comprise entre 1 et la moyenne %2</translation>
    </message>
    <message>
        <source>chunk maximum size %1 must be between the average %2 and %3</source>
        <translation>la taille maximale des blocs %1 doit être comprise entre la moyenne %2 et %3</translation>
    </message>
    <message>
        <source>unknown chunking algorithm</source>
        <translation>algorithme de découpage en blocs inconnu</translation>
    </message>
    <message>
        <source>chunker sizes missing or out of range</source>
        <translation>tailles de découpage en blocs manquantes ou hors limites</translation>
    </message>
    <message>
        <source>empty payload has no codec tag</source>
        <translation>la charge utile vide n&apos;a pas d&apos;étiquette de codec</translation>
    </message>
    <message>
        <source>payload larger than allowed</source>
        <translation>charge utile plus grande qu&apos;autorisé</translation>
    </message>
    <message>
        <source>unknown compression codec %1</source>
        <translation>codec de compression inconnu %1</translation>
    </message>
    <message>
        <source>compressed payload has no valid size</source>
        <translation>la charge utile compressée n&apos;a pas de taille valide</translation>
    </message>
    <message>
        <source>compressed payload claims %1 bytes, more than the limit of %2</source>
        <translation>la charge utile compressée annonce %1 octets, soit plus que la limite de %2</translation>
    </message>
    <message>
        <source>compressed payload does not decode</source>
        <translation>la charge utile compressée ne peut pas être décodée</translation>
    </message>
    <message>
        <source>bad key or nonce size</source>
        <translation>taille de clé ou de nonce incorrecte</translation>
    </message>
    <message>
        <source>encrypted data is truncated</source>
        <translation>les données chiffrées sont tronquées</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>échec de l&apos;authentification</translation>
    </message>
    <message>
        <source>unknown key derivation algorithm</source>
        <translation>algorithme de dérivation de clé inconnu</translation>
    </message>
    <message>
        <source>key derivation parameters out of range</source>
        <translation>paramètres de dérivation de clé hors limites</translation>
    </message>
    <message>
        <source>key derivation failed: </source>
        <translation>échec de la dérivation de clé : </translation>
    </message>
    <message>
        <source>no backup roots given</source>
        <translation>aucune racine de sauvegarde indiquée</translation>
    </message>
    <message>
        <source>backup root does not exist or cannot be examined: </source>
        <translation>la racine de sauvegarde n&apos;existe pas ou ne peut pas être examinée : </translation>
    </message>
    <message>
        <source>exclude pattern matched nothing in this backup</source>
        <translation>le motif d&apos;exclusion ne correspond à rien dans cette sauvegarde</translation>
    </message>
    <message>
        <source>backup root vanished</source>
        <translation>la racine de sauvegarde a disparu</translation>
    </message>
    <message>
        <source>backup cancelled</source>
        <translation>sauvegarde annulée</translation>
    </message>
    <message>
        <source>cannot read directory: </source>
        <translation>impossible de lire le répertoire : </translation>
    </message>
    <message>
        <source>error while reading directory: </source>
        <translation>erreur lors de la lecture du répertoire : </translation>
    </message>
    <message>
        <source>cannot examine: </source>
        <translation>impossible d&apos;examiner : </translation>
    </message>
    <message>
        <source>cannot list extended attributes: </source>
        <translation>impossible de lister les attributs étendus : </translation>
    </message>
    <message>
        <source>extended attributes are malformed</source>
        <translation>les attributs étendus sont mal formés</translation>
    </message>
    <message>
        <source>cannot read generation database: </source>
        <translation>impossible de lire la base de données de la génération : </translation>
    </message>
    <message>
        <source>short read of generation database</source>
        <translation>lecture incomplète de la base de données de la génération</translation>
    </message>
    <message>
        <source>cannot create file: </source>
        <translation>impossible de créer le fichier : </translation>
    </message>
    <message>
        <source>fetching the generation database was cancelled</source>
        <translation>la récupération de la base de données de la génération a été annulée</translation>
    </message>
    <message>
        <source>generation database is larger than recorded</source>
        <translation>la base de données de la génération est plus grande que la taille enregistrée</translation>
    </message>
    <message>
        <source>cannot write cached database: </source>
        <translation>impossible d&apos;écrire la base de données en cache : </translation>
    </message>
    <message>
        <source>generation database is smaller than recorded</source>
        <translation>la base de données de la génération est plus petite que la taille enregistrée</translation>
    </message>
    <message>
        <source>cannot place cached database</source>
        <translation>impossible de mettre en place la base de données en cache</translation>
    </message>
    <message>
        <source>generation contains a path that would escape the target directory</source>
        <translation>la génération contient un chemin qui sortirait du répertoire cible</translation>
    </message>
    <message>
        <source>no such path in the generation</source>
        <translation>chemin absent de la génération</translation>
    </message>
    <message>
        <source>restore target is not empty (use --overwrite to restore into it anyway)</source>
        <translation>la cible de restauration n&apos;est pas vide (utilisez --overwrite pour y restaurer malgré tout)</translation>
    </message>
    <message>
        <source>cannot create restore target</source>
        <translation>impossible de créer la cible de restauration</translation>
    </message>
    <message>
        <source>cannot open restore target</source>
        <translation>impossible d&apos;ouvrir la cible de restauration</translation>
    </message>
    <message>
        <source>restore interrupted</source>
        <translation>restauration interrompue</translation>
    </message>
    <message>
        <source>chunk %1 is not in the repository&apos;s index</source>
        <translation>le bloc %1 n&apos;est pas dans l&apos;index du dépôt</translation>
    </message>
    <message>
        <source>its chunks hold %1 bytes but the generation records %2</source>
        <translation>ses blocs contiennent %1 octets mais la génération en enregistre %2</translation>
    </message>
    <message>
        <source>restore stopped</source>
        <translation>restauration arrêtée</translation>
    </message>
    <message>
        <source>chunk %1 is not as long as the index says</source>
        <translation>le bloc %1 n&apos;a pas la longueur indiquée par l&apos;index</translation>
    </message>
    <message>
        <source>unknown entry kind</source>
        <translation>type d&apos;entrée inconnu</translation>
    </message>
    <message>
        <source>cannot create hard link</source>
        <translation>impossible de créer le lien physique</translation>
    </message>
    <message>
        <source>not restored: the file it is a hard link to could not be restored</source>
        <translation>non restauré : le fichier vers lequel pointe ce lien physique n&apos;a pas pu être restauré</translation>
    </message>
    <message>
        <source>cannot set owner</source>
        <translation>impossible de définir le propriétaire</translation>
    </message>
    <message>
        <source>cannot set extended attribute </source>
        <translation>impossible de définir l&apos;attribut étendu </translation>
    </message>
    <message>
        <source>cannot set permissions safely: /proc is not mounted</source>
        <translation>impossible de définir les permissions de façon sûre : /proc n&apos;est pas monté</translation>
    </message>
    <message>
        <source>cannot set permissions</source>
        <translation>impossible de définir les permissions</translation>
    </message>
    <message>
        <source>cannot set times</source>
        <translation>impossible de définir les horodatages</translation>
    </message>
    <message>
        <source>cannot open restored entry</source>
        <translation>impossible d&apos;ouvrir l&apos;entrée restaurée</translation>
    </message>
    <message>
        <source>not restored: the entry was replaced by something else while it was being restored</source>
        <translation>non restauré : l&apos;entrée a été remplacée par autre chose pendant sa restauration</translation>
    </message>
    <message>
        <source>cannot create file</source>
        <translation>impossible de créer le fichier</translation>
    </message>
    <message>
        <source>cannot set file size</source>
        <translation>impossible de définir la taille du fichier</translation>
    </message>
    <message>
        <source>cannot move restored file into place</source>
        <translation>impossible de mettre en place le fichier restauré</translation>
    </message>
    <message>
        <source>generation database: %1: %2</source>
        <translation>base de données de la génération : %1 : %2</translation>
    </message>
    <message>
        <source>cannot create generation database: </source>
        <translation>impossible de créer la base de données de la génération : </translation>
    </message>
    <message>
        <source>cannot begin transaction</source>
        <translation>impossible de commencer la transaction</translation>
    </message>
    <message>
        <source>the SQLite driver gives no handle</source>
        <translation>le pilote SQLite ne fournit aucun descripteur</translation>
    </message>
    <message>
        <source>generation database: prepare inserts: </source>
        <translation>base de données de la génération : préparation des insertions : </translation>
    </message>
    <message>
        <source>generation database is missing</source>
        <translation>la base de données de la génération est absente</translation>
    </message>
    <message>
        <source>cannot open generation database: </source>
        <translation>impossible d&apos;ouvrir la base de données de la génération : </translation>
    </message>
    <message>
        <source>generation database is not an SQLite database</source>
        <translation>la base de données de la génération n&apos;est pas une base SQLite</translation>
    </message>
    <message>
        <source>generation database is not an SQLite database of this program: </source>
        <translation>la base de données de la génération n&apos;est pas une base SQLite de ce programme : </translation>
    </message>
    <message>
        <source>the generation was made by a newer version of obnam (database schema %1.%2; this version reads %3.x): upgrade obnam to read it</source>
        <translation>la génération a été créée par une version plus récente d&apos;obnam (schéma de base de données %1.%2 ; cette version lit %3.x) : mettez obnam à jour pour la lire</translation>
    </message>
    <message>
        <source>generation database has an unknown schema version %1</source>
        <translation>la base de données de la génération a une version de schéma inconnue %1</translation>
    </message>
    <message>
        <source>generation database lacks its tables (meta, files, chunks)</source>
        <translation>les tables de la base de données de la génération sont absentes (meta, files, chunks)</translation>
    </message>
    <message>
        <source>no meta value </source>
        <translation>aucune valeur meta </translation>
    </message>
    <message>
        <source>generation database is not open for writing</source>
        <translation>la base de données de la génération n&apos;est pas ouverte en écriture</translation>
    </message>
    <message>
        <source>cannot commit generation database: </source>
        <translation>impossible de valider la base de données de la génération : </translation>
    </message>
    <message>
        <source>generation database index disagrees with its table</source>
        <translation>l&apos;index de la base de données de la génération ne concorde pas avec sa table</translation>
    </message>
    <message>
        <source>generation database has a bad chunk id</source>
        <translation>la base de données de la génération contient un identifiant de bloc incorrect</translation>
    </message>
    <message>
        <source>check cancelled</source>
        <translation>vérification annulée</translation>
    </message>
    <message>
        <source>prune stopped before deleting anything: </source>
        <translation>le nettoyage s&apos;est arrêté avant de supprimer quoi que ce soit : </translation>
    </message>
    <message>
        <source>a damaged object makes the references unknowable (%1)</source>
        <translation>un objet endommagé rend les références impossibles à déterminer (%1)</translation>
    </message>
    <message>
        <source>the index names %1 pack(s) the storage does not hold</source>
        <translation>l&apos;index cite %1 paquet(s) que le stockage ne contient pas</translation>
    </message>
    <message>
        <source>prune cancelled; nothing was changed</source>
        <translation>nettoyage annulé ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>generation %1 cannot be read: %2</source>
        <translation>la génération %1 ne peut pas être lue : %2</translation>
    </message>
    <message>
        <source>chunk %1 is used by a generation but is in no index object</source>
        <translation>le bloc %1 est utilisé par une génération mais ne figure dans aucun objet d&apos;index</translation>
    </message>
    <message>
        <source>the index names a pack the storage does not list</source>
        <translation>l&apos;index cite un paquet que le stockage ne liste pas</translation>
    </message>
    <message>
        <source>prune cancelled; nothing was removed</source>
        <translation>nettoyage annulé ; rien n&apos;a été supprimé</translation>
    </message>
    <message>
        <source>a live chunk cannot be read for repacking: </source>
        <translation>un bloc encore utilisé ne peut pas être lu pour le réempaquetage : </translation>
    </message>
    <message>
        <source>prune cancelled after it rewrote the index; %1 packs it had still to delete are left for the next prune</source>
        <translation>nettoyage annulé après la réécriture de l&apos;index ; %1 paquets qui restaient à supprimer sont laissés pour le prochain nettoyage</translation>
    </message>
    <message>
        <source>repair cancelled; the index is unchanged</source>
        <translation>réparation annulée ; l&apos;index est inchangé</translation>
    </message>
    <message>
        <source>index: </source>
        <translation>index : </translation>
    </message>
    <message>
        <source>bad magic</source>
        <translation>nombre magique incorrect</translation>
    </message>
    <message>
        <source>unknown index version</source>
        <translation>version d&apos;index inconnue</translation>
    </message>
    <message>
        <source>pack count exceeds the object</source>
        <translation>le nombre de paquets dépasse la taille de l&apos;objet</translation>
    </message>
    <message>
        <source>entry count exceeds the object</source>
        <translation>le nombre d&apos;entrées dépasse la taille de l&apos;objet</translation>
    </message>
    <message>
        <source>entry uses the header nonce</source>
        <translation>une entrée utilise le nonce de l&apos;en-tête</translation>
    </message>
    <message>
        <source>trailing bytes</source>
        <translation>octets excédentaires à la fin</translation>
    </message>
    <message>
        <source>a chunk prepared as stored is not in the repository</source>
        <translation>un bloc préparé comme déjà stocké n&apos;est pas dans le dépôt</translation>
    </message>
    <message>
        <source>generation record: </source>
        <translation>enregistrement de génération : </translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>JSON non valide</translation>
    </message>
    <message>
        <source>the generation was made by a newer version of obnam (record version %1; this version reads up to %2): upgrade obnam to read it</source>
        <translation>la génération a été créée par une version plus récente d&apos;obnam (version d&apos;enregistrement %1 ; cette version lit jusqu&apos;à la %2) : mettez obnam à jour pour la lire</translation>
    </message>
    <message>
        <source>unknown generation record version</source>
        <translation>version d&apos;enregistrement de génération inconnue</translation>
    </message>
    <message>
        <source>bad database chunk id</source>
        <translation>identifiant de bloc de base de données incorrect</translation>
    </message>
    <message>
        <source>missing or invalid fields</source>
        <translation>champs manquants ou invalides</translation>
    </message>
    <message>
        <source>key slot has no authentication code at its end</source>
        <translation>l&apos;emplacement de clé n&apos;a pas de code d&apos;authentification à la fin</translation>
    </message>
    <message>
        <source>key slot authentication code is malformed</source>
        <translation>le code d&apos;authentification de l&apos;emplacement de clé est mal formé</translation>
    </message>
    <message>
        <source>key slot is too large</source>
        <translation>l&apos;emplacement de clé est trop volumineux</translation>
    </message>
    <message>
        <source>key slot is not valid JSON</source>
        <translation>l&apos;emplacement de clé n&apos;est pas du JSON valide</translation>
    </message>
    <message>
        <source>unknown key slot version</source>
        <translation>version d&apos;emplacement de clé inconnue</translation>
    </message>
    <message>
        <source>key slot fields have the wrong size</source>
        <translation>les champs de l&apos;emplacement de clé n&apos;ont pas la bonne taille</translation>
    </message>
    <message>
        <source>key slot has been changed or damaged (its authentication code does not match)</source>
        <translation>l&apos;emplacement de clé a été modifié ou endommagé (son code d&apos;authentification ne correspond pas)</translation>
    </message>
    <message>
        <source>wrong passphrase: it does not open this key slot</source>
        <translation>phrase secrète incorrecte : elle n&apos;ouvre pas cet emplacement de clé</translation>
    </message>
    <message>
        <source>lock object is malformed</source>
        <translation>l&apos;objet de verrou est mal formé</translation>
    </message>
    <message>
        <source>the repository is locked: %1</source>
        <translation>le dépôt est verrouillé : %1</translation>
    </message>
    <message>
        <source>master key material has the wrong form</source>
        <translation>le matériel de clé maîtresse n&apos;a pas la bonne forme</translation>
    </message>
    <message>
        <source>object is truncated or not an obnam object</source>
        <translation>l&apos;objet est tronqué ou n&apos;est pas un objet obnam</translation>
    </message>
    <message>
        <source>unknown object version %1</source>
        <translation>version d&apos;objet inconnue %1</translation>
    </message>
    <message>
        <source>object has the wrong type</source>
        <translation>l&apos;objet n&apos;a pas le bon type</translation>
    </message>
    <message>
        <source>object does not authenticate (damaged, or from another repository)</source>
        <translation>l&apos;authentification de l&apos;objet échoue (endommagé, ou provenant d&apos;un autre dépôt)</translation>
    </message>
    <message>
        <source>chunk uses the header&apos;s nonce</source>
        <translation>le bloc utilise le nonce de l&apos;en-tête</translation>
    </message>
    <message>
        <source>pack: </source>
        <translation>paquet : </translation>
    </message>
    <message>
        <source>truncated or not a pack</source>
        <translation>tronqué ou n&apos;est pas un paquet</translation>
    </message>
    <message>
        <source>unknown pack version</source>
        <translation>version de paquet inconnue</translation>
    </message>
    <message>
        <source>header length out of range</source>
        <translation>longueur d&apos;en-tête hors limites</translation>
    </message>
    <message>
        <source>header does not authenticate</source>
        <translation>l&apos;authentification de l&apos;en-tête échoue</translation>
    </message>
    <message>
        <source>header entry count does not match its size</source>
        <translation>le nombre d&apos;entrées de l&apos;en-tête ne correspond pas à sa taille</translation>
    </message>
    <message>
        <source>header entry %1 points outside the pack</source>
        <translation>l&apos;entrée d&apos;en-tête %1 pointe hors du paquet</translation>
    </message>
    <message>
        <source>repository config: </source>
        <translation>configuration du dépôt : </translation>
    </message>
    <message>
        <source>too large</source>
        <translation>trop volumineux</translation>
    </message>
    <message>
        <source>not an obnam repository</source>
        <translation>ce n&apos;est pas un dépôt obnam</translation>
    </message>
    <message>
        <source>the repository was written by a newer version of obnam (repository format %1; this version reads up to %2): upgrade obnam to use it</source>
        <translation>le dépôt a été écrit par une version plus récente d&apos;obnam (format de dépôt %1 ; cette version lit jusqu&apos;au %2) : mettez obnam à jour pour l&apos;utiliser</translation>
    </message>
    <message>
        <source>unknown repository format version %1</source>
        <translation>version de format de dépôt inconnue %1</translation>
    </message>
    <message>
        <source>unknown chunk id kind</source>
        <translation>type d&apos;identifiant de bloc inconnu</translation>
    </message>
    <message>
        <source>bad repository id</source>
        <translation>identifiant de dépôt incorrect</translation>
    </message>
    <message>
        <source>pack size out of range</source>
        <translation>taille de paquet hors limites</translation>
    </message>
    <message>
        <source>missing or malformed mac</source>
        <translation>mac manquant ou mal formé</translation>
    </message>
    <message>
        <source>no repository here (the config object is missing)</source>
        <translation>aucun dépôt ici (l&apos;objet config est absent)</translation>
    </message>
    <message>
        <source>a repository already exists here</source>
        <translation>un dépôt existe déjà ici</translation>
    </message>
    <message>
        <source>the passphrase is empty</source>
        <translation>la phrase secrète est vide</translation>
    </message>
    <message>
        <source>the repository has no key slots</source>
        <translation>le dépôt n&apos;a aucun emplacement de clé</translation>
    </message>
    <message>
        <source>wrong passphrase: no key slot of this repository opens with it</source>
        <translation>phrase secrète incorrecte : aucun emplacement de clé de ce dépôt ne s&apos;ouvre avec elle</translation>
    </message>
    <message>
        <source>invalid key material</source>
        <translation>matériel de clé invalide</translation>
    </message>
    <message>
        <source>these credentials belong to a different repository (%1…) than the one at %2 (%3…): another client&apos;s access token, or a changed server_url?</source>
        <translation>ces identifiants appartiennent à un autre dépôt (%1…) que celui situé à %2 (%3…) : jeton d&apos;accès d&apos;un autre client, ou server_url modifiée ?</translation>
    </message>
    <message>
        <source>the repository&apos;s config object has been changed or damaged (its authentication code does not match)</source>
        <translation>l&apos;objet de configuration du dépôt a été modifié ou endommagé (son code d&apos;authentification ne correspond pas)</translation>
    </message>
    <message>
        <source>chunk is not in the index</source>
        <translation>le bloc n&apos;est pas dans l&apos;index</translation>
    </message>
    <message>
        <source>chunk does not authenticate</source>
        <translation>l&apos;authentification du bloc échoue</translation>
    </message>
    <message>
        <source>chunk content does not match its id</source>
        <translation>le contenu du bloc ne correspond pas à son identifiant</translation>
    </message>
    <message>
        <source>no such key slot</source>
        <translation>emplacement de clé inexistant</translation>
    </message>
    <message>
        <source>refusing to remove the last key slot: the repository could never be opened again</source>
        <translation>refus de supprimer le dernier emplacement de clé : le dépôt ne pourrait plus jamais être ouvert</translation>
    </message>
    <message>
        <source>the new passphrase is empty</source>
        <translation>la nouvelle phrase secrète est vide</translation>
    </message>
    <message>
        <source>the storage acknowledged this object but does not hold it (%1 of %2 bytes); it may be losing writes</source>
        <translation>le stockage a confirmé cet objet mais ne le contient pas (%1 octets sur %2) ; il perd peut-être des écritures</translation>
    </message>
    <message>
        <source>object content does not match its name (damaged or swapped)</source>
        <translation>le contenu de l&apos;objet ne correspond pas à son nom (endommagé ou échangé)</translation>
    </message>
    <message>
        <source>Unknown generation: </source>
        <translation>Génération inconnue : </translation>
    </message>
    <message>
        <source>the repository has no generations yet</source>
        <translation>le dépôt n&apos;a encore aucune génération</translation>
    </message>
    <message>
        <source>ambiguous generation prefix %1 matches %2 generations</source>
        <translation>le préfixe de génération ambigu %1 correspond à %2 générations</translation>
    </message>
    <message>
        <source>cannot create cache directory</source>
        <translation>impossible de créer le répertoire de cache</translation>
    </message>
    <message>
        <source>cannot use cache directory</source>
        <translation>impossible d&apos;utiliser le répertoire de cache</translation>
    </message>
    <message>
        <source>cache directory is not a directory</source>
        <translation>le répertoire de cache n&apos;est pas un répertoire</translation>
    </message>
    <message>
        <source>cannot make cache directory private</source>
        <translation>impossible de rendre le répertoire de cache privé</translation>
    </message>
    <message>
        <source>a server address starts with https:// and names a host</source>
        <translation>une adresse de serveur commence par https:// et désigne un hôte</translation>
    </message>
    <message>
        <source>cannot reach the server at %1: %2</source>
        <translation>impossible de joindre le serveur à l&apos;adresse %1 : %2</translation>
    </message>
    <message>
        <source>the server presented no certificate</source>
        <translation>le serveur n&apos;a présenté aucun certificat</translation>
    </message>
    <message>
        <source>a SHA-256 fingerprint is 64 hexadecimal digits (colons allowed); obnam-server prints it when it starts</source>
        <translation>une empreinte SHA-256 se compose de 64 chiffres hexadécimaux (deux-points autorisés) ; obnam-server l&apos;affiche à son démarrage</translation>
    </message>
    <message>
        <source>the repository&apos;s config object</source>
        <translation>l’objet config du dépôt</translation>
    </message>
    <message>
        <source>TLS certificate problem with the server at %1: %2</source>
        <translation>problème de certificat TLS avec le serveur à l&apos;adresse %1 : %2</translation>
    </message>
    <message>
        <source>TLS certificate problem with the server: %1</source>
        <translation>problème de certificat TLS avec le serveur : %1</translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation>impossible de joindre le serveur : %1</translation>
    </message>
    <message>
        <source>cannot create symbolic link</source>
        <translation>impossible de créer le lien symbolique</translation>
    </message>
    <message>
        <source>cannot create named pipe</source>
        <translation>impossible de créer le tube nommé</translation>
    </message>
    <message>
        <source>cannot create socket</source>
        <translation>impossible de créer le socket</translation>
    </message>
    <message>
        <source>cannot create device node</source>
        <translation>impossible de créer le fichier de périphérique</translation>
    </message>
    <message>
        <source>the pattern is empty</source>
        <translation>le motif est vide</translation>
    </message>
    <message>
        <source>the pattern cannot be used: %1</source>
        <translation>le motif est inutilisable : %1</translation>
    </message>
    <message>
        <source>the search index cannot be rebuilt</source>
        <translation>l’index de recherche ne peut pas être reconstruit</translation>
    </message>
    <message>
        <source>search index: %1: %2</source>
        <translation>index de recherche : %1 : %2</translation>
    </message>
    <message>
        <source>updating the search index was cancelled</source>
        <translation>la mise à jour de l’index de recherche a été annulée</translation>
    </message>
    <message>
        <source>the search index lacks a path it had</source>
        <translation>il manque à l’index de recherche un chemin qu’il avait</translation>
    </message>
    <message>
        <source>the preview was cancelled</source>
        <translation>l’aperçu a été annulé</translation>
    </message>
    <message>
        <source>generation database has an invalid file row</source>
        <translation>la base de données de la génération contient une ligne de fichier invalide</translation>
    </message>
    <message>
        <source>the file was not restored</source>
        <translation>le fichier n’a pas été restauré</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>impossible de créer le dossier</translation>
    </message>
    <message>
        <source>cannot write the autostart entry: </source>
        <translation>impossible d’écrire l’entrée de démarrage automatique : </translation>
    </message>
    <message>
        <source>cannot remove the autostart entry</source>
        <translation>impossible de supprimer l’entrée de démarrage automatique</translation>
    </message>
    <message>
        <source>must be one of off, hourly, daily or weekly</source>
        <translation>doit valoir off, hourly, daily ou weekly</translation>
    </message>
    <message>
        <source>must be a time of day as HH:MM, such as 12:30</source>
        <translation>doit être une heure au format HH:MM, par exemple 12:30</translation>
    </message>
    <message>
        <source>must be a day of the week, such as monday</source>
        <translation>doit être un jour de la semaine, par exemple monday</translation>
    </message>
    <message>
        <source>must be a number of days from 1 to 365</source>
        <translation>doit être un nombre de jours de 1 à 365</translation>
    </message>
    <message>
        <source>must be a number of seconds from 0 to 3600</source>
        <translation>doit être un nombre de secondes de 0 à 3600</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifiées</translation>
    </message>
    <message>
        <source>every hour at %1 minutes past</source>
        <translation>toutes les heures, %1 minutes après l’heure pile</translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>tous les jours à %1</translation>
    </message>
    <message>
        <source>every %1 at %2</source>
        <translation>chaque %1 à %2</translation>
    </message>
    <message>
        <source>cannot create the folder of the schedule&apos;s state</source>
        <translation>impossible de créer le dossier de l’état de la planification</translation>
    </message>
    <message>
        <source>cannot write the schedule&apos;s state: </source>
        <translation>impossible d’écrire l’état de la planification : </translation>
    </message>
    <message>
        <source>the schedule&apos;s state is locked</source>
        <translation>l’état de la planification est verrouillé</translation>
    </message>
    <message>
        <source>the S3 bucket does not exist</source>
        <translation>le compartiment S3 n’existe pas</translation>
    </message>
    <message>
        <source>the S3 store refused the request (%1): check the access key, the secret key and the bucket&apos;s permissions</source>
        <translation>le stockage S3 a refusé la requête (%1) : vérifiez la clé d’accès, la clé secrète et les droits sur le compartiment</translation>
    </message>
    <message>
        <source>the S3 store answered %1 %2</source>
        <translation>le stockage S3 a répondu %1 %2</translation>
    </message>
    <message>
        <source>the S3 store sent no object size</source>
        <translation>le stockage S3 n’a pas envoyé la taille de l’objet</translation>
    </message>
    <message>
        <source>the S3 store listed an invalid name</source>
        <translation>le stockage S3 a listé un nom invalide</translation>
    </message>
    <message>
        <source>the S3 store&apos;s listing is not XML</source>
        <translation>la liste du stockage S3 n’est pas du XML</translation>
    </message>
    <message>
        <source>only applies to an S3 repository (server_url s3://HOST/BUCKET)</source>
        <translation>ne s’applique qu’à un dépôt S3 (server_url s3://HÔTE/COMPARTIMENT)</translation>
    </message>
    <message>
        <source>must be an https: URL, an s3:// URL, a file:/// URL or an absolute path</source>
        <translation>doit être une URL https:, une URL s3://, une URL file:/// ou un chemin absolu</translation>
    </message>
    <message>
        <source>cannot read the AWS file: </source>
        <translation>impossible de lire le fichier AWS : </translation>
    </message>
    <message>
        <source>names no bucket: use s3://HOST/BUCKET or s3://HOST/BUCKET/PREFIX</source>
        <translation>ne nomme aucun compartiment : utilisez s3://HÔTE/COMPARTIMENT ou s3://HÔTE/COMPARTIMENT/PRÉFIXE</translation>
    </message>
    <message>
        <source>names the bucket &apos;%1&apos;, which is not a valid S3 bucket name (3 to 63 letters, digits, dots and hyphens)</source>
        <translation>nomme le compartiment « %1 », qui n’est pas un nom de compartiment S3 valide (3 à 63 lettres, chiffres, points et tirets)</translation>
    </message>
    <message>
        <source>has the prefix part &apos;%1&apos;: a prefix is made of letters, digits, dots, hyphens and underscores between slashes</source>
        <translation>contient la partie de préfixe « %1 » : un préfixe se compose de lettres, chiffres, points, tirets et soulignés entre des barres obliques</translation>
    </message>
    <message>
        <source>is needed too: the access key ID and the secret access key go together</source>
        <translation>est nécessaire aussi : l’identifiant de clé d’accès et la clé d’accès secrète vont ensemble</translation>
    </message>
    <message>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together</source>
        <translation>AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY doivent être définies ensemble</translation>
    </message>
    <message>
        <source>no S3 credentials: set s3_access_key_id and s3_secret_access_key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the profile &apos;%1&apos; aws_access_key_id and aws_secret_access_key in %2</source>
        <translation>aucun identifiant S3 : définissez s3_access_key_id et s3_secret_access_key, ou AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY, ou donnez au profil « %1 » aws_access_key_id et aws_secret_access_key dans %2</translation>
    </message>
    <message>
        <source>the S3 credentials (%1) contain characters keys never have</source>
        <translation>les identifiants S3 (%1) contiennent des caractères qu’une clé n’a jamais</translation>
    </message>
    <message>
        <source>(or AWS_REGION) must be a region name such as eu-west-1</source>
        <translation>(ou AWS_REGION) doit être un nom de région comme eu-west-1</translation>
    </message>
    <message>
        <source>must be s3://HOST[:PORT]/BUCKET[/PREFIX] for an S3 store</source>
        <translation>doit être s3://HÔTE[:PORT]/COMPARTIMENT[/PRÉFIXE] pour un stockage S3</translation>
    </message>
    <message>
        <source>must not hold credentials: use s3_access_key_id and s3_secret_access_key, the AWS_* variables or ~/.aws/credentials</source>
        <translation>ne doit pas contenir d’identifiants : utilisez s3_access_key_id et s3_secret_access_key, les variables AWS_* ou ~/.aws/credentials</translation>
    </message>
    <message>
        <source>must be path or virtual-host</source>
        <translation>doit être path ou virtual-host</translation>
    </message>
    <message>
        <source>is virtual-host, which needs a bucket name of lower-case letters, digits and hyphens; use path addressing for &apos;%1&apos;</source>
        <translation>vaut virtual-host, qui exige un nom de compartiment en minuscules, chiffres et tirets ; utilisez l’adressage path pour « %1 »</translation>
    </message>
    <message>
        <source>the S3 store started an upload without naming it</source>
        <translation>le stockage S3 a commencé un envoi sans le nommer</translation>
    </message>
    <message>
        <source>the S3 store took a part without an ETag</source>
        <translation>le stockage S3 a accepté une partie sans ETag</translation>
    </message>
    <message>
        <source>the S3 store&apos;s list of unfinished uploads is not XML</source>
        <translation>la liste des envois inachevés du stockage S3 n&apos;est pas du XML</translation>
    </message>
    <message>
        <source>chunk %1 lies outside what was read of its pack</source>
        <translation>le bloc %1 se trouve hors de ce qui a été lu de son paquet</translation>
    </message>
    <message>
        <source>the S3 connection was closed</source>
        <translation>la connexion au stockage S3 a été fermée</translation>
    </message>
    <message>
        <source>the server redirects to %1, which is not followed: set server_url to the address that answers</source>
        <translation>le serveur redirige vers %1, ce qui n&apos;est pas suivi : réglez server_url sur l&apos;adresse qui répond</translation>
    </message>
    <message>
        <source>the S3 store&apos;s listing cannot be followed to its end (is it an S3 ListObjectsV2 endpoint?)</source>
        <translation>la liste du stockage S3 ne peut pas être suivie jusqu&apos;au bout (est-ce un point d&apos;accès S3 ListObjectsV2 ?)</translation>
    </message>
    <message>
        <source>the server sent more than was asked for: %1</source>
        <translation>le serveur a envoyé plus que demandé : %1</translation>
    </message>
</context>
<context>
    <name>obnam::gui::Browser</name>
    <message>
        <source>The search index could not be prepared.</source>
        <translation>L’index de recherche n’a pas pu être préparé.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::BrowserWindow</name>
    <message>
        <source>Backups – Obnam</source>
        <translation>Sauvegardes – Obnam</translation>
    </message>
    <message>
        <source>&amp;Search all backups:</source>
        <translation>&amp;Chercher dans toutes les sauvegardes :</translation>
    </message>
    <message>
        <source>A name, part of one, or a pattern such as *.odt</source>
        <translation>Un nom, une partie de nom ou un motif comme *.odt</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <source>&amp;Filter the open folder:</source>
        <translation>&amp;Filtrer le dossier ouvert :</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Choose a file to see its versions.</source>
        <translation>Choisissez un fichier pour voir ses versions.</translation>
    </message>
    <message>
        <source>Restore this &amp;version…</source>
        <translation>Restaurer cette &amp;version…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Opens a read-only copy with the application for its type, without restoring it anywhere.</source>
        <translation>Ouvre une copie en lecture seule avec l’application associée à son type, sans la restaurer nulle part.</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Ouverture du dépôt…</translation>
    </message>
    <message>
        <source>The backups cannot be shown without the passphrase.</source>
        <translation>Les sauvegardes ne peuvent pas être affichées sans la phrase secrète.</translation>
    </message>
    <message>
        <source>The repository could not be opened: %1</source>
        <translation>Le dépôt n’a pas pu être ouvert : %1</translation>
    </message>
    <message numerus="yes">
        <source>Preparing the search: %1 of %n backup(s) read…</source>
        <translation>
            <numerusform>Préparation de la recherche : %1 sur %n sauvegarde lue…</numerusform>
            <numerusform>Préparation de la recherche : %1 sur %n sauvegardes lues…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s).</source>
        <translation>
            <numerusform>%n sauvegarde.</numerusform>
            <numerusform>%n sauvegardes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Searching is not available: %1</source>
        <translation>La recherche n’est pas disponible : %1</translation>
    </message>
    <message>
        <source>The search did not work: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <source>A folder could not be read: %1</source>
        <translation>Un dossier n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Il n’y a pas encore de sauvegarde.</translation>
    </message>
    <message>
        <source>This backup&apos;s list of files could not be read: %1</source>
        <translation>La liste des fichiers de cette sauvegarde n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Searching as soon as the search is prepared…</source>
        <translation>La recherche commencera dès qu’elle sera prête…</translation>
    </message>
    <message>
        <source>Nothing in any backup matches “%1”.</source>
        <translation>Rien dans aucune sauvegarde ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>More than %1 matches; the first %1 are shown. Type more of the name to narrow them down.</source>
        <translation>Plus de %1 résultats ; les %1 premiers sont affichés. Tapez davantage du nom pour les réduire.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>Le fichier n’a pas pu être ouvert : %1</translation>
    </message>
    <message>
        <source>Opened a read-only copy: %1</source>
        <translation>Une copie en lecture seule a été ouverte : %1</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>Sauvegarde %1</translation>
    </message>
    <message>
        <source>Computer: %1</source>
        <translation>Ordinateur : %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Commencée : %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Terminée : %1</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Fichiers : %1</translation>
    </message>
    <message>
        <source>Size of the files: %1</source>
        <translation>Taille des fichiers : %1</translation>
    </message>
    <message>
        <source>Size of its list of files: %1</source>
        <translation>Taille de sa liste de fichiers : %1</translation>
    </message>
    <message>
        <source>Backup details</source>
        <translation>Détails de la sauvegarde</translation>
    </message>
    <message>
        <source>%1: %2, in %3.</source>
        <translation>%1 : %2, dans %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n sauvegarde</numerusform>
            <numerusform>%n sauvegardes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) in all backups. Enter shows one in the newest backup that has it.</source>
        <translation>
            <numerusform>%n résultat dans toutes les sauvegardes. Entrée l’affiche dans la sauvegarde la plus récente qui le contient.</numerusform>
            <numerusform>%n résultats dans toutes les sauvegardes. Entrée en affiche un dans la sauvegarde la plus récente qui le contient.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n different version(s)</source>
        <translation>
            <numerusform>%n version différente</numerusform>
            <numerusform>%n versions différentes</numerusform>
        </translation>
    </message>
    <message>
        <source>The versions of %1 could not be read: %2</source>
        <translation>Les versions de %1 n’ont pas pu être lues : %2</translation>
    </message>
    <message>
        <source>%1 is not backed up itself: it is a folder on the way to the backed-up folders.</source>
        <translation>%1 n’est pas sauvegardé lui-même : c’est un dossier sur le chemin des dossiers sauvegardés.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FileTreeModel</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Link to %1</source>
        <translation>Lien vers %1</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Named pipe</source>
        <translation>Tube nommé</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Contents skipped (cache folder)</source>
        <translation>Contenu ignoré (dossier de cache)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>Unreadable, not backed up</source>
        <translation>Illisible, non sauvegardé</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Backed up as</source>
        <translation>Sauvegardé comme</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>Sur le chemin</translation>
    </message>
    <message>
        <source>A folder above the folders that are backed up: only the way to them, not backed up itself.</source>
        <translation>Un dossier au-dessus des dossiers sauvegardés : seulement le chemin vers eux, pas sauvegardé lui-même.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FinishPage</name>
    <message>
        <source>&amp;Start the first backup now</source>
        <translation>&amp;Lancer la première sauvegarde maintenant</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Backups of %1 will be stored in %2.</source>
        <translation>Les sauvegardes de %1 seront enregistrées dans %2.</translation>
    </message>
    <message>
        <source>The first backup stores everything and may take a while; later backups store only what changed. The settings are in %1.</source>
        <translation>La première sauvegarde enregistre tout et peut prendre un certain temps ; les suivantes n&apos;enregistrent que ce qui a changé. Les paramètres se trouvent dans %1.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::FoldersPage</name>
    <message>
        <source>What to back up</source>
        <translation>Que sauvegarder</translation>
    </message>
    <message>
        <source>Your home folder holds your documents, pictures and settings. Add other folders if you keep files elsewhere.</source>
        <translation>Votre dossier personnel contient vos documents, vos images et vos paramètres. Ajoutez d&apos;autres dossiers si vous conservez des fichiers ailleurs.</translation>
    </message>
    <message>
        <source>&amp;Folders to back up:</source>
        <translation>&amp;Dossiers à sauvegarder :</translation>
    </message>
    <message>
        <source>Folders to back up</source>
        <translation>Dossiers à sauvegarder</translation>
    </message>
    <message>
        <source>Folder to add</source>
        <translation>Dossier à ajouter</translation>
    </message>
    <message>
        <source>A folder, such as /srv/photos</source>
        <translation>Un dossier, par exemple /srv/photos</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Leave out:</source>
        <translation>Exclure :</translation>
    </message>
    <message>
        <source>Choose a folder to back up</source>
        <translation>Choisir un dossier à sauvegarder</translation>
    </message>
</context>
<context>
    <name>obnam::gui::GenerationListModel</name>
    <message>
        <source>Counted once the search index is ready.</source>
        <translation>Compté dès que l’index de recherche est prêt.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Ordinateur</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimés</translation>
    </message>
</context>
<context>
    <name>obnam::gui::Launcher</name>
    <message>
        <source>No system tray</source>
        <translation>Pas de zone de notification</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Obnam cannot wait there for the next scheduled backup.

A systemd user timer can run the same schedule without Obnam being open: it backs up even when nobody is logged in to a desktop.</source>
        <translation>Ce bureau n’a pas de zone de notification : Obnam ne peut pas y attendre la prochaine sauvegarde planifiée.

Un minuteur systemd de l’utilisateur peut suivre la même planification sans qu’Obnam soit ouvert : il sauvegarde même quand personne n’a ouvert de session de bureau.</translation>
    </message>
    <message>
        <source>&amp;Use the timer</source>
        <translation>&amp;Utiliser le minuteur</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Pas maintenant</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>Sauvegardes planifiées</translation>
    </message>
    <message>
        <source>The timer is set up.</source>
        <translation>Le minuteur est en place.</translation>
    </message>
    <message>
        <source>The timer could not be set up.</source>
        <translation>Le minuteur n’a pas pu être mis en place.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::MainWindow</name>
    <message>
        <source>Obnam Backup</source>
        <translation>Sauvegarde Obnam</translation>
    </message>
    <message>
        <source>Your backup</source>
        <translation>Votre sauvegarde</translation>
    </message>
    <message>
        <source>Backs up:</source>
        <translation>Sauvegarde :</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Vers :</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Dernière sauvegarde :</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <source>Backup in progress</source>
        <translation>Sauvegarde en cours</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progression de la sauvegarde</translation>
    </message>
    <message>
        <source>Files looked at:</source>
        <translation>Fichiers examinés :</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lu :</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>Enregistré :</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Vitesse :</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Temps restant :</translation>
    </message>
    <message>
        <source>Now in:</source>
        <translation>Actuellement dans :</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Recent backups</source>
        <translation>Sauvegardes récentes</translation>
    </message>
    <message>
        <source>Show &amp;warnings…</source>
        <translation>Afficher les a&amp;vertissements…</translation>
    </message>
    <message numerus="yes">
        <source>(leaving out %n pattern(s))</source>
        <translation>
            <numerusform>(en excluant %n motif)</numerusform>
            <numerusform>(en excluant %n motifs)</numerusform>
        </translation>
    </message>
    <message>
        <source>The configuration cannot be read: %1</source>
        <translation>La configuration ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 new</source>
        <translation>
            <numerusform>%n fichier, %1 de nouvelles données</numerusform>
            <numerusform>%n fichiers, %1 de nouvelles données</numerusform>
        </translation>
    </message>
    <message>
        <source>A backup is running elsewhere: %1. Its progress is shown where it was started; it appears in the history below when it ends.</source>
        <translation>Une sauvegarde est en cours ailleurs : %1. Sa progression s&apos;affiche là où elle a été lancée ; elle apparaîtra dans l&apos;historique ci-dessous une fois terminée.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Ouverture du dépôt…</translation>
    </message>
    <message>
        <source>Paused. Nothing is read or stored until you resume.</source>
        <translation>En pause. Rien n&apos;est lu ni enregistré tant que vous ne reprenez pas.</translation>
    </message>
    <message>
        <source>Stopping at a safe point…</source>
        <translation>Arrêt à un point sûr…</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>%p% of what is found so far</source>
        <translation>%p % de ce qui a été trouvé jusqu&apos;ici</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>encore inconnu</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>au moins %1</translation>
    </message>
    <message>
        <source>The passphrase could not be stored in the desktop keyring: %1</source>
        <translation>La phrase secrète n&apos;a pas pu être enregistrée dans le trousseau de clés du bureau : %1</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>La sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>The backup was cancelled. What it had stored is kept, and the next backup goes on from there.</source>
        <translation>La sauvegarde a été annulée. Ce qu&apos;elle avait déjà enregistré est conservé, et la prochaine sauvegarde reprendra à partir de là.</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>These files or folders could not be backed up in that run:</source>
        <translation>Ces fichiers ou dossiers n&apos;ont pas pu être sauvegardés lors de cette exécution :</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>&amp;Tout copier</translation>
    </message>
    <message>
        <source>A backup is running</source>
        <translation>Une sauvegarde est en cours</translation>
    </message>
    <message>
        <source>A backup is running. Stop it at the next safe point, or let it finish in the background?</source>
        <translation>Une sauvegarde est en cours. L&apos;arrêter au prochain point sûr, ou la laisser se terminer en arrière-plan ?</translation>
    </message>
    <message>
        <source>&amp;Stop the backup</source>
        <translation>&amp;Arrêter la sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Keep it running</source>
        <translation>&amp;Laisser continuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not started: the backup is running elsewhere already (%1). Try again when it has finished.</source>
        <translation>Non lancée : la sauvegarde est déjà en cours ailleurs (%1). Réessayez quand elle sera terminée.</translation>
    </message>
    <message>
        <source>This backup could not be recorded in the history of backups: %1</source>
        <translation>Cette sauvegarde n’a pas pu être inscrite dans l’historique des sauvegardes : %1</translation>
    </message>
    <message>
        <source>Browse bac&amp;kups…</source>
        <translation>Parcourir les sauve&amp;gardes…</translation>
    </message>
    <message>
        <source>Look through every backup, search them all at once, see the versions of a file and restore any of them.</source>
        <translation>Parcourir chaque sauvegarde, les chercher toutes à la fois, voir les versions d’un fichier et restaurer n’importe laquelle.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::PassphraseDialog</name>
    <message>
        <source>&amp;Remember it in the desktop keyring</source>
        <translation>&amp;Mémoriser dans le trousseau de clés du bureau</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&lt;b&gt;That passphrase did not open the repository.&lt;/b&gt;&lt;br&gt;Enter the passphrase for %1 again:</source>
        <translation>&lt;b&gt;Cette phrase secrète n&apos;a pas ouvert le dépôt.&lt;/b&gt;&lt;br&gt;Saisissez de nouveau la phrase secrète de %1 :</translation>
    </message>
    <message>
        <source>Enter the passphrase for the repository at %1:</source>
        <translation>Saisissez la phrase secrète du dépôt situé à %1 :</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>obnam::gui::PassphrasePage</name>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <source>Re&amp;member it in the desktop keyring</source>
        <translation>&amp;Mémoriser dans le trousseau de clés du bureau</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse :</translation>
    </message>
    <message>
        <source>A new repository is created, protected by this passphrase.</source>
        <translation>Un nouveau dépôt est créé, protégé par cette phrase secrète.</translation>
    </message>
    <message>
        <source>Choose a passphrase of several words. You need it to restore your files on another computer, and nobody can recover it for you: write it down and keep it somewhere safe.</source>
        <translation>Choisissez une phrase secrète de plusieurs mots. Vous en aurez besoin pour restaurer vos fichiers sur un autre ordinateur, et personne ne pourra la retrouver pour vous : notez-la et conservez-la en lieu sûr.</translation>
    </message>
    <message>
        <source>This repository exists already.</source>
        <translation>Ce dépôt existe déjà.</translation>
    </message>
    <message>
        <source>Enter the passphrase the repository was created with.</source>
        <translation>Saisissez la phrase secrète avec laquelle le dépôt a été créé.</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>Easy to guess. Use at least 12 characters, or four or more words.</source>
        <translation>Facile à deviner. Utilisez au moins 12 caractères, ou au moins quatre mots.</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <source>Reasonable. A few more words make it much stronger.</source>
        <translation>Correcte. Quelques mots de plus la rendront bien plus robuste.</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>Creating the repository…</source>
        <translation>Création du dépôt…</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Ouverture du dépôt…</translation>
    </message>
    <message>
        <source>&lt;b&gt;That passphrase did not open the repository.&lt;/b&gt; Check it and try again.</source>
        <translation>&lt;b&gt;Cette phrase secrète n&apos;a pas ouvert le dépôt.&lt;/b&gt; Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <source>Storing the passphrase in the desktop keyring…</source>
        <translation>Enregistrement de la phrase secrète dans le trousseau de clés du bureau…</translation>
    </message>
    <message>
        <source>Hard to guess. Write it down: it cannot be recovered.</source>
        <translation>Difficile à deviner. Notez-la : elle ne peut pas être récupérée.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>Les deux saisies sont différentes.</translation>
    </message>
    <message>
        <source>The passphrase was not stored in the desktop keyring: %1. You will be asked for it when it is needed.</source>
        <translation>La phrase secrète n’a pas été enregistrée dans le trousseau de clés : %1. Elle vous sera demandée quand elle sera nécessaire.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Utilisez au moins 8 caractères.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreDialog</name>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore %1 as it was backed up %2.</source>
        <translation>Restaurer %1 tel qu’il a été sauvegardé %2.</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n chosen items as they were backed up %1.</source>
        <translation>
            <numerusform>Restaurer %n élément choisi tel qu’il a été sauvegardé %1.</numerusform>
            <numerusform>Restaurer %n éléments choisis tels qu’ils ont été sauvegardés %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>To the place they were &amp;backed up from</source>
        <translation>À l’endroit d’où ils ont été &amp;sauvegardés</translation>
    </message>
    <message>
        <source>Into &amp;another folder:</source>
        <translation>Dans un &amp;autre dossier :</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Inside that folder each item keeps its whole path, so nothing already in the folder is mixed up with it.</source>
        <translation>Dans ce dossier, chaque élément garde son chemin complet : rien de ce qui s’y trouve déjà n’est mélangé avec lui.</translation>
    </message>
    <message>
        <source>Looking at what the restore would do…</source>
        <translation>Examen de ce que ferait la restauration…</translation>
    </message>
    <message>
        <source>Files that are already there</source>
        <translation>Fichiers déjà présents</translation>
    </message>
    <message>
        <source>&amp;Leave them as they are (skip)</source>
        <translation>&amp;Les laisser tels quels (ignorer)</translation>
    </message>
    <message>
        <source>&amp;Keep both: the restored copy is named “name (restored)”</source>
        <translation>&amp;Garder les deux : la copie restaurée s’appelle « nom (restored) »</translation>
    </message>
    <message>
        <source>Replace them with the backed-up &amp;version</source>
        <translation>Les remplacer par la &amp;version sauvegardée</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Restore into</source>
        <translation>Restaurer dans</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>Re&amp;prendre</translation>
    </message>
    <message>
        <source>The restore cannot be prepared: %1</source>
        <translation>La restauration ne peut pas être préparée : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be created.</source>
        <translation>
            <numerusform>%n élément sera créé.</numerusform>
            <numerusform>%n éléments seront créés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already there, left as it is</source>
        <translation>Déjà présent, laissé tel quel</translation>
    </message>
    <message>
        <source>Already there, kept; restored beside it</source>
        <translation>Déjà présent, conservé ; restauré à côté</translation>
    </message>
    <message>
        <source>Already there, replaced</source>
        <translation>Déjà présent, remplacé</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Non restauré : %1</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <source>Needs %1.</source>
        <translation>Nécessite %1.</translation>
    </message>
    <message>
        <source>Needs %1; %2 free on %3.</source>
        <translation>Nécessite %1 ; %2 libres sur %3.</translation>
    </message>
    <message>
        <source>Needs %1, but only %2 are free on %3. Free some space or choose another folder.</source>
        <translation>Nécessite %1, mais seulement %2 sont libres sur %3. Libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration…</translation>
    </message>
    <message>
        <source>Restored %1 of %2 items, %3 of %4.</source>
        <translation>%1 éléments sur %2 restaurés, %3 sur %4.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n élément (%1) restauré dans %2.</numerusform>
            <numerusform>%n éléments (%1) restaurés dans %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The restore did not finish: %1</source>
        <translation>La restauration ne s’est pas terminée : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be restored, or only with a caveat: see the list.</source>
        <translation>
            <numerusform>%n élément n’a pas pu être restauré, ou seulement avec une réserve : voir la liste.</numerusform>
            <numerusform>%n éléments n’ont pas pu être restaurés, ou seulement avec une réserve : voir la liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
        <source>Already there: %n item(s).</source>
        <translation>
            <numerusform>Déjà présent : %n élément.</numerusform>
            <numerusform>Déjà présents : %n éléments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not restorable, as they could not be read when they were backed up: %n item(s).</source>
        <translation>
            <numerusform>Non restaurables, car illisibles lors de la sauvegarde : %n élément.</numerusform>
            <numerusform>Non restaurables, car illisibles lors de la sauvegarde : %n éléments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled. Restored whole before it: %n item(s); nothing was left half-written.</source>
        <translation>
            <numerusform>Annulé. Restauré en entier auparavant : %n élément ; rien n’est resté à moitié écrit.</numerusform>
            <numerusform>Annulé. Restaurés en entier auparavant : %n éléments ; rien n’est resté à moitié écrit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreJob</name>
    <message>
        <source>%1: already there, left as it was</source>
        <translation>%1 : déjà présent, laissé tel quel</translation>
    </message>
    <message>
        <source>%1: already there, restored beside it as %2</source>
        <translation>%1 : déjà présent, restauré à côté sous le nom %2</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestorePage</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Restore your files</source>
        <translation>Restaurer vos fichiers</translation>
    </message>
    <message>
        <source>Choose a backup and a folder to put its files in. Each backed-up folder is recreated inside it, so nothing already on this computer is replaced.</source>
        <translation>Choisissez une sauvegarde et un dossier où placer ses fichiers. Chaque dossier sauvegardé y est recréé, de sorte que rien de ce qui se trouve déjà sur cet ordinateur n&apos;est remplacé.</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sauvegarde :</translation>
    </message>
    <message>
        <source>Folder to restore into</source>
        <translation>Dossier de destination</translation>
    </message>
    <message>
        <source>Restored files</source>
        <translation>Fichiers restaurés</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Par&amp;courir…</translation>
    </message>
    <message>
        <source>&amp;Into:</source>
        <translation>&amp;Dans :</translation>
    </message>
    <message>
        <source>Restore progress</source>
        <translation>Progression de la restauration</translation>
    </message>
    <message>
        <source>Choose a folder to restore into</source>
        <translation>Choisir le dossier de destination de la restauration</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n file(s), %2, from %3</source>
        <translation>
            <numerusform>%1 — %n fichier, %2, de %3</numerusform>
            <numerusform>%1 — %n fichiers, %2, de %3</numerusform>
        </translation>
    </message>
    <message>
        <source>This repository holds no backups yet.</source>
        <translation>Ce dépôt ne contient encore aucune sauvegarde.</translation>
    </message>
    <message>
        <source>The backups cannot be listed: %1</source>
        <translation>Impossible de lister les sauvegardes : %1</translation>
    </message>
    <message>
        <source>%1 of %2 files restored</source>
        <translation>%1 fichiers restaurés sur %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2.</source>
        <translation>
            <numerusform>&lt;b&gt;%n fichier restauré&lt;/b&gt; (%1) dans %2.</numerusform>
            <numerusform>&lt;b&gt;%n fichiers restaurés&lt;/b&gt; (%1) dans %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restore was stopped. %n file(s) were restored whole; none was left half-written.</source>
        <translation>
            <numerusform>La restauration a été arrêtée. %n fichier a été restauré en entier ; aucun n&apos;a été laissé à moitié écrit.</numerusform>
            <numerusform>La restauration a été arrêtée. %n fichiers ont été restaurés en entier ; aucun n&apos;a été laissé à moitié écrit.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;The restore failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;La restauration a échoué :&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Not restored or with problems:</source>
        <translation>Non restaurés ou restaurés avec des problèmes :</translation>
    </message>
    <message>
        <source>Reading the list of backups…</source>
        <translation>Lecture de la liste des sauvegardes…</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restauration…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Restored %n file(s)&lt;/b&gt; (%1) into %2, but not everything.</source>
        <translation>
            <numerusform>&lt;b&gt;%n fichier restauré&lt;/b&gt; (%1) dans %2, mais pas tout.</numerusform>
            <numerusform>&lt;b&gt;%n fichiers restaurés&lt;/b&gt; (%1) dans %2, mais pas tout.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::RestoreRunner</name>
    <message>
        <source>%1 is not empty. Choose a new or empty folder, so that nothing in it is replaced.</source>
        <translation>%1 n&apos;est pas vide. Choisissez un dossier nouveau ou vide, afin que rien de ce qu&apos;il contient ne soit remplacé.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::RunHistoryModel</name>
    <message numerus="yes">
        <source>succeeded, %n warning(s)</source>
        <translation>
            <numerusform>réussi, %n avertissement</numerusform>
            <numerusform>réussi, %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>Nouvelles données</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SchedulePage</name>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Heure :</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Also on &amp;battery power</source>
        <translation>Aussi sur &amp;batterie</translation>
    </message>
    <message>
        <source>Also over &amp;metered connections (to a server)</source>
        <translation>Aussi sur une connexion &amp;limitée (vers un serveur)</translation>
    </message>
    <message>
        <source>&amp;Notify me of backups that went well, too</source>
        <translation>Me &amp;notifier aussi des sauvegardes réussies</translation>
    </message>
    <message>
        <source>Start Obnam in the tray when I &amp;log in</source>
        <translation>Démarrer Obnam dans la zone de notification à l’o&amp;uverture de session</translation>
    </message>
    <message>
        <source>Obnam backs up by itself while it runs in the tray. A backup missed while the computer was off or asleep runs soon after it is back, once. Failed backups are always notified.</source>
        <translation>Obnam sauvegarde de lui-même tant qu’il tourne dans la zone de notification. Une sauvegarde manquée pendant que l’ordinateur était éteint ou en veille s’exécute peu après son retour, une seule fois. Les sauvegardes échouées sont toujours notifiées.</translation>
    </message>
    <message>
        <source>Never (only when I click Back up now)</source>
        <translation>Jamais (seulement quand je clique sur Sauvegarder maintenant)</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Toutes les heures</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Toutes les semaines</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <source>Say backups are o&amp;verdue after:</source>
        <translation>Signaler un &amp;retard après :</translation>
    </message>
    <message>
        <source>Backups run %1. Obnam must be running (in the tray) for them to happen; on a desktop without a tray, obnam-cli schedule install sets up a timer instead.</source>
        <translation>Les sauvegardes s’exécutent %1. Obnam doit tourner (dans la zone de notification) pour cela ; sur un bureau sans zone de notification, obnam-cli schedule install met en place un minuteur à la place.</translation>
    </message>
    <message>
        <source>No backups run by themselves.</source>
        <translation>Aucune sauvegarde ne s’exécute d’elle-même.</translation>
    </message>
    <message>
        <source>Minutes past the ho&amp;ur:</source>
        <translation>Minutes après l’&amp;heure :</translation>
    </message>
</context>
<context>
    <name>obnam::gui::ScheduledBackups</name>
    <message>
        <source>Backup waiting for its passphrase</source>
        <translation>La sauvegarde attend sa phrase secrète</translation>
    </message>
    <message>
        <source>The scheduled backup could not open the backup: open Obnam and enter the passphrase.</source>
        <translation>La sauvegarde planifiée n’a pas pu ouvrir le dépôt : ouvrez Obnam et saisissez la phrase secrète.</translation>
    </message>
    <message>
        <source>Old backups were not removed</source>
        <translation>Les anciennes sauvegardes n’ont pas été supprimées</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <source>Backup finished</source>
        <translation>Sauvegarde terminée</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) backed up, %1 of new data.</source>
        <translation>
            <numerusform>%n fichier sauvegardé, %1 de nouvelles données.</numerusform>
            <numerusform>%n fichiers sauvegardés, %1 de nouvelles données.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders left out of the backup</source>
        <translation>Dossiers exclus de la sauvegarde</translation>
    </message>
    <message>
        <source>These folders hold a CACHEDIR.TAG file, which marks a cache, so their contents were not backed up: %1</source>
        <translation>Ces dossiers contiennent un fichier CACHEDIR.TAG, qui marque un cache : leur contenu n’a pas été sauvegardé : %1</translation>
    </message>
    <message>
        <source>Backups are overdue</source>
        <translation>Sauvegardes en retard</translation>
    </message>
    <message numerus="yes">
        <source>The last successful backup is more than %n day(s) old.</source>
        <translation>
            <numerusform>La dernière sauvegarde réussie date de plus de %n jour.</numerusform>
            <numerusform>La dernière sauvegarde réussie date de plus de %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup disk missing</source>
        <translation>Disque de sauvegarde absent</translation>
    </message>
    <message numerus="yes">
        <source>The disk that holds your backups has not been attached for %n day(s). Attach it and the backup runs.</source>
        <translation>
            <numerusform>Le disque qui contient vos sauvegardes n’a pas été branché depuis %n jour. Branchez-le et la sauvegarde s’exécute.</numerusform>
            <numerusform>Le disque qui contient vos sauvegardes n’a pas été branché depuis %n jours. Branchez-le et la sauvegarde s’exécute.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>obnam::gui::SearchResultsModel</name>
    <message numerus="yes">
        <source>%n of %1</source>
        <translation>
            <numerusform>%n sur %1</numerusform>
            <numerusform>%n sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>In backups</source>
        <translation>Dans les sauvegardes</translation>
    </message>
    <message>
        <source>Last backed up</source>
        <translation>Dernière sauvegarde</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SettingsDialog</name>
    <message>
        <source>Backup Settings</source>
        <translation>Paramètres de sauvegarde</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <source>&amp;Keeping</source>
        <translation>&amp;Conservation</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Vérification</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Folders to back up</source>
        <translation>Dossiers à sauvegarder</translation>
    </message>
    <message>
        <source>Folder to add</source>
        <translation>Dossier à ajouter</translation>
    </message>
    <message>
        <source>A folder, such as ~/Documents</source>
        <translation>Un dossier, par exemple ~/Documents</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Exclure</translation>
    </message>
    <message>
        <source>Other patterns (a path, ~/path, or a name such as *.iso matched at any depth):</source>
        <translation>Autres motifs (un chemin, ~/chemin, ou un nom tel que *.iso recherché à toute profondeur) :</translation>
    </message>
    <message>
        <source>Other patterns to leave out</source>
        <translation>Autres motifs à exclure</translation>
    </message>
    <message>
        <source>Pattern to add</source>
        <translation>Motif à ajouter</translation>
    </message>
    <message>
        <source>A&amp;dd pattern</source>
        <translation>A&amp;jouter le motif</translation>
    </message>
    <message>
        <source>Re&amp;move pattern</source>
        <translation>Retirer le &amp;motif</translation>
    </message>
    <message>
        <source>Choose a folder to back up</source>
        <translation>Choisir un dossier à sauvegarder</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>Dépôt :</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>&amp;Compression level:</source>
        <translation>&amp;Niveau de compression :</translation>
    </message>
    <message>
        <source>The repository is where this computer&apos;s backups are stored. To back up somewhere else, set up a new configuration.</source>
        <translation>Le dépôt est l&apos;endroit où sont stockées les sauvegardes de cet ordinateur. Pour sauvegarder ailleurs, créez une nouvelle configuration.</translation>
    </message>
    <message>
        <source>Compression (zstd) makes backups smaller; 3 is fast and good. Higher levels save a little more space and take more time.</source>
        <translation>La compression (zstd) réduit la taille des sauvegardes ; 3 est rapide et efficace. Les niveaux plus élevés économisent un peu plus d&apos;espace mais prennent plus de temps.</translation>
    </message>
    <message>
        <source>Leave out folders marked as caches (CACHEDIR.TAG)</source>
        <translation>Exclure les dossiers marqués comme caches (CACHEDIR.TAG)</translation>
    </message>
    <message>
        <source>Newest &amp;backups:</source>
        <translation>Sauvegardes les plus &amp;récentes :</translation>
    </message>
    <message>
        <source>&amp;Days:</source>
        <translation>&amp;Jours :</translation>
    </message>
    <message>
        <source>&amp;Weeks:</source>
        <translation>&amp;Semaines :</translation>
    </message>
    <message>
        <source>&amp;Months:</source>
        <translation>&amp;Mois :</translation>
    </message>
    <message>
        <source>&amp;Years:</source>
        <translation>&amp;Années :</translation>
    </message>
    <message>
        <source>A check verifies that every backup can be restored: every file&apos;s data is present and every structure is intact. It also reads back a sample of the stored data and verifies it byte for byte.</source>
        <translation>Une vérification s&apos;assure que chaque sauvegarde peut être restaurée : les données de chaque fichier sont présentes et chaque structure est intacte. Elle relit également un échantillon des données stockées et le vérifie octet par octet.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Read back:</source>
        <translation>Re&amp;lire :</translation>
    </message>
    <message>
        <source>&amp;Check the repository</source>
        <translation>Vérifier le dé&amp;pôt</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progression de la vérification</translation>
    </message>
    <message>
        <source>The configuration cannot be read: %1</source>
        <translation>La configuration ne peut pas être lue : %1</translation>
    </message>
    <message numerus="yes">
        <source>the %n newest backup(s)</source>
        <translation>
            <numerusform>la sauvegarde la plus récente (%n)</numerusform>
            <numerusform>les %n sauvegardes les plus récentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n hour(s) that have one</source>
        <translation>
            <numerusform>la sauvegarde la plus récente de la dernière heure qui en a une (%n heure)</numerusform>
            <numerusform>la sauvegarde la plus récente de chacune des %n dernières heures qui en ont une</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n day(s) that have one</source>
        <translation>
            <numerusform>la sauvegarde la plus récente du dernier jour qui en a une (%n jour)</numerusform>
            <numerusform>la sauvegarde la plus récente de chacun des %n derniers jours qui en ont une</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n week(s) that have one</source>
        <translation>
            <numerusform>la sauvegarde la plus récente de la dernière semaine qui en a une (%n semaine)</numerusform>
            <numerusform>la sauvegarde la plus récente de chacune des %n dernières semaines qui en ont une</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n month(s) that have one</source>
        <translation>
            <numerusform>la sauvegarde la plus récente du dernier mois qui en a une (%n mois)</numerusform>
            <numerusform>la sauvegarde la plus récente de chacun des %n derniers mois qui en ont une</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest backup of each of the last %n year(s) that have one</source>
        <translation>
            <numerusform>la sauvegarde la plus récente de la dernière année qui en a une (%n année)</numerusform>
            <numerusform>la sauvegarde la plus récente de chacune des %n dernières années qui en ont une</numerusform>
        </translation>
    </message>
    <message>
        <source>Every backup is kept: nothing is forgotten until you choose what to keep.</source>
        <translation>Toutes les sauvegardes sont conservées : rien n&apos;est oublié tant que vous n&apos;avez pas choisi quoi conserver.</translation>
    </message>
    <message>
        <source>Forgetting keeps:&lt;ul&gt;%1&lt;/ul&gt;Every other backup is forgotten. A backup kept by any rule is kept.</source>
        <translation>L&apos;oubli conserve :&lt;ul&gt;%1&lt;/ul&gt;Toutes les autres sauvegardes sont oubliées. Une sauvegarde retenue par au moins une règle est conservée.</translation>
    </message>
    <message>
        <source>Choose at least one folder to back up.</source>
        <translation>Choisissez au moins un dossier à sauvegarder.</translation>
    </message>
    <message>
        <source>The settings were not saved: %1</source>
        <translation>Les paramètres n&apos;ont pas été enregistrés : %1</translation>
    </message>
    <message>
        <source>Opening the repository…</source>
        <translation>Ouverture du dépôt…</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>La vérification n&apos;a pas pu s&apos;exécuter : %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;No damage found.&lt;/b&gt; %n backup(s) checked, %1 of %2 data packs read back and verified, in %3.</source>
        <translation>
            <numerusform>&lt;b&gt;Aucun dommage trouvé.&lt;/b&gt; %n sauvegarde vérifiée, %1 paquets de données sur %2 relus et vérifiés, en %3.</numerusform>
            <numerusform>&lt;b&gt;Aucun dommage trouvé.&lt;/b&gt; %n sauvegardes vérifiées, %1 paquets de données sur %2 relus et vérifiés, en %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Damage found:&lt;/b&gt; %1 damaged object(s), %2 file(s) that cannot be restored whole.&lt;ul&gt;%3&lt;/ul&gt;Run &lt;tt&gt;obnam-cli check&lt;/tt&gt; for the full list and &lt;tt&gt;obnam-cli repair&lt;/tt&gt; to rebuild what can be rebuilt.</source>
        <translation>&lt;b&gt;Dommages trouvés :&lt;/b&gt; %1 objet(s) endommagé(s), %2 fichier(s) impossible(s) à restaurer en entier.&lt;ul&gt;%3&lt;/ul&gt;Exécutez &lt;tt&gt;obnam-cli check&lt;/tt&gt; pour obtenir la liste complète et &lt;tt&gt;obnam-cli repair&lt;/tt&gt; pour reconstruire ce qui peut l&apos;être.</translation>
    </message>
    <message>
        <source>Stay on one file s&amp;ystem (do not back up other disks mounted inside these folders)</source>
        <translation>Rester sur &amp;un seul système de fichiers (ne pas sauvegarder les autres disques montés dans ces dossiers)</translation>
    </message>
    <message>
        <source>Ho&amp;urs:</source>
        <translation>&amp;Heures :</translation>
    </message>
    <message>
        <source>Sch&amp;edule</source>
        <translation>&amp;Planification</translation>
    </message>
    <message>
        <source>Which backups to keep when old ones are thinned out to save space: scheduled backups apply these rules after each backup and free the space once a week; obnam-cli forget and prune do the same by hand. 0 turns a rule off.</source>
        <translation>Quelles sauvegardes garder quand les anciennes sont éclaircies pour gagner de la place : les sauvegardes planifiées appliquent ces règles après chaque sauvegarde et libèrent la place une fois par semaine ; obnam-cli forget et prune font de même à la main. 0 désactive une règle.</translation>
    </message>
    <message>
        <source>The settings were saved, but starting at login could not be changed: %1</source>
        <translation>Les réglages ont été enregistrés, mais le démarrage à l’ouverture de session n’a pas pu être modifié : %1</translation>
    </message>
</context>
<context>
    <name>obnam::gui::SetupWizard</name>
    <message>
        <source>Set Up Obnam Backup</source>
        <translation>Configurer la sauvegarde Obnam</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>obnam::gui::StartPage</name>
    <message>
        <source>&amp;Back up this computer</source>
        <translation>Sauve&amp;garder cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Restore from an existing backup</source>
        <translation>&amp;Restaurer à partir d&apos;une sauvegarde existante</translation>
    </message>
    <message>
        <source>Welcome to Obnam Backup</source>
        <translation>Bienvenue dans la sauvegarde Obnam</translation>
    </message>
    <message>
        <source>Obnam keeps encrypted copies of your files, and every earlier version of them, in a repository on another disk or on a backup server.</source>
        <translation>Obnam conserve des copies chiffrées de vos fichiers, ainsi que toutes leurs versions antérieures, dans un dépôt situé sur un autre disque ou sur un serveur de sauvegarde.</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>Que souhaitez-vous faire ?</translation>
    </message>
    <message>
        <source>Choose the folders to back up and where to, and protect the backup with a passphrase.</source>
        <translation>Choisissez les dossiers à sauvegarder et leur destination, puis protégez la sauvegarde par une phrase secrète.</translation>
    </message>
    <message>
        <source>On a new or reinstalled computer: open the repository your backups are in and get your files back.</source>
        <translation>Sur un ordinateur neuf ou réinstallé : ouvrez le dépôt qui contient vos sauvegardes et récupérez vos fichiers.</translation>
    </message>
</context>
<context>
    <name>obnam::gui::TrayIcon</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>&amp;Pause scheduled backups</source>
        <translation>Mettre en &amp;pause les sauvegardes planifiées</translation>
    </message>
    <message>
        <source>For one &amp;hour</source>
        <translation>Pendant une &amp;heure</translation>
    </message>
    <message>
        <source>Until &amp;tomorrow</source>
        <translation>Jusqu’à &amp;demain</translation>
    </message>
    <message>
        <source>Until I &amp;resume them</source>
        <translation>Jusqu’à ce que je les &amp;reprenne</translation>
    </message>
    <message>
        <source>&amp;Resume scheduled backups</source>
        <translation>&amp;Reprendre les sauvegardes planifiées</translation>
    </message>
    <message>
        <source>&amp;Open Obnam</source>
        <translation>&amp;Ouvrir Obnam</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Scheduled backups are paused until you resume them.</source>
        <translation>Les sauvegardes planifiées sont en pause jusqu’à ce que vous les repreniez.</translation>
    </message>
    <message>
        <source>Scheduled backups are paused until %1.</source>
        <translation>Les sauvegardes planifiées sont en pause jusqu’à %1.</translation>
    </message>
    <message>
        <source>The next backup waits: the computer runs on battery.</source>
        <translation>La prochaine sauvegarde attend : l’ordinateur est sur batterie.</translation>
    </message>
    <message>
        <source>The next backup waits: the network connection is metered.</source>
        <translation>La prochaine sauvegarde attend : la connexion réseau est limitée.</translation>
    </message>
    <message>
        <source>The next backup waits for the backup disk to be attached.</source>
        <translation>La prochaine sauvegarde attend que le disque de sauvegarde soit branché.</translation>
    </message>
    <message>
        <source>The next backup waits: another backup of this computer is running.</source>
        <translation>La prochaine sauvegarde attend : une autre sauvegarde de cet ordinateur est en cours.</translation>
    </message>
    <message>
        <source>The next attempt is %1.</source>
        <translation>La prochaine tentative a lieu %1.</translation>
    </message>
    <message>
        <source>A missed backup runs %1.</source>
        <translation>Une sauvegarde manquée s’exécute %1.</translation>
    </message>
    <message>
        <source>Next backup %1.</source>
        <translation>Prochaine sauvegarde %1.</translation>
    </message>
    <message>
        <source>No backups are scheduled.</source>
        <translation>Aucune sauvegarde n’est planifiée.</translation>
    </message>
    <message>
        <source>Stopping the backup…</source>
        <translation>Arrêt de la sauvegarde…</translation>
    </message>
    <message>
        <source>Starting the backup…</source>
        <translation>Démarrage de la sauvegarde…</translation>
    </message>
    <message numerus="yes">
        <source>Backing up: %1 %, %n file(s) looked at</source>
        <translation>
            <numerusform>Sauvegarde : %1 %, %n fichier examiné</numerusform>
            <numerusform>Sauvegarde : %1 %, %n fichiers examinés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backing up: %n file(s) looked at</source>
        <translation>
            <numerusform>Sauvegarde : %n fichier examiné</numerusform>
            <numerusform>Sauvegarde : %n fichiers examinés</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup is paused.</source>
        <translation>La sauvegarde est en pause.</translation>
    </message>
    <message>
        <source>The last backup failed: %1</source>
        <translation>La dernière sauvegarde a échoué : %1</translation>
    </message>
    <message>
        <source>Backups are overdue: the last one was %1.</source>
        <translation>Les sauvegardes sont en retard : la dernière date de %1.</translation>
    </message>
    <message>
        <source>Backups are overdue.</source>
        <translation>Les sauvegardes sont en retard.</translation>
    </message>
    <message>
        <source>Last backup %1.</source>
        <translation>Dernière sauvegarde %1.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Pas encore de sauvegarde.</translation>
    </message>
    <message>
        <source>The configuration has a problem: %1</source>
        <translation>La configuration a un problème : %1</translation>
    </message>
    <message>
        <source>Bro&amp;wse backups…</source>
        <translation>Parcourir les sauve&amp;gardes…</translation>
    </message>
</context>
<context>
    <name>obnam::gui::VersionsModel</name>
    <message>
        <source>First backed up</source>
        <translation>Première sauvegarde</translation>
    </message>
    <message>
        <source>Last backed up</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
</context>
<context>
    <name>obnam::gui::WherePage</name>
    <message>
        <source>A &amp;folder or removable disk</source>
        <translation>Un &amp;dossier ou un disque amovible</translation>
    </message>
    <message>
        <source>An obnam-&amp;server</source>
        <translation>Un obnam-se&amp;rver</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Par&amp;courir…</translation>
    </message>
    <message>
        <source>Repository folder</source>
        <translation>Dossier du dépôt</translation>
    </message>
    <message>
        <source>only for a server with a certificate of its own</source>
        <translation>uniquement pour un serveur ayant son propre certificat</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>&amp;Jeton d&apos;accès :</translation>
    </message>
    <message>
        <source>I have compared this fingerprint with the one from the server&apos;s administrator, and they are the same</source>
        <translation>J&apos;ai comparé cette empreinte avec celle fournie par l&apos;administrateur du serveur, et elles sont identiques</translation>
    </message>
    <message>
        <source>Choose where to keep the backups</source>
        <translation>Choisir où conserver les sauvegardes</translation>
    </message>
    <message>
        <source>Where are your backups?</source>
        <translation>Où se trouvent vos sauvegardes ?</translation>
    </message>
    <message>
        <source>Where to keep the backups</source>
        <translation>Où conserver les sauvegardes</translation>
    </message>
    <message>
        <source>Best on another disk or a server: a backup on the same disk is lost with it. A new folder is created as an empty repository.</source>
        <translation>De préférence sur un autre disque ou un serveur : une sauvegarde sur le même disque est perdue avec lui. Un nouveau dossier est créé en tant que dépôt vide.</translation>
    </message>
    <message>
        <source>The server&apos;s address starts with https:// and names the server, such as https://backup.example.org:8888.</source>
        <translation>L&apos;adresse du serveur commence par https:// et désigne le serveur, par exemple https://backup.example.org:8888.</translation>
    </message>
    <message>
        <source>The certificate fingerprint is not valid: %1</source>
        <translation>L&apos;empreinte du certificat n&apos;est pas valide : %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation>Le serveur est injoignable : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is not the server you were told about.&lt;/b&gt; It presented a certificate with the fingerprint&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;but the fingerprint you entered is&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Someone may be intercepting the connection, or the fingerprint was mistyped. Nothing was sent to the server. Ask its administrator for the fingerprint obnam-server printed when it started.</source>
        <translation>&lt;b&gt;Ce n&apos;est pas le serveur qui vous a été indiqué.&lt;/b&gt; Il a présenté un certificat dont l&apos;empreinte est&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;mais l&apos;empreinte que vous avez saisie est&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Quelqu&apos;un intercepte peut-être la connexion, ou l&apos;empreinte a été mal saisie. Rien n&apos;a été envoyé au serveur. Demandez à son administrateur l&apos;empreinte qu&apos;obnam-server a affichée à son démarrage.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the fingerprint you entered.</source>
        <translation>Le certificat du serveur ne correspond pas à l&apos;empreinte que vous avez saisie.</translation>
    </message>
    <message>
        <source>The server has a certificate of its own, which no certificate authority vouches for. Its fingerprint is:&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;Compare it with the fingerprint the server&apos;s administrator gave you (obnam-server prints it when it starts). Only continue if they are the same.</source>
        <translation>Le serveur a son propre certificat, qui n&apos;est garanti par aucune autorité de certification. Son empreinte est :&lt;br&gt;&lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;Comparez-la avec l&apos;empreinte que vous a donnée l&apos;administrateur du serveur (obnam-server l&apos;affiche à son démarrage). Ne continuez que si elles sont identiques.</translation>
    </message>
    <message>
        <source>Compare the fingerprint, then tick the box to continue.</source>
        <translation>Comparez l&apos;empreinte, puis cochez la case pour continuer.</translation>
    </message>
    <message>
        <source>Looking for a repository on the server…</source>
        <translation>Recherche d&apos;un dépôt sur le serveur…</translation>
    </message>
    <message>
        <source>Preparing the repository folder…</source>
        <translation>Préparation du dossier du dépôt…</translation>
    </message>
    <message>
        <source>Certificate finger&amp;print:</source>
        <translation>&amp;Empreinte du certificat :</translation>
    </message>
    <message>
        <source>%1 holds other files and is no backup repository. Choose an empty or new folder for the backups, so that they stay apart from your files.</source>
        <translation>%1 contient d&apos;autres fichiers et n&apos;est pas un dépôt de sauvegarde. Choisissez un dossier vide ou nouveau pour les sauvegardes, afin qu&apos;elles restent séparées de vos fichiers.</translation>
    </message>
    <message>
        <source>An S&amp;3 bucket (Amazon S3, Ceph, MinIO, …)</source>
        <translation>Un compartiment S&amp;3 (Amazon S3, Ceph, MinIO, …)</translation>
    </message>
    <message>
        <source>empty: from ~/.aws/credentials or AWS_ACCESS_KEY_ID</source>
        <translation>vide : depuis ~/.aws/credentials ou AWS_ACCESS_KEY_ID</translation>
    </message>
    <message>
        <source>empty: from ~/.aws/config, else us-east-1</source>
        <translation>vide : depuis ~/.aws/config, sinon us-east-1</translation>
    </message>
    <message>
        <source>B&amp;ucket address:</source>
        <translation>Adresse du comparti&amp;ment :</translation>
    </message>
    <message>
        <source>Access key &amp;ID:</source>
        <translation>&amp;Identifiant de clé d’accès :</translation>
    </message>
    <message>
        <source>Secret access &amp;key:</source>
        <translation>C&amp;lé d’accès secrète :</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Ré&amp;gion :</translation>
    </message>
    <message>
        <source>The repository you backed up to: a folder, a removable disk, an obnam-server or an S3 bucket.</source>
        <translation>Le dépôt dans lequel vous avez sauvegardé : un dossier, un disque amovible, un obnam-server ou un compartiment S3.</translation>
    </message>
    <message>
        <source>A bucket&apos;s address starts with s3:// and names the store, the bucket and optionally a folder in it, such as s3://s3.eu-west-1.amazonaws.com/my-backups/laptop.</source>
        <translation>L’adresse d’un compartiment commence par s3:// et nomme le stockage, le compartiment et éventuellement un dossier à l’intérieur, par exemple s3://s3.eu-west-1.amazonaws.com/my-backups/laptop.</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key, or neither to use those in ~/.aws/credentials.</source>
        <translation>Saisissez l’identifiant de clé d’accès et la clé d’accès secrète, ou aucun des deux pour utiliser ceux de ~/.aws/credentials.</translation>
    </message>
    <message>
        <source>Looking for a repository in the bucket…</source>
        <translation>Recherche d’un dépôt dans le compartiment…</translation>
    </message>
    <message>
        <source>There is no backup repository there. Choose the folder, server or bucket your backups were made to.</source>
        <translation>Il n’y a pas de dépôt de sauvegarde ici. Choisissez le dossier, le serveur ou le compartiment où vos sauvegardes ont été faites.</translation>
    </message>
</context>
</TS>
