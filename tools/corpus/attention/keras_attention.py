#!/usr/bin/env python3
"""Random functional Keras 3 models with attention layers -> corpus/attention.json.

Every number, shape, weight name, summary text and error message in the output is what
Keras 3 itself reports (JAX backend); this script only declares models and records.
Nothing here evaluates a parameter formula.

Usage (from the repository root, see tools/corpus/README.md):
    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/attention/keras_attention.py \
        --seed 19 --count 330 [--out FILE | --stdout]
"""
import argparse
import contextlib
import io
import json
import os
import random
import re
import sys

os.environ["KERAS_BACKEND"] = "jax"
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import rich.text  # noqa: E402
from keras.src.utils import summary_utils  # noqa: E402

from keras.src.backend.jax import core as _jax_core  # noqa: E402


def _zeros_initializer(self, initializer):
    # Weight VALUES never enter the corpus. Keras's JAX backend compiles one XLA program per
    # (initializer, shape) pair, about a second each on this machine, so variables are filled
    # with numpy zeros instead; shapes, names, dtypes and trainability still come from each
    # layer's own build() and add_weight() calls.
    self._initialize(self._convert_to_tensor(np.zeros(self._shape, dtype=self._dtype)))


_jax_core.Variable._initialize_with_initializer = _zeros_initializer

L = keras.layers
OUT = "processor/src/test/resources/corpus/attention.json"


# ---------------------------------------------------------------------------------------------
# declaration helpers (the corpus format shared with the functional-models corpus)

def fld(name, typ, attrs=None, frm=None, pre=None):
    anns = []
    if pre:
        anns.append({"type": pre, "attrs": {}})
    anns.append({"type": typ, "attrs": attrs or {}})
    f = {"name": name, "annotations": anns}
    if frm is not None:
        f["from"] = list(frm)
    return f


class Decl:
    """Builds the field list; omits "from" when the input is just the previous field."""

    def __init__(self):
        self.fields = []
        self.n = {}

    def name(self, base):
        k = self.n.get(base, 0)
        self.n[base] = k + 1
        return base if k == 0 else f"{base}{k + 1}"

    def add(self, base, typ, attrs=None, frm=None, pre=None):
        nm = self.name(base)
        prev = self.fields[-1]["name"] if self.fields else None
        if frm is not None and len(frm) == 1 and frm[0] == prev and typ != "Input":
            frm = None
        if typ == "Input":
            frm = None
        self.fields.append(fld(nm, typ, attrs, frm, pre))
        return nm


def mha_attrs(rng, d_in, allow_out=True):
    a = {"numHeads": rng.choice([1, 1, 2, 2, 2, 3, 4, 4, 8]),
         "keyDim": rng.choice([1, 2, 3, 4, 5, 8, 8, 16, 16, 32, rng.randint(1, 64)])}
    if rng.random() < 0.3:
        a["valueDim"] = rng.randint(1, 40)
    if rng.random() < 0.2:
        a["useBias"] = False
    if allow_out and rng.random() < 0.2:
        a["outputShape"] = [rng.choice([d_in, rng.randint(1, 64)])]
    if rng.random() < 0.2:
        a["dropout"] = rng.choice([0.1, 0.2, 0.5])
    return a


def mha_out_width(a, d_q):
    return a["outputShape"][-1] if a.get("outputShape") else d_q


def head(rng, dc, src, rank3=True):
    """Optional pooling/classifier tail."""
    if rank3 and rng.random() < 0.6:
        src = dc.add("pool", "GlobalAveragePooling1d", {}, [src])
        if rng.random() < 0.3:
            src = dc.add("drop", "Dropout", {"rate": rng.choice([0.1, 0.25, 0.5])}, [src])
        src = dc.add("out", "Dense", {"units": rng.randint(1, 10)}, [src])
    return src


# ---------------------------------------------------------------------------------------------
# templates: each returns (kind, decl, fault) where fault = (field, attribute) meant to be refused

