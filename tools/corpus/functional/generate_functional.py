#!/usr/bin/env python3
"""Keras 3 golden corpus for paramcheck's functional models (issue 18).

Writes processor/src/test/resources/corpus/functional.json: random functional models declared in
paramcheck's annotation vocabulary (fields with annotations, `from`, `initialState`), each built
by Keras 3 itself (JAX backend) exactly as the declaration means, with what Keras reports:
totals, the summary rows in Keras's order and the exact text of model.summary() at 76 and 108
columns; or, for a model Keras refuses, the field being built when Keras raised and its message.

No number here comes from a formula: every count, shape, row and text is read from Keras.

    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/functional/generate_functional.py \
        --seed 18 --count 480

Two passes per model: a *generation* pass picks random fields and lets Keras accept or reject
each candidate field (a rejected candidate of a model meant to be valid is simply replaced by
another one); then a *measurement* pass starts a fresh Keras session
(keras.backend.clear_session(), which also resets the automatic names such as `input_layer`,
`not_equal`, `get_item`) and builds the model again from the recorded declaration alone, through
the same interpreter (`build_model`). Only the measurement pass is recorded.
"""
import argparse
import contextlib
import io
import json
import os
import random
import re
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(ROOT, "processor", "src", "test", "resources", "corpus", "functional.json")

# Optional TensorFlow for TextVectorization (Keras 3's TextVectorization needs TF). A --no-deps
# install into a side directory keeps the shared venv untouched; see tools/corpus/README.md.
TF_PATHS = [p for p in os.environ.get("PARAMCHECK_TF_PATH", "").split(os.pathsep) if p]
sys.path[:0] = TF_PATHS

import keras  # noqa: E402
from keras import layers, ops  # noqa: E402
import rich.text  # noqa: E402
from keras.src.utils import summary_utils  # noqa: E402
from keras.src.backend.common.stateless_scope import StatelessScope  # noqa: E402


def no_init():
    """Build without materializing weights: inside a StatelessScope Keras defers every variable's
    initializer (shape and dtype are set, the value is not), and initialize_variables=False keeps
    it deferred on exit. The counts and the summary only read shapes. Under JAX each random
    initializer otherwise costs an XLA compile per weight shape (~0.3 s each here)."""
    return StatelessScope(initialize_variables=False)

# ---------------------------------------------------------------------------------------------
# paramcheck annotations: element defaults (Java names). Only non-default attributes are written.
# ---------------------------------------------------------------------------------------------
RNN_DEFAULTS = {"features": -1, "timesteps": -1, "useBias": True, "returnSequences": False,
                "returnState": False, "trainable": True}
DEFAULTS = {
    "Input": {"features": -1, "timesteps": -1, "shape": [], "dtype": "float32"},
    "Dense": {"features": -1, "timesteps": -1, "useBias": True, "trainable": True},
    "Embedding": {"timesteps": -1, "trainable": True, "maskZero": False},
    "SimpleRnn": dict(RNN_DEFAULTS),
    "Lstm": dict(RNN_DEFAULTS),
    "Gru": dict(RNN_DEFAULTS, resetAfter=True),
    "Bidirectional": {"merge": "CONCAT"},
    "TimeDistributed": {},
    "Conv1d": {"strides": 1, "padding": "VALID", "dilationRate": 1, "groups": 1, "useBias": True,
               "trainable": True, "features": -1, "timesteps": -1},
    "MaxPooling1d": {"poolSize": 2, "strides": -1, "padding": "VALID"},
    "AveragePooling1d": {"poolSize": 2, "strides": -1, "padding": "VALID"},
    "GlobalMaxPooling1d": {}, "GlobalAveragePooling1d": {}, "Flatten": {},
    "Dropout": {}, "SpatialDropout1d": {}, "GaussianNoise": {},
    "BatchNormalization": {"center": True, "scale": True, "trainable": True},
    "LayerNormalization": {"center": True, "scale": True, "trainable": True},
    "RepeatVector": {}, "Masking": {"maskValue": 0.0, "features": -1, "timesteps": -1},
    "Activation": {},
    "Concatenate": {"axis": -1}, "Add": {}, "Subtract": {}, "Multiply": {}, "Average": {},
    "Maximum": {}, "Minimum": {}, "Dot": {"normalize": False},
    "Op": {"outputShape": []},
    "Reshape": {}, "Permute": {}, "Lambda": {},
    "TextVectorization": {"outputSequenceLength": -1},
    "Conv2d": {"strides": [1, 1], "padding": "VALID", "useBias": True},
    "MaxPooling2d": {"poolSize": [2, 2], "strides": [], "padding": "VALID"},
    "AveragePooling2d": {"poolSize": [2, 2], "strides": [], "padding": "VALID"},
    "GlobalMaxPooling2d": {}, "GlobalAveragePooling2d": {},
    "ZeroPadding1d": {"padding": [1]}, "Cropping1d": {"cropping": [1]}, "UpSampling1d": {"size": 2},
}
MERGES = {"Concatenate": layers.Concatenate, "Add": layers.Add, "Subtract": layers.Subtract,
          "Multiply": layers.Multiply, "Average": layers.Average, "Maximum": layers.Maximum,
          "Minimum": layers.Minimum, "Dot": layers.Dot}
RNNS = {"SimpleRnn": layers.SimpleRNN, "Lstm": layers.LSTM, "Gru": layers.GRU}
N_STATES = {"SimpleRnn": 1, "Lstm": 2, "Gru": 1}


def ann(type_, **attrs):
    """One annotation; attributes equal to the Java default are left out (as a user writes it)."""
    d = DEFAULTS[type_]
    kept = {k: v for k, v in attrs.items() if not (k in d and d[k] == v)}
    return {"type": type_, "attrs": kept}


def full(a):
    return dict(DEFAULTS[a["type"]], **a["attrs"])


# ---------------------------------------------------------------------------------------------
# The interpreter: declaration -> Keras model. This is what a paramcheck user means.
# ---------------------------------------------------------------------------------------------
class Refused(Exception):
    def __init__(self, field, exc):
        super().__init__(str(exc))
        self.field = field
        self.exc = exc


def parse_ref(ref):
    m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?", ref)
    return m.group(1), int(m.group(2) or 0)


def pad_pair(v):
    return (v[0], v[0]) if len(v) == 1 else (v[0], v[1])


