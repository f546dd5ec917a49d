#!/usr/bin/env python3
"""Keras 3 nested models -> corpus/blocks.json (paramcheck's @Block with several inputs and outputs).

Each model is an outer functional keras.Model that calls one or more inner functional keras.Model
instances as layers, on a list of tensors (`block([a, b])`): inner models of 1 to 3 inputs of
sequence shapes and 1 to 3 output fields (an LSTM or GRU with return_state gives several tensors),
sometimes two instances of the same block, sometimes a block inside a block, sometimes frozen
(`inner.trainable = False`). Each is declared in paramcheck's annotation vocabulary (the format of
corpus/functional.json's `fields` and attention-published.json's `blocks`) and built by Keras 3
itself from that declaration (JAX backend); what Keras reports is recorded: totals, rows, and the
text of model.summary() at 76 and 108 columns. Refused models record what Keras raised.

No number here comes from a formula: every count, shape, row, text and error is read from Keras.

    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/blocks/keras_blocks.py --seed 19 --count 130

The interpreter (declaration -> Keras model) and the measurement are tools/corpus/functional's
(`generate_functional.Graph`, `measure`, `no_init`), extended here with two annotations:
`@MultiHeadAttention` (`layer(query, value[, key])`) and `@Block` (the block's fields, in the
model's `blocks` map under the annotation's `value`, built as `keras.Model(inputs, outputs,
name=<field>)` and called on the `from` tensors: a list when the block has several inputs).

Kinds of refused models:
  refused-count   the block called on more or fewer tensors than it has inputs (Keras raises)
  refused-shape   a tensor whose known size differs from the block's input (Keras raises)
  keras-accepts-unknown-length  a tensor of unknown length for a block input of fixed length:
                  Keras accepts it (its InputSpec skips unknown sizes) and recomputes the block's
                  shapes; paramcheck refuses it (docs/decisions.md). Recorded with Keras's summary.
  keras-accepts-width-1  a tensor whose last axis is 1 for a block input of another width: Keras's
                  InputSpec (allow_last_axis_squeeze) accepts it and builds the summary; the
                  block's weights were built for the declared width. paramcheck refuses it.
"""
import argparse
import json
import os
import random
import sys

os.environ["KERAS_BACKEND"] = "jax"
os.environ.pop("COLUMNS", None)
os.environ.pop("LINES", None)
os.environ.setdefault("JAX_PLATFORMS", "cpu")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "functional"))

import generate_functional as gf  # noqa: E402
from generate_functional import keras, layers, no_init  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(ROOT, "processor", "src", "test", "resources", "corpus", "blocks.json")

gf.DEFAULTS["MultiHeadAttention"] = {"valueDim": -1, "useBias": True, "outputShape": [], "dropout": 0.0}
gf.DEFAULTS["Block"] = {"trainable": True}
ann = gf.ann


class BlockGraph(gf.Graph):
    """gf.Graph with @MultiHeadAttention and @Block; `blocks` maps a block's key to its declaration."""

    def __init__(self, blocks):
        super().__init__()
        self.blocks = blocks

    def add(self, field):
        a0 = field["annotations"][0]
        if a0["type"] not in ("Block", "MultiHeadAttention"):
            return super().add(field)
        name = field["name"]
        if "from" in field:
            srcs = [self.ref(r) for r in field["from"]]
        else:
            srcs = [self.tensors[self.fields[-1]["name"]][0]]
        f = gf.full(a0)
        try:
            if a0["type"] == "MultiHeadAttention":
                layer = layers.MultiHeadAttention(f["numHeads"], f["keyDim"], name=name)
                out = layer(srcs[0], srcs[1], key=srcs[2] if len(srcs) > 2 else None)
            else:
                inner = build_block(self.blocks, f["value"], name)
                if not f["trainable"]:
                    inner.trainable = False
                out = inner(srcs if len(srcs) != 1 else srcs[0])
        except Exception as e:  # Keras refused this field
            raise gf.Refused(name, e)
        self.tensors[name] = list(out) if isinstance(out, (list, tuple)) else [out]
        self.fields.append(field)