def t_self_attention(rng, fault=None):
    dc = Decl()
    rank4 = rng.random() < 0.08
    d = rng.randint(1, 64)
    shape = [rng.randint(1, 6), rng.randint(1, 6), d] if rank4 else [rng.randint(1, 16), d]
    src = dc.add("x", "Input", {"shape": shape})
    if rng.random() < 0.25:
        d = rng.randint(1, 64)
        src = dc.add("proj", "Dense", {"units": d}, [src])
    a = mha_attrs(rng, d)
    frm = [src, src] if rng.random() < 0.8 else [src, src, src]
    flt = None
    if fault == "attr":
        which = rng.choice(["numHeads", "keyDim", "valueDim"])
        a[which] = 0
        flt = ("mha", which)
    att = dc.add("mha", "MultiHeadAttention", a, frm)
    out = att
    if rng.random() < 0.3:
        out = dc.add("drop", "Dropout", {"rate": 0.1}, [out])
    w = mha_out_width(a, d)
    if fault == "residual":
        # an Add of the input and an attention output of another width
        a["outputShape"] = [d + rng.randint(1, 8)]
        flt = ("res", "from")
        w = d
    if w == d and rng.random() < 0.85 or fault == "residual":
        out = dc.add("res", "Add", {}, [src, out])
        out = dc.add("norm", "LayerNormalization", {}, [out])
        if rng.random() < 0.5:
            ff = dc.add("ff", "Dense", {"units": rng.randint(1, 64)}, [out])
            ff2 = dc.add("ff2", "Dense", {"units": d}, [ff])
            out2 = dc.add("res", "Add", {}, [out, ff2])
            out = dc.add("norm", "LayerNormalization", {}, [out2])
    if not rank4:
        out = head(rng, dc, out)
    return "self-attention", dc, flt


def t_cross_attention(rng, fault=None):
    dc = Decl()
    tq, tv = rng.randint(1, 16), rng.randint(1, 16)
    dq, dv = rng.randint(1, 64), rng.randint(1, 64)
    q = dc.add("query", "Input", {"shape": [tq, dq]})
    v = dc.add("value", "Input", {"shape": [tv, dv]})
    frm = [q, v]
    flt = None
    kind = "cross-attention"
    if rng.random() < 0.4 or fault == "keylen":
        tk = tv
        if fault == "keylen":
            tk = tv + rng.randint(1, 5)
            flt = ("mha", "from")
        k = dc.add("key", "Input", {"shape": [tk, rng.randint(1, 64)]})
        frm = [q, v, k]
        kind = "cross-attention-key"
    a = mha_attrs(rng, dq)
    if fault == "attr":
        which = rng.choice(["numHeads", "keyDim"])
        a[which] = 0
        flt = ("mha", which)
    out = dc.add("mha", "MultiHeadAttention", a, frm)
    if mha_out_width(a, dq) == dq and rng.random() < 0.6:
        out = dc.add("res", "Add", {}, [q, out])
        out = dc.add("norm", "LayerNormalization", {}, [out])
    out = head(rng, dc, out)
    return kind, dc, flt


def t_dot_attention(rng, typ, fault=None):
    dc = Decl()
    tq, tv = rng.randint(1, 16), rng.randint(1, 16)
    d = rng.randint(1, 64)
    attrs = {}
    if typ == "Attention":
        if rng.random() < 0.5:
            attrs["useScale"] = True
        if rng.random() < 0.4:
            attrs["scoreMode"] = "CONCAT"
    elif rng.random() < 0.3:
        attrs["useScale"] = False
    flt = None
    kind = "attention" if typ == "Attention" else "additive-attention"
    style = rng.random()
    if style < 0.25:
        # self-attention over a (Bi)LSTM or Dense encoding
        x = dc.add("x", "Input", {"shape": [tq, rng.randint(1, 32)]})
        if rng.random() < 0.5:
            u = rng.randint(1, 16)
            h = dc.add("enc", "Lstm", {"units": u, "returnSequences": True}, [x],
                       pre="Bidirectional" if rng.random() < 0.6 else None)
        else:
            h = dc.add("enc", "Dense", {"units": d}, [x])
        frm = [h, h] if rng.random() < 0.7 else [h, h, h]
        out = dc.add("att", typ, attrs, frm)
        out = head(rng, dc, out)
        return kind + "-self", dc, flt
    q = dc.add("query", "Input", {"shape": [tq, d]})
    dv = d if rng.random() < 0.5 else rng.randint(1, 64)
    v = dc.add("value", "Input", {"shape": [tv, dv]})
    frm = [q, v]
    if rng.random() < 0.35:
        k = dc.add("key", "Input", {"shape": [tv, d]})
        frm = [q, v, k]
    if fault == "one":
        frm = [q]
        flt = ("att", "from")
    if fault == "four":
        frm = [q, v, v, v]
        flt = ("att", "from")
    att = dc.add("att", typ, attrs, frm)
    out = att
    if rng.random() < 0.5 and fault is None:
        # keras.io style: pool query encoding and attention output, concatenate
        p1 = dc.add("queryPool", "GlobalAveragePooling1d", {}, [q])
        p2 = dc.add("attPool", "GlobalAveragePooling1d", {}, [att])
        out = dc.add("concat", "Concatenate", {}, [p1, p2])
        out = dc.add("out", "Dense", {"units": rng.randint(1, 10)}, [out])
    return kind, dc, flt


