#!/usr/bin/env python3
"""What torchinfo 1.8.0 and fvcore report as the multiply-adds of nn.MultiheadAttention,
nn.TransformerEncoderLayer and nn.TransformerDecoderLayer -> corpus/attention-macs-refs.json.

Neither tool is installable here; both are pure Python over torch and are rebuilt outside the
repository from their stored sources (tools/corpus/README.md, "attention-macs-refs.json", says how).
This script runs them; it computes no MAC formula. Before it writes anything it proves each rebuild
on published numbers and exits 2 if one fails:

- torchinfo: its own golden outputs saved in processor/src/test/resources/torchinfo/
  (lstm_custom_batch_size.out, single_input.out, basic_summary.out) must come out byte for byte;
- fvcore: the expected values of its own tests (tests/test_flop_count.py: test_linear, test_matmul,
  test_matmul_broadcast, test_bmm, test_flop_counter_class).

Usage (from the repository root, see tools/corpus/README.md):
    /opt/pcvenv/bin/python tools/corpus/attention/attention_macs_refs.py \
        --torchinfo /tmp/refs-d/torchinfo-1.8.0 --fvcore /tmp/refs-d/fvcore [--out FILE | --stdout]
"""
import argparse
import contextlib
import hashlib
import io
import json
import logging
import os
import random
import re
import sys
import warnings

OUT = "processor/src/test/resources/corpus/attention-macs-refs.json"
GOLDEN = "processor/src/test/resources/torchinfo"


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--torchinfo", default="/tmp/refs-d/torchinfo-1.8.0",
                    help="directory holding the rebuilt torchinfo/ package")
    ap.add_argument("--fvcore", default="/tmp/refs-d/fvcore", help="directory holding the rebuilt fvcore/ package")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--stdout", action="store_true")
    return ap.parse_args()


ARGS = parse_args()
sys.path.insert(0, ARGS.torchinfo)
sys.path.insert(0, ARGS.fvcore)
warnings.filterwarnings("ignore")
logging.disable(logging.WARNING)  # fvcore logs every unsupported operator; they are recorded instead

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402
import torchinfo  # noqa: E402
from torchinfo import summary  # noqa: E402
from torchinfo.enums import Units  # noqa: E402
from fvcore.nn import FlopCountAnalysis, flop_count  # noqa: E402

# torchinfo 1.8.0 formats the unit with f" ({units_used})" on a (str, Enum) member: Python <= 3.10
# prints its value ("M"), Python 3.11+ its name ("Units.MEGABYTES", torchinfo issues #315 and #350).
# The venv has Python 3.11; the published outputs were printed by an older Python. Restore that
# formatting, so the printed lines are what torchinfo 1.8.0 prints where it was released for.
Units.__format__ = lambda self, spec: format(self.value, spec)


def fingerprint(root, package):
    files = {}
    base = os.path.join(root, package)
    for dirpath, _, names in sorted(os.walk(base)):
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as fh:
                    files[os.path.relpath(path, root)] = hashlib.sha256(fh.read()).hexdigest()
    return files


# ---------------------------------------------------------------- proving the rebuilds

class LSTMNet(nn.Module):  # torchinfo tests/fixtures/models.py, as quoted in lstm_custom_batch_size.md
    def __init__(self, vocab_size=20, embed_dim=300, hidden_dim=512, num_layers=2):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.embedding = nn.Embedding(vocab_size, embed_dim)
        self.encoder = nn.LSTM(embed_dim, hidden_dim, num_layers=num_layers)
        self.decoder = nn.Linear(hidden_dim, vocab_size)

    def forward(self, x):
        embed = self.embedding(x)
        out, hidden = self.encoder(embed)
        out = self.decoder(out)
        out = out.view(-1, out.size(2))
        return out, hidden


class SingleInputNet(nn.Module):  # torchinfo tests/fixtures/models.py, as quoted in single_input.md
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d(0.3)
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


def printed(call):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        call()
    return buf.getvalue()


