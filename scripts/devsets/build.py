#!/usr/bin/env python3
"""Build BEIR-format development sets for `fixfinder eval search` from ../shared/data.

Writes folders (corpus.jsonl, queries.jsonl, qrels/test.tsv) under --out, never into the
repository: the data belongs to its publishers (see ../shared/data/README.md for licences).
Standard library only; deterministic (fixed seed, sorted inputs).

    python3 scripts/devsets/build.py --out /tmp/devsets            # all sets
    python3 scripts/devsets/build.py --out /tmp/devsets --set ppsl

Sets (how each is built, and why it is a fair test, is in docs/relevance.md):
  ppsl      repair-wiki problems (product + problem label) -> their curated solutions and the
            videos/pages linked from those solutions
  myfixit   a fault phrased from a guide's device and part -> that guide (device name as the
            document title, step texts as its body; the guide's own title is NOT in the document)
  ords      held-out English repair-report problem texts -> other reports of the same product
            category with the same hand-labelled fault type (Open Repair Data quests)
  paraphrase    English Open Repair reports that name one part (people's own wording) -> MyFixit
            guides for the same kind of device whose subject is that part
  multilingual  non-English quest reports (half of each language held out) -> other reports of
            the same quest file with the same hand-labelled fault type, any language
"""
import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys

SEED = 20240501


def write_beir(out_dir, corpus, queries, qrels):
    """corpus: [(id, title, text)], queries: [(id, text)], qrels: {qid: {docid: grade}}."""
    os.makedirs(os.path.join(out_dir, "qrels"), exist_ok=True)
    with open(os.path.join(out_dir, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for doc_id, title, text in corpus:
            f.write(json.dumps({"_id": doc_id, "title": title, "text": text}, ensure_ascii=False))
            f.write("\n")
    judged = [q for q in queries if qrels.get(q[0])]
    with open(os.path.join(out_dir, "queries.jsonl"), "w", encoding="utf-8") as f:
        for qid, text in judged:
            f.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "qrels", "test.tsv"), "w", encoding="utf-8") as f:
        f.write("query-id\tcorpus-id\tscore\n")
        for qid, _ in judged:
            for doc_id, grade in sorted(qrels[qid].items()):
                f.write(f"{qid}\t{doc_id}\t{grade}\n")
    pairs = sum(len(qrels[q[0]]) for q in judged)
    print(f"{out_dir}: {len(corpus)} documents, {len(judged)} queries, {pairs} judgements")


# ---------------------------------------------------------------- ppsl (tiny YAML reader)