def build_block(blocks, key, name):
    """The block `key` as a Keras functional model named after the field that uses it."""
    g = BlockGraph(blocks)
    for f in blocks[key]["fields"]:
        g.add(f)
    return g.model(name)


def build_model(fields, blocks, class_name):
    g = BlockGraph(blocks)
    for f in fields:
        g.add(f)
    try:
        return g.model(class_name)
    except Exception as e:
        raise gf.Refused(None, e)


# ---------------------------------------------------------------------------------------------
# Random declarations
# ---------------------------------------------------------------------------------------------
WIDTHS = [1, 2, 3, 4, 5, 6, 8, 12, 16, 24, 32]


class Decl:
    """A field list with unique names; `frm` is left out when it is the previous field."""

    def __init__(self):
        self.fields = []
        self.names = set()

    def add(self, base, annotation, frm=None):
        name, i = base, 2
        while name in self.names:
            name, i = "%s%d" % (base, i), i + 1
        self.names.add(name)
        field = {"name": name, "annotations": [annotation]}
        prev = self.fields[-1]["name"] if self.fields else None
        if frm is not None and not (len(frm) == 1 and frm[0] == prev and annotation["type"] != "Input"):
            field["from"] = list(frm)
        self.fields.append(field)
        return name


def seq_input(decl, base, length, width):
    return decl.add(base, ann("Input", shape=[length, width]))


class Block:
    """A random inner model: its declaration, its inputs (length, width or 'ids'), its outputs."""

    def __init__(self, rng, inner=None):
        self.rng = rng
        self.decl = Decl()
        self.inputs = []  # (length, width) with width None for token ids
        self.n_outputs = 0
        self.nested = inner
        self.build()

    def build(self):
        r, d = self.rng, self.decl
        k = r.choice([1, 2, 2, 3]) if self.nested is None else len(self.nested.inputs)
        length = r.choice([-1, -1, r.randint(2, 12)])
        width = r.choice(WIDTHS)
        names = []
        for i in range(k):
            if self.nested is not None:
                ln, w = self.nested.inputs[i]
                ln = length if ln == -1 else ln
                if w is None:
                    names.append(d.add("ids", ann("Input", shape=[ln], dtype="int32")))
                else:
                    names.append(self._input(i, ln, w))
                self.inputs.append((ln, w))
                continue
            if i == 0 and r.random() < 0.2:  # token ids
                names.append(d.add("ids", ann("Input", shape=[length], dtype="int32")))
                self.inputs.append((length, None))
                continue
            w = width if r.random() < 0.6 else r.choice(WIDTHS)
            names.append(self._input(i, length, w))
            self.inputs.append((length, w))
        dim = r.choice(WIDTHS[2:])
        streams = []
        if self.nested is not None:
            call = d.add("inner", ann("Block", value=self.nested.key), names)
            outs = ["%s[%d]" % (call, j) for j in range(self.nested.n_outputs)]
            streams = [d.add("proj", ann("Dense", units=dim), [o]) for o in outs if self.nested.rank3(o)]
            if not streams:
                streams = [d.add("proj", ann("Dense", units=dim), [outs[0]])]
                self.trunk_is_vector = True
        else:
            for i, n in enumerate(names):
                if self.inputs[i][1] is None:
                    streams.append(d.add("embed", ann("Embedding", inputDim=r.choice([50, 100, 1000]), outputDim=dim), [n]))
                elif self.inputs[i][1] == dim and r.random() < 0.5:
                    streams.append(n)
                else:
                    streams.append(d.add("proj", ann("Dense", units=dim), [n]))
        vector = getattr(self, "trunk_is_vector", False)
        if len(streams) == 1:
            x = streams[0]
        else:
            how = r.choice(["Concatenate", "Add", "MultiHeadAttention"] if not vector else ["Concatenate", "Add"])
            if how == "MultiHeadAttention":
                x = d.add("attention", ann("MultiHeadAttention", numHeads=r.choice([1, 2, 4]),
                                           keyDim=r.choice([2, 4, 8])), streams[:2])
                if len(streams) > 2:
                    x = d.add("add", ann("Add"), [x] + streams[2:])
            else:
                x = d.add(how.lower(), ann(how), streams)
                if how == "Concatenate":
                    dim = dim * len(streams)
        for _ in range(r.randint(0, 2)):
            kind = r.choice(["Dense", "LayerNormalization", "Dropout"] + ([] if vector else ["Lstm", "Gru"]))
            if kind == "Dense":
                dim = r.choice(WIDTHS[2:])
                x = d.add("dense", ann("Dense", units=dim), [x])
            elif kind == "LayerNormalization":
                x = d.add("norm", ann("LayerNormalization"), [x])
            elif kind == "Dropout":
                x = d.add("dropout", ann("Dropout", rate=r.choice([0.1, 0.5])), [x])
            else:
                dim = r.choice(WIDTHS[2:])
                x = d.add(kind.lower(), ann(kind, units=dim, returnSequences=True), [x])
        self.kinds = {}
        for _ in range(r.choice([1, 1, 2, 2, 3])):
            kind = r.choice(["Dense", "Pool", "Lstm", "LstmState", "GruState"] if not vector else ["Dense"])
            if kind == "Dense":
                o = d.add("head", ann("Dense", units=r.choice(WIDTHS)), [x])
                self._outputs(o, 1, not vector)
            elif kind == "Pool":
                o = d.add("pool", ann("GlobalAveragePooling1d"), [x])
                self._outputs(o, 1, False)
            elif kind == "Lstm":
                o = d.add("summary", ann("Lstm", units=r.choice(WIDTHS)), [x])
                self._outputs(o, 1, False)
            elif kind == "LstmState":
                seqs = r.random() < 0.5
                o = d.add("encoder", ann("Lstm", units=r.choice(WIDTHS), returnSequences=seqs, returnState=True), [x])
                self._outputs(o, 3, seqs)
            else:
                seqs = r.random() < 0.5
                o = d.add("gru", ann("Gru", units=r.choice(WIDTHS), returnSequences=seqs, returnState=True), [x])
                self._outputs(o, 2, seqs)

    def _input(self, i, length, width):
        return seq_input(self.decl, "x" if i == 0 else "y" if i == 1 else "z", length, width)

    def _outputs(self, field, n, first_is_sequence):
        for j in range(n):
            self.kinds[self.n_outputs] = first_is_sequence and j == 0
            self.n_outputs += 1

    def rank3(self, ref):
        return self.kinds[int(ref[ref.index("[") + 1:-1])]


