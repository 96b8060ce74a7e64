#!/usr/bin/env python3
"""Write lexicon/data/occupations.txt: nouns for a person's occupation or
office, from Princeton WordNet 3.0 (the Debian package wordnet-base).

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wn
    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    scripts/gen-occupations.py wn/usr/share/wordnet names-0.3.0/names/dist.all.last \
        > lexicon/data/occupations.txt

A lemma is kept when it names a synset below one of ROOTS (occupations,
offices, professions) and
  - that synset is the lemma's first (most frequent) noun sense, so "page"
    (of a book) and "model" stay out;
  - the lemma is no adjective or verb in WordNet ("private", "cook"), since
    titles are matched on words whatever their part of speech;
  - a one-word lemma is not among the SURNAMES most common US surnames of
    the 1990 census ("Baker", "Bishop"), because a title is never part of a
    name;
  - it has letters only (spaces and hyphens allowed), is written in lower
    case (a capital names a party, nation or one office: "Democrat") and is
    not an instance (a named person);
  - it is not one of the ROOTS that name a class rather than an
    occupation (CLASSES: "worker", "leader").
"""
import re
import sys

ROOTS = [  # lemma.sense: the people who hold an occupation or office
    "professional.1", "worker.1", "leader.1", "official.1", "adjudicator.1",
    "writer.1", "employee.1", "representative.1", "custodian.1", "lawman.1",
    "council_member.1", "reporter.1", "journalist.1", "organizer.1",
    "spokesperson.1", "money_handler.1", "politician.1", "clergyman.1",
    "academic.1", "scientist.1", "medical_practitioner.1", "lawyer.1",
]
CLASSES = {"professional", "worker", "leader", "employee", "representative",
           "adjudicator", "money_handler"}
SURNAMES = 2000


def read_data(path):
    syn = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split(" | ")[0].split()
        wc = int(p[3], 16)
        words = [p[4 + 2 * i] for i in range(wc)]
        k = 4 + 2 * wc
        hypo = []
        for _ in range(int(p[k])):
            sym, off, pos = p[k + 1], p[k + 2], p[k + 3]
            if sym == "~" and pos == "n":  # hyponym, not instance (~i)
                hypo.append(off)
            k += 4
        syn[p[0]] = (words, hypo)
    return syn


def read_index(path):
    idx = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split()
        idx[p[0]] = p[4 + int(p[3]) + 2:]
    return idx


def main(wn, last):
    syn = read_data(wn + "/data.noun")
    nouns = read_index(wn + "/index.noun")
    other = set(read_index(wn + "/index.adj")) | set(read_index(wn + "/index.verb"))
    surnames = set()
    for i, line in enumerate(open(last)):
        if i >= SURNAMES:
            break
        surnames.add(line.split()[0].lower())
    below = set()
    for root in ROOTS:
        lemma, n = root.rsplit(".", 1)
        stack = [nouns[lemma][int(n) - 1]]
        while stack:
            off = stack.pop()
            if off not in below:
                below.add(off)
                stack.extend(syn[off][1])
    out = set()
    for off in below:
        for w in syn[off][0]:
            w = re.sub(r"\(.*\)$", "", w)
            key = w.lower()
            if nouns.get(key, [None])[0] != off or key in other:
                continue
            if not re.fullmatch(r"[a-z][a-z_-]*[a-z]", w) or key in CLASSES:
                continue
            if "_" not in w and key in surnames:
                continue
            out.add(w.replace("_", " "))
    print("# Nouns for a person's occupation or office, from Princeton WordNet 3.0")
    print("# (WordNet licence: occupations.LICENSE beside this file), written by")
    print("# scripts/gen-occupations.py: the lemmas below the synsets of workers,")
    print("# professionals, leaders and officials whose first noun sense that is,")
    print("# that are no adjective or verb, and that are no common US surname.")
    print("# Read as titles (titles.txt), which take precedence: \"Jane Roe, a")
    print("# lecturer at Acme University\" holds a role there.")
    for w in sorted(out, key=str.lower):
        print(w)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
