#!/usr/bin/env python3
"""Random nn.MultiheadAttention / nn.TransformerEncoderLayer / nn.TransformerDecoderLayer
configurations -> corpus/torch-attention.json.

Every count, name and shape is what torch reports (named_parameters(), numel(), requires_grad);
FLOPs are torch.utils.flop_counter.FlopCounterMode's totals. This script only sums them.

Usage (from the repository root, see tools/corpus/README.md):
    /opt/pcvenv/bin/python tools/corpus/attention/torch_attention.py --seed 19 [--out FILE | --stdout]
"""
import argparse
import json
import random
import re
import sys

import torch
from torch import nn

try:
    from torch.utils.flop_counter import FlopCounterMode
except ImportError:  # older torch
    FlopCounterMode = None

OUT = "processor/src/test/resources/corpus/torch-attention.json"


def heads_and_dim(rng, max_e=96):
    n = rng.choice([1, 1, 2, 2, 3, 4, 4, 6, 8])
    hd = rng.randint(1, max(1, max_e // n))
    return n, n * hd


def cfg_mha(rng, refuse=False):
    n, e = heads_and_dim(rng)
    a = {"embed_dim": e, "num_heads": n}
    if rng.random() < 0.25:
        a["bias"] = False
    if rng.random() < 0.2:
        a["add_bias_kv"] = True
    if rng.random() < 0.1:
        a["add_zero_attn"] = True
    r = rng.random()
    if r < 0.2:
        a["kdim"] = rng.randint(1, 64)
        a["vdim"] = rng.randint(1, 64)
    elif r < 0.3:
        a["kdim"] = rng.randint(1, 64)
    elif r < 0.4:
        a["vdim"] = rng.randint(1, 64)
    elif r < 0.45:
        a["kdim"] = e
        a["vdim"] = e
    if rng.random() < 0.5:
        a["batch_first"] = True
    if rng.random() < 0.15:
        a["dropout"] = 0.1
    if refuse:
        while e % a["num_heads"] == 0:
            a["num_heads"] = rng.randint(2, 9)
            if a["num_heads"] > e:
                a["embed_dim"] = e = a["num_heads"] + 1
    return a


def cfg_layer(rng, refuse=False):
    n, e = heads_and_dim(rng, 64)
    a = {"d_model": e, "nhead": n, "dim_feedforward": rng.choice([rng.randint(1, 256), 4 * e, 2048])}
    if a["dim_feedforward"] == 2048 and rng.random() < 0.7:
        del a["dim_feedforward"]
    if rng.random() < 0.35:
        a["norm_first"] = True
    if rng.random() < 0.25:
        a["bias"] = False
    if rng.random() < 0.5:
        a["batch_first"] = True
    if rng.random() < 0.3:
        a["dropout"] = 0.0
    if refuse:
        while e % a["nhead"] == 0:
            a["nhead"] = rng.randint(2, 9)
            if a["nhead"] > e:
                a["d_model"] = e = a["nhead"] + 1
    return a


def flops(module, make_inputs, inference):
    if FlopCounterMode is None:
        return None
    if inference:
        module.eval()
        with torch.no_grad(), FlopCounterMode(display=False) as fc:
            module(*make_inputs())
        module.train()
    else:
        with FlopCounterMode(display=False) as fc:
            module(*make_inputs())
    by_op = {str(k): v for k, v in sorted(fc.get_flop_counts().get("Global", {}).items(), key=lambda kv: str(kv[0]))}
    return {"total": fc.get_total_flops(), "byOp": by_op}


def inputs_for(kind, a, lq, lk):
    bf = a.get("batch_first", False)

    def t(length, width):
        return torch.zeros((1, length, width) if bf else (length, 1, width))

    if kind == "MultiheadAttention":
        e = a["embed_dim"]
        return lambda: (t(lq, e), t(lk, a.get("kdim", e)), t(lk, a.get("vdim", e)))
    if kind == "TransformerEncoderLayer":
        return lambda: (t(lq, a["d_model"]),)
    return lambda: (t(lq, a["d_model"]), t(lk, a["d_model"]))


def entry(idx, kind, a, rng):
    e = {"id": f"t{idx:04d}", "module": f"nn.{kind}", "args": a}
    cls = getattr(nn, kind)
    try:
        m = cls(**a)
    except Exception as ex:
        msg = str(ex).strip().splitlines()
        e["refused"] = {"exception": type(ex).__name__, "torch": msg[0] if msg else ""}
        return e
    params = [{"name": n, "shape": list(p.shape), "count": p.numel(),
               **({} if p.requires_grad else {"requiresGrad": False})} for n, p in m.named_parameters()]
    e["parameters"] = params
    e["total"] = sum(p.numel() for p in m.parameters())
    e["trainable"] = sum(p.numel() for p in m.parameters() if p.requires_grad)
    lq = rng.randint(1, 16)
    lk = lq if kind == "TransformerEncoderLayer" or rng.random() < 0.5 else rng.randint(1, 16)
    e["input"] = {"batch": 1, "queryLength": lq, **({} if kind == "TransformerEncoderLayer" else {"keyLength": lk})}
    mk = inputs_for(kind, a, lq, lk)
    torch.manual_seed(0)
    f = flops(m, mk, inference=False)
    if f is not None:
        e["flops"] = f
        e["flopsInference"] = flops(m, mk, inference=True)
    return e


def published_checks():
    """Counts printed in published torchinfo tables (listed in the shared functional-models
    reference, section c): MultiheadAttention E=768 -> 2,362,368; E=155 -> 96,720; an encoder
    layer E=155, F=2048 -> 96,720 + 2 x 310 + 319,488 + 317,595. Abort if torch disagrees."""
    checks = [(nn.MultiheadAttention(768, 12), 2362368), (nn.MultiheadAttention(155, 5), 96720),
              (nn.TransformerEncoderLayer(155, 5), 96720 + 2 * 310 + 319488 + 317595)]
    for m, want in checks:
        got = sum(p.numel() for p in m.parameters())
        if got != want:
            sys.exit(f"published check failed: {m.__class__.__name__} {got} != {want}")


def dumps(doc):
    text = json.dumps(doc, indent=1)
    text = re.sub(r"\[\n\s*(-?\d+(?:,\n\s*-?\d+)*)\n\s*\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    text = re.sub(r"\[\n\s*\]", "[]", text)
    return text + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(1)
    published_checks()
    rng = random.Random(args.seed)
    plan = ([("MultiheadAttention", False)] * 150 + [("MultiheadAttention", True)] * 8
            + [("TransformerEncoderLayer", False)] * 90 + [("TransformerEncoderLayer", True)] * 5
            + [("TransformerDecoderLayer", False)] * 80 + [("TransformerDecoderLayer", True)] * 5)
    rng.shuffle(plan)
    out = []
    for i, (kind, refuse) in enumerate(plan, 1):
        a = cfg_mha(rng, refuse) if kind == "MultiheadAttention" else cfg_layer(rng, refuse)
        e = entry(i, kind, a, rng)
        if refuse != ("refused" in e):
            print(f"warning: {e['id']} refuse={refuse} but torch {'refused' if 'refused' in e else 'accepted'}",
                  file=sys.stderr)
        out.append(e)
    doc = {"generator": f"tools/corpus/attention/torch_attention.py --seed {args.seed}",
           "torch": torch.__version__,
           "flopCounter": None if FlopCounterMode is None else
           "torch.utils.flop_counter.FlopCounterMode(display=False).get_total_flops(); forward only; "
           "'flops' = module in its default training mode with autograd on, 'flopsInference' = "
           "module.eval() under torch.no_grad()",
           "configs": out}
    text = dumps(doc)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(args.out, "w") as fh:
            fh.write(text)
    n_ref = sum("refused" in e for e in out)
    print(f"{len(out)} configs, {n_ref} refused", file=sys.stderr)


if __name__ == "__main__":
    main()
