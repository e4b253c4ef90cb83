"""One process: extract the three sets, then score without and with the classifier filter."""
import json, random, time
from materiel.classify import EventTypeFilter, Example, fit, read_examples
from materiel.evaluation import load_gold, score
from materiel.ingest import ReaderOptions, read_paths
from materiel.models import Event
from materiel.pipeline import IngestSummary, clean_records, make_extractor

MINE = read_examples("/work/main/src/materiel/data/training/sentences.tsv")
EV = [Example(e.text, e.labels | {"event"}) if e.labels else e for e in MINE]
binary = fit(EV, labels=("event",))          # event vs none; trained on our sentences only
typed = fit(MINE)                             # per-type
ext = make_extractor()
sets = {"challenge": (["/work/main/src/materiel/data/challenge/input.jsonl"], ["/work/main/src/materiel/data/challenge/gold.jsonl"]),
        "dev": (["/work/shared/seeds/seeds.jsonl", "/work/shared/corpus/dev.jsonl"], ["/work/shared/gold/dev.gold.jsonl", "/work/shared/gold/seeds.gold.jsonl"]),
        "audit": (["/tmp/audit/sample.jsonl"], None)}
def ev(d): return Event(doc=d["doc"], type=d["type"], evidence=d["evidence"])
for name, (paths, gold) in sets.items():
    docs = list(clean_records(read_paths(paths, ReaderOptions()), IngestSummary()))
    t0 = time.perf_counter(); res = [(cd.doc.id, evs) for cd, evs in ext.extract_many(docs)]; t_ext = time.perf_counter() - t0
    for label, model, ths in [("binary", binary, [0.1, 0.2]), ("typed", typed, [0.02, 0.05])]:
        for th in ths:
            f = EventTypeFilter(ext, model, threshold=th)
            t0 = time.perf_counter(); kept = [(d, f.keep(list(evs)) if evs else []) for d, evs in res]; t_f = time.perf_counter() - t0
            line = f"{name:9s} {label:6s} t={th:.2f} overhead={100*t_f/t_ext:.2f}%"
            if gold:
                g = load_gold(gold)
                a = score(g, [e.to_json() for _, evs in res for e in evs])["event"]
                b = score(g, [e.to_json() for _, evs in kept for e in evs])["event"]
                line += f" F1 {a['f1']:.4f} -> {b['f1']:.4f} (P {a['precision']:.3f}->{b['precision']:.3f}, R {a['recall']:.3f}->{b['recall']:.3f})"
            else:
                J = [json.loads(l) for l in open("/tmp/audit/judged.jsonl")]
                P = [ev(json.loads(l)) for l in open("/tmp/audit/pred.jsonl")]
                keep_ids = {id(e) for e in f.keep(P)}
                drop = [j["verdict"] for j, e in zip(J, P) if id(e) not in keep_ids]
                line += f" judged events dropped: no {drop.count('no')}/72, borderline {drop.count('borderline')}/37, yes {drop.count('yes')}/50"
            print(line, flush=True)