def t_embedding_encoder(rng, fault=None):
    dc = Decl()
    t = rng.randint(1, 16)
    d = rng.randint(2, 64)
    tok = dc.add("tokens", "Input", {"shape": [t], "dtype": "int32"})
    e = dc.add("embed", "Embedding", {"inputDim": rng.randint(2, 200), "outputDim": d}, [tok])
    a = mha_attrs(rng, d, allow_out=False)
    h = dc.add("mha", "MultiHeadAttention", a, [e, e])
    out = dc.add("drop", "Dropout", {"rate": 0.1}, [h])
    out = dc.add("res", "Add", {}, [e, out])
    out = dc.add("norm", "LayerNormalization", {}, [out])
    ff = dc.add("ff", "Dense", {"units": rng.randint(1, 64)}, [out])
    ff2 = dc.add("ff2", "Dense", {"units": d}, [ff])
    out = dc.add("res", "Add", {}, [out, ff2])
    out = dc.add("norm", "LayerNormalization", {}, [out])
    out = head(rng, dc, out)
    return "embedding-encoder", dc, None


def t_lstm_encoder_decoder(rng, fault=None):
    """Bahdanau/Luong style: decoder LSTM attends over encoder LSTM outputs."""
    dc = Decl()
    te, td = rng.randint(1, 12), rng.randint(1, 12)
    u = rng.randint(1, 24)
    src = dc.add("source", "Input", {"shape": [te, rng.randint(1, 16)]})
    tgt = dc.add("target", "Input", {"shape": [td, rng.randint(1, 16)]})
    bi = rng.random() < 0.5
    enc = dc.add("encoder", "Lstm", {"units": u, "returnSequences": True}, [src],
                 pre="Bidirectional" if bi else None)
    dec = dc.add("decoder", "Lstm", {"units": 2 * u if bi else u, "returnSequences": True}, [tgt])
    typ = rng.choice(["Attention", "AdditiveAttention", "MultiHeadAttention"])
    if typ == "MultiHeadAttention":
        a = mha_attrs(rng, 2 * u if bi else u)
        ctx = dc.add("attn", typ, a, [dec, enc])
    else:
        attrs = {}
        if typ == "Attention" and rng.random() < 0.5:
            attrs["useScale"] = True
        ctx = dc.add("attn", typ, attrs, [dec, enc])
    out = dc.add("concat", "Concatenate", {}, [dec, ctx])
    out = dc.add("out", "Dense", {"units": rng.randint(1, 20)}, [out])
    return "lstm-encoder-decoder", dc, None


# ---------------------------------------------------------------------------------------------
# Keras side

def make_layer(f):
    anns = f["annotations"]
    t = anns[-1]["type"]
    a = anns[-1]["attrs"]
    nm = f["name"]
    if t == "MultiHeadAttention":
        return L.MultiHeadAttention(
            num_heads=a["numHeads"], key_dim=a["keyDim"],
            value_dim=a.get("valueDim") if a.get("valueDim", -1) != -1 else None,
            use_bias=a.get("useBias", True),
            output_shape=tuple(a["outputShape"]) if a.get("outputShape") else None,
            dropout=a.get("dropout", 0.0), name=nm)
    if t == "Attention":
        return L.Attention(use_scale=a.get("useScale", False),
                           score_mode=a.get("scoreMode", "DOT").lower(), name=nm)
    if t == "AdditiveAttention":
        return L.AdditiveAttention(use_scale=a.get("useScale", True), name=nm)
    if t == "LayerNormalization":
        return L.LayerNormalization(name=nm)
    if t == "Add":
        return L.Add(name=nm)
    if t == "Concatenate":
        return L.Concatenate(axis=a.get("axis", -1), name=nm)
    if t == "Dense":
        return L.Dense(a["units"], use_bias=a.get("useBias", True), name=nm)
    if t == "Dropout":
        return L.Dropout(a["rate"], name=nm)
    if t == "GlobalAveragePooling1d":
        return L.GlobalAveragePooling1D(name=nm)
    if t == "Embedding":
        return L.Embedding(a["inputDim"], a["outputDim"], name=nm)
    if t == "Lstm":
        inner = L.LSTM(a["units"], return_sequences=a.get("returnSequences", False), name=nm)
        if anns[0]["type"] == "Bidirectional":
            return L.Bidirectional(inner, name=nm)
        return inner
    raise ValueError(t)


