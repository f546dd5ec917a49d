#!/usr/bin/python3
"""PyTorch reference counts for paramcheck's PyTorch convention.

Builds every valid model of processor/src/test/resources/corpus/corpus.json and layers.json
as torch.nn modules (one module per Keras layer) and writes
processor/src/test/resources/corpus/torch.json with, per layer, what torch itself reports:
module.named_parameters() (name, shape, numel, requires_grad). The PyTorch convention counts
    sum(p.numel() for p in model.parameters())
so buffers (BatchNorm running_mean / running_var / num_batches_tracked) are not counted.

No count here comes from a formula: every number is p.numel() / p.shape / p.requires_grad.
The only arithmetic is summing those per layer and per model. A Keras-vs-torch relation is
checked afterwards (see cross_check) and any mismatch stops the run without writing.

Run with Debian's interpreter after `apt-get install -y python3-torch`:
    /usr/bin/python3 tools/corpus/torch_models.py            # writes torch.json
    /usr/bin/python3 tools/corpus/torch_models.py --stdout   # prints instead
"""
import argparse
import json
import os
import re
import subprocess
import sys

import torch
from torch import nn

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CORPUS_DIR = os.path.join(ROOT, "processor", "src", "test", "resources", "corpus")
INPUTS = ["corpus.json", "layers.json"]
OUT = os.path.join(CORPUS_DIR, "torch.json")

# Keras layers without weights; torch needs no module for them (0 parameters, empty list).
NO_PARAMS = {
    "AveragePooling1d", "MaxPooling1d", "GlobalAveragePooling1d", "GlobalMaxPooling1d",
    "Flatten", "Dropout", "SpatialDropout1d", "RepeatVector", "Masking", "Activation",
}
RNN_MODULES = {"SimpleRnn": nn.RNN, "Lstm": nn.LSTM, "Gru": nn.GRU}


class NotExpressible(Exception):
    pass


def debian_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-torch"],
                             capture_output=True, text=True, check=True).stdout.strip()
        return out or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def last_dim(shape):
    """Last axis of a tfjs/Keras output shape printed Python-style, e.g. '(None, 100, 64)' -> 64."""
    m = re.search(r"(\d+|None)\s*,?\s*\)\s*$", shape)
    if not m or m.group(1) == "None":
        raise ValueError("no last axis size in %r" % shape)
    return int(m.group(1))


def rank(shape):
    return len([p for p in shape.strip("()").split(",") if p.strip()])


def build_module(layer, features):
    """torch.nn module for one Keras layer on `features` input features, or None (no weights)."""
    t = layer["type"]
    if t == "Embedding":
        return nn.Embedding(layer["inputDim"], layer["outputDim"])
    if t in RNN_MODULES:
        if t == "Gru" and not layer.get("resetAfter", True):
            raise NotExpressible("GRU resetAfter=false has no torch.nn equivalent "
                                 "(torch.nn.GRU applies the reset gate after the recurrent "
                                 "matmul, i.e. Keras reset_after=True)")
        bidi = layer.get("bidirectional")
        if bidi not in (None, "CONCAT"):
            raise NotExpressible("Bidirectional merge mode %s has no torch.nn equivalent "
                                 "(bidirectional=True concatenates only)" % bidi)
        return RNN_MODULES[t](features, layer["units"], num_layers=1, bias=bool(layer["useBias"]),
                              batch_first=True, bidirectional=bidi == "CONCAT")
    if t == "Dense":
        return nn.Linear(features, layer["units"], bias=bool(layer["useBias"]))
    if t == "Conv1d":
        # Keras 'same'/'valid'/'causal' padding changes the output length, not the weights.
        return nn.Conv1d(features, layer["filters"], layer["kernelSize"],
                         stride=layer.get("strides", 1), dilation=layer.get("dilationRate", 1),
                         groups=layer.get("groups", 1), bias=bool(layer.get("useBias", True)))
    if t in ("BatchNormalization", "LayerNormalization"):
        center, scale = bool(layer.get("center", True)), bool(layer.get("scale", True))
        if center != scale:
            raise NotExpressible("%s center=%s scale=%s: torch.nn.%s has one switch for both "
                                 "weight and bias" % (t, str(center).lower(), str(scale).lower(),
                                                      "BatchNorm1d affine" if t == "BatchNormalization"
                                                      else "LayerNorm elementwise_affine"))
        if t == "BatchNormalization":
            return nn.BatchNorm1d(features, affine=center)
        return nn.LayerNorm(features, elementwise_affine=center)
    if t in NO_PARAMS:
        return None
    raise SystemExit("torch_models.py: unknown layer type %r" % t)