def make_layer(anns, name):
    """The Keras layer for a field's annotations (wrapper first), named after the field."""
    a = anns[0]
    t, f = a["type"], full(a)
    if t == "Bidirectional":
        inner = make_layer(anns[1:], "inner_" + name)
        return layers.Bidirectional(inner, merge_mode=f["merge"].lower(), name=name)
    if t == "TimeDistributed":
        inner = make_layer(anns[1:], "inner_" + name)
        return layers.TimeDistributed(inner, name=name)
    if t == "Dense":
        return layers.Dense(f["units"], use_bias=f["useBias"], trainable=f["trainable"], name=name)
    if t == "Embedding":
        return layers.Embedding(f["inputDim"], f["outputDim"], mask_zero=f["maskZero"],
                                trainable=f["trainable"], name=name)
    if t in RNNS:
        kw = dict(use_bias=f["useBias"], return_sequences=f["returnSequences"],
                  return_state=f["returnState"], trainable=f["trainable"], name=name)
        if t == "Gru":
            kw["reset_after"] = f["resetAfter"]
        return RNNS[t](f["units"], **kw)
    if t == "Conv1d":
        return layers.Conv1D(f["filters"], f["kernelSize"], strides=f["strides"],
                             padding=f["padding"].lower(), dilation_rate=f["dilationRate"],
                             groups=f["groups"], use_bias=f["useBias"], trainable=f["trainable"],
                             name=name)
    if t in ("MaxPooling1d", "AveragePooling1d"):
        cls = layers.MaxPooling1D if t == "MaxPooling1d" else layers.AveragePooling1D
        return cls(f["poolSize"], strides=None if f["strides"] == -1 else f["strides"],
                   padding=f["padding"].lower(), name=name)
    if t == "Conv2d":
        return layers.Conv2D(f["filters"], tuple(f["kernelSize"]), strides=tuple(f["strides"]),
                             padding=f["padding"].lower(), use_bias=f["useBias"], name=name)
    if t in ("MaxPooling2d", "AveragePooling2d"):
        cls = layers.MaxPooling2D if t == "MaxPooling2d" else layers.AveragePooling2D
        return cls(tuple(f["poolSize"]), strides=tuple(f["strides"]) if f["strides"] else None,
                   padding=f["padding"].lower(), name=name)
    simple = {"GlobalMaxPooling1d": layers.GlobalMaxPooling1D,
              "GlobalAveragePooling1d": layers.GlobalAveragePooling1D,
              "GlobalMaxPooling2d": layers.GlobalMaxPooling2D,
              "GlobalAveragePooling2d": layers.GlobalAveragePooling2D,
              "Flatten": layers.Flatten}
    if t in simple:
        return simple[t](name=name)
    if t == "Dropout":
        return layers.Dropout(f["rate"], name=name)
    if t == "SpatialDropout1d":
        return layers.SpatialDropout1D(f["rate"], name=name)
    if t == "GaussianNoise":
        return layers.GaussianNoise(f["stddev"], name=name)
    if t == "BatchNormalization":
        return layers.BatchNormalization(center=f["center"], scale=f["scale"],
                                         trainable=f["trainable"], name=name)
    if t == "LayerNormalization":
        return layers.LayerNormalization(center=f["center"], scale=f["scale"],
                                         trainable=f["trainable"], name=name)
    if t == "RepeatVector":
        return layers.RepeatVector(f["n"], name=name)
    if t == "Masking":
        return layers.Masking(mask_value=f["maskValue"], name=name)
    if t == "Activation":
        return layers.Activation(f["value"], name=name)
    if t == "Reshape":
        return layers.Reshape(tuple(f["targetShape"]), name=name)
    if t == "Permute":
        return layers.Permute(tuple(f["dims"]), name=name)
    if t == "ZeroPadding1d":
        return layers.ZeroPadding1D(padding=pad_pair(f["padding"]), name=name)
    if t == "Cropping1d":
        return layers.Cropping1D(cropping=pad_pair(f["cropping"]), name=name)
    if t == "UpSampling1d":
        return layers.UpSampling1D(size=f["size"], name=name)
    if t == "TextVectorization":
        seq = f["outputSequenceLength"]
        return layers.TextVectorization(max_tokens=f["maxTokens"],
                                        output_sequence_length=None if seq == -1 else seq,
                                        name=name)
    if t in MERGES:
        if t == "Concatenate":
            return layers.Concatenate(axis=f["axis"], name=name)
        if t == "Dot":
            axes = f["axes"]
            return layers.Dot(axes=axes[0] if len(axes) == 1 else tuple(axes),
                              normalize=f["normalize"], name=name)
        return MERGES[t](name=name)
    raise SystemExit("unknown annotation %r" % t)


def implicit_input_shape(a):
    """Today's sequential form: the first layer's features/timesteps declare the input."""
    f = full(a)
    ts = None if f.get("timesteps", -1) == -1 else f["timesteps"]
    if a["type"] == "Embedding":
        return (ts,)
    if a["type"] == "Dense" and ts is None:
        return (f["features"],)
    return (ts, f["features"])


def input_shape(f):
    if f["shape"]:
        return tuple(None if d == -1 else d for d in f["shape"])
    return (None if f["timesteps"] == -1 else f["timesteps"], f["features"])


class Graph:
    """Builds a declaration field by field (the tensors of each field by name)."""

    def __init__(self):
        self.tensors = {}
        self.inputs = []
        self.fields = []
        self.implicit = None

    def ref(self, r):
        n, i = parse_ref(r)
        return self.tensors[n][i]

    def add(self, field):
        name, anns = field["name"], field["annotations"]
        a0 = anns[0]
        if a0["type"] == "Input":
            f = full(a0)
            t = keras.Input(shape=input_shape(f), dtype=f["dtype"], name=name)
            self.inputs.append(t)
            self.tensors[name] = [t]
            self.fields.append(field)
            return
        if "from" in field:
            srcs = [self.ref(r) for r in field["from"]]
        elif not self.fields:
            inner = anns[-1] if anns[0]["type"] in ("Bidirectional", "TimeDistributed") else anns[0]
            kw = {"dtype": "string"} if inner["type"] == "TextVectorization" else {}
            if inner["type"] == "TextVectorization":
                t = keras.Input(shape=(1,), **kw)
            else:
                t = keras.Input(shape=implicit_input_shape(inner))
            self.implicit = t
            self.inputs.append(t)
            srcs = [t]
        else:
            prev = self.tensors[self.fields[-1]["name"]]
            if len(prev) != 1:
                raise SystemExit("%s: `from` omitted after a multi-output field" % name)
            srcs = [prev[0]]
        try:
            if a0["type"] == "Op":
                out = eval(field["python"], {"keras": keras, "ops": ops}, {"x": srcs[0]})
            elif a0["type"] == "Lambda":
                fn = eval(field["python"], {"keras": keras, "ops": ops})
                shape = tuple(None if d == -1 else d for d in full(a0)["outputShape"])
                out = layers.Lambda(fn, output_shape=shape, name=name)(srcs[0])
            else:
                layer = make_layer(anns, name)
                if a0["type"] in MERGES:
                    out = layer(srcs)
                elif "initialState" in field:
                    out = layer(srcs[0], initial_state=[self.ref(r) for r in field["initialState"]])
                else:
                    if len(srcs) != 1:
                        raise SystemExit("%s: %d inputs for a one-input layer" % (name, len(srcs)))
                    out = layer(srcs[0])
        except SystemExit:
            raise
        except Exception as e:  # Keras refused this field
            raise Refused(name, e)
        self.tensors[name] = list(out) if isinstance(out, (list, tuple)) else [out]
        self.fields.append(field)

    def outputs(self):
        used = set()
        for f in self.fields:
            for r in f.get("from", []) + f.get("initialState", []):
                used.add(parse_ref(r)[0])
        # an omitted `from` takes the previous field's output
        for i, f in enumerate(self.fields):
            if i > 0 and "from" not in f and f["annotations"][0]["type"] != "Input":
                used.add(self.fields[i - 1]["name"])
        outs = []
        for f in self.fields:
            if f["name"] not in used and f["annotations"][0]["type"] != "Input":
                outs.extend(self.tensors[f["name"]])
        return outs

    def model(self, class_name):
        ins, outs = self.inputs, self.outputs()
        return keras.Model(inputs=ins[0] if len(ins) == 1 else ins,
                           outputs=outs[0] if len(outs) == 1 else outs, name=class_name)


def build_model(fields, class_name):
    g = Graph()
    for f in fields:
        g.add(f)
    try:
        return g.model(class_name)
    except Exception as e:
        raise Refused(None, e)


# ---------------------------------------------------------------------------------------------
# Measuring: what Keras reports.
# ---------------------------------------------------------------------------------------------
def plain(markup):
    return rich.text.Text.from_markup(markup).plain