def prove_torchinfo():
    cases = {
        "lstm_custom_batch_size.out": lambda: summary(LSTMNet(), (100,), dtypes=[torch.long], batch_dim=1),
        "single_input.out": lambda: summary(SingleInputNet(), (2, 1, 28, 28)),
        "basic_summary.out": lambda: summary(SingleInputNet()),
    }
    for name, call in cases.items():
        with open(os.path.join(GOLDEN, name), encoding="utf-8") as fh:
            want = fh.read()
        if printed(call) != want:
            sys.exit(f"torchinfo rebuild does not reproduce {GOLDEN}/{name}: not 1.8.0, nothing written")
    return sorted(cases)


class _Linear(nn.Module):
    def __init__(self, i, o):
        super().__init__()
        self.linear = nn.Linear(i, o)

    def forward(self, x):
        return self.linear(x)


class _Matmul(nn.Module):
    def forward(self, x, y):
        return torch.matmul(x, y)


class _Bmm(nn.Module):
    def forward(self, x, y):
        return torch.bmm(x, y)


class _ThreeNet(nn.Module):
    def __init__(self, input_dim, conv_dim, linear_dim):
        super().__init__()
        self.conv = nn.Conv2d(input_dim, conv_dim, 1, 1)
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.linear1 = nn.Linear(conv_dim, linear_dim)
        self.linear2 = nn.Linear(linear_dim, 1)

    def forward(self, x):
        x = self.pool(self.conv(x))
        x = torch.flatten(x, 1)
        return self.linear2(self.linear1(x))


def prove_fvcore():
    """The expected values of fvcore's tests/test_flop_count.py (facebookresearch/fvcore @ 017141c4)."""
    checks = []
    m, n, p = 20, 10, 100
    cases = [
        ("test_linear 2-D", _Linear(10, 20), (torch.randn(5, 10),), {"linear": 5 * 10 * 20}),
        ("test_linear 3-D", _Linear(10, 20), (torch.randn(5, 5, 10),), {"linear": 5 * 10 * 5 * 20}),
        ("test_matmul", _Matmul(), (torch.randn(m, n), torch.randn(n, p)), {"matmul": m * n * p}),
        ("test_matmul_broadcast 1", _Matmul(), (torch.randn(1, m, n), torch.randn(1, n, p)), {"matmul": m * n * p}),
        ("test_matmul_broadcast 2", _Matmul(), (torch.randn(2, 2, m, n), torch.randn(2, 2, n, p)),
         {"matmul": 4 * m * n * p}),
        ("test_matmul_broadcast 3", _Matmul(), (torch.randn(1, m, n), torch.randn(n, p)), {"matmul": m * n * p}),
        ("test_matmul_broadcast 4", _Matmul(), (torch.randn(2, m, n), torch.randn(n, p)), {"matmul": 2 * m * n * p}),
        ("test_bmm", _Bmm(), (torch.randn(2, 5, 2), torch.randn(2, 2, 12)), {"bmm": 2 * 2 * 12 * 5}),
    ]
    for name, model, inputs, want in cases:
        got, _ = flop_count(model, inputs)
        if {k: round(v * 1e9) for k, v in got.items()} != want:
            sys.exit(f"fvcore rebuild fails {name}: {dict(got)} (x1e9) != {want}; nothing written")
        checks.append(name)
    by_module = FlopCountAnalysis(_ThreeNet(2, 5, 3), (torch.randn(4, 2, 10, 10),)).by_module()
    want = {"conv": 4000, "linear1": 60, "linear2": 12, "pool": 2000}
    want[""] = sum(want.values())
    if {k: int(v) for k, v in by_module.items()} != want:
        sys.exit(f"fvcore rebuild fails test_flop_counter_class: {dict(by_module)}; nothing written")
    checks.append("test_flop_counter_class")
    return checks


# ---------------------------------------------------------------- configurations

