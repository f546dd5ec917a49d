#!/usr/bin/env python3
"""PyTorch convention for the functional corpus (issue 18).

For every valid model of processor/src/test/resources/corpus/functional.json, builds the
torch.nn module of each field that has weights (torch 2.13 from the venv) and records what torch
itself reports: named_parameters() names, shapes, numel and requires_grad. Fields without
weights (Input, merges, ops, Reshape, pooling, Dropout, ...) have no module and are not listed.
A model with a field torch.nn cannot express (GRU reset_after=False, Bidirectional SUM/AVE/MUL,
a normalization with center != scale) is listed as not expressible, with the field and reason.

The layer -> module mapping is tools/corpus/torch_models.py's build_module (imported, not
copied), extended here only for the layer kinds it does not know: Conv2d -> nn.Conv2d and
BatchNormalization on images -> nn.BatchNorm2d. The input features of each field (the last
axis of its input) are read from Keras: the declaration is rebuilt with generate_functional's
interpreter and each layer's input shape is taken from the built model.

    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/functional/torch_functional.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import generate_functional as gf  # noqa: E402
from generate_functional import keras, full  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
import torch_models as tm  # noqa: E402

IN = os.path.join(gf.ROOT, "processor", "src", "test", "resources", "corpus", "functional.json")
OUT = os.path.join(gf.ROOT, "processor", "src", "test", "resources", "corpus", "functional-torch.json")

# Field kinds with no weights in Keras and no module in torch.
NO_MODULE = set(tm.NO_PARAMS) | set(gf.MERGES) | {
    "Input", "Op", "Reshape", "Permute", "Lambda", "TextVectorization", "GaussianNoise",
    "MaxPooling2d", "AveragePooling2d", "GlobalMaxPooling2d", "GlobalAveragePooling2d",
    "ZeroPadding1d", "Cropping1d", "UpSampling1d"}


def legacy_layer(anns):
    """The field's annotations as torch_models.py's layer dict (its attribute names)."""
    bidi = None
    if anns[0]["type"] == "Bidirectional":
        bidi = full(anns[0])["merge"]
        anns = anns[1:]
    elif anns[0]["type"] == "TimeDistributed":
        anns = anns[1:]
    a = anns[0]
    layer = dict(full(a), type=a["type"])
    if a["type"] in gf.RNNS:
        layer["bidirectional"] = bidi
    return layer


def module_for(anns, in_shape):
    layer = legacy_layer(anns)
    t = layer["type"]
    if t in NO_MODULE:
        return layer, None
    features = in_shape[-1]
    if t == "Conv2d":
        return layer, nn.Conv2d(features, layer["filters"], tuple(layer["kernelSize"]),
                                stride=tuple(layer["strides"]), bias=bool(layer["useBias"]))
    if t == "BatchNormalization" and len(in_shape) == 4:
        if layer["center"] != layer["scale"]:
            raise tm.NotExpressible("BatchNormalization center=%s scale=%s: torch.nn.BatchNorm2d affine "
                                    "is one switch for both weight and bias"
                                    % (str(layer["center"]).lower(), str(layer["scale"]).lower()))
        return layer, nn.BatchNorm2d(features, affine=layer["center"])
    return layer, tm.build_module(layer, features)


def input_shapes(model):
    """Input shape of each layer of the built model, by layer name (the field's name)."""
    shapes = {}
    for op in model._operations:
        if not op._inbound_nodes:
            continue
        node = op._inbound_nodes[0]
        if node.input_tensors:
            shapes[op.name] = tuple(node.input_tensors[0].shape)
    return shapes


def measure(entry):
    keras.backend.clear_session()
    with gf.no_init():
        model = gf.build_model(entry["fields"], entry["className"])
    shapes = input_shapes(model)
    fields, total, trainable = [], 0, 0
    for f in entry["fields"]:
        anns = f["annotations"]
        if anns[0]["type"] in ("Input", "Op", "Lambda"):
            continue
        try:
            layer, mod = module_for(anns, shapes[f["name"]])
        except tm.NotExpressible as e:
            return {"id": entry["id"], "expressible": False, "field": f["name"], "reason": str(e)}
        if mod is None:
            continue
        if layer.get("trainable", True) is False:
            for p in mod.parameters():
                p.requires_grad_(False)
        named = list(mod.named_parameters())
        params = sum(p.numel() for _, p in named)
        train = sum(p.numel() for _, p in named if p.requires_grad)
        total += params
        trainable += train
        fields.append({"name": f["name"], "module": type(mod).__name__,
                       "parameters": [{"name": n, "shape": list(p.shape), "count": p.numel(),
                                       "requiresGrad": bool(p.requires_grad)} for n, p in named],
                       "params": params, "trainable": train})
    return {"id": entry["id"], "expressible": True, "fields": fields,
            "totalParams": total, "trainableParams": trainable}


def cross_check(entry, keras_entry):
    """torch and Keras hold the same weights except torch RNNs' second bias vector and Keras
    BatchNormalization's moving statistics (torch buffers): any other difference is a mapping bug."""
    rows = {r["name"]: r["params"] for r in keras_entry["expected"]["rows"]}
    problems = []
    for f in entry["fields"]:
        k = rows[f["name"]]
        extra = sum(p["count"] for p in f["parameters"] if p["name"].startswith("bias_hh"))
        if f["module"] in ("RNN", "LSTM"):
            ok = f["params"] == k + extra
        elif f["module"] == "GRU":
            ok = f["params"] == k
        elif f["module"].startswith("BatchNorm"):
            ok = k == 2 * f["params"] if f["params"] else True
        else:
            ok = f["params"] == k
        if not ok:
            problems.append("%s %s %s: keras %d torch %d" % (entry["id"], f["name"], f["module"], k, f["params"]))
    return problems


def main():
    corpus = json.load(open(IN, encoding="utf-8"))
    out, problems = [], []
    for e in corpus["models"]:
        if "expected" not in e:
            continue
        m = measure(e)
        if m["expressible"]:
            problems += cross_check(m, e)
        out.append(m)
    if problems:
        sys.stderr.write("\n".join(problems) + "\nnothing written\n")
        return 2
    doc = {"generator": "tools/corpus/functional/torch_functional.py", "corpus": "functional.json",
           "torch": torch.__version__, "models": out}
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    n = sum(1 for m in out if m["expressible"])
    print("functional-torch.json: %d models, %d expressible, %d not" % (len(out), n, len(out) - n), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