def connections(layer, relevant_nodes):
    """summary_utils.print_summary's get_connections (keras 3.15.1), without the colour markup."""
    out = ""
    for node in layer._inbound_nodes:
        if relevant_nodes and node not in relevant_nodes:
            continue
        for kt in node.input_tensors:
            h = kt._keras_history
            if out:
                out += ", "
            out += "%s[%d][%d]" % (h.operation.name, h.node_index, h.tensor_index)
    return out or "-"


def count(weights):
    return int(summary_utils.count_params(weights))


def summary_text(model, line_length, columns):
    """model.summary() as written to a non-terminal stdout whose width rich takes from COLUMNS."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(columns)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            model.summary(line_length=line_length)
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return buf.getvalue()


def measure(model):
    relevant = [n for v in model._nodes_by_depth.values() for n in v]
    rows = []
    for op in model._operations:
        if not hasattr(op, "built"):
            params = 0
        else:
            params = op.count_params() if op.built else 0
        rows.append({"name": op.name, "class": op.__class__.__name__, "params": int(params),
                     "output": plain(summary_utils.format_layer_shape(op)),
                     "connectedTo": connections(op, relevant)})
    trainable = count(model.trainable_weights)
    non_trainable = count(model.non_trainable_weights)
    return {"total": trainable + non_trainable, "trainable": trainable,
            "nonTrainable": non_trainable, "rows": rows,
            "summary76": summary_text(model, 76, 80),
            "summary108": summary_text(model, 108, 112)}


def first_line(e):
    """The first line of Keras's message. When Keras wraps an error raised inside a layer's
    call ("Exception encountered when calling X.call()." then the original message in bold),
    the first line of the wrapped message is taken instead, without the ANSI bold codes."""
    s = re.sub(r"\x1b\[[0-9;]*m", "", str(e)).strip()
    lines = [ln.strip() for ln in s.split("\n") if ln.strip()]
    if not lines:
        return type(e).__name__
    if lines[0].startswith("Exception encountered when calling") and len(lines) > 1:
        return lines[1]
    return lines[0]


def record(mid, kind, fields, intent=None, extra=None):
    """Measure one declaration in a fresh session. intent = (field, attribute) if meant to fail."""
    keras.backend.clear_session()
    entry = {"id": mid, "className": mid[0].upper() + mid[1:], "kind": kind, "fields": fields}
    if extra:
        entry.update(extra)
    try:
        with no_init():
            model = build_model(fields, entry["className"])
    except Refused as r:
        field = r.field
        attribute = intent[1] if intent and intent[0] == field else None
        entry["refused"] = {"field": field, "attribute": attribute, "keras": first_line(r.exc)}
        if intent is None:
            WARN.append("%s: meant valid but Keras refused %s: %s" % (mid, field, first_line(r.exc)))
        elif intent[0] != field:
            WARN.append("%s: meant to fail at %s, failed at %s" % (mid, intent[0], field))
        return entry
    with no_init():
        entry["expected"] = measure(model)
    if intent is not None:
        entry["kind"] = "keras-accepts-" + kind.replace("refused-", "", 1)
        WARN.append("%s: meant to fail at %s.%s but Keras accepted it" % (mid, *intent))
    return entry


WARN = []


# ---------------------------------------------------------------------------------------------
# Random declarations. Keras accepts or rejects each candidate field during generation.
# ---------------------------------------------------------------------------------------------
SIZES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64]
ACTS = ["relu", "tanh", "sigmoid", "softmax", "linear", "elu", "gelu", "swish"]


class Gen:
    """One model being generated: a live Graph plus field naming."""

    def __init__(self, rng):
        self.rng = rng
        self.g = Graph()
        self.used = set()

    # -- helpers -----------------------------------------------------------------------------
    def name(self, base):
        n, i = base, 2
        while n in self.used:
            n, i = "%s%d" % (base, i), i + 1
        self.used.add(n)
        return n

    def size(self, lo=1, hi=64):
        return self.rng.choice([s for s in SIZES if lo <= s <= hi])

    def chance(self, p):
        return self.rng.random() < p

    def shape(self, ref):
        return tuple(self.g.ref(ref).shape)

    def last(self):
        return self.g.fields[-1]["name"]

    def try_field(self, base, anns, frm=None, initial=None, python=None, implicit_from=True):
        """Add a field if Keras accepts it; the name is only taken on success."""
        name = self.name(base)
        field = {"name": name, "annotations": anns}
        if frm is not None:
            field["from"] = list(frm)
        if initial is not None:
            field["initialState"] = list(initial)
        if python is not None:
            field["python"] = python
        try:
            self.g.add(field)
        except Refused:
            self.used.discard(name)
            return None
        return name

    def field(self, base, anns, frm=None, initial=None, python=None):
        """Add a field that must be accepted (the template guarantees it)."""
        n = self.try_field(base, anns, frm, initial, python)
        if n is None:
            raise Retry()
        return n

    def inp(self, base, shape, dtype="float32"):
        if len(shape) == 2 and self.chance(0.4):
            a = ann("Input", timesteps=shape[0], features=shape[1])
        else:
            a = ann("Input", shape=list(shape), dtype=dtype)
        return self.field(base, [a])

    def rnn(self, units=None, bidi=None, **kw):
        t = kw.pop("type", None) or self.rng.choice(["Lstm", "Gru", "SimpleRnn"])
        attrs = {"units": units or self.size(2, 32)}
        if t == "Gru" and self.chance(0.2):
            attrs["resetAfter"] = False
        if self.chance(0.1):
            attrs["useBias"] = False
        attrs.update(kw)
        a = [ann(t, **attrs)]
        if bidi:
            a.insert(0, ann("Bidirectional", merge=bidi))
        return a

    def merge_mode(self):
        return self.rng.choice(["CONCAT", "CONCAT", "SUM", "AVE", "MUL"])

    # -- one random step on a tensor of known rank ---------------------------------------------
    def candidates(self, shp):
        r, rng = len(shp), self.rng
        c = []
        if r == 2:
            c += [lambda: ("dense", [ann("Dense", units=self.size(), useBias=self.chance(0.85))], None),
                  lambda: ("dropout", [ann("Dropout", rate=rng.choice([0.1, 0.2, 0.25, 0.5]))], None),
                  lambda: ("norm", [ann("BatchNormalization", center=self.chance(0.9),
                                        trainable=self.chance(0.9))], None),
                  lambda: ("layerNorm", [ann("LayerNormalization", scale=self.chance(0.9))], None),
                  lambda: ("act", [ann("Activation", value=rng.choice(ACTS))], None),
                  lambda: ("noise", [ann("GaussianNoise", stddev=rng.choice([0.1, 0.5]))], None),
                  lambda: ("repeat", [ann("RepeatVector", n=self.size(2, 12))], None),
                  lambda: ("expand", [ann("Op", type="ExpandDims", outputShape=[-1 if d is None else d for d in (shp[1:2] + (1,) if rng.random() < 0.5 else (1,) + shp[1:2])])],
                           None)]
            if shp[1] is not None and shp[1] % 2 == 0 and shp[1] > 2:
                c.append(lambda: ("reshape", [ann("Reshape", targetShape=rng.choice([[-1, 2], [shp[1] // 2, -1], [shp[1] // 2, 2]]))], None))
        elif r == 3:
            c += [lambda: ("rnn", self.rnn(returnSequences=True, bidi=self.merge_mode() if self.chance(0.3) else None), None),
                  lambda: ("conv", [ann("Conv1d", filters=self.size(1, 32), kernelSize=rng.choice([1, 2, 3, 5]),
                                        strides=rng.choice([1, 1, 2]), padding=rng.choice(["VALID", "SAME", "CAUSAL"]),
                                        useBias=self.chance(0.9))], None),
                  lambda: ("pool", [ann(rng.choice(["MaxPooling1d", "AveragePooling1d"]), poolSize=rng.choice([2, 3]),
                                        strides=rng.choice([-1, 1, 2]), padding=rng.choice(["VALID", "SAME"]))], None),
                  lambda: ("pad", [ann("ZeroPadding1d", padding=rng.choice([[1], [2], [1, 3], [0, 2]]))], None),
                  lambda: ("crop", [ann("Cropping1d", cropping=rng.choice([[1], [1, 0], [0, 2], [2, 1]]))], None),
                  lambda: ("up", [ann("UpSampling1d", size=rng.choice([2, 2, 3]))], None),
                  lambda: ("layerNorm", [ann("LayerNormalization")], None),
                  lambda: ("norm", [ann("BatchNormalization", trainable=self.chance(0.9))], None),
                  lambda: ("dropout", [ann(rng.choice(["Dropout", "SpatialDropout1d"]), rate=0.2)], None),
                  lambda: ("timeDense", [ann("TimeDistributed"), ann("Dense", units=self.size())], None),
                  lambda: ("dense", [ann("Dense", units=self.size())], None),
                  lambda: ("permute", [ann("Permute", dims=[2, 1])], None),
                  lambda: ("scaled", [ann("Lambda", outputShape=[-1 if d is None else d for d in shp[1:]])], "lambda x: x * 2.0"),
                  lambda: ("act", [ann("Activation", value=rng.choice(ACTS))], None)]
            if shp[1] is not None and shp[2] is not None:
                c.append(lambda: ("reshape", [ann("Reshape", targetShape=rng.choice([[-1], [shp[2], shp[1]], [-1, shp[1] * shp[2]], [shp[1] * shp[2], 1]]))], None))
        elif r == 4:
            c += [lambda: ("conv", [ann("Conv2d", filters=self.size(1, 32), kernelSize=rng.choice([[1, 1], [3, 3], [2, 2], [3, 1]]),
                                        strides=rng.choice([[1, 1], [1, 1], [2, 2], [1, 2]]), padding=rng.choice(["VALID", "SAME"]),
                                        useBias=self.chance(0.9))], None),
                  lambda: ("pool", [ann(rng.choice(["MaxPooling2d", "AveragePooling2d"]), poolSize=rng.choice([[2, 2], [3, 3], [2, 1]]),
                                        strides=rng.choice([[], [], [1, 1], [2, 2]]), padding=rng.choice(["VALID", "SAME"]))], None),
                  lambda: ("norm", [ann("BatchNormalization")], None),
                  lambda: ("dense", [ann("Dense", units=self.size(1, 16))], None),
                  lambda: ("dropout", [ann("Dropout", rate=0.3)], None),
                  lambda: ("act", [ann("Activation", value="relu")], None)]
        return c

    def reducers(self, shp):
        r, rng = len(shp), self.rng
        if r == 3:
            c = [lambda: ("rnn", self.rnn(bidi=self.merge_mode() if self.chance(0.3) else None), None),
                 lambda: ("pool", [ann(rng.choice(["GlobalMaxPooling1d", "GlobalAveragePooling1d"]))], None),
                 lambda: ("last", [ann("Op", type="GetItem", outputShape=[-1 if shp[2] is None else shp[2]])], rng.choice(["x[:, -1]", "x[:, 0]"]))]
            if shp[1] is not None:
                c.append(lambda: ("flat", [ann("Flatten")], None))
            return c
        if r == 4:
            return [lambda: ("flat", [ann("Flatten")], None),
                    lambda: ("pool", [ann(rng.choice(["GlobalMaxPooling2d", "GlobalAveragePooling2d"]))], None)]
        return []

    def step(self, src=None, reduce=False, tries=12):
        """One random field on `src` (default: the previous field, `from` omitted)."""
        for _ in range(tries):
            shp = self.shape(src or self.last())
            cands = self.reducers(shp) if reduce else self.candidates(shp)
            if not cands:
                return None
            base, anns, python = self.rng.choice(cands)()
            if anns[0]["type"] == "Op" and python is None:
                python = self.op_python(anns[0], shp)
            n = self.try_field(base, anns, frm=[src] if src else None, python=python)
            if n:
                return n
        return None

    def op_python(self, a, shp):
        if a["attrs"]["type"] == "ExpandDims":
            axis = 1 if a["attrs"]["outputShape"][0] == 1 else -1
            return "keras.ops.expand_dims(x, axis=%d)" % axis
        return "x[:, -1]"

    def chain(self, n, src=None):
        """n random steps; the first from `src` (explicit `from`), the rest `from`-less."""
        last = src
        for i in range(n):
            last = self.step(last if last == src else None) or last
        return last or self.last()

    def to_vector(self, src=None):
        """Reduce to rank 2 if needed (the reducer takes `src`, or the previous field)."""
        shp = self.shape(src or self.last())
        if len(shp) == 2:
            return src or self.last()
        n = self.step(src, reduce=True)
        if n is None:
            raise Retry()
        return n

    def head(self, src=None, units=None, base="out"):
        return self.field(base, [ann("Dense", units=units or self.size(1, 16))], frm=[src] if src else None)


class Retry(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Templates: each builds a declaration in `m` (a Gen) and returns its kind.
# ---------------------------------------------------------------------------------------------
def seq_input(m, base="inputs"):
    return m.inp(base, (m.rng.choice([-1, -1, 6, 8, 10, 12, 16, 20]), m.size(1, 32)))


def any_input(m, base="inputs"):
    r = m.rng.random()
    if r < 0.4:
        return seq_input(m, base)
    if r < 0.7:
        return m.inp(base, (m.size(1, 64),))
    if r < 0.85:
        return m.inp(base, (m.rng.choice([8, 10, 12, 16]), m.rng.choice([8, 10, 12, 16]), m.rng.choice([1, 2, 3])))
    return token_embedding(m, base)


def token_embedding(m, base="tokens", mask=None):
    t = m.inp(base, (m.rng.choice([-1, -1, 8, 10, 20]),), dtype="int32")
    mz = m.chance(0.5) if mask is None else mask
    return m.field("embedding", [ann("Embedding", inputDim=m.rng.choice([20, 50, 100, 500, 1000]),
                                     outputDim=m.size(2, 32), maskZero=mz)])


def t_chain(m):
    any_input(m)
    m.chain(m.rng.randint(1, 4))
    if m.chance(0.7):
        m.to_vector()
        m.chain(m.rng.randint(0, 2))
    m.head()
    return "chain"


def t_seqform(m):
    rng = m.rng
    k = rng.choice(["Dense", "Dense", "Rnn", "Bidi", "Conv1d", "Embedding", "Masking"])
    ts = rng.choice([-1, 8, 10, 16])
    if k == "Dense":
        attrs = {"units": m.size(), "features": m.size(1, 32)}
        if m.chance(0.3):
            attrs["timesteps"] = rng.choice([4, 8, 10])
        m.field("dense", [ann("Dense", **attrs)])
    elif k in ("Rnn", "Bidi"):
        m.field("rnn", m.rnn(features=m.size(1, 32), timesteps=ts, returnSequences=m.chance(0.5),
                             bidi=m.merge_mode() if k == "Bidi" else None))
    elif k == "Conv1d":
        m.field("conv", [ann("Conv1d", filters=m.size(1, 32), kernelSize=rng.choice([1, 3, 5]),
                             padding=rng.choice(["VALID", "SAME", "CAUSAL"]), features=m.size(1, 16),
                             timesteps=rng.choice([-1, 16, 20]))])
    elif k == "Embedding":
        m.field("embedding", [ann("Embedding", inputDim=rng.choice([50, 100, 1000]), outputDim=m.size(2, 32),
                                  timesteps=ts, maskZero=m.chance(0.3))])
    else:
        m.field("masking", [ann("Masking", features=m.size(1, 16), timesteps=ts)])
    m.chain(rng.randint(0, 3))
    if m.chance(0.6):
        m.to_vector()
    m.head()
    return "sequential-form"


def t_branch(m):
    x = any_input(m)
    m.chain(m.rng.randint(0, 2))
    trunk = m.to_vector() if m.chance(0.6) else m.last()
    r = len(m.shape(trunk))
    a = m.chain(m.rng.randint(1, 2), src=trunk)
    b = m.chain(m.rng.randint(0, 2), src=trunk) if m.chance(0.7) else trunk
    kind = m.rng.choice(["Concatenate", "Concatenate", "Add", "Multiply", "Average", "Maximum", "Minimum", "Subtract"])
    if kind == "Concatenate":
        if len(m.shape(a)) != len(m.shape(b)):
            a, b = m.to_vector(a), m.to_vector(b)
        m.field("merged", [ann("Concatenate", axis=-1)], frm=[a, b])
    else:
        u = m.size(2, 32)
        if len(m.shape(a)) != len(m.shape(b)):
            a, b = m.to_vector(a), m.to_vector(b)
        if len(m.shape(a)) == 4:
            a, b = m.to_vector(a), m.to_vector(b)
        pa = m.field("projA", [ann("Dense", units=u)], frm=[a])
        pb = m.field("projB", [ann("Dense", units=u)], frm=[b])
        m.field("merged", [ann(kind)], frm=[pa, pb])
    m.to_vector()
    m.head()
    return "branch"


def vector_of(m, base):
    """An input and a few fields ending in a vector."""
    x = any_input(m, base)
    m.chain(m.rng.randint(0, 2))
    return m.to_vector()


def t_two_inputs(m):
    a = vector_of(m, "left")
    b = vector_of(m, "right")
    kind = m.rng.choice(["Concatenate", "Concatenate", "Add", "Multiply", "Average", "Dot"])
    if kind == "Concatenate":
        m.field("merged", [ann("Concatenate", axis=m.rng.choice([-1, 1]))], frm=[a, b])
    else:
        u = m.size(2, 32)
        pa = m.field("projLeft", [ann("Dense", units=u)], frm=[a])
        pb = m.field("projRight", [ann("Dense", units=u)], frm=[b])
        if kind == "Dot":
            m.field("merged", [ann("Dot", axes=[m.rng.choice([1, -1])], normalize=m.chance(0.5))], frm=[pa, pb])
        else:
            m.field("merged", [ann(kind)], frm=[pa, pb])
    m.chain(m.rng.randint(0, 1))
    m.head()
    return "two-inputs"


def t_two_outputs(m):
    any_input(m)
    m.chain(m.rng.randint(0, 3))
    trunk = m.to_vector() if m.chance(0.7) else m.last()
    m.field("first", [ann("Dense", units=m.size(1, 8))], frm=[trunk])
    if m.chance(0.5):
        m.step(trunk)
        m.to_vector()
        m.head(base="second")
    else:
        m.field("second", [ann("Dense", units=m.size(1, 8))], frm=[trunk])
    return "two-outputs"


def t_residual(m):
    rng = m.rng
    if m.chance(0.5):
        x = seq_input(m)
        f = m.shape(x)[-1]
        y = m.field("conv", [ann("Conv1d", filters=f, kernelSize=rng.choice([1, 3, 5]), padding="SAME")])
        if m.chance(0.5):
            y = m.field("norm", [ann("LayerNormalization")])
    else:
        x = m.inp("inputs", (m.size(2, 64),))
        f = m.shape(x)[-1]
        y = m.field("dense", [ann("Dense", units=f)])
        if m.chance(0.5):
            y = m.field("norm", [ann("BatchNormalization")])
    s = m.field("add", [ann("Add")], frm=[y, x] if m.chance(0.5) else [x, y])
    if m.chance(0.5):
        y2 = m.field("dense2", [ann("Dense", units=f)])
        m.field("add2", [ann("Add")], frm=[y2, s])
    m.to_vector()
    m.head()
    return "residual"


def t_merge_zoo(m):
    """Every merge kind on shapes chosen for it (Keras decides whether they fit)."""
    rng = m.rng
    kind = rng.choice(["ConcatSeq", "ConcatTime", "ConcatImage", "Add", "Subtract", "Multiply", "Average",
                       "Maximum", "Minimum", "Broadcast", "DotVec", "DotSeq", "DotAttend"])
    T, F = rng.choice([4, 6, 8, 10]), m.size(2, 16)
    if kind == "ConcatSeq":
        a = m.inp("a", (T, F)); b = m.inp("b", (T, m.size(1, 16)))
        m.field("merged", [ann("Concatenate", axis=rng.choice([-1, 2]))], frm=[a, b])
    elif kind == "ConcatTime":
        a = m.inp("a", (T, F)); b = m.inp("b", (rng.choice([-1, 3, 5]), F))
        m.field("merged", [ann("Concatenate", axis=rng.choice([1, -2]))], frm=[a, b])
    elif kind == "ConcatImage":
        a = m.inp("a", (T, T, 3)); b = m.inp("b", (T, T, 1))
        axis = rng.choice([3, -1])
        if m.chance(0.3):
            b = m.field("conv", [ann("Conv2d", filters=2, kernelSize=[3, 3], padding="SAME")], frm=[b])
        m.field("merged", [ann("Concatenate", axis=axis)], frm=[a, b])
    elif kind in ("Add", "Multiply", "Average", "Maximum", "Minimum", "Subtract"):
        n = 2 if kind == "Subtract" else rng.choice([2, 2, 3])
        shp = rng.choice([(F,), (T, F), (-1, F)])
        ins = [m.inp(nm, shp) for nm in ["a", "b", "c"][:n]]
        m.field("merged", [ann(kind)], frm=ins)
    elif kind == "Broadcast":
        a = m.inp("a", (T, F)); b = m.inp("b", rng.choice([(T, 1), (1, F), (F,)]))
        m.field("merged", [ann(rng.choice(["Add", "Multiply", "Maximum"]))], frm=[a, b])
    elif kind == "DotVec":
        a = m.inp("a", (F,)); b = m.inp("b", (F,))
        m.field("merged", [ann("Dot", axes=[rng.choice([1, -1])], normalize=m.chance(0.5))], frm=[a, b])
    elif kind == "DotSeq":
        a = m.inp("query", (T, F)); b = m.inp("value", (rng.choice([3, 5, 7]), F))
        m.field("scores", [ann("Dot", axes=[2, 2], normalize=m.chance(0.3))], frm=[a, b])
    else:
        a = m.inp("query", (T, F)); b = m.inp("value", (rng.choice([3, 5, 7]), F))
        s = m.field("scores", [ann("Dot", axes=[2, 2])], frm=[a, b])
        w = m.field("weights", [ann("Activation", value="softmax")])
        m.field("context", [ann("Dot", axes=[2, 1])], frm=[w, b])
    if m.chance(0.5):
        m.to_vector()
        m.head()
    return "merge-" + kind


def t_encdec(m):
    rng = m.rng
    t = rng.choice(["Lstm", "Gru", "SimpleRnn"])
    ns = N_STATES[t]
    u = m.size(2, 32)
    variant = rng.choice(["plain", "plain", "bidi-concat", "bidi-both", "attention", "states-out", "sum"])
    if m.chance(0.5):
        src = token_embedding(m, "encoderInputs")
    else:
        src = m.inp("encoderInputs", (rng.choice([-1, 8, 12]), m.size(1, 16)))
    if m.chance(0.5):
        dec_src = token_embedding(m, "decoderInputs")
    else:
        dec_src = m.inp("decoderInputs", (rng.choice([-1, 6, 10]), m.size(1, 16)))
    if variant in ("plain", "states-out", "attention"):
        seqs = variant == "attention"
        enc = m.field("encoder", m.rnn(type=t, units=u, returnState=True, returnSequences=seqs), frm=[src])
        states = ["encoder[%d]" % (i + 1) for i in range(ns)]
        dec = m.field("decoder", m.rnn(type=t, units=u, returnSequences=True, returnState=variant == "states-out"),
                      frm=[dec_src], initial=states)
        if variant == "attention":
            s = m.field("scores", [ann("Dot", axes=[2, 2])], frm=["decoder", "encoder[0]"])
            w = m.field("attention", [ann("Activation", value="softmax")])
            c = m.field("context", [ann("Dot", axes=[2, 1])], frm=[w, "encoder[0]"])
            m.field("combined", [ann("Concatenate")], frm=[c, "decoder"])
            m.field("out", [ann("TimeDistributed"), ann("Dense", units=m.size(2, 32))])
        else:
            m.field("out", [ann("TimeDistributed"), ann("Dense", units=m.size(2, 32))] if m.chance(0.5)
                    else [ann("Dense", units=m.size(2, 32))], frm=["decoder"])
    elif variant == "bidi-concat":
        enc = m.field("encoder", m.rnn(type=t, units=u, returnState=True, bidi="CONCAT"), frm=[src])
        hs = m.field("stateH", [ann("Concatenate")], frm=["encoder[1]", "encoder[%d]" % (1 + ns)])
        states = [hs]
        if ns == 2:
            states.append(m.field("stateC", [ann("Concatenate")], frm=["encoder[2]", "encoder[4]"]))
        m.field("decoder", m.rnn(type=t, units=2 * u, returnSequences=True), frm=[dec_src], initial=states)
        m.field("out", [ann("Dense", units=m.size(2, 32))])
    elif variant == "bidi-both":
        enc = m.field("encoder", m.rnn(type=t, units=u, returnState=True, bidi=rng.choice(["CONCAT", "SUM"])), frm=[src])
        states = ["encoder[%d]" % (i + 1) for i in range(2 * ns)]
        m.field("decoder", m.rnn(type=t, units=u, returnSequences=True, bidi=m.merge_mode()), frm=[dec_src], initial=states)
        m.field("out", [ann("Dense", units=m.size(2, 32))])
    else:  # Deep Learning with Python's seq2seq: a summed bidirectional GRU as the decoder's state
        enc = m.field("encoder", m.rnn(type="Gru", units=u, bidi="SUM"), frm=[src])
        m.field("decoder", m.rnn(type="Gru", units=u, returnSequences=True), frm=[dec_src], initial=[enc])
        m.field("dropout", [ann("Dropout", rate=0.5)])
        m.field("out", [ann("Dense", units=m.size(2, 32))])
    return "encoder-decoder-" + variant


def t_mask(m):
    rng = m.rng
    e = token_embedding(m, "tokens", mask=True)
    k = rng.choice(["rnn", "bidi", "stack", "pool", "dense", "conv", "dropout-rnn", "timeDense", "getitem", "two"])
    if k == "rnn":
        m.field("rnn", m.rnn())
    elif k == "bidi":
        m.field("rnn", m.rnn(bidi=m.merge_mode()))
    elif k == "stack":
        m.field("rnn", m.rnn(returnSequences=True))
        m.field("rnn", m.rnn())
    elif k == "pool":
        m.field("pool", [ann(rng.choice(["GlobalAveragePooling1d", "GlobalMaxPooling1d"]))])
    elif k == "dense":
        m.field("dense", [ann("Dense", units=m.size())])
        m.field("rnn", m.rnn())
    elif k == "conv":
        m.field("conv", [ann("Conv1d", filters=m.size(2, 16), kernelSize=3, padding="SAME")])
        m.field("rnn", m.rnn())
    elif k == "dropout-rnn":
        m.field("dropout", [ann("Dropout", rate=0.2)])
        m.field("rnn", m.rnn(returnSequences=m.chance(0.5)))
    elif k == "timeDense":
        m.field("rnn", m.rnn(returnSequences=True))
        m.field("out", [ann("TimeDistributed"), ann("Dense", units=m.size())])
        return "mask-" + k
    elif k == "getitem":
        m.field("rnn", m.rnn(returnSequences=True))
        m.field("last", [ann("Op", type="GetItem", outputShape=[m.shape(m.last())[-1]])], python="x[:, -1]")
    else:
        e2 = token_embedding(m, "other", mask=m.chance(0.5))
        if m.try_field("merged", [ann("Concatenate", axis=m.rng.choice([-1, 1]))], frm=[e, e2]) is None:
            raise Retry()
        m.field("rnn", m.rnn())
    m.to_vector()
    m.head()
    return "mask-" + k


def t_crnn(m):
    rng = m.rng
    H, W, C = rng.choice([16, 24, 32]), rng.choice([32, 48, 64]), rng.choice([1, 3])
    m.inp("image", (H, W, C))
    f1 = m.size(4, 32)
    m.field("conv1", [ann("Conv2d", filters=f1, kernelSize=[3, 3], padding=rng.choice(["SAME", "VALID"]))])
    m.field("pool1", [ann("MaxPooling2d")])
    if m.chance(0.5):
        m.field("conv2", [ann("Conv2d", filters=m.size(4, 32), kernelSize=[3, 3], padding="SAME")])
        m.field("pool2", [ann("MaxPooling2d", poolSize=rng.choice([[2, 2], [2, 1]]))])
    h, w, c = m.shape(m.last())[1:]
    if m.chance(0.5):
        m.field("permute", [ann("Permute", dims=[2, 1, 3])])
        target = rng.choice([[w, -1], [-1, h * c], [w, h * c]])
    else:
        target = rng.choice([[h, -1], [-1, w * c], [h, w * c]])
    m.field("reshape", [ann("Reshape", targetShape=target)])
    m.field("dense1", [ann("Dense", units=m.size(8, 64))])
    if m.chance(0.5):
        m.field("dropout", [ann("Dropout", rate=0.2)])
    m.field("rnn", m.rnn(type=rng.choice(["Lstm", "Lstm", "Gru"]), units=m.size(8, 64), returnSequences=True, bidi="CONCAT"))
    m.field("out", [ann("Dense", units=m.size(8, 64))])
    return "crnn"


def t_reshaping(m):
    rng = m.rng
    x = seq_input(m) if m.chance(0.7) else m.inp("inputs", (m.size(4, 64),))
    for _ in range(rng.randint(2, 4)):
        shp = m.shape(m.last())
        r = len(shp)
        opts = []
        if r == 3:
            opts = [("pad", [ann("ZeroPadding1d", padding=rng.choice([[1], [2], [1, 3], [0, 2]]))], None),
                    ("crop", [ann("Cropping1d", cropping=rng.choice([[1], [0, 1], [2, 1]]))], None),
                    ("up", [ann("UpSampling1d", size=rng.choice([2, 3, 4]))], None),
                    ("permute", [ann("Permute", dims=[2, 1])], None),
                    ("last", [ann("Op", type="GetItem", outputShape=[-1 if shp[2] is None else shp[2]])], "x[:, -1]"),
                    ("mean", [ann("Lambda", outputShape=[-1 if shp[2] is None else shp[2]])], "lambda x: keras.ops.mean(x, axis=1)"),
                    ("scaled", [ann("Lambda", outputShape=[-1 if d is None else d for d in shp[1:]])], "lambda x: x * 0.5")]
            if shp[1] is not None and shp[2] is not None:
                opts.append(("reshape", [ann("Reshape", targetShape=rng.choice([[-1], [-1, shp[1] * shp[2]], [shp[2], -1], [-1, 1]]))], None))
        elif r == 2:
            opts = [("expand", [ann("Op", type="ExpandDims", outputShape=[shp[1], 1])], "keras.ops.expand_dims(x, axis=-1)"),
                    ("expand", [ann("Op", type="ExpandDims", outputShape=[1, shp[1]])], "keras.ops.expand_dims(x, axis=1)"),
                    ("repeat", [ann("RepeatVector", n=rng.choice([2, 3, 5]))], None)]
            if shp[1] % 2 == 0:
                opts.append(("reshape", [ann("Reshape", targetShape=rng.choice([[-1, 2], [2, -1], [shp[1] // 2, 2]]))], None))
        else:
            break
        base, anns, py = rng.choice(opts)
        m.try_field(base, anns, python=py)
    m.to_vector()
    m.head()
    return "reshaping"


def t_image(m):
    rng = m.rng
    m.inp("image", (rng.choice([8, 12, 16, 28]), rng.choice([8, 12, 16, 28]), rng.choice([1, 3])))
    k = rng.choice(["avgpool", "global", "dense4", "flatten-bn", "random"])
    if k == "avgpool":
        m.field("conv", [ann("Conv2d", filters=m.size(2, 16), kernelSize=[3, 3])])
        m.field("pool", [ann("AveragePooling2d", poolSize=rng.choice([[2, 2], [3, 3]]), strides=rng.choice([[1, 1], [2, 2], [2, 1]]), padding="SAME")])
        m.field("flat", [ann("Flatten")])
    elif k == "global":
        m.field("conv", [ann("Conv2d", filters=m.size(2, 16), kernelSize=[3, 3], strides=[2, 2], padding="SAME")])
        m.field("pool", [ann(rng.choice(["GlobalMaxPooling2d", "GlobalAveragePooling2d"]))])
    elif k == "dense4":
        m.field("dense", [ann("Dense", units=m.size(2, 16))])
        m.field("pool", [ann("MaxPooling2d", padding=rng.choice(["VALID", "SAME"]))])
        m.field("flat", [ann("Flatten")])
    elif k == "flatten-bn":
        m.field("conv", [ann("Conv2d", filters=m.size(2, 16), kernelSize=[3, 3], useBias=False)])
        m.field("norm", [ann("BatchNormalization")])
        m.field("act", [ann("Activation", value="relu")])
        m.field("flat", [ann("Flatten")])
        m.field("norm2", [ann("BatchNormalization", center=m.chance(0.5))])
    else:
        m.chain(rng.randint(1, 4))
        m.to_vector()
    m.head()
    return "image-" + k


def t_textvec(m):
    rng = m.rng
    m.inp("text", (1,), dtype="string")
    seq = rng.choice([-1, 8, 20])
    mt = rng.choice([100, 500, 1000])
    m.field("vectorize", [ann("TextVectorization", maxTokens=mt, outputSequenceLength=seq)])
    m.field("embedding", [ann("Embedding", inputDim=mt, outputDim=m.size(4, 32), maskZero=m.chance(0.5))])
    if m.chance(0.5):
        m.field("pool", [ann("GlobalAveragePooling1d")])
    else:
        m.field("rnn", m.rnn())
    m.head()
    return "text-vectorization"


VALID_TEMPLATES = [(t_chain, 14), (t_seqform, 8), (t_branch, 10), (t_two_inputs, 9), (t_two_outputs, 7),
                   (t_residual, 6), (t_merge_zoo, 12), (t_encdec, 12), (t_mask, 10), (t_crnn, 5),
                   (t_reshaping, 8), (t_image, 6)]


# ---------------------------------------------------------------------------------------------
# Models Keras refuses: the declaration up to the field at fault; (field, attribute) is the intent.
# ---------------------------------------------------------------------------------------------
def bad(m, base, anns, frm=None, initial=None, python=None):
    """Append a field without letting the generation pass judge it (the measurement pass does)."""
    name = m.name(base)
    f = {"name": name, "annotations": anns}
    if frm is not None:
        f["from"] = list(frm)
    if initial is not None:
        f["initialState"] = list(initial)
    if python is not None:
        f["python"] = python
    m.g.fields.append(f)
    return name


def r_refused(m):
    rng = m.rng
    k = rng.choice(["merge-shapes", "concat-axis", "concat-rank", "subtract-three", "reshape-count",
                    "reshape-two-unknown", "dot-axes", "dot-three", "permute-dims", "crop-too-much",
                    "conv2d-kernel", "pool2d-size", "rnn-on-vector", "dense-after-unknown-flatten",
                    "conv1d-groups", "conv1d-kernel", "upsampling-on-vector", "bidi-odd-states",
                    "pad-on-image", "global-pool2d-on-sequence", "time-distributed-on-vector",
                    "merge-branches"])
    F, T = m.size(2, 32), rng.choice([4, 6, 8, 10])
    if k == "merge-shapes":
        a = m.inp("a", (F,)); b = m.inp("b", (F + rng.choice([1, 2, 5]),))
        return k, ("merged", "from"), bad(m, "merged", [ann(rng.choice(["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"]))], frm=[a, b])
    if k == "merge-branches":
        x = any_input(m)
        a = m.field("left", [ann("Dense", units=F)], frm=[x])
        b = m.field("right", [ann("Dense", units=F + 3)], frm=[x])
        return k, ("merged", "from"), bad(m, "merged", [ann(rng.choice(["Add", "Average", "Multiply"]))], frm=[a, b])
    if k == "concat-axis":
        a = m.inp("a", (T, F)); b = m.inp("b", (T, F + rng.choice([1, 3])))
        return k, ("merged", "axis"), bad(m, "merged", [ann("Concatenate", axis=rng.choice([1, -2]))], frm=[a, b])
    if k == "concat-rank":
        a = m.inp("a", (T, F)); b = m.inp("b", (F,))
        return k, ("merged", "from"), bad(m, "merged", [ann("Concatenate", axis=-1)], frm=[a, b])
    if k == "subtract-three":
        ins = [m.inp(n, (F,)) for n in ("a", "b", "c")]
        return k, ("merged", "from"), bad(m, "merged", [ann("Subtract")], frm=ins)
    if k == "reshape-count":
        m.inp("inputs", (T, F))
        return k, ("reshape", "targetShape"), bad(m, "reshape", [ann("Reshape", targetShape=rng.choice([[T * F + 1], [T, F + 1], [F, T, 2]]))])
    if k == "reshape-two-unknown":
        m.inp("inputs", (T, F))
        return k, ("reshape", "targetShape"), bad(m, "reshape", [ann("Reshape", targetShape=[-1, -1])])
    if k == "dot-axes":
        a = m.inp("query", (T, F)); b = m.inp("value", (rng.choice([3, 5]), F + 2))
        return k, ("scores", "axes"), bad(m, "scores", [ann("Dot", axes=rng.choice([[2, 2], [-1]]))], frm=[a, b])
    if k == "dot-three":
        ins = [m.inp(n, (F,)) for n in ("a", "b", "c")]
        return k, ("merged", "from"), bad(m, "merged", [ann("Dot", axes=[1])], frm=ins)
    if k == "permute-dims":
        m.inp("inputs", (T, F))
        return k, ("permute", "dims"), bad(m, "permute", [ann("Permute", dims=rng.choice([[1, 1], [0, 1], [3, 1], [2, 1, 3]]))])
    if k == "crop-too-much":
        m.inp("inputs", (4, F))
        return k, ("crop", "cropping"), bad(m, "crop", [ann("Cropping1d", cropping=rng.choice([[2], [3, 1], [4, 0], [5]]))])
    if k == "conv2d-kernel":
        m.inp("image", (8, 8, rng.choice([1, 3])))
        return k, ("conv", "kernelSize"), bad(m, "conv", [ann("Conv2d", filters=F, kernelSize=rng.choice([[9, 9], [3, 10], [12, 12]]))])
    if k == "pool2d-size":
        m.inp("image", (4, 4, 2))
        return k, ("pool", "poolSize"), bad(m, "pool", [ann(rng.choice(["MaxPooling2d", "AveragePooling2d"]), poolSize=rng.choice([[5, 5], [2, 6]]))])
    if k == "rnn-on-vector":
        m.inp("inputs", (F,))
        return k, ("rnn", "from"), bad(m, "rnn", m.rnn(bidi=m.merge_mode() if m.chance(0.3) else None))
    if k == "dense-after-unknown-flatten":
        m.inp("inputs", (-1, F))
        m.field("flat", [ann("Flatten")])
        return k, ("dense", "from"), bad(m, "dense", [ann("Dense", units=F)])
    if k == "conv1d-groups":
        m.inp("inputs", (T, 6))
        return k, ("conv", "groups"), bad(m, "conv", [ann("Conv1d", filters=rng.choice([8, 6]), kernelSize=3, groups=rng.choice([4, 5]))])
    if k == "conv1d-kernel":
        m.inp("inputs", (4, F))
        return k, ("conv", "kernelSize"), bad(m, "conv", [ann("Conv1d", filters=F, kernelSize=rng.choice([5, 7]))])
    if k == "upsampling-on-vector":
        m.inp("inputs", (F,))
        return k, ("up", "from"), bad(m, "up", [ann("UpSampling1d")])
    if k == "bidi-odd-states":
        src = m.inp("encoderInputs", (T, F))
        m.field("encoder", m.rnn(type="Lstm", units=8, returnState=True, bidi="CONCAT"), frm=[src])
        d = m.inp("decoderInputs", (T, F))
        return k, ("decoder", "initialState"), bad(m, "decoder", m.rnn(type="Lstm", units=8, returnSequences=True, bidi="CONCAT"),
                                                   frm=[d], initial=["encoder[1]", "encoder[2]", "encoder[3]"])
    if k == "pad-on-image":
        m.inp("image", (8, 8, 1))
        return k, ("pad", "from"), bad(m, "pad", [ann("ZeroPadding1d")])
    if k == "global-pool2d-on-sequence":
        m.inp("inputs", (T, F))
        return k, ("pool", "from"), bad(m, "pool", [ann(rng.choice(["GlobalMaxPooling2d", "GlobalAveragePooling2d"]))])
    # time-distributed-on-vector
    m.inp("inputs", (F,))
    return k, ("out", "from"), bad(m, "out", [ann("TimeDistributed"), ann("Dense", units=F)])


def t_unchecked_state(m):
    """A decoder whose initial state does not fit its units: Keras 3 builds it (checked only when run)."""
    rng = m.rng
    t = rng.choice(["Lstm", "Gru", "SimpleRnn"])
    u = m.size(2, 16)
    src = m.inp("encoderInputs", (rng.choice([-1, 8]), m.size(1, 16)))
    m.field("encoder", m.rnn(type=t, units=u, returnState=True), frm=[src])
    d = m.inp("decoderInputs", (rng.choice([-1, 8]), m.size(1, 16)))
    states = ["encoder[%d]" % (i + 1) for i in range(N_STATES[t])]
    if t == "Lstm" and m.chance(0.4):
        states = states[:1]  # one state where LSTM takes two
        m.field("decoder", m.rnn(type=t, units=u, returnSequences=True), frm=[d], initial=states)
    else:
        m.field("decoder", m.rnn(type=t, units=u * 2, returnSequences=True), frm=[d], initial=states)
    m.field("out", [ann("Dense", units=4)])
    return "initial-state-unchecked"


# ---------------------------------------------------------------------------------------------
def inputs_all_used(m):
    used = set()
    for f in m.g.fields:
        for r in f.get("from", []) + f.get("initialState", []):
            used.add(parse_ref(r)[0])
    for i, f in enumerate(m.g.fields):
        if i > 0 and "from" not in f and f["annotations"][0]["type"] != "Input":
            used.add(m.g.fields[i - 1]["name"])
    return all(f["name"] in used for f in m.g.fields if f["annotations"][0]["type"] == "Input")


def attempt_one(m, plan):
    """One try at a declaration of this plan: (kind, intent), or None to try again."""
    if plan == "refused":
        kind, intent, _ = r_refused(m)
        return "refused-" + kind, intent
    if plan == "unchecked":
        return t_unchecked_state(m), None
    if plan == "textvec":
        return t_textvec(m), None
    templates, weights = zip(*VALID_TEMPLATES)
    kind = m.rng.choices(templates, weights)[0](m)
    if not inputs_all_used(m) or not m.g.outputs():
        return None
    m.g.model("Probe")
    return kind, None


def generate_one(seed, i, plan):
    for attempt in range(40):
        keras.backend.clear_session()
        m = Gen(random.Random("%d/%d/%d" % (seed, i, attempt)))
        try:
            with no_init():
                got = attempt_one(m, plan)
        except (Retry, Refused):
            continue
        if got is not None:
            return got[0], got[1], m.g.fields
    raise SystemExit("model %d: no declaration after 40 attempts" % i)


def write_corpus(script, args, models):
    """Writes the corpus (or prints it with --stdout): its generator command, Keras's version and
    backend, and the models, as indented JSON with a final newline (the same bytes on every run)."""
    corpus = {"generator": "%s --seed %d --count %d" % (script, args.seed, args.count),
              "keras": keras.__version__, "backend": keras.backend.backend(), "models": models}
    text = json.dumps(corpus, indent=2, ensure_ascii=False) + "\n"
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--count", type=int, default=480)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()

    textvec = 0
    if TF_PATHS:
        try:
            import tensorflow  # noqa: F401
            textvec = 8
        except Exception as e:  # noqa: BLE001
            print("TensorFlow not importable (%s): no TextVectorization models" % e, file=sys.stderr)
    n_refused = round(args.count * 0.15)
    n_unchecked = 6
    plans = ["refused"] * n_refused + ["unchecked"] * n_unchecked + ["textvec"] * textvec
    plans += ["valid"] * (args.count - len(plans))
    random.Random(args.seed).shuffle(plans)

    models = []
    for i, plan in enumerate(plans):
        mid = "f%04d" % (i + 1)
        kind, intent, fields = generate_one(args.seed, i, plan)
        fields = json.loads(json.dumps(fields))
        models.append(record(mid, kind, fields, intent))
        if (i + 1) % 50 == 0:
            print("%d models" % (i + 1), file=sys.stderr)

    write_corpus("tools/corpus/functional/generate_functional.py", args, models)
    kinds = {}
    for mo in models:
        k = "refused" if "refused" in mo else mo["kind"].split("-")[0]
        kinds[k] = kinds.get(k, 0) + 1
    print("models: %d, %s" % (len(models), json.dumps(kinds, sort_keys=True)), file=sys.stderr)
    for w in WARN:
        print("warning: " + w, file=sys.stderr)


if __name__ == "__main__":
    main()
