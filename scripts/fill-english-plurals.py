#!/usr/bin/env python3
"""Fills translations/obnam_en.ts: the English plural forms of every "%n thing(s)" message.

English needs no translation but Qt needs to be told that "%n file(s)" reads "1 file" and
"2 files". Run after scripts/update-translations.sh; forms already written are kept.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Where "(s)" is not the whole story.
VERBS = [(" were ", " was ", " were ")]


def forms(source):
    one = re.sub(r"\(s\)", "", source)
    many = re.sub(r"\(s\)", "s", source)
    for plural, singular, _ in VERBS:
        one = one.replace(plural, singular)
    return one, many


def main(path):
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        numerus = translation.findall("numerusform")
        if translation.get("type") != "unfinished" and all(f.text for f in numerus):
            continue
        one, many = forms(message.find("source").text)
        numerus[0].text, numerus[1].text = one, many
        translation.attrib.pop("type", None)
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "translations/obnam_en.ts")