def read_simple_yaml(path):
    """The subset the ppsl files use: `key: scalar`, quoted scalars, `key: |-`/`>-` blocks and
    `key:` followed by `  - 'item'` lists. Enough for these files; not a general YAML parser."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out, i = {}, 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^([A-Za-z][\w]*):\s*(.*)$", line)
        if not m:
            i += 1
            continue
        key, value = m.group(1), m.group(2).strip()
        i += 1
        if value in ("|", "|-", ">", ">-", ""):
            block = []
            while i < len(lines) and (lines[i].startswith(" ") or lines[i] == ""):
                block.append(lines[i])
                i += 1
            items = [b.strip() for b in block if b.strip().startswith("- ")]
            if value == "" and items:
                out[key] = [unquote(b[2:].strip()) for b in items]
            elif value.startswith(">"):
                out[key] = " ".join(b.strip() for b in block if b.strip())
            else:
                out[key] = "\n".join(b.strip() for b in block).strip()
        else:
            out[key] = unquote(value)
    return out


def unquote(v):
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        return v[1:-1].replace("''", "'") if v[0] == "'" else v[1:-1]
    return v


def build_ppsl(data, out):
    root = os.path.join(data, "ppsl")

    def load(kind):
        d = os.path.join(root, kind)
        return {n[:-5]: read_simple_yaml(os.path.join(d, n)) for n in sorted(os.listdir(d))
                if n.endswith(".yaml")}

    products, problems, solutions, links = (load(k) for k in
                                            ("Products", "Problems", "Solutions", "Links"))
    corpus, solution_docs, link_docs = [], {}, {}
    for sid, s in sorted(solutions.items()):
        label, desc = s.get("label", "").strip(), s.get("description", "").strip()
        if label or desc:
            solution_docs[sid] = f"s{sid}"
            corpus.append((f"s{sid}", label, desc))
    for lid, l in sorted(links.items()):
        label, desc = l.get("label", "").strip(), l.get("description", "").strip()
        if label or desc:
            link_docs[lid] = f"l{lid}"
            corpus.append((f"l{lid}", label, desc))
    owner = {}
    for name, p in products.items():
        if name.lower().startswith("test"):
            continue
        for pid in p.get("problems", []) or []:
            board = p.get("number", "")
            owner[pid] = (name + (" " + board if board else "")).strip()
    queries, qrels = [], {}
    for pid, p in sorted(problems.items()):
        label = (p.get("label") or "").strip()
        if pid not in owner or len(label) < 3 or label.lower() in ("na", "n/a", "test problem"):
            continue
        rel = {}
        for sid in p.get("solutions", []) or []:
            if sid in solution_docs:
                rel[solution_docs[sid]] = 1
            for lid in solutions.get(sid, {}).get("links", []) or []:
                if lid in link_docs:
                    rel[link_docs[lid]] = 1
        if rel:
            queries.append((f"p{pid}", f"{owner[pid]} {label}"))
            qrels[f"p{pid}"] = rel
    write_beir(os.path.join(out, "ppsl"), corpus, queries, qrels)


# ---------------------------------------------------------------- myfixit

STOCK = re.compile(
    r"\b(how to|replacement|replacing|replace|repairing|repair|disassembly|disassembling|"
    r"installation|installing|install|removal|removing|remove|cleaning|clean|fixing|fix|"
    r"teardown|opening|open|guide|new|the|a|an|your|of|on|in|for|to|and)\b",
    re.IGNORECASE)
FAULTS = ["{device} {part} not working", "{part} broken on my {device}",
          "{device} problem with the {part}", "my {device} {part} stopped working"]


def part_of(guide):
    subject = (guide.get("Subject") or "").strip()
    if subject:
        return subject.lower()
    title = guide["Title"]
    for word in re.split(r"\s+", guide.get("Category") or ""):
        if word:
            title = re.sub(r"\b" + re.escape(word) + r"\b", " ", title, flags=re.IGNORECASE)
    title = STOCK.sub(" ", title)
    title = re.sub(r"[^\w\s-]", " ", title)
    return re.sub(r"\s+", " ", title).strip().lower()


def build_myfixit(data, out, max_queries=500):
    guides = []
    for name in ("Appliance.json", "Computer Hardware.json"):
        with open(os.path.join(data, "myfixit", name), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    guides.append(json.loads(line))
    corpus, by_key, candidates = [], {}, []
    for g in guides:
        gid = f"g{g['Guidid']}"
        steps = sorted(g.get("Steps") or [], key=lambda s: s.get("Order", 0))
        text = " ".join((s.get("Text_raw") or "").strip() for s in steps).strip()
        device = (g.get("Category") or "").strip()
        if not text or not device:
            continue
        corpus.append((gid, device, text))
        part = part_of(g)
        key = (device.lower(), part)
        by_key.setdefault(key, []).append(gid)
        if part and len(part) >= 3:
            candidates.append((gid, device, part))
    rng = random.Random(SEED)
    rng.shuffle(candidates)
    queries, qrels = [], {}
    for gid, device, part in candidates[:max_queries]:
        template = FAULTS[int(hashlib.sha1(gid.encode()).hexdigest(), 16) % len(FAULTS)]
        queries.append((f"q{gid}", template.format(device=device, part=part)))
        # the guide itself, and any other guide for the same part of the same device
        qrels[f"q{gid}"] = {doc: 1 for doc in by_key[(device.lower(), part)]}
    queries.sort()
    write_beir(os.path.join(out, "myfixit"), corpus, queries, qrels)


# ---------------------------------------------------------------- ords quests

QUESTS = [("mobiles/mobifix.csv", "id"), ("printers/printcat.csv", "id_ords"),
          ("computers/compcat_desktops.csv", "id_ords")]
NO_LABEL = {"unknown", "other", "multiple", ""}
ENGLISH_PROVIDERS = {"The Restart Project", "Repair Cafe Wales"}


def build_ords(data, out, max_queries=300):
    reports = []
    for name, id_col in QUESTS:
        path = os.path.join(data, "openrepair", "quests", name)
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                problem = (r.get("problem") or "").strip()
                if len(problem.split()) < 2:
                    continue
                lang = r.get("language")
                english = lang == "en" if lang else r.get("data_provider") in ENGLISH_PROVIDERS
                reports.append({
                    "id": f"{name.split('/')[0]}-{r[id_col]}", "set": name,
                    "fault": (r.get("fault_type") or "").strip(),
                    "category": (r.get("product_category") or "").strip(),
                    "brand": (r.get("brand") or "").strip(), "problem": problem,
                    "english": english})
    rng = random.Random(SEED)
    labelled = [r for r in reports if r["english"] and r["fault"].lower() not in NO_LABEL
                and len(r["problem"].split()) >= 4]
    rng.shuffle(labelled)
    held_out = labelled[:max_queries]
    held_ids = {r["id"] for r in held_out}
    corpus = []
    for r in reports:
        if r["id"] in held_ids:
            continue  # a query's own report is not in the corpus
        brand = r["brand"] if r["brand"].lower() not in ("", "unknown") else ""
        title = r["category"] + (f" ({brand})" if brand else "")
        corpus.append((r["id"], title, r["problem"]))
    by_label = {}
    for r in reports:
        if r["id"] not in held_ids and r["fault"].lower() not in NO_LABEL:
            by_label.setdefault((r["set"], r["fault"]), []).append(r["id"])
    queries, qrels = [], {}
    for r in sorted(held_out, key=lambda r: r["id"]):
        rel = by_label.get((r["set"], r["fault"]), [])
        if rel:
            queries.append((f"q-{r['id']}", r["problem"]))
            qrels[f"q-{r['id']}"] = {doc: 1 for doc in rel}
    write_beir(os.path.join(out, "ords"), corpus, queries, qrels)


# ---------------------------------------------------------------- multilingual (ords quests)

# A deterministic stop-word vote for files without a `language` column: short, frequent words
# that are distinctive of one language in repair notes. Ties and texts with no hit are "und"
# (undetermined); then the provider's country decides only where one language is spoken (an
# English "Screen broken" from GBR is English, a bare "cartridge" from Canada or Belgium is not
# guessed). Checked against printcat's own `language` column (see docs/relevance.md).
LANG_WORDS = {
    "en": "the and is was not with it to of for on won't wont doesn't does didn't isn't can't "
          "has have this that when but needs broken cracked replaced replacement working power "
          "screen battery turn switch charging".split(),
    "de": "der die das und nicht ist mit war ein eine auf funktioniert defekt geht kein keine "
          "wurde ich sich auch nach zu wird lässt mehr akku bildschirm lädt startet gerät "
          "druckt drucker".split(),
    "nl": "de het een niet en van werkt met op geen doet naar wel aan kapot deze dat bij er zijn "
          "moet meer te wordt blijft gaat niks accu scherm laadt opladen toestel".split(),
    "fr": "le la les ne pas et est une des du fonctionne plus avec il sur ou au qui de en un "
          "écran allume imprime imprimante cartouche cartouches".split(),
    "es": "el la y que con los las una se por del de en un funciona pantalla enciende carga "
          "batería".split(),
    "it": "il non funziona di che con una per della lo gli sono si la e un schermo batteria "
          "accende carica".split(),
    "no": "ikke og er på til med virker fungerer som en av skjerm lader".split(),
    "sv": "inte och är på med fungerar till går som en av skärm laddar".split(),
}
LANG_SETS = {lang: frozenset(words) for lang, words in LANG_WORDS.items()}
COUNTRY_LANG = {"GBR": "en", "USA": "en", "IRL": "en", "NZL": "en", "AUS": "en", "DEU": "de",
                "NLD": "nl", "FRA": "fr", "ESP": "es", "ITA": "it", "NOR": "no", "SWE": "sv"}


def detect_language(text, country=""):
    tokens = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    scores = sorted(((-sum(1 for t in tokens if t in words), lang)
                     for lang, words in LANG_SETS.items()))
    if scores[0][0] < 0 and scores[0][0] < scores[1][0]:
        return scores[0][1]
    return COUNTRY_LANG.get(country, "und") if scores[0][0] == 0 else "und"


def build_multilingual(data, out, share=0.5, max_queries=400):
    """Non-English quest reports as queries; relevant = same quest file, same fault type."""
    reports = []
    for name, id_col in QUESTS:
        path = os.path.join(data, "openrepair", "quests", name)
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                problem = (r.get("problem") or "").strip()
                if len(problem.split()) < 2:
                    continue
                lang = (r.get("language") or "").strip().lower()
                source = "column" if lang else "detected"
                if not lang:
                    lang = detect_language(problem, (r.get("country") or "").strip())
                reports.append({
                    "id": f"{name.split('/')[0]}-{r[id_col]}", "set": name,
                    "fault": (r.get("fault_type") or "").strip(),
                    "category": (r.get("product_category") or "").strip(),
                    "brand": (r.get("brand") or "").strip(), "problem": problem,
                    "lang": lang, "lang_source": source})
    # half of each language's labelled reports (>= 3 words) are held out as queries, the other
    # half stay in the corpus, so a Dutch query has Dutch as well as English relevant reports
    rng = random.Random(SEED)
    by_lang = {}
    for r in reports:
        if (r["lang"] not in ("en", "und") and r["fault"].lower() not in NO_LABEL
                and len(r["problem"].split()) >= 3):
            by_lang.setdefault(r["lang"], []).append(r)
    held_out = []
    for lang in sorted(by_lang):
        group = by_lang[lang]
        rng.shuffle(group)
        held_out.extend(group[:max(1, round(len(group) * share))])
    rng.shuffle(held_out)
    held_out = held_out[:max_queries]
    held_ids = {r["id"] for r in held_out}
    corpus = []
    for r in reports:
        if r["id"] in held_ids:
            continue
        brand = r["brand"] if r["brand"].lower() not in ("", "unknown") else ""
        corpus.append((r["id"], r["category"] + (f" ({brand})" if brand else ""), r["problem"]))
    by_label = {}
    for r in reports:
        if r["id"] not in held_ids and r["fault"].lower() not in NO_LABEL:
            by_label.setdefault((r["set"], r["fault"]), []).append(r["id"])
    queries, qrels, mix = [], {}, {}
    for r in sorted(held_out, key=lambda r: r["id"]):
        rel = by_label.get((r["set"], r["fault"]), [])
        if rel:
            queries.append((f"q-{r['id']}", r["problem"]))
            qrels[f"q-{r['id']}"] = {doc: 1 for doc in rel}
            mix[r["lang"]] = mix.get(r["lang"], 0) + 1
    corpus_mix = {}
    for r in reports:
        if r["id"] not in held_ids:
            corpus_mix[r["lang"]] = corpus_mix.get(r["lang"], 0) + 1
    write_beir(os.path.join(out, "multilingual"), corpus, queries, qrels)
    fmt = lambda m: ", ".join(f"{k} {v}" for k, v in sorted(m.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"  query languages: {fmt(mix)}")
    print(f"  corpus languages: {fmt(corpus_mix)}")


# ---------------------------------------------------------------- paraphrase (ords -> myfixit)

# Parts as people and guides name them. Each canonical part lists its wordings; a text names a
# part when one wording matches (longest match first, matches do not overlap), so "usb cable" is
# usb, not a power cord, and "roller brush" is a brush, not a paper roller.
PARTS = {
    "cord": r"(?:power |mains |electrical |ac |retractable )?(?:cords?|cables?|leads?|flex|plugs?)",
    "usb": r"usb(?: port| cable| connector| socket)?",
    "motor": r"motors?",
    # "switch" but not the verb ("won't switch on")
    "switch": r"(?:on/off |power |micro ?)?(?:switch(?:es)?(?! (?:it |itself )?(?:on|off)\b)"
              r"|buttons?|knobs?|dials?)",
    "fuse": r"(?:thermal )?fuses?",
    "battery": r"batter(?:y|ies)",
    "brush": r"(?:roller |side |main )?brush(?:es| ?roll| ?bar)?",
    "belt": r"(?:drive )?belts?",
    "heating": r"(?:heating |heat )?(?:elements?|heaters?|coils?|thermostats?)|heating plate|hot plate",
    "pump": r"(?:water )?pumps?",
    "seal": r"seals?|gaskets?|o-?rings?",
    "blade": r"blades?",
    "filter": r"filters?",
    "hose": r"hoses?|tubes?|tubing|pipes?",
    "wheel": r"(?:front |drive |side |main )?(?:wheels?|casters?)",
    "handle": r"handles?",
    "lid": r"lids?|doors?",
    "gear": r"gears?|cogs?",
    "board": r"(?:circuit |logic |control |main |power )?boards?|pcbs?|motherboards?|circuitry",
    "screen": r"screens?|displays?|lcd",
    "printhead": r"print ?heads?|nozzles?",
    "roller": r"(?:paper |feed |pick-?up )?rollers?",
    "scanner": r"scanner(?: glass| bed| unit| light| bulb)?|scan(?:ning)? glass",
    "cartridge": r"(?:ink |toner )?cartridges?|toner",
    "capacitor": r"capacitors?",
    "spring": r"springs?",
    "valve": r"valves?",
    "sensor": r"sensors?",
    "light": r"bulbs?|leds?",  # not "light": "the light comes on" names no part
    "fan": r"(?:cooling )?fans?",
    "speaker": r"speakers?",
}
PART_RES = [(part, re.compile(r"\b(?:" + rx + r")\b", re.IGNORECASE)) for part, rx in PARTS.items()]

# ORDS product category -> (MyFixit device classes in a guide's Ancestors, the device as a person
# names it, a pattern that says the text already names it)
FAMILIES = {
    "Vacuum": (("Vacuum Cleaner",), "vacuum cleaner", r"vacuum|hoover|dyson|henry"),
    "Coffee maker": (("Coffee Maker",), "coffee maker", r"coffee|espresso|nespresso|senseo|"
                     r"dolce gusto|tassimo|keurig|cafeti"),
    "Toaster": (("Toaster", "Toaster Oven"), "toaster", r"toaster"),
    "Kettle": (("Tea Kettle",), "kettle", r"kettle"),
    "Food processor": (("Food Processor", "Blender", "Mixer"), "food processor",
                       r"processor|blender|mixer|whisk|liquidi[sz]er|smoothie|nutribullet"),
    "Fan": (("Fan",), "fan", r"\bfan\b"),
    "Printer/scanner": (("Printer", "Scanner"), "printer", r"printer|scanner"),
    "Paper shredder": (("Shredder",), "paper shredder", r"shredder"),
}


def parts_named(text, ignore=()):
    """The canonical parts a text names: longest matches first, never overlapping."""
    spans = []
    for part, rx in PART_RES:
        for m in rx.finditer(text):
            spans.append((m.start(), -(m.end() - m.start()), m.end(), part))
    spans.sort()
    found, end = set(), -1
    for start, _, stop, part in spans:
        if start >= end:
            end = stop
            if part not in ignore:
                found.add(part)
    return found


def build_paraphrase(data, out, per_pair=25, max_queries=400):
    """People's own wording of a fault (English Open Repair reports) -> repair guides (MyFixit)
    of the same kind of device that work on the part the report names."""
    guides = []
    for name in ("Appliance.json", "Computer Hardware.json"):
        with open(os.path.join(data, "myfixit", name), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    guides.append(json.loads(line))
    corpus, by_class_part = [], {}
    for g in guides:
        gid = f"g{g['Guidid']}"
        steps = sorted(g.get("Steps") or [], key=lambda s: s.get("Order", 0))
        text = " ".join((s.get("Text_raw") or "").strip() for s in steps).strip()
        if not text:
            continue
        corpus.append((gid, (g.get("Title") or "").strip(), text))
        # the guide's part: its Subject (the part the guide works on); the title when it has none
        subject = (g.get("Subject") or "").strip() or (g.get("Title") or "")
        ancestors = set(g.get("Ancestors") or [])
        for cls in {c for fam in FAMILIES.values() for c in fam[0]} & ancestors:
            ignore = {"fan"} if cls == "Fan" else set()
            for part in parts_named(subject, ignore):
                by_class_part.setdefault((cls, part), []).append(gid)
    candidates = []
    path = os.path.join(data, "openrepair", "OpenRepairData_v0.3_RestartProject_202204.csv")
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            category = (r.get("product_category") or "").strip()
            problem = re.sub(r"\s+", " ", (r.get("problem") or "").strip())
            if category not in FAMILIES or len(problem.split()) < 4:
                continue
            if detect_language(problem, (r.get("country") or "").strip()) != "en":
                continue
            classes, device, names_device = FAMILIES[category]
            # ORDS writes "Printer/Scanner" for the device: that names no part
            parts = parts_named(re.sub(r"printer/scanner", " ", problem, flags=re.IGNORECASE),
                                {"fan"} if category == "Fan" else set())
            if len(parts) != 1:
                continue  # no part, or several: which one was at fault is not known
            part = next(iter(parts))
            rel = sorted({gid for cls in classes for gid in by_class_part.get((cls, part), [])})
            if not rel:
                continue
            # a person searching names the device; a report written at the repair table may not
            text = problem if re.search(names_device, problem, re.IGNORECASE) else \
                f"{device}: {problem}"
            candidates.append((r["id"].strip(), category, part, text, rel))
    candidates.sort()
    rng = random.Random(SEED)
    rng.shuffle(candidates)
    per, queries, qrels = {}, [], {}
    for rid, category, part, text, rel in candidates:
        if per.get((category, part), 0) >= per_pair or len(queries) >= max_queries:
            continue
        per[(category, part)] = per.get((category, part), 0) + 1
        queries.append((f"q-{rid}", text))
        qrels[f"q-{rid}"] = {gid: 1 for gid in rel}
    queries.sort()
    write_beir(os.path.join(out, "paraphrase"), corpus, queries, qrels)
    by_cat = {}
    for (category, part), n in per.items():
        by_cat[category] = by_cat.get(category, 0) + n
    print("  queries by category: " + ", ".join(
        f"{c} {n}" for c, n in sorted(by_cat.items(), key=lambda kv: (-kv[1], kv[0]))))
    print("  queries by part: " + ", ".join(
        f"{p} {n}" for p, n in sorted(
            {p: sum(v for (c, q), v in per.items() if q == p) for _, p in per}.items(),
            key=lambda kv: (-kv[1], kv[0]))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                                   "shared", "data"))
    ap.add_argument("--out", required=True, help="target folder (outside the repository)")
    ap.add_argument("--set", choices=["ppsl", "myfixit", "ords", "paraphrase", "multilingual", "all"],
                    default="all")
    args = ap.parse_args()
    data = os.path.abspath(args.data)
    if not os.path.isdir(data):
        sys.exit(f"build.py: no data folder at {data} (pass --data)")
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    out = os.path.abspath(args.out)
    if out == repo or out.startswith(repo + os.sep):
        sys.exit(f"build.py: --out {out} is inside the repository; the data must stay outside")
    builders = {"ppsl": build_ppsl, "myfixit": build_myfixit, "ords": build_ords,
                "paraphrase": build_paraphrase, "multilingual": build_multilingual}
    for name, build in builders.items():
        if args.set in (name, "all"):
            build(data, out)


if __name__ == "__main__":
    main()
