#!/usr/bin/env python3
"""PyTorch convention for the blocks corpus -> corpus/blocks-torch.json.

For every valid model of corpus/blocks.json, builds the torch.nn module of every field with
weights, in the outer model and inside each use of each block (a block is one nn.Module holding
its layers' modules, so its count is theirs), and records what torch 2.13 reports:
sum(p.numel() for p in parameters()) and the part with requires_grad (a frozen block,
`trainable = false`, is requires_grad_(False) on all of its parameters). A model with a
MultiHeadAttention is left out (torch's nn.MultiheadAttention is another layout, checked by the
attention corpora). The layer -> module mapping is tools/corpus/functional/torch_functional.py's
`module_for` (imported); each layer's input features are read from the Keras model that
keras_blocks.py's interpreter builds from the declaration.

    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/blocks/torch_blocks.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "functional"))
sys.path.insert(0, os.path.join(HERE, ".."))

import keras_blocks as kb  # noqa: E402
import torch_functional as tf_  # noqa: E402
from generate_functional import keras, no_init  # noqa: E402

IN = kb.OUT
OUT = os.path.join(os.path.dirname(kb.OUT), "blocks-torch.json")


def count(model, fields, blocks, frozen, totals):
    """Adds the parameters of `model`'s layers (declared by `fields`) to totals [all, trainable]."""
    by_name = {f["name"]: f for f in fields}
    for op in model._operations:
        field = by_name[op.name]
        a0 = field["annotations"][0]
        if a0["type"] == "Input":
            continue
        if a0["type"] == "Block":
            attrs = a0["attrs"]
            count(op, blocks[attrs["value"]]["fields"], blocks,
                  frozen or attrs.get("trainable", True) is False, totals)
            continue
        if a0["type"] == "MultiHeadAttention":
            raise ValueError("MultiHeadAttention")
        first = op.input[0] if isinstance(op.input, (list, tuple)) else op.input
        _, module = tf_.module_for(field["annotations"], tuple(first.shape))
        if module is None:
            continue
        if frozen or tf_.legacy_layer(field["annotations"]).get("trainable", True) is False:
            for p in module.parameters():
                p.requires_grad_(False)
        totals[0] += sum(p.numel() for p in module.parameters())
        totals[1] += sum(p.numel() for p in module.parameters() if p.requires_grad)


def main():
    with open(IN, encoding="utf-8") as fh:
        corpus = json.load(fh)
    out = {}
    for m in corpus["models"]:
        if "expected" not in m or m["kind"].startswith("keras-accepts-"):
            continue
        keras.backend.clear_session()
        with no_init():
            model = kb.build_model(m["fields"], m["blocks"], m["className"])
        totals = [0, 0]
        try:
            count(model, m["fields"], m["blocks"], False, totals)
        except ValueError as e:
            out[m["id"]] = {"notExpressible": str(e)}
            continue
        out[m["id"]] = {"totalParams": totals[0], "trainableParams": totals[1]}
    doc = {"generator": "tools/corpus/blocks/torch_blocks.py", "torch": tf_.torch.__version__, "models": out}
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(doc, indent=2) + "\n")
    print("models: %d, expressible: %d" % (len(out), sum(1 for v in out.values() if "totalParams" in v)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