def outer_model(rng, fault=None):
    """An outer model calling one block (or two instances, or a block inside a block)."""
    blocks = {}
    core = Block(rng)
    core.key = rng.choice(["core", "encoder_block", "mixer", "tower"])
    blocks[core.key] = {"class": "Functional", "fields": core.decl.fields}
    used = core
    nested = rng.random() < 0.25
    if nested:
        outer_block = Block(rng, inner=core)
        outer_block.key = "wrapper"
        blocks[outer_block.key] = {"class": "Functional", "fields": outer_block.decl.fields}
        used = outer_block
    d = Decl()
    names = []
    known = rng.randint(2, 12) if rng.random() < 0.5 else -1  # a length the block leaves unknown
    for i, (length, width) in enumerate(used.inputs):
        actual = length if length != -1 else known
        base = "tokens" if width is None else "a" if i == 0 else "b" if i == 1 else "c"
        if width is None:
            names.append(d.add(base, ann("Input", shape=[actual], dtype="int32")))
        elif rng.random() < 0.25:  # a projection before the block
            n = d.add(base, ann("Input", shape=[actual, rng.choice(WIDTHS)]))
            names.append(d.add("pre", ann("Dense", units=width), [n]))
        else:
            names.append(d.add(base, ann("Input", shape=[actual, width])))
    kind = "nested" if nested else "block"
    frm = list(names)
    if fault == "count":
        if len(frm) > 1 and rng.random() < 0.6:
            frm = frm[:-1]
        else:
            frm = frm + [frm[0]]
    elif fault in ("shape", "unknown", "width1"):
        i = rng.randrange(len(used.inputs))
        length, width = used.inputs[i]
        if fault == "unknown" and length == -1:
            return None
        if fault in ("shape", "width1") and width in (None, 1):
            return None
        if fault == "width1":
            bad = [length, 1]
        elif fault == "shape":
            bad = [length, rng.choice([w for w in WIDTHS if w not in (1, width)])]
            if length != -1 and rng.random() < 0.3:
                bad = [length + rng.randint(1, 4), width]
        else:
            bad = [-1] if width is None else [-1, width]
        extra = d.add("wrong", ann("Input", shape=bad, dtype="int32") if width is None else ann("Input", shape=bad))
        frm[i] = extra
    trainable = rng.random() > 0.2
    attrs = {"value": used.key} if trainable else {"value": used.key, "trainable": False}
    call = d.add("block" if rng.random() < 0.5 else used.key, ann("Block", **attrs), frm)
    calls = [call]
    if fault is None and rng.random() < 0.25:  # a second instance of the same block
        kind += "-twice"
        calls.append(d.add(call + "_2", ann("Block", value=used.key), names))
    if fault is None and rng.random() < 0.15:
        return kind + "-outputs", d.fields, blocks  # the block's tensors are the model's outputs
    pooled = []
    for c in calls:
        for j in range(used.n_outputs):
            if rng.random() < 0.25 and j > 0:
                continue  # a tensor nobody takes
            ref = "%s[%d]" % (c, j)
            pooled.append(d.add("pool", ann("GlobalAveragePooling1d"), [ref]) if used.rank3(ref) else ref)
    x = pooled[0] if len(pooled) == 1 else d.add("merge", ann("Concatenate"), pooled)
    d.add("out", ann("Dense", units=rng.choice(WIDTHS)), [x])
    return kind, d.fields, blocks


