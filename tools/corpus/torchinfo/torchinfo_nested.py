#!/opt/pcvenv/bin/python
"""torchinfo 1.8.0's nested table for paramcheck models with @Block fields (PyTorch convention).

Builds random paramcheck models whose fields are layers and @Block fields (a block is a model class
of its own: an @Input and layers, possibly blocks again, 2-4 levels deep; blocks used twice;
frozen blocks), builds each as the torch.nn modules a PyTorch user writes (one nn.Module class per
paramcheck class, named like it, calling its children in field order), and records what
torchinfo 1.8.0's summary() prints for it, byte for byte:

  - "summary":          summary(model)                       (no input: the layout paramcheck
                                                              prints when the input is not concrete)
  - "summaryWithInput": summary(model, input_size=(1, T, F)) (or (1, T) int64 token ids for an
                                                              Embedding first), batch 1

and torch's own counts: sum(p.numel()) for the model, its trainable part and each top-level field.
No number is computed here: every text is torchinfo's and every count is torch's.

Needs torch (2.13 here) and torchinfo 1.8.0 importable. torchinfo is not installable on this
machine; tools/corpus/README.md says how it was rebuilt from its source and put on PYTHONPATH:

    PYTHONPATH=/tmp/torchinfo-1.8.0 /opt/pcvenv/bin/python tools/corpus/torchinfo/torchinfo_nested.py

writes processor/src/test/resources/corpus/torchinfo-nested.json (--stdout prints it instead).
Deterministic: fixed seed, fixed order, no dates; torchinfo's text does not depend on the weights.
"""
import argparse
import contextlib
import io
import json
import os
import random
import sys
import warnings

import torch
from torch import nn

import torchinfo
from torchinfo import summary

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
OUT = os.path.join(ROOT, "processor", "src", "test", "resources", "corpus", "torchinfo-nested.json")
SEED = 1908


# --- paramcheck declarations (same shape as functional.json's fields) and their torch modules ---

def field(name, kind, attrs, source=None):
    f = {"name": name, "annotations": [{"type": kind, "attrs": attrs}]}
    if source is not None:
        f["from"] = source
    return f


class Spec:
    """One paramcheck class: fields, and the torch children they become (None: no module)."""

    def __init__(self, class_name, timesteps, features, tokens=False):
        self.class_name = class_name
        self.timesteps = timesteps
        self.features = features  # width after the last field
        self.input_features = features
        self.fields = [field("x", "Input", {"shape": [timesteps]} if tokens
                             else {"timesteps": timesteps, "features": features})]
        self.children = []  # (field name, module factory or Spec, how forward calls it)
        self.frozen = set()  # fields with trainable = false
        self.last = "x"

    def add(self, name, kind, attrs, factory, call, width, source=None):
        self.fields.append(field(name, kind, attrs, source))
        self.children.append((name, factory, call))
        self.features = width
        self.last = name