def configs(rng):
    """A few dozen configurations: hand-picked ones first (the worked examples), then seeded random ones."""
    out = []
    # nn.MultiheadAttention: (call, args, L, S)
    mha = [
        ("self", {"embed_dim": 768, "num_heads": 12}, 128, 128),
        ("self", {"embed_dim": 64, "num_heads": 8}, 10, 10),
        ("self", {"embed_dim": 64, "num_heads": 8, "bias": False}, 10, 10),
        ("self", {"embed_dim": 32, "num_heads": 4, "batch_first": True}, 7, 7),
        ("cross", {"embed_dim": 64, "num_heads": 4}, 5, 11),
        ("cross", {"embed_dim": 64, "num_heads": 4, "batch_first": True}, 11, 5),
        ("cross", {"embed_dim": 48, "num_heads": 3, "kdim": 20, "vdim": 12}, 6, 9),
        ("cross", {"embed_dim": 48, "num_heads": 3, "kdim": 20, "vdim": 12, "bias": False}, 6, 9),
        ("cross", {"embed_dim": 30, "num_heads": 2, "kdim": 7}, 4, 13),
        ("cross", {"embed_dim": 30, "num_heads": 2, "vdim": 9, "batch_first": True}, 13, 4),
    ]
    for _ in range(10):
        h = rng.choice([1, 2, 3, 4, 6, 8])
        e = h * rng.randint(1, 16)
        a = {"embed_dim": e, "num_heads": h}
        if rng.random() < 0.3:
            a["bias"] = False
        r = rng.random()
        if r < 0.3:
            a["kdim"], a["vdim"] = rng.randint(1, 40), rng.randint(1, 40)
        elif r < 0.45:
            a["kdim"] = rng.randint(1, 40)
        elif r < 0.6:
            a["vdim"] = rng.randint(1, 40)
        if rng.random() < 0.5:
            a["batch_first"] = True
        call = "cross" if "kdim" in a or "vdim" in a or rng.random() < 0.5 else "self"
        lq = rng.randint(1, 24)
        mha.append((call, a, lq, lq if call == "self" else rng.randint(1, 24)))
    for call, a, lq, lk in mha:
        out.append(("MultiheadAttention", call, a, lq, lk))
    # nn.TransformerEncoderLayer / nn.TransformerDecoderLayer: norm_first and batch_first both ways
    layers = [
        ("TransformerEncoderLayer", {"d_model": 512, "nhead": 8}, 64, 64),
        ("TransformerEncoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 256}, 12, 12),
        ("TransformerEncoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 256, "norm_first": True}, 12, 12),
        ("TransformerEncoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 256, "batch_first": True}, 12, 12),
        ("TransformerEncoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 256, "batch_first": True,
                                     "norm_first": True}, 12, 12),
        ("TransformerDecoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 128}, 9, 15),
        ("TransformerDecoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 128, "norm_first": True}, 9, 15),
        ("TransformerDecoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 128, "batch_first": True}, 15, 9),
        ("TransformerDecoderLayer", {"d_model": 64, "nhead": 4, "dim_feedforward": 128, "batch_first": True,
                                     "norm_first": True}, 15, 9),
    ]
    for kind in ("TransformerEncoderLayer", "TransformerDecoderLayer"):
        for _ in range(4):
            h = rng.choice([1, 2, 4, 8])
            d = h * rng.randint(1, 12)
            a = {"d_model": d, "nhead": h, "dim_feedforward": rng.choice([rng.randint(1, 200), 4 * d])}
            if rng.random() < 0.5:
                a["norm_first"] = True
            if rng.random() < 0.5:
                a["batch_first"] = True
            lq = rng.randint(1, 20)
            layers.append((kind, a, lq, lq if kind == "TransformerEncoderLayer" else rng.randint(1, 20)))
    for kind, a, lq, lk in layers:
        out.append((kind, "layer", a, lq, lk))
    return out


def tensors(kind, call, a, lq, lk):
    bf = a.get("batch_first", False)

    def t(length, width):
        return torch.zeros((1, length, width) if bf else (length, 1, width))

    if kind == "MultiheadAttention":
        e = a["embed_dim"]
        if call == "self":
            x = t(lq, e)
            return [x, x, x]  # one tensor as query, key and value, as a self-attention block calls it
        return [t(lq, e), t(lk, a.get("kdim", e)), t(lk, a.get("vdim", e))]
    if kind == "TransformerEncoderLayer":
        return [t(lq, a["d_model"])]
    return [t(lq, a["d_model"]), t(lk, a["d_model"])]


def run_torchinfo(module, inputs):
    stats = summary(module, input_data=inputs, verbose=0)
    text = str(stats)
    line = next(x for x in text.splitlines() if x.startswith("Total mult-adds"))
    rows = [{"layer": r.class_name, "depth": r.depth, "leaf": r.is_leaf_layer, "outputSize": list(r.output_size),
             "params": r.num_params, "macs": r.macs} for r in stats.summary_list]
    return {"totalMultAdds": stats.total_mult_adds, "printed": line, "rows": rows}


def run_fvcore(module, inputs):
    module.eval()
    fc = FlopCountAnalysis(module, tuple(inputs))
    fc.unsupported_ops_warnings(False)
    fc.uncalled_modules_warnings(False)
    total = int(fc.total())
    by_op = {k: int(v) for k, v in sorted(fc.by_operator().items())}
    unsupported = {k: int(v) for k, v in sorted(fc.unsupported_ops().items())}
    return {"total": total, "byOperator": by_op, "unsupported": unsupported}


def entry(idx, kind, call, a, lq, lk):
    torch.manual_seed(0)
    module = getattr(nn, kind)(**a)
    inputs = tensors(kind, call, a, lq, lk)
    e = {"id": f"m{idx:02d}", "module": f"nn.{kind}", "args": a}
    if kind == "MultiheadAttention":
        e["call"] = call
    e["input"] = {"batch": 1, "queryLength": lq, **({} if kind == "TransformerEncoderLayer" else {"keyLength": lk}),
                  "shapes": [list(x.shape) for x in inputs]}
    e["parameters"] = sum(p.numel() for p in module.parameters())
    e["torchinfo"] = run_torchinfo(module, inputs)
    e["fvcore"] = run_fvcore(module, inputs)
    return e


def dumps(doc):
    text = json.dumps(doc, indent=1)
    text = re.sub(r"\[\n\s*(-?\d+(?:,\n\s*-?\d+)*)\n\s*\]",
                  lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
    text = re.sub(r"\[\n\s*\]", "[]", text)
    return text + "\n"


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    golden = prove_torchinfo()
    fv_tests = prove_fvcore()
    rng = random.Random(ARGS.seed)
    out = [entry(i, *c) for i, c in enumerate(configs(rng), 1)]
    doc = {
        "generator": f"tools/corpus/attention/attention_macs_refs.py --seed {ARGS.seed}",
        "torch": torch.__version__,
        "torchinfo": {
            "version": torchinfo.__version__,
            "rebuild": "from its stored sources, see tools/corpus/README.md",
            "files": fingerprint(ARGS.torchinfo, "torchinfo"),
            "provedOn": golden,
            "call": "summary(module, input_data=[tensors], verbose=0): eval mode, torch.no_grad(); totalMultAdds "
                    "is ModelStatistics.total_mult_adds, printed the 'Total mult-adds' line of str(summary) "
                    "(the unit as Python <= 3.10 formats it)",
        },
        "fvcore": {
            "rebuild": "FlopCountAnalysis from its stored sources, see tools/corpus/README.md",
            "files": fingerprint(ARGS.fvcore, "fvcore"),
            "provedOn": fv_tests,
            "call": "module.eval(); FlopCountAnalysis(module, tuple(tensors)): total(), by_operator(), "
                    "unsupported_ops() of the whole module",
        },
        "configs": out,
    }
    text = dumps(doc)
    if ARGS.stdout:
        sys.stdout.write(text)
    else:
        with open(ARGS.out, "w") as fh:
            fh.write(text)
    print(f"{len(out)} configs", file=sys.stderr)


if __name__ == "__main__":
    main()
