#!/usr/bin/env python3
"""Writes a SOAP XML export of N realistic notes to standard output, deterministically.

    python3 Benchmarks/generate-export.py 500000 > /tmp/export.xml    # about 1 GB

Good and deficient notes are mixed (missing sections, spa language, billing mismatches), so
every kind of rule has work to do. The same seed always gives the same file.
"""

import random
import sys
from xml.sax.saxutils import escape

REGIONS = ["cervical", "thoracic", "lumbar", "shoulder", "hip", "knee", "calf", "foot"]
MUSCLES = ["upper trapezius", "levator scapulae", "rhomboids", "lumbar paraspinals", "quadratus lumborum",
           "piriformis", "gastrocnemius", "plantar fascia", "infraspinatus", "suboccipitals"]
ACTIVITIES = ["driving", "sitting at the computer", "lifting boxes at work", "reaching overhead", "climbing stairs",
              "sleeping on the affected side", "standing at the register", "carrying groceries"]
TECHNIQUES = ["MFR", "STM", "trigger point release", "joint mobilization", "effleurage and petrissage", "scar mobilization"]
PAYERS = ["commercial", "workers-comp", "auto", "medicare", "self-pay"]
DIAGNOSES = ["M54.2", "M54.50", "M62.830", "S16.1XXA", "M75.82", "M79.18", "G44.209", "M72.2", "M54.5", "Z73.3"]
PROVIDERS = ["Maria Ortiz, LMT", "Jane Doe, LMT", "Rosa Delgado, PT", "Omar Haddad, LMT", "Leo Martins, LMT"]


def note(rng: random.Random, index: int) -> str:
    region = rng.choice(REGIONS)
    muscle = rng.choice(MUSCLES)
    activity = rng.choice(ACTIVITIES)
    technique = rng.choice(TECHNIQUES)
    pain = rng.randint(2, 8)
    degrees = rng.randint(20, 80)
    payer = rng.choice(PAYERS)
    minutes = rng.choice([8, 15, 23, 25, 30, 38, 45])
    units = max(1, (minutes + 7) // 15 + rng.choice([0, 0, 0, 1]))
    spa = rng.random() < 0.12
    parts = [
        f'  <note id="v-{index:07d}" patient="P-{rng.randint(1, 99999):05d}" date="2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"'
        f' provider="{rng.choice(PROVIDERS)}" payer="{payer}">',
        f'    <diagnosis code="{rng.choice(DIAGNOSES)}"/>',
        f'    <service code="97140" minutes="{minutes}" units="{units}" modifiers="{rng.choice(["GP", "59 GP", ""])}" region="{region}"/>',
    ]
    if rng.random() < 0.3:
        parts.append(f'    <service code="97124" minutes="{rng.choice([10, 15, 20])}" units="1" modifiers="GP"/>')
    if payer in ("workers-comp", "auto") and rng.random() < 0.7:
        parts.append("    <referral>Dr. K. Moss, DC, 2026-02-02</referral>")
    if spa:
        subjective = "Client felt stressed from work and wanted a relaxing session to unwind."
        objective = "Muscles felt tight overall." if rng.random() < 0.5 else ""
        assessment = "Client felt relaxed and enjoyed the session. Tolerated well."
        plan = "Return as needed for stress relief."
    else:
        subjective = (f"Pt reports {region} pain {pain}/10, worse with {activity}; tolerance limited to "
                      f"{rng.randint(10, 60)} min. Sleep interrupted {rng.randint(1, 4)} nights per week. "
                      f"Denies numbness or tingling. Pain was {min(10, pain + 2)}/10 at intake.")
        objective = (f"{region.capitalize()} ROM {degrees}° (was {max(5, degrees - 10)}°). TTP {muscle} with palpable "
                     f"trigger point and taut band. Strength {rng.choice(['4', '4+', '5'])}/5. "
                     f"Special test {rng.choice(['Spurling', 'SLR', 'FABER'])} negative.")
        assessment = (f"ROM improved {rng.randint(3, 15)}° since last visit; {activity} tolerance up from "
                      f"{rng.randint(5, 20)} to {rng.randint(21, 60)} min. Guarding persists in {muscle}.")
        plan = (f"{technique} to {muscle} to reduce guarding in order to restore {region} motion for {activity}. "
                f"Continue {rng.randint(1, 3)}x/week for {rng.randint(2, 8)} weeks, then re-assess. HEP reviewed.")
    parts.append(f"    <subjective>{escape(subjective)}</subjective>")
    if rng.random() > 0.05:
        parts.append(f"    <objective>{escape(objective)}</objective>")
    parts.append(f"    <assessment>{escape(assessment)}</assessment>")
    parts.append(f"    <plan>{escape(plan)}</plan>")
    if rng.random() > 0.08:
        parts.append(f"    <signature>{escape(rng.choice(PROVIDERS))}</signature>")
    parts.append("  </note>")
    return "\n".join(parts) + "\n"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(20261203)
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<soapNotes>\n')
    for index in range(count):
        out.write(note(rng, index))
    out.write("</soapNotes>\n")


if __name__ == "__main__":
    main()