def call_layer(f, layer, ins):
    t = f["annotations"][-1]["type"]
    if t == "MultiHeadAttention":
        return layer(*ins)
    if t in ("Attention", "AdditiveAttention", "Add", "Concatenate"):
        return layer(list(ins))
    assert len(ins) == 1, f
    return layer(ins[0])


def first_line(e):
    s = str(e).strip().splitlines()
    return (s[0] if s else type(e).__name__).strip()


def build(decl_fields, class_name):
    """Returns (model, None) or (None, refused dict without attribute)."""
    tensors, inputs, consumed, prev = {}, [], set(), None
    for f in decl_fields:
        t = f["annotations"][-1]["type"]
        try:
            if t == "Input":
                a = f["annotations"][-1]["attrs"]
                x = keras.Input(shape=tuple(a["shape"]), dtype=a.get("dtype", "float32"), name=f["name"])
                inputs.append(x)
            else:
                srcs = f.get("from", [prev])
                consumed.update(srcs)
                layer = make_layer(f)
                x = call_layer(f, layer, [tensors[s] for s in srcs])
        except Exception as e:  # Keras refused this field
            return None, {"field": f["name"], "keras": first_line(e), "exception": type(e).__name__}
        tensors[f["name"]] = x
        prev = f["name"]
    outputs = [tensors[f["name"]] for f in decl_fields if f["name"] not in consumed]
    try:
        model = keras.Model(inputs, outputs if len(outputs) > 1 else outputs[0], name=class_name)
    except Exception as e:
        return None, {"field": None, "keras": first_line(e), "exception": type(e).__name__}
    return model, None


def connections(model, layer):
    """The 'Connected to' cell, read from Keras's graph as summary_utils.get_connections does."""
    relevant = [n for v in model._nodes_by_depth.values() for n in v]
    parts = []
    for node in layer._inbound_nodes:
        if relevant and node not in relevant:
            continue
        for kt in node.input_tensors:
            h = kt._keras_history
            parts.append(f"{h.operation.name}[{h.node_index}][{h.tensor_index}]")
    return ", ".join(parts) if parts else "-"


def summary_text(model, width):
    """model.summary(line_length=width) as Keras prints it to a non-terminal stdout.

    rich sizes its console from $COLUMNS (80 when unset and stdout is not a terminal) and
    crops longer lines; 108 is therefore printed with COLUMNS=112, i.e. what a 112-column
    terminal shows minus the colour codes."""
    if width > 76:
        os.environ["COLUMNS"] = str(width + 4)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            model.summary(line_length=width)
    finally:
        os.environ.pop("COLUMNS", None)
    return buf.getvalue()


def weight_name(layer, w):
    p = w.path
    pre = layer.name + "/"
    return p[len(pre):] if p.startswith(pre) else p


def sample_inputs(model):
    xs = []
    for t in model.inputs:
        shp = (1,) + tuple(t.shape[1:])
        xs.append(np.ones(shp, dtype="int32") if "int" in str(t.dtype) else
                  np.linspace(-1, 1, int(np.prod(shp)), dtype="float32").reshape(shp))
    return xs


def needs_call_check(model):
    """Configurations Keras accepts symbolically that might fail when run: MHA with
    value_dim != key_dim, Attention/AdditiveAttention whose query and key widths differ."""
    for op in model._operations:
        if isinstance(op, L.MultiHeadAttention) and op._value_dim != op._key_dim:
            return True
        if isinstance(op, (L.Attention, L.AdditiveAttention)):
            ins = op._inbound_nodes[0].input_tensors
            key = ins[2] if len(ins) > 2 else ins[1]
            if ins[0].shape[-1] != key.shape[-1]:
                return True
    return False