def layer_inputs(model):
    """Input features of each layer: the previous layer's output last axis (from the corpus's
    outputShapes), the first layer's `features` (none for an Embedding; -1 means not declared)."""
    layers, shapes = model["layers"], model["outputShapes"]
    feats = []
    for i, layer in enumerate(layers):
        declared = layer.get("features", -1)  # layers.json writes -1 for "not declared"
        if i == 0:
            feats.append(None if declared == -1 else declared)
        else:
            feats.append(last_dim(shapes[i - 1]))
        if declared != -1 and feats[i] is not None and declared != feats[i]:
            raise SystemExit("%s layer %d: features %s but previous output %s"
                             % (model["id"], i, layer["features"], shapes[i - 1]))
    return feats


def measure(layers, feats):
    """Build each layer, freeze the non-trainable ones, and read torch's parameters."""
    entry = {"expressible": True}
    modules = []
    for i, (layer, f) in enumerate(zip(layers, feats)):
        try:
            mod = build_module(layer, f)
        except NotExpressible as e:
            return {"expressible": False, "layer": i, "reason": str(e)}
        if mod is not None and layer.get("trainable", True) is False:
            for p in mod.parameters():
                p.requires_grad_(False)
        modules.append(mod)
    params, trainable, frozen, plist = [], [], [], []
    for mod in modules:
        named = list(mod.named_parameters()) if mod is not None else []
        plist.append([{"name": n, "shape": list(p.shape), "count": p.numel(),
                       "requiresGrad": bool(p.requires_grad)} for n, p in named])
        params.append(sum(p.numel() for _, p in named))
        trainable.append(sum(p.numel() for _, p in named if p.requires_grad))
        frozen.append(sum(p.numel() for _, p in named if not p.requires_grad))
    # The whole model as torch counts it: a container of the layer modules.
    whole = nn.ModuleList([m for m in modules if m is not None])
    total = sum(p.numel() for p in whole.parameters())
    total_trainable = sum(p.numel() for p in whole.parameters() if p.requires_grad)
    assert total == sum(params) and total_trainable == sum(trainable)
    entry.update({"layerParams": params, "layerTrainable": trainable,
                  "layerNonTrainable": frozen, "parameters": plist,
                  "totalParams": total, "trainableParams": total_trainable})
    return entry


def cross_check(model, entry):
    """Keras and torch store the same weights except: torch RNN/LSTM/GRU have two bias vectors
    (Keras one, or two for GRU reset_after=True), and Keras BatchNormalization also counts its
    moving statistics, which torch keeps as buffers. Any other difference means a wrong mapping."""
    problems = []
    for i, layer in enumerate(model["layers"]):
        t, keras, got = layer["type"], model["layerParams"][i], entry["layerParams"][i]
        plist = entry["parameters"][i]
        if t in ("SimpleRnn", "Lstm") and layer["useBias"]:
            extra = sum(p["count"] for p in plist if p["name"].startswith("bias_hh"))
            ok = got == keras + extra
        elif t == "BatchNormalization":
            ok = keras == got * 2 if got else keras == 2 * last_dim(model["outputShapes"][i])
        else:
            ok = got == keras
        if not ok:
            problems.append("%s layer %d %s: keras %d torch %d" % (model["id"], i, t, keras, got))
    return problems


# Hand-picked torch-only models: what each shows, and the count torch is known to give
# (published/textbook numbers; the run stops if torch says otherwise).
HAND_PICKED = [
    ("t0001", "SimpleRNN(10) on 1 feature: Keras 120, torch 130 (torch has bias_ih and bias_hh)",
     [{"type": "SimpleRnn", "units": 10, "features": 1, "useBias": True,
       "returnSequences": False, "bidirectional": None}], 130),
    ("t0002", "Bidirectional LSTM(64) on 10 features, as keras.io guide c0003's first layer: "
     "Keras 38,400, torch 38,912 (2 x 4 x 64 extra biases)",
     [{"type": "Lstm", "units": 64, "features": 10, "useBias": True,
       "returnSequences": True, "bidirectional": "CONCAT"}], 38912),
    ("t0003", "keras.io guide c0001 (Embedding(1000,64)+LSTM(128)+Dense(10)): Keras 164,106, "
     "torch 164,618",
     [{"type": "Embedding", "inputDim": 1000, "outputDim": 64},
      {"type": "Lstm", "units": 128, "useBias": True, "returnSequences": False,
       "bidirectional": None},
      {"type": "Dense", "units": 10, "useBias": True}], 164618),
    ("t0004", "GRU(256) on 64 features: torch.nn.GRU = Keras GRU(reset_after=True) = 247,296",
     [{"type": "Gru", "units": 256, "features": 64, "useBias": True, "returnSequences": True,
       "resetAfter": True, "bidirectional": None}], 247296),
    ("t0005", "Conv1d(64 filters, kernel 3, groups 4) on 32 channels: 32/4*3*64 + 64 = 1,600",
     [{"type": "Conv1d", "filters": 64, "kernelSize": 3, "strides": 1, "padding": "VALID",
       "dilationRate": 1, "groups": 4, "useBias": True, "features": 32}], 1600),
    ("t0006", "BatchNormalization on 64 features: torch 128 parameters (weight, bias); "
     "running_mean / running_var are buffers (Keras counts 256, 128 non-trainable)",
     [{"type": "Dense", "units": 64, "features": 16, "useBias": False},
      {"type": "BatchNormalization", "center": True, "scale": True}], 1024 + 128),
    ("t0007", "LayerNormalization on 128 features: weight and bias, 256",
     [{"type": "Embedding", "inputDim": 500, "outputDim": 128},
      {"type": "LayerNormalization", "center": True, "scale": True}], 64000 + 256),
    ("t0008", "Frozen (pretrained) Embedding: counted, non-trainable (requires_grad=False)",
     [{"type": "Embedding", "inputDim": 20000, "outputDim": 100, "trainable": False},
      {"type": "Gru", "units": 32, "useBias": True, "returnSequences": False,
       "resetAfter": True, "bidirectional": None},
      {"type": "Dense", "units": 1, "useBias": True}], 2000000 + 12864 + 33),
    ("t0009", "SimpleRNN(10, useBias=false) on 1 feature: no bias vectors, Keras = torch = 110",
     [{"type": "SimpleRnn", "units": 10, "features": 1, "useBias": False,
       "returnSequences": False, "bidirectional": None}], 110),
]


