#!/usr/bin/env bash
# Regenerates the reference section of docs/cli.md from obnam-cli's own --help output.
# tests/tst_docs.cpp fails when the two drift apart.
# Usage: scripts/update-cli-docs.sh [path/to/obnam-cli]
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${1:-build/cli/obnam-cli}
doc=docs/cli.md
begin='<!-- BEGIN GENERATED HELP -->'
end='<!-- END GENERATED HELP -->'
{
    sed "/$begin/q" "$doc"
    echo
    echo '### obnam-cli --help'
    echo
    echo '```text'
    "$CLI" --help
    echo '```'
    for cmd in $("$CLI" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR>1 && NF {print $1}'); do
        echo
        echo "### obnam-cli $cmd --help"
        echo
        echo '```text'
        "$CLI" "$cmd" --help
        echo '```'
    done
    echo
    sed -n "/$end/,\$p" "$doc"
} > "$doc.new"
mv "$doc.new" "$doc"
