#!/usr/bin/env python3
"""Random keras_hub layer configurations measured with Keras 3 running the transcribed build()
methods of keras_hub_layers.py -> corpus/keras-hub.json.

The transcriptions are validated by published printouts (see published.py: the English-to-Spanish
table matches byte for byte, covering TokenAndPositionEmbedding, TransformerEncoder and
TransformerDecoder with cross-attention; the GPT table covers TransformerDecoder without
cross-attention and a width not divisible by the head count).

Usage: KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/attention/keras_hub_corpus.py \
           --seed 19 --count 160 [--stdout]
"""
import argparse
import os
import random
import sys

os.environ["KERAS_BACKEND"] = "jax"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import keras  # noqa: E402

import keras_attention as ka  # noqa: E402  (zero initializer patch, dumps())
from keras_hub_layers import (PositionEmbedding, TokenAndPositionEmbedding,  # noqa: E402
                              TransformerDecoder, TransformerEncoder)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "processor", "src", "test", "resources", "corpus", "keras-hub.json")


def weights(layer):
    pre = layer.name + "/"
    return [{"name": w.path[len(pre):] if w.path.startswith(pre) else w.path, "shape": list(w.shape)}
            for w in layer.weights]


def config(rng, kind, refuse):
    t = rng.randint(1, 16)
    if kind == "PositionEmbedding":
        s = rng.randint(1, 64)
        return {"sequenceLength": s}, {"shape": [t, rng.randint(1, 64)]}
    if kind == "TokenAndPositionEmbedding":
        return ({"vocabularySize": rng.randint(1, 500), "sequenceLength": rng.randint(1, 64),
                 "embeddingDim": rng.randint(1, 64)}, {"shape": [t], "dtype": "int32"})
    h = rng.choice([2, 3, 4, 5, 8] if refuse else [1, 2, 3, 4, 5, 8])
    d = rng.randint(h, 64) if not refuse else rng.randint(1, h - 1)
    a = {"intermediateDim": rng.randint(1, 128), "numHeads": h}
    if rng.random() < 0.3:
        a["normalizeFirst"] = True
    inp = {"shape": [t, d]}
    if kind == "TransformerDecoder" and rng.random() < 0.5:
        inp["encoderShape"] = [rng.randint(1, 16), d if rng.random() < 0.6 else rng.randint(1, 64)]
    return a, inp


def build(kind, a, inp):
    x = keras.Input(shape=tuple(inp["shape"]), dtype=inp.get("dtype", "float32"), name="x")
    if kind == "PositionEmbedding":
        layer = PositionEmbedding(a["sequenceLength"], name="layer")
        return layer, layer(x)
    if kind == "TokenAndPositionEmbedding":
        layer = TokenAndPositionEmbedding(a["vocabularySize"], a["sequenceLength"], a["embeddingDim"], name="layer")
        return layer, layer(x)
    cls = TransformerEncoder if kind == "TransformerEncoder" else TransformerDecoder
    layer = cls(intermediate_dim=a["intermediateDim"], num_heads=a["numHeads"],
                normalize_first=a.get("normalizeFirst", False), name="layer")
    if "encoderShape" in inp:
        e = keras.Input(shape=tuple(inp["encoderShape"]), name="e")
        return layer, layer(x, e)
    return layer, layer(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--count", type=int, default=160)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    kinds = ["TransformerEncoder"] * 6 + ["TransformerDecoder"] * 6 + ["PositionEmbedding", "TokenAndPositionEmbedding"] * 2
    out = []
    for i in range(args.count):
        keras.backend.clear_session()
        kind = rng.choice(kinds)
        refuse = kind.startswith("Transformer") and rng.random() < 0.06
        a, inp = config(rng, kind, refuse)
        e = {"id": f"h{i + 1:04d}", "layer": kind, "attrs": a, "input": inp}
        try:
            layer, y = build(kind, a, inp)
            e["output"] = "(" + ", ".join("None" if v is None else str(v) for v in y.shape) + ")"
            e["params"] = layer.count_params()
            e["weights"] = weights(layer)
        except Exception as ex:
            e["refused"] = {"exception": type(ex).__name__, "keras": ka.first_line(ex)}
        out.append(e)
    doc = {"generator": f"tools/corpus/attention/keras_hub_corpus.py --seed {args.seed} --count {args.count}",
           "keras": keras.__version__, "backend": keras.backend.backend(),
           "layersFrom": "tools/corpus/attention/keras_hub_layers.py (keras_hub build() transcriptions; "
                         "sources and lines in its docstring)",
           "layers": out}
    text = ka.dumps(doc)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(OUT, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(f"{len(out)} configurations, {sum('refused' in e for e in out)} refused", file=sys.stderr)


if __name__ == "__main__":
    main()