def record(mid, kind, fields, blocks):
    """Measure one declaration in a fresh session."""
    keras.backend.clear_session()
    entry = {"id": mid, "className": mid[0].upper() + mid[1:], "kind": kind, "fields": fields, "blocks": blocks}
    try:
        with no_init():
            model = build_model(fields, blocks, entry["className"])
    except gf.Refused as r:
        entry["refused"] = {"field": r.field, "keras": gf.first_line(r.exc)}
        return entry
    with no_init():
        entry["expected"] = gf.measure(model)
    return entry


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--count", type=int, default=130)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    plans = ["count"] * 16 + ["shape"] * 16 + ["unknown"] * 6 + ["width1"] * 4
    plans += [None] * (args.count - len(plans))
    random.Random(args.seed).shuffle(plans)
    models = []
    warnings = []
    for i, fault in enumerate(plans):
        mid = "b%04d" % (i + 1)
        for attempt in range(40):
            rng = random.Random("%d/%d/%d" % (args.seed, i, attempt))
            got = outer_model(rng, fault)
            if got is None:
                continue
            kind, fields, blocks = got
            if fault == "unknown":
                kind = "keras-accepts-unknown-length"
            elif fault == "width1":
                kind = "keras-accepts-width-1"
            elif fault is not None:
                kind = "refused-" + fault
            entry = record(mid, kind, json.loads(json.dumps(fields)), json.loads(json.dumps(blocks)))
            if (fault in (None, "unknown", "width1")) != ("expected" in entry):
                warnings.append("%s attempt %d: %s, Keras %s" % (mid, attempt, kind, entry.get("refused")))
                continue
            models.append(entry)
            break
        else:
            raise SystemExit("model %s: no declaration after 40 attempts" % mid)
        if (i + 1) % 50 == 0:
            print("%d models" % (i + 1), file=sys.stderr)
    gf.write_corpus("tools/corpus/blocks/keras_blocks.py", args, models)
    kinds = {}
    for m in models:
        kinds[m["kind"]] = kinds.get(m["kind"], 0) + 1
    print("models: %d, %s" % (len(models), json.dumps(kinds, sort_keys=True)), file=sys.stderr)
    for w in warnings:
        print("warning: " + w, file=sys.stderr)


if __name__ == "__main__":
    main()
