#!/usr/bin/python3
"""Parameter counts of torch.nn.GRU, used as the reference for Keras GRU(reset_after=True).

Keras 3 GRU with reset_after=True (the default) has the same weights as torch.nn.GRU:
an input kernel (3u x f), a recurrent kernel (3u x u) and two bias vectors (2 x 3u).

Protocol (used by generate.mjs): reads JSON from stdin
    {"queries": [[features, units, use_bias, bidirectional], ...]}
and writes JSON to stdout
    {"torch": "<torch.__version__>", "counts": [<int>, ...]}
where counts[i] = number of parameters of
    torch.nn.GRU(features, units, bias=use_bias, bidirectional=bidirectional).

Run with Debian's interpreter (/usr/bin/python3) after `apt-get install -y python3-torch`.
"""
import json
import sys

import torch
from torch import nn


def gru_count(features, units, use_bias, bidirectional):
    gru = nn.GRU(features, units, num_layers=1, bias=bool(use_bias),
                 batch_first=True, bidirectional=bool(bidirectional))
    return sum(p.numel() for p in gru.parameters())


def main():
    request = json.load(sys.stdin)
    torch.manual_seed(0)
    counts = []
    cache = {}
    for q in request["queries"]:
        features, units, use_bias, bidirectional = q
        key = (int(features), int(units), bool(use_bias), bool(bidirectional))
        if key not in cache:
            cache[key] = gru_count(*key)
        counts.append(cache[key])
    json.dump({"torch": torch.__version__, "counts": counts}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