def record(model):
    rows = []
    for op in model._operations:
        row = {"name": op.name, "class": op.__class__.__name__,
               "params": op.count_params() if getattr(op, "built", True) else 0,
               "output": rich.text.Text.from_markup(summary_utils.format_layer_shape(op)).plain,
               "connectedTo": connections(model, op)}
        if op.weights:
            row["weights"] = [{"name": weight_name(op, w), "shape": list(w.shape),
                               **({} if w.trainable else {"trainable": False})} for w in op.weights]
        rows.append(row)
    total = summary_utils.count_params(model.weights)
    trainable = summary_utils.count_params(model.trainable_weights)
    return {"total": total, "trainable": trainable, "nonTrainable": total - trainable, "rows": rows,
            "summary76": summary_text(model, 76), "summary108": summary_text(model, 108)}


def plan(rng, count):
    """(template, fault) list: ~10% meant to be refused."""
    out = []
    valid_templates = [
        (t_self_attention, 30), (t_cross_attention, 20), ("Attention", 16),
        ("AdditiveAttention", 12), (t_embedding_encoder, 10), (t_lstm_encoder_decoder, 12)]
    faults = [(t_self_attention, "attr"), (t_self_attention, "residual"),
              (t_cross_attention, "keylen"), (t_cross_attention, "attr"),
              ("Attention", "one"), ("Attention", "four"), ("AdditiveAttention", "one")]
    n_fault = max(1, round(count * 0.1))
    for i in range(count - n_fault):
        tot = sum(w for _, w in valid_templates)
        r = rng.uniform(0, tot)
        for t, w in valid_templates:
            r -= w
            if r <= 0:
                break
        out.append((t, None))
    for i in range(n_fault):
        out.append((faults[i % len(faults)][0], faults[i % len(faults)][1]))
    rng.shuffle(out)
    return out


def run_template(rng, t, fault):
    if isinstance(t, str):
        return t_dot_attention(rng, t, fault)
    return t(rng, fault)


def dumps(doc):
    """json.dumps(indent=1) with lists of integers kept on one line."""
    text = json.dumps(doc, indent=1, ensure_ascii=False)
    text = re.sub(r"\[\n\s*(-?\d+(?:,\n\s*-?\d+)*)\n\s*\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    text = re.sub(r"\[\n\s*\]", "[]", text)
    return text + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--count", type=int, default=330)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    models = []
    stats = {}
    for i, (t, fault) in enumerate(plan(rng, args.count)):
        keras.backend.clear_session()
        kind, dc, flt = run_template(rng, t, fault)
        mid = f"a{i + 1:04d}"
        cls = f"A{i + 1:04d}"
        entry = {"id": mid, "className": cls, "kind": kind, "fields": dc.fields}
        model, refused = build(dc.fields, cls)
        if model is not None:
            entry["expected"] = record(model)
            if needs_call_check(model):
                try:
                    model(sample_inputs(model))
                    entry["callChecked"] = True
                except Exception as e:
                    entry["callRefused"] = {"keras": first_line(e), "exception": type(e).__name__}
            if flt:
                print(f"warning: {mid} meant to be refused at {flt}, Keras accepted", file=sys.stderr)
        else:
            attr = flt[1] if flt and flt[0] == refused["field"] else None
            if flt is None or attr is None:
                print(f"warning: {mid} refused unexpectedly: {refused}", file=sys.stderr)
            entry["refused"] = {"field": refused["field"], "attribute": attr, "keras": refused["keras"],
                                "exception": refused["exception"]}
            entry["kind"] = kind + "-refused"
        k = entry["kind"] + (" (call fails)" if "callRefused" in entry else "")
        stats[k] = stats.get(k, 0) + 1
        models.append(entry)
    doc = {"generator": f"tools/corpus/attention/keras_attention.py --seed {args.seed} --count {args.count}",
           "keras": keras.__version__, "backend": keras.backend.backend(),
           "models": models}
    text = dumps(doc)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    for k in sorted(stats):
        print(f"{stats[k]:4d} {k}", file=sys.stderr)


if __name__ == "__main__":
    main()
