#!/usr/bin/env python3
"""Random functional Keras 3 models whose masks reach attention layers -> corpus/masked-attention.json.

Masks come from Embedding(mask_zero=True) or Masking and reach MultiHeadAttention (self- and
cross-attention, 2 or 3 tensors, each tensor masked or not), Attention and AdditiveAttention
([query, value] and [query, value, key], each masked or not), then layers that hand masks on or
take them (Dropout, LayerNormalization, Dense, Add/Concatenate/other merges, LSTM/GRU,
GlobalAveragePooling1D). Every number, shape, row, weight name and summary text is what Keras 3
itself reports (JAX backend); this script only declares models and records. keras_hub's
TransformerEncoder and TransformerDecoder are keras_hub_layers.py's transcriptions (keras_hub
cannot be installed here): their supports_masking and call arguments, which decide what Keras does
with masks, are keras_hub's (transformer_encoder.py @ 1f6e92e, transformer_decoder.py @ 1dfe107).
The records have the
shape of corpus/attention.json (tools/corpus/attention/keras_attention.py, whose helpers it uses).

Usage (from the repository root, see tools/corpus/README.md):
    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/attention/keras_masked_attention.py \
        --seed 1919 --count 340 [--out FILE | --stdout]
    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/attention/keras_masked_attention.py \
        --tpe --seed 2027 --count 60 [--out FILE | --stdout]

With --tpe every token-id source is keras_hub's TokenAndPositionEmbedding (keras_hub_layers.py's
transcription, its compute_mask included) instead of Embedding, with mask_zero=True where the
Embedding would have had it; the rest of the draw is the same -> corpus/tpe-mask.json.
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "functional")]

import keras_attention as ka  # noqa: E402  (sets the JAX backend and the zero initializer)
import generate_functional as gf  # noqa: E402
import keras  # noqa: E402
from keras_hub_layers import TokenAndPositionEmbedding, TransformerDecoder, TransformerEncoder  # noqa: E402

OUT = "processor/src/test/resources/corpus/masked-attention.json"
ATTENTION = ("MultiHeadAttention", "Attention", "AdditiveAttention")
HUB = {"TransformerEncoder": TransformerEncoder, "TransformerDecoder": TransformerDecoder}
# --tpe: token ids go through keras_hub's TokenAndPositionEmbedding (mask_zero=True where the
# Embedding would have mask_zero=True) instead of Embedding -> corpus/tpe-mask.json
TPE_SOURCE = False
TPE_OUT = "processor/src/test/resources/corpus/tpe-mask.json"
MERGES = ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate")


# ---------------------------------------------------------------------------------------------
# declarations

def ann(type_, **attrs):
    return gf.ann(type_, **attrs)


class Decl(ka.Decl):
    def layer(self, base, a, frm=None, pre=None):
        """A field from gf.ann (attributes equal to the Java default left out)."""
        return self.add(base, a["type"], a["attrs"], frm, pre)


def length(rng):
    return -1 if rng.random() < 0.2 else rng.randint(1, 12)


def source(rng, dc, base, t, d, mode):
    """A sequence of width d: token ids through an Embedding (masked or not), or floats, through
    Masking or not."""
    if mode in ("embed-mask", "embed"):
        tok = dc.add(base + "Ids", "Input", {"shape": [t], "dtype": "int32"})
        if TPE_SOURCE:
            attrs = {"vocabularySize": rng.randint(2, 120),
                     "sequenceLength": (12 if t == -1 else t) + rng.randint(0, 4), "embeddingDim": d}
            if mode == "embed-mask":
                attrs["maskZero"] = True
            return dc.add(base + "Embed", "TokenAndPositionEmbedding", attrs, [tok])
        return dc.layer(base + "Embed", ann("Embedding", inputDim=rng.randint(2, 120), outputDim=d,
                                            maskZero=mode == "embed-mask"), [tok])
    x = dc.add(base, "Input", {"shape": [t, d]})
    if mode == "masking":
        x = dc.layer(base + "Masking", ann("Masking", maskValue=rng.choice([0.0, 0.0, 0.5, -1.0])), [x])
    return x


def mode(rng, masked_weight=0.75):
    if rng.random() < masked_weight:
        return rng.choice(["embed-mask", "embed-mask", "masking"])
    return rng.choice(["embed", "plain"])


def maybe_rnn_encoder(rng, dc, x, d):
    """Sometimes a recurrent layer with return_sequences between source and attention (it hands
    the mask on)."""
    if rng.random() < 0.2:
        typ = rng.choice(["Lstm", "Gru"])
        return dc.layer("encoder", ann(typ, units=d, returnSequences=True), [x])
    return x


def tail(rng, dc, x, w):
    """What follows a sequence of width w: layers that take or hand on its mask."""
    r = rng.random()
    if r < 0.3:
        x = dc.layer("pool", ann("GlobalAveragePooling1d"), [x])
        if rng.random() < 0.3:
            x = dc.layer("drop", ann("Dropout", rate=0.25), [x])
        return dc.layer("out", ann("Dense", units=rng.randint(1, 10)), [x])
    if r < 0.6:
        typ = rng.choice(["Lstm", "Gru"])
        if rng.random() < 0.25:
            x = dc.layer("rnn", ann(typ, units=rng.randint(1, 16), returnSequences=True), [x])
            x = dc.layer("pool", ann("GlobalAveragePooling1d"), [x])
        else:
            x = dc.layer("rnn", ann(typ, units=rng.randint(1, 16)), [x])
        return dc.layer("out", ann("Dense", units=rng.randint(1, 10)), [x])
    if r < 0.75:
        return dc.layer("out", ann("Dense", units=rng.randint(1, 10)), [x])
    if r < 0.9:
        ff = dc.layer("ff", ann("Dense", units=rng.randint(1, 32)), [x])
        ff2 = dc.layer("ff", ann("Dense", units=w), [ff])
        x = dc.layer("res", ann(rng.choice(["Add", "Add", "Average", "Maximum"])), [x, ff2])
        x = dc.layer("norm", ann("LayerNormalization"), [x])
        return tail(rng, dc, x, w) if rng.random() < 0.7 else x
    return x


def residual(rng, dc, q, h, w):
    """Add (or another merge) of the query and the attention output, then LayerNormalization."""
    typ = rng.choice(["Add", "Add", "Add", "Multiply", "Subtract", "Minimum", "Concatenate"])
    if typ == "Concatenate":
        x = dc.layer("merged", ann("Concatenate"), [q, h])
        return dc.layer("norm", ann("LayerNormalization"), [x]), 2 * w
    x = dc.layer("res", ann(typ), [q, h])
    return dc.layer("norm", ann("LayerNormalization"), [x]), w


def t_self_mha(rng):
    dc = Decl()
    d = rng.randint(2, 32)
    x = source(rng, dc, "tokens", length(rng), d, mode(rng, 0.9))
    x = maybe_rnn_encoder(rng, dc, x, d)
    a = ka.mha_attrs(rng, d)
    h = dc.add("mha", "MultiHeadAttention", a, [x, x] if rng.random() < 0.75 else [x, x, x])
    if rng.random() < 0.3:
        h = dc.layer("drop", ann("Dropout", rate=0.1), [h])
    w = ka.mha_out_width(a, d)
    if w == d and rng.random() < 0.8:
        h, w = residual(rng, dc, x, h, w)
    tail(rng, dc, h, w)
    return "self-mha", dc


def t_cross_mha(rng):
    dc = Decl()
    dq, dv = rng.randint(2, 32), rng.randint(2, 32)
    q = source(rng, dc, "query", length(rng), dq, mode(rng, 0.6))
    tv = length(rng)
    v = source(rng, dc, "value", tv, dv, mode(rng, 0.6))
    frm = [q, v]
    kind = "cross-mha"
    if rng.random() < 0.4:
        k = source(rng, dc, "key", tv, rng.randint(2, 32), mode(rng, 0.5))
        frm = [q, v, k]
        kind = "cross-mha-key"
    a = ka.mha_attrs(rng, dq)
    h = dc.add("mha", "MultiHeadAttention", a, frm)
    w = ka.mha_out_width(a, dq)
    if w == dq and rng.random() < 0.6:
        h, w = residual(rng, dc, q, h, w)
    tail(rng, dc, h, w)
    return kind, dc


def t_scored(rng, typ):
    dc = Decl()
    attrs = {}
    if typ == "Attention":
        if rng.random() < 0.4:
            attrs["useScale"] = True
        if rng.random() < 0.3:
            attrs["scoreMode"] = "CONCAT"
    elif rng.random() < 0.3:
        attrs["useScale"] = False
    kind = "attention" if typ == "Attention" else "additive-attention"
    d = rng.randint(2, 32)
    if rng.random() < 0.3:
        x = source(rng, dc, "tokens", length(rng), d, mode(rng, 0.9))
        x = maybe_rnn_encoder(rng, dc, x, d)
        h = dc.add("att", typ, attrs, [x, x] if rng.random() < 0.7 else [x, x, x])
        q, w, kind = x, d, kind + "-self"
    else:
        q = source(rng, dc, "query", length(rng), d, mode(rng, 0.6))
        tv = length(rng)
        three = rng.random() < 0.4
        dv = d if not three or rng.random() < 0.5 else rng.randint(2, 32)
        v = source(rng, dc, "value", tv, dv, mode(rng, 0.6))
        frm = [q, v]
        if three:
            frm.append(source(rng, dc, "key", tv, d, mode(rng, 0.5)))
            kind += "-key"
        h = dc.add("att", typ, attrs, frm)
        w = dv
    r = rng.random()
    if r < 0.25 and w == d:
        h, w = residual(rng, dc, q, h, w)
        tail(rng, dc, h, w)
    elif r < 0.45:
        # keras.io style: pool the query and the attention output, concatenate
        p1 = dc.layer("queryPool", ann("GlobalAveragePooling1d"), [q])
        p2 = dc.layer("attPool", ann("GlobalAveragePooling1d"), [h])
        x = dc.layer("concat", ann("Concatenate"), [p1, p2])
        dc.layer("out", ann("Dense", units=rng.randint(1, 10)), [x])
    elif r < 0.65:
        # Luong style: the query beside its context
        x = dc.layer("concat", ann("Concatenate"), [q, h])
        tail(rng, dc, x, d + w)
    else:
        tail(rng, dc, h, w)
    return kind, dc


def t_merge(rng):
    """Merges of masked and unmasked sequences (what Keras's merge compute_mask adds), then a
    layer that takes the mask."""
    dc = Decl()
    d = rng.randint(2, 16)
    t = length(rng)
    n = rng.choice([2, 2, 2, 3])
    typ = rng.choice(["Concatenate", "Concatenate", "Concatenate", "Add", "Multiply", "Average",
                      "Maximum", "Minimum", "Subtract"])
    if typ == "Subtract":
        n = 2
    axis = 1 if typ == "Concatenate" and rng.random() < 0.3 else -1
    srcs = []
    for i in range(n):
        m = mode(rng, 0.6)
        srcs.append(source(rng, dc, ["first", "second", "third"][i],
                           (length(rng) if axis == 1 else t), d, m))
    if typ == "Concatenate":
        x = dc.layer("merged", ann("Concatenate", axis=axis), srcs)
    else:
        x = dc.layer("merged", ann(typ), srcs)
    if axis == -1 and rng.random() < 0.4:
        w = d * n if typ == "Concatenate" else d
        x = dc.add("mha", "MultiHeadAttention", ka.mha_attrs(rng, w, allow_out=False), [x, x])
    else:
        w = d * n if typ == "Concatenate" and axis == -1 else d
    tail(rng, dc, x, w)
    return "merge-" + typ.lower(), dc


def hub_attrs(rng, d):
    heads = rng.choice([h for h in (1, 2, 3, 4, 8) if h <= d])
    a = {"intermediateDim": rng.randint(1, 64), "numHeads": heads}
    if rng.random() < 0.3:
        a["normalizeFirst"] = True
    return a


def t_hub(rng):
    """keras_hub's TransformerEncoder / TransformerDecoder (keras_hub_layers.py transcriptions:
    supports_masking and the call arguments that decide masks are keras_hub's) on masked inputs."""
    dc = Decl()
    d = rng.randint(2, 32)
    x = source(rng, dc, "tokens", length(rng), d, mode(rng, 0.85))
    if rng.random() < 0.5:
        h = dc.add("encoder", "TransformerEncoder", hub_attrs(rng, d), [x])
        if rng.random() < 0.3:
            h = dc.add("encoder", "TransformerEncoder", hub_attrs(rng, d), [h])
        kind = "hub-encoder"
    elif rng.random() < 0.4:
        h = dc.add("decoder", "TransformerDecoder", hub_attrs(rng, d), [x])
        kind = "hub-decoder-only"
    else:
        e = source(rng, dc, "context", length(rng), d if rng.random() < 0.7 else rng.randint(2, 32), mode(rng, 0.6))
        h = dc.add("decoder", "TransformerDecoder", hub_attrs(rng, d), [x, e])
        kind = "hub-decoder"
    tail(rng, dc, h, d)
    return kind, dc


def plan(rng, count):
    weights = [(t_self_mha, 26), (t_cross_mha, 22), ("Attention", 18), ("AdditiveAttention", 14),
               (t_merge, 20), (t_hub, 14)]
    tot = sum(w for _, w in weights)
    out = []
    for _ in range(count):
        r = rng.uniform(0, tot)
        for t, w in weights:
            r -= w
            if r <= 0:
                break
        out.append(t)
    return out


# ---------------------------------------------------------------------------------------------
# Keras side

def make_layer(f):
    anns = f["annotations"]
    if anns[-1]["type"] in ATTENTION:
        return ka.make_layer(f)
    if anns[-1]["type"] == "TokenAndPositionEmbedding":
        a = anns[-1]["attrs"]
        return TokenAndPositionEmbedding(a["vocabularySize"], a["sequenceLength"], a["embeddingDim"],
                                         mask_zero=a.get("maskZero", False), name=f["name"])
    if anns[-1]["type"] in HUB:
        a = anns[-1]["attrs"]
        return HUB[anns[-1]["type"]](intermediate_dim=a["intermediateDim"], num_heads=a["numHeads"],
                                     normalize_first=a.get("normalizeFirst", False), name=f["name"])
    return gf.make_layer(anns, f["name"])


def call_layer(f, layer, ins):
    t = f["annotations"][-1]["type"]
    if t in ("MultiHeadAttention", "TransformerDecoder"):
        return layer(*ins)
    if t in ("Attention", "AdditiveAttention") or t in MERGES:
        return layer(list(ins))
    assert len(ins) == 1, f
    return layer(ins[0])


def build(fields, class_name):
    tensors, inputs, consumed, prev = {}, [], set(), None
    for f in fields:
        t = f["annotations"][-1]["type"]
        if t == "Input":
            a = f["annotations"][-1]["attrs"]
            shape = tuple(None if s == -1 else s for s in a["shape"])
            x = keras.Input(shape=shape, dtype=a.get("dtype", "float32"), name=f["name"])
            inputs.append(x)
        else:
            srcs = f.get("from", [prev])
            consumed.update(srcs)
            x = call_layer(f, make_layer(f), [tensors[s] for s in srcs])
        tensors[f["name"]] = x
        prev = f["name"]
    outputs = [tensors[f["name"]] for f in fields if f["name"] not in consumed]
    return keras.Model(inputs, outputs if len(outputs) > 1 else outputs[0], name=class_name)


def record(model):
    """keras_attention.record, for graphs that hold operations too (NotEqual, LogicalOr, ...):
    an operation has no weights and no count_params."""
    rows = []
    for op in model._operations:
        layer = isinstance(op, keras.layers.Layer)
        row = {"name": op.name, "class": op.__class__.__name__,
               "params": op.count_params() if layer and op.built else 0,
               "output": ka.rich.text.Text.from_markup(ka.summary_utils.format_layer_shape(op)).plain,
               "connectedTo": ka.connections(model, op)}
        if layer and op.weights:
            row["weights"] = [{"name": ka.weight_name(op, w), "shape": list(w.shape),
                               **({} if w.trainable else {"trainable": False})} for w in op.weights]
        rows.append(row)
    total = ka.summary_utils.count_params(model.weights)
    trainable = ka.summary_utils.count_params(model.trainable_weights)
    return {"total": total, "trainable": trainable, "nonTrainable": total - trainable, "rows": rows,
            "summary76": ka.summary_text(model, 76), "summary108": ka.summary_text(model, 108)}


def mask_reaches_attention(model):
    for op in model._operations:
        if isinstance(op, (keras.layers.MultiHeadAttention, keras.layers.Attention,
                           keras.layers.AdditiveAttention, TransformerEncoder, TransformerDecoder)):
            for kt in op._inbound_nodes[0].input_tensors:
                if getattr(kt, "_keras_mask", None) is not None:
                    return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1919)
    ap.add_argument("--count", type=int, default=340)
    ap.add_argument("--out", default=None)
    ap.add_argument("--stdout", action="store_true")
    ap.add_argument("--tpe", action="store_true",
                    help="token ids through TokenAndPositionEmbedding instead of Embedding")
    args = ap.parse_args()
    global TPE_SOURCE
    TPE_SOURCE = args.tpe
    out = args.out or (TPE_OUT if args.tpe else OUT)
    rng = random.Random(args.seed)
    models, stats = [], {}
    templates = plan(rng, args.count)
    i = 0
    for t in templates:
        # generation: a model Keras refuses is drawn again (the corpus is of valid models)
        for attempt in range(20):
            keras.backend.clear_session()
            kind, dc = t_scored(rng, t) if isinstance(t, str) else t(rng)
            try:
                model = build(dc.fields, "Probe")
            except Exception as e:  # noqa: BLE001
                print(f"note: redrawn ({kind}): {ka.first_line(e)}", file=sys.stderr)
                continue
            break
        else:
            raise SystemExit("20 refused draws in a row")
        i += 1
        mid, cls = f"m{i:04d}", f"M{i:04d}"
        # measurement: a fresh session (automatic names start again), the declaration alone
        keras.backend.clear_session()
        model = build(dc.fields, cls)
        entry = {"id": mid, "className": cls, "kind": kind,
                 "maskReachesAttention": mask_reaches_attention(model), "fields": dc.fields,
                 "expected": record(model)}
        stats[kind] = stats.get(kind, 0) + 1
        models.append(entry)
    doc = {"generator": f"tools/corpus/attention/keras_masked_attention.py --seed {args.seed} --count {args.count}"
                        + (" --tpe" if args.tpe else ""),
           "keras": keras.__version__, "backend": keras.backend.backend(), "models": models}
    text = ka.dumps(doc)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
    for k in sorted(stats):
        print(f"{stats[k]:4d} {k}", file=sys.stderr)
    print(f"{sum(m['maskReachesAttention'] for m in models)} of {len(models)} with a masked attention input",
          file=sys.stderr)


if __name__ == "__main__":
    main()
