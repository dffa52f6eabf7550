#!/usr/bin/env python3
"""Writes a man page made of a program's own --help output, so the two cannot drift.

Usage: make-manpage.py PROGRAM NAME SUMMARY OUT [--commands] [--extra FILE]

PROGRAM is run with --help (and --version); with --commands, each command listed under
"Commands:" gets a subsection with PROGRAM COMMAND --help. --extra appends a file of roff
(FILES, SEE ALSO) as it is.
"""
import argparse
import datetime
import os
import re
import subprocess
import sys


def run(args):
    env = dict(os.environ, LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def escape(line):
    line = line.replace("\\", "\\e").replace("-", "\\-")
    # A line starting with . or ' would be read as a request.
    if line.startswith((".", "'")):
        line = "\\&" + line
    return line


def block(text):
    out = [".nf"]
    out += [escape(l) if l.strip() else "" for l in text.rstrip("\n").split("\n")]
    out.append(".fi")
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("program")
    p.add_argument("name")
    p.add_argument("summary")
    p.add_argument("out")
    p.add_argument("--commands", action="store_true")
    p.add_argument("--extra")
    a = p.parse_args()

    help_text = run([a.program, "--help"])
    version = run([a.program, "--version"]).strip().split()[-1]
    # Dated by the source, not the build, so the page is reproducible.
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or None
    date = (datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)
            if epoch else datetime.datetime.now(datetime.timezone.utc)).strftime("%Y-%m-%d")
    usage = help_text.split("\n", 1)[0]
    usage = re.sub(r"^Usage:\s*\S*?([^/\s]+)\s", a.name + " ", usage)
    body = help_text.split("\n", 1)[1] if "\n" in help_text else ""

    lines = [
        '.TH "%s" 1 "%s" "%s %s" "User Commands"' % (a.name.upper(), date, a.name, version),
        ".SH NAME",
        "%s \\- %s" % (a.name, escape(a.summary)),
        ".SH SYNOPSIS",
        ".B " + escape(usage),
        ".SH DESCRIPTION",
    ]
    lines += block(body)
    if a.commands:
        commands = []
        listing = re.search(r"^Commands:\n((?:  \S.*\n)+)", help_text, re.M)
        if listing:
            commands = [l.split()[0] for l in listing.group(1).splitlines()]
        if commands:
            lines.append(".SH COMMANDS")
        for command in commands:
            lines.append('.SS "%s %s"' % (a.name, command))
            lines += block(run([a.program, command, "--help"]))
    if a.extra:
        with open(a.extra) as f:
            lines.append(f.read().rstrip("\n"))
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
