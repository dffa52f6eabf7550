#!/usr/bin/env python3
"""Writes bash completion for obnam-cli from its own --help output: its commands, each
command's options, and file names where an option or argument takes one.

Usage: make-completion.py OBNAM_CLI OUT
"""
import os
import re
import subprocess
import sys


def help_of(program, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run([program, *args, "--help"], check=True, capture_output=True,
                          text=True, env=env).stdout


def options(text):
    """Each option of a help text: (name, the name of its value or None)."""
    return [(m.group(1), m.group(2))
            for m in re.finditer(r"^  (?:-\w, )?(--[\w-]+)(?: <?([A-Z|]+)>?)?", text, re.M)]


def names_files(value):
    return value is not None and any(w in value.split("|") for w in ("FILE", "DIR", "PATH"))


def main():
    program, out = sys.argv[1], sys.argv[2]
    top = help_of(program)
    listing = re.search(r"^Commands:\n((?:  \S.*\n)+)", top, re.M).group(1)
    commands = [l.split()[0] for l in listing.splitlines()]
    cases = []
    files = set(o for o, v in options(top) if names_files(v))
    other = set(o for o, v in options(top) if v and not names_files(v))
    for command in commands:
        opts = options(help_of(program, command))
        files.update(o for o, v in opts if names_files(v))
        other.update(o for o, v in opts if v and not names_files(v))
        cases.append('        %s) opts="%s" ;;' % (command, " ".join(o for o, _ in opts)))
    script = """# bash completion for obnam-cli, generated from its --help output.
_obnam_cli()
{
    local cur prev words cword
    _init_completion || return
    case "$prev" in
        %(files)s)
            _filedir
            return
            ;;
        %(other)s)
            return
            ;;
    esac
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            -c | --config) ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "%(commands)s --config --help --version" -- "$cur"))
        return
    fi
    local opts=""
    case "$command" in
%(cases)s
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        _filedir
    fi
}
complete -F _obnam_cli obnam-cli
""" % {"files": " | ".join(sorted(files)), "other": " | ".join(sorted(other)), "commands": " ".join(commands),
       "cases": "\n".join(cases)}
    with open(out, "w") as f:
        f.write(script)


if __name__ == "__main__":
    sys.exit(main())