def add_layer(spec, name, rng, allow):
    f = spec.features
    kinds = [k for k in allow if k != "mha" and k != "encoder" or f % 2 == 0]
    kind = rng.choice(kinds)
    if kind == "dense":
        units, bias = rng.randint(2, 96), rng.random() < 0.8
        spec.add(name, "Dense", {"units": units, "useBias": bias},
                 lambda f=f, u=units, b=bias: nn.Linear(f, u, bias=b), "tensor", units)
    elif kind in ("lstm", "gru", "rnn"):
        units = rng.randint(2, 64)
        ann = {"lstm": "Lstm", "gru": "Gru", "rnn": "SimpleRnn"}[kind]
        cls = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}[kind]
        spec.add(name, ann, {"units": units, "returnSequences": True},
                 lambda f=f, u=units, c=cls: c(f, u, batch_first=True), "first", units)
    elif kind == "norm":
        spec.add(name, "LayerNormalization", {}, lambda f=f: nn.LayerNorm(f), "tensor", f)
    elif kind == "dropout":
        spec.add(name, "Dropout", {"rate": 0.25}, lambda: nn.Dropout(0.25), "tensor", f)
    elif kind == "mha":
        heads = rng.choice([h for h in (1, 2, 4) if f % h == 0])
        spec.add(name, "MultiHeadAttention", {"numHeads": heads, "keyDim": f // heads},
                 lambda f=f, h=heads: nn.MultiheadAttention(f, h, batch_first=True), "attention", f,
                 source=[spec.last, spec.last])
    elif kind == "encoder":
        heads = rng.choice([h for h in (1, 2) if f % h == 0])
        inner = rng.randint(4, 128)
        first = rng.random() < 0.3
        attrs = {"intermediateDim": inner, "numHeads": heads}
        if first:
            attrs["normalizeFirst"] = True
        spec.add(name, "TransformerEncoder", attrs,
                 lambda f=f, h=heads, i=inner, n=first: nn.TransformerEncoderLayer(
                     f, h, dim_feedforward=i, dropout=0.0, batch_first=True, norm_first=n), "tensor", f)
    return kind


def torch_class(spec, blocks):
    """The nn.Module class of `spec`, named like the paramcheck class."""

    def __init__(self):
        nn.Module.__init__(self)
        for name, factory, call in spec.children:
            if isinstance(factory, Spec):
                module = torch_class(factory, blocks)()
            else:
                module = factory()
            setattr(self, name, module)

    def forward(self, x):
        for name, factory, call in spec.children:
            module = getattr(self, name)
            if call == "first":  # an RNN returns (output, h_n): the sequence goes on
                x = module(x)[0]
            elif call == "last":  # an RNN without returnSequences: its last step goes on
                x = module(x)[0][:, -1]
            elif call == "attention":  # self-attention: query = key = value
                x = module(x, x, x)[0]
            else:
                x = module(x)
        return x

    return type(spec.class_name, (nn.Module,), {"__init__": __init__, "forward": forward})


def make_block(class_name, timesteps, features, rng, depth, max_depth, blocks, allow):
    spec = Spec(class_name, timesteps, features)
    for i in range(rng.randint(1, 3)):
        if depth < max_depth and rng.random() < 0.45:
            inner = make_block(class_name + "I" + str(i + 1), timesteps, spec.features, rng, depth + 1,
                               max_depth, blocks, allow)
            attach_block(spec, "inner" + str(i + 1), inner, rng.random() < 0.2)
        else:
            add_layer(spec, "layer" + str(i + 1), rng, allow)
    if depth < max_depth and not any(isinstance(c[1], Spec) for c in spec.children):
        inner = make_block(class_name + "I", timesteps, spec.features, rng, depth + 1, max_depth, blocks, allow)
        attach_block(spec, "nested", inner, rng.random() < 0.2)
    blocks.append(spec)
    return spec


def attach_block(spec, name, block, frozen):
    attrs = {"value": block.class_name}
    if frozen:
        attrs["trainable"] = False
    spec.fields.append(field(name, "Block", attrs))
    spec.children.append((name, block, "tensor"))
    if frozen:
        spec.frozen.add(name)
    spec.features = block.features
    spec.last = name


def freeze(model, spec):
    for name, factory, call in spec.children:
        module = getattr(model, name)
        if name in spec.frozen:
            for p in module.parameters():
                p.requires_grad_(False)
        if isinstance(factory, Spec):
            freeze(module, factory)


def printed(fn):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fn()
    return out.getvalue()


def build(model_id, rng, flat=False):
    class_name = model_id.upper()
    timesteps = rng.randint(2, 40)
    tokens = not flat and rng.random() < 0.25
    features = rng.randint(2, 48)
    top = Spec(class_name, timesteps, features, tokens)
    if tokens:
        vocab, dim = rng.randint(10, 5000), rng.choice([4, 8, 16, 32])
        top.add("embedding", "Embedding", {"inputDim": vocab, "outputDim": dim},
                lambda v=vocab, d=dim: nn.Embedding(v, d), "tensor", dim)
    blocks = []
    allow = ["dense", "lstm", "gru", "rnn", "norm", "dropout", "mha", "encoder"]
    if flat:
        for i in range(rng.randint(1, 4)):
            kind = add_layer(top, "layer" + str(i + 1), rng, ["mha", "encoder", "dense", "norm", "lstm", "dropout"])
            if kind != "dropout" and rng.random() < 0.25:
                top.fields[-1]["annotations"][0]["attrs"]["trainable"] = False
                top.frozen.add(top.last)
    else:
        max_depth = rng.randint(2, 4)
        used = None
        for i in range(rng.randint(1, 4)):
            if used is not None and used.input_features == top.features and rng.random() < 0.6:
                # the same block class again: a second instance with its own weights
                attach_block(top, "again" + str(i + 1), used, rng.random() < 0.3)
                continue
            if rng.random() < 0.75 or i == 0:
                block = make_block(class_name + "B" + str(i + 1), timesteps, top.features, rng, 1, max_depth,
                                   blocks, allow)
                attach_block(top, "block" + str(i + 1), block, rng.random() < 0.25)
                used = block
            else:
                add_layer(top, "layer" + str(i + 1), rng, allow)
    if rng.random() < 0.25:
        units = rng.randint(2, 32)
        top.add("head", "Lstm", {"units": units}, lambda f=top.features, u=units: nn.LSTM(f, u, batch_first=True),
                "last", units)
    elif rng.random() < 0.5:
        units = rng.randint(1, 10)
        top.add("head", "Dense", {"units": units}, lambda f=top.features, u=units: nn.Linear(f, u), "tensor", units)

    torch.manual_seed(0)
    model = torch_class(top, blocks)()
    freeze(model, top)
    if tokens:
        with_input = lambda: summary(model, input_size=(1, timesteps), dtypes=[torch.long])
    else:
        with_input = lambda: summary(model, input_size=(1, timesteps, features))
    entry = {
        "id": model_id,
        "className": class_name,
        "blocks": [{"className": b.class_name, "fields": b.fields} for b in sorted(
            {b.class_name: b for b in blocks}.values(), key=lambda b: b.class_name)],
        "fields": top.fields,
        "input": {"shape": [1, timesteps] if tokens else [1, timesteps, features],
                  "dtype": "int64" if tokens else "float32"},
        "totalParams": sum(p.numel() for p in model.parameters()),
        "trainableParams": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "fieldParams": {name: sum(p.numel() for p in getattr(model, name).parameters())
                        for name, _, _ in top.children},
        "summary": printed(lambda: summary(model)),
        "summaryWithInput": printed(with_input),
    }
    return entry


class DecoderModel(nn.Module):
    """x and memory through an nn.TransformerDecoderLayer, then an optional Linear head."""

    def __init__(self, features, heads, inner, first, head):
        super().__init__()
        self.decoder = nn.TransformerDecoderLayer(features, heads, dim_feedforward=inner, dropout=0.0,
                                                  batch_first=True, norm_first=first)
        if head:
            self.head = nn.Linear(features, head)

    def forward(self, x, memory):
        x = self.decoder(x, memory)
        return self.head(x) if hasattr(self, "head") else x


def build_decoder(model_id, rng):
    """A flat functional model: @Input x, @Input memory, @From({x, memory}) @TransformerDecoder."""
    class_name = model_id.upper()
    t, s, heads = rng.randint(2, 30), rng.randint(2, 30), rng.choice([1, 2, 4])
    features = heads * rng.randint(2, 12)
    inner, first = rng.randint(4, 128), rng.random() < 0.3
    head = rng.randint(2, 16) if rng.random() < 0.5 else 0
    attrs = {"intermediateDim": inner, "numHeads": heads}
    if first:
        attrs["normalizeFirst"] = True
    fields = [field("x", "Input", {"timesteps": t, "features": features}),
              field("memory", "Input", {"timesteps": s, "features": features}),
              field("decoder", "TransformerDecoder", attrs, ["x", "memory"])]
    if head:
        fields.append(field("head", "Dense", {"units": head}))
    torch.manual_seed(0)
    model = type(class_name, (DecoderModel,), {})(features, heads, inner, first, head)
    return {
        "id": model_id,
        "className": class_name,
        "blocks": [],
        "fields": fields,
        "input": {"shape": [1, t, features], "memoryShape": [1, s, features], "dtype": "float32"},
        "totalParams": sum(p.numel() for p in model.parameters()),
        "trainableParams": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "fieldParams": {name: sum(p.numel() for p in module.parameters())
                        for name, module in model.named_children()},
        "summary": printed(lambda: summary(model)),
        "summaryWithInput": printed(lambda: summary(model, input_size=[(1, t, features), (1, s, features)])),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stdout", action="store_true")
    parser.add_argument("--count", type=int, default=48)
    parser.add_argument("--flat", type=int, default=16)
    parser.add_argument("--decoders", type=int, default=6)
    args = parser.parse_args()
    if getattr(torchinfo, "__version__", None) != "1.8.0":
        sys.exit("needs torchinfo 1.8.0 importable (found %r)" % getattr(torchinfo, "__version__", None))
    rng = random.Random(SEED)
    models = [build("n%04d" % (i + 1), rng) for i in range(args.count)]
    models += [build("f%04d" % (i + 1), rng, flat=True) for i in range(args.flat)]
    models += [build_decoder("d%04d" % (i + 1), rng) for i in range(args.decoders)]
    corpus = {
        "generator": "tools/corpus/torchinfo/torchinfo_nested.py",
        "torch": torch.__version__,
        "torchinfo": torchinfo.__version__ + " (rebuilt from TylerYep/torchinfo's source, tools/corpus/README.md)",
        "models": models,
    }
    text = json.dumps(corpus, indent=1, ensure_ascii=False) + "\n"
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote %d models to %s" % (len(models), OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
