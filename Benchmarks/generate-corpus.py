#!/usr/bin/env python3
"""Writes a deterministic corpus of N notes into a folder laid out like a clinic's:

    python3 Benchmarks/generate-corpus.py 100000 /tmp/corpus

A third are Markdown notes (front matter or labelled lines), a third plain-text notes, and a
third sit in multi-note SOAP XML exports of 500 notes each; good and deficient notes are mixed
as in `generate-export.py`. The same N always gives the same files.
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util

spec = importlib.util.spec_from_file_location("export", os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate-export.py"))
export = importlib.util.module_from_spec(spec)
spec.loader.exec_module(export)


def markdown(rng: random.Random, index: int) -> str:
    region = rng.choice(export.REGIONS)
    muscle = rng.choice(export.MUSCLES)
    activity = rng.choice(export.ACTIVITIES)
    pain = rng.randint(2, 8)
    minutes = rng.choice([15, 23, 30, 38])
    spa = rng.random() < 0.12
    front = (f"---\nid: md-{index:07d}\npatient: P-{rng.randint(1, 99999):05d}\ndate: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
             f"provider: {rng.choice(export.PROVIDERS)}\npayer: {rng.choice(export.PAYERS)}\ndiagnoses: [{rng.choice(export.DIAGNOSES)}]\n"
             f"services:\n  - code: \"97140\"\n    minutes: {minutes}\n    units: {(minutes + 7) // 15}\n    modifiers: [GP]\n---\n")
    if spa:
        body = "## Subjective\nClient felt stressed.\n\n## Assessment\nClient felt relaxed.\n\n## Plan\nReturn as needed.\n"
    else:
        body = (f"## Subjective\nPt reports {region} pain {pain}/10, worse with {activity}.\n\n"
                f"## Objective\n- {region.capitalize()} ROM {rng.randint(20, 80)}°\n- TTP {muscle} with trigger point\n\n"
                f"## Assessment\nROM improved {rng.randint(3, 15)}°; {activity} tolerance up to {rng.randint(20, 60)} min.\n\n"
                f"## Plan\nMFR to {muscle} to restore motion for {activity}. {rng.randint(1, 3)}x/week for {rng.randint(2, 8)} weeks.\n\n"
                f"Signature: {rng.choice(export.PROVIDERS)}\n")
    return front + body


def text(rng: random.Random, index: int) -> str:
    pain = rng.randint(2, 8)
    objective = "" if rng.random() < 0.1 else f"O: Lumbar flexion {rng.randint(20, 80)} deg, TTP R QL.\n"
    return (f"DOS: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\nProvider: {rng.choice(export.PROVIDERS)}\n"
            f"Payer: {rng.choice(export.PAYERS)}\n\nS: Low back pain {pain}/10 sitting over 30 min.\n{objective}"
            f"A: Sitting tolerance up from 20 to 40 min.\nP: STM to lumbar paraspinals to reduce guarding. 1x/wk x 6 wks.\n"
            f"Dx: {rng.choice(export.DIAGNOSES)}\nCPT: 97140-GP x 2 units (30 min) lumbar\nSigned: {rng.choice(export.PROVIDERS)}\n")


def write_export(root: str, index: int, notes: list) -> None:
    """Writes `notes` as one SOAP XML export named after the index of its last note."""
    os.makedirs(os.path.join(root, "exports"), exist_ok=True)
    with open(os.path.join(root, "exports", f"export-{index:07d}.xml"), "w") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<soapNotes>\n' + "".join(notes) + "</soapNotes>\n")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    root = sys.argv[2] if len(sys.argv) > 2 else "corpus"
    rng = random.Random(20261203)
    xml_notes = []
    for index in range(count):
        clinic = f"clinic-{index % 4}"
        month = f"2026-{index % 12 + 1:02d}"
        folder = os.path.join(root, clinic, month)
        kind = index % 3
        if kind == 2:
            xml_notes.append(export.note(rng, index))
            if len(xml_notes) == 500:
                write_export(root, index, xml_notes)
                xml_notes = []
            continue
        os.makedirs(folder, exist_ok=True)
        name, content = (f"visit-{index:07d}.md", markdown(rng, index)) if kind == 0 else (f"visit-{index:07d}.txt", text(rng, index))
        with open(os.path.join(folder, name), "w") as out:
            out.write(content)
    if xml_notes:  # the last, partial export
        write_export(root, count - 1, xml_notes)


if __name__ == "__main__":
    main()
