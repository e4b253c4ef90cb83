import json, pickle, random, sys, time
import numpy as np
from materiel.classify import fit, read_examples, Example
from materiel.evaluation import load_gold, score
from materiel.extract.cleaning import split_sentences

C = pickle.load(open("/tmp/exp/cache.pkl", "rb"))
MINE = read_examples("/work/main/src/materiel/data/training/sentences.tsv")
CH_GOLD = {d["doc"]: d for d in map(json.loads, open("/work/main/src/materiel/data/challenge/gold.jsonl"))}
CH_IN = {d["id"]: d for d in map(json.loads, open("/work/main/src/materiel/data/challenge/input.jsonl"))}
MODE = sys.argv[1] if len(sys.argv) > 1 else "type"   # type | any
TH = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]

def norm(s): return " ".join(s.lower().split())

def challenge_examples(doc_ids):
    out = []
    for d in doc_ids:
        text = CH_IN[d]["text"]
        evs = CH_GOLD[d]["events"]
        for line in text.split("\n"):
            for s, e in split_sentences(line):
                sent = line[s:e]; ns = norm(sent)
                labs, opt = set(), False
                for ev in evs:
                    evd = norm(ev.get("evidence") or "")
                    if evd and (evd[:60] in ns or ns[:60] in evd):
                        if ev.get("optional"): opt = True
                        else: labs.add(ev["type"])
                if opt and not labs: continue
                out.append(Example(sent, frozenset(labs)))
    return out

from materiel.classify.model import EVENT_TYPES
_fit = fit
def fit(exs):
    if MODE != "event": return _fit(exs)
    exs = [Example(e.text, e.labels | {"event"}) if e.labels else e for e in exs]
    return _fit(exs, labels=("event",))

def prob_of(model, events):
    ps = model.predict([e["evidence"] for e in events])
    if MODE == "type":
        return [p.get(e["type"], 1.0) for e, p in zip(events, ps)]
    if MODE == "event": return [p["event"] for p in ps]
    return [max(p.values()) for p in ps]

def filt(res, probs, t):
    out = []; i = 0
    for _d, evs in res:
        for e in evs:
            if probs[i] >= t: out.append(e)
            i += 1
    return out

def f1(gold, preds):
    r = score(gold, preds); return r["event"]["f1"], r["event"]["precision"], r["event"]["recall"], r["argument"]["f1"]

ch_gold = load_gold(["/work/main/src/materiel/data/challenge/gold.jsonl"])
res = C["challenge"]["res"]
ids = [d for d, _ in res]
rng = random.Random(0); order = ids[:]; rng.shuffle(order)
folds = [set(order[i::5]) for i in range(5)]
for variant in ["mine", "mine+challenge"]:
    probs = {}
    for k, fold in enumerate(folds):
        train = list(MINE)
        if variant == "mine+challenge":
            train += challenge_examples([d for d in ids if d not in fold])
        m = fit(train)
        for d, evs in res:
            if d in fold and evs:
                for e, p in zip(evs, prob_of(m, evs)): probs[(d, id(e))] = p
    flat = [probs[(d, id(e))] for d, evs in res for e in evs]
    print(f"== challenge CV ({variant}, mode={MODE})")
    for t in TH:
        kept = filt(res, flat, t)
        print(f"  t={t:.2f} kept={len(kept)} F1/P/R/argF1=", ["%.4f" % x for x in f1(ch_gold, kept)])

# full model on own data
m = fit(list(MINE) + challenge_examples(ids))
m_mine = fit(list(MINE))
J = [json.loads(l) for l in open("/tmp/audit/judged.jsonl")]
P = [json.loads(l) for l in open("/tmp/audit/pred.jsonl")]
dev_gold = load_gold(["/work/shared/gold/dev.gold.jsonl", "/work/shared/gold/seeds.gold.jsonl"])
for name, mod in [("mine", m_mine), ("mine+challenge", m)]:
    ap = prob_of(mod, P)
    dres = C["dev"]["res"]; dp = prob_of(mod, [e for _, evs in dres for e in evs])
    print(f"== audit + dev ({name})")
    for t in TH:
        dropped = [j["verdict"] for j, p in zip(J, ap) if p < t]
        c = {v: dropped.count(v) for v in ("no", "borderline", "yes")}
        print(f"  t={t:.2f} audit dropped no={c['no']}/72 border={c['borderline']}/37 yes={c['yes']}/50 | dev F1/P/R/argF1=",
              ["%.4f" % x for x in f1(dev_gold, filt(dres, dp, t))])