def hand_picked_features(layers):
    """Input features per layer of a hand-picked model (their outputs' last axis)."""
    feats, cur = [], None
    for i, layer in enumerate(layers):
        if i == 0:
            cur = layer.get("features")
        feats.append(cur)
        t = layer["type"]
        if t == "Embedding":
            cur = layer["outputDim"]
        elif t in RNN_MODULES:
            cur = layer["units"] * (2 if layer.get("bidirectional") == "CONCAT" else 1)
        elif t == "Dense":
            cur = layer["units"]
        elif t == "Conv1d":
            cur = layer["filters"]
    return feats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stdout", action="store_true", help="print instead of writing torch.json")
    ap.add_argument("--out", default=OUT, help="output file (default: %(default)s)")
    ap.add_argument("--corpus-dir", default=CORPUS_DIR,
                    help="folder with corpus.json / layers.json (default: %(default)s)")
    args = ap.parse_args()
    torch.manual_seed(0)

    models, problems, counts = [], [], {}
    inputs = [n for n in INPUTS if os.path.exists(os.path.join(args.corpus_dir, n))]
    for name in inputs:
        with open(os.path.join(args.corpus_dir, name)) as fh:
            corpus = json.load(fh)
        for model in corpus["models"]:
            if model.get("valid") is not True:
                continue
            entry = {"corpus": name, "id": model["id"]}
            entry.update(measure(model["layers"], layer_inputs(model)))
            if entry["expressible"]:
                problems += cross_check(model, entry)
            models.append(entry)
            counts.setdefault(name, [0, 0])[0 if entry["expressible"] else 1] += 1
    for mid, why, layers, expected in HAND_PICKED:
        entry = {"corpus": "torch-only", "id": mid, "source": why, "layers": layers}
        entry.update(measure(layers, hand_picked_features(layers)))
        if not entry["expressible"] or entry["totalParams"] != expected:
            problems.append("%s: torch gives %s, expected %d"
                            % (mid, entry.get("totalParams", entry.get("reason")), expected))
        models.append(entry)
        counts.setdefault("torch-only", [0, 0])[0] += 1
    if problems:
        sys.stderr.write("torch_models.py: mismatches, nothing written:\n  "
                         + "\n  ".join(problems) + "\n")
        sys.exit(2)

    order = {"corpus.json": 0, "layers.json": 1, "torch-only": 2}
    models.sort(key=lambda m: (order[m["corpus"]], m["id"]))
    doc = {
        "comment": "Generated by tools/corpus/torch_models.py from %s - do not edit; "
                   "PyTorch convention: sum(p.numel() for p in model.parameters()), one torch.nn "
                   "module per Keras layer, parameters as module.named_parameters(); regenerate "
                   "with: apt-get install -y python3-torch && /usr/bin/python3 "
                   "tools/corpus/torch_models.py" % " + ".join(inputs),
        "torch": "%s (Debian python3-torch %s)" % (torch.__version__, debian_version()),
        "models": models,
    }
    text = json.dumps(doc, indent=2) + "\n"
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(args.out, "w") as fh:
            fh.write(text)
    for name, (ok, no) in counts.items():
        sys.stderr.write("%s: %d expressible, %d not expressible\n" % (name, ok, no))


if __name__ == "__main__":
    main()
