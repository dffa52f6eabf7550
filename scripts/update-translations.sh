#!/bin/sh
# Refreshes translations/*.ts from the sources: new messages appear unfinished for the
# translators, messages no longer used are dropped. German and French carry every message the
# desktop window can show (its own, the client layer's, the core's); English carries only the
# plural forms ("%n file(s)" -> "1 file", "2 files"), which scripts/fill-english-plurals.py
# writes.
set -eu
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
sources="gui client core"
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h $sources \
    -ts translations/obnam_de.ts translations/obnam_fr.ts
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h -pluralonly $sources \
    -ts translations/obnam_en.ts
python3 scripts/fill-english-plurals.py translations/obnam_en.ts
