"""Generates the model files paramcheck's artifact tests read (report/src/test/resources/artifacts/).

Every file is made by a real exporter: torch.onnx.export (the TorchScript exporter, dynamo=False)
and safetensors.torch.save_file from PyTorch; Keras 3's model.save for .keras and the legacy .h5.
TensorFlow.js's model.json files come from generate-tfjs.mjs (node). The Java declarations the
tests check these files against are in report/src/test/java/dev/paramcheck/report/artifact/
ArtifactModels.java; the architectures here are the same, written once per framework.

Each base model is saved in every format; each mutant changes ONE attribute (units, features,
vocabulary, kernel size, bias) and is saved as ONNX, safetensors and .keras: checked against the
base model's declaration it must fail with a message naming that attribute.

Run (see tools/corpus/README.md):
    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/artifacts/generate.py
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import safetensors.torch  # noqa: E402
import torch  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "report", "src", "test",
                   "resources", "artifacts")

torch.manual_seed(0)
keras.utils.set_random_seed(0)

# One description per model: the layers in order, with the attributes the declarations use.
MODELS = {
    # Embedding(100, 8) -> LSTM(16) -> Dense(4)
    "tagger": [("embedding", "tokens", dict(inputDim=100, outputDim=8)),
               ("lstm", "encoder", dict(units=16)),
               ("dense", "tag", dict(units=4, useBias=True))],
    # Conv1d(6 features, 8 filters of 3) -> GRU(12) -> Dense(2)
    "sensor": [("conv1d", "conv", dict(features=6, filters=8, kernelSize=3, useBias=True)),
               ("gru", "context", dict(units=12)),
               ("dense", "head", dict(units=2, useBias=True))],
    # SimpleRNN(10) on 3 features -> LayerNormalization -> Dense(5)
    "echo": [("simple_rnn", "rnn", dict(units=10, features=3)),
             ("layer_norm", "norm", dict()),
             ("dense", "out", dict(units=5, useBias=True))],
    # Conv1d(4 features, 8 filters of 3, no bias) -> BatchNormalization -> GlobalAveragePooling1d ->
    # Dense(1): the ONNX exporter folds the BatchNormalization into the Conv.
    "folded": [("conv1d", "conv", dict(features=4, filters=8, kernelSize=3, useBias=False)),
               ("batch_norm", "norm", dict()),
               ("global_avg", "pool", dict()),
               ("dense", "score", dict(units=1, useBias=True))],
}

# name -> (base model, layer, attribute, new value)
MUTANTS = {
    "tagger-units": ("tagger", "encoder", "units", 12),
    "tagger-vocabulary": ("tagger", "tokens", "inputDim", 120),
    "tagger-bias": ("tagger", "tag", "useBias", False),
    "sensor-features": ("sensor", "conv", "features", 5),
    "sensor-kernel": ("sensor", "conv", "kernelSize", 5),
}

TIMESTEPS = 7


def mutate(layers, layer, attribute, value):
    out = []
    for kind, name, attrs in layers:
        attrs = dict(attrs)
        if name == layer:
            attrs[attribute] = value
        out.append((kind, name, attrs))
    return out


def input_features(layers):
    kind, _, a = layers[0]
    return None if kind == "embedding" else a["features"]


# ------------------------------------------------------------------------------ PyTorch

class TorchModel(torch.nn.Module):
    def __init__(self, layers):
        super().__init__()
        self.spec = layers
        features = None
        for kind, name, a in layers:
            if kind == "embedding":
                m = torch.nn.Embedding(a["inputDim"], a["outputDim"])
                features = a["outputDim"]
            elif kind in ("lstm", "gru", "simple_rnn"):
                cls = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "simple_rnn": torch.nn.RNN}[kind]
                m = cls(a.get("features", features), a["units"], batch_first=True)
                features = a["units"]
            elif kind == "dense":
                m = torch.nn.Linear(features, a["units"], bias=a["useBias"])
                features = a["units"]
            elif kind == "conv1d":
                m = torch.nn.Conv1d(a["features"], a["filters"], a["kernelSize"], bias=a["useBias"])
                features = a["filters"]
            elif kind == "batch_norm":
                m = torch.nn.BatchNorm1d(features)
            elif kind == "layer_norm":
                m = torch.nn.LayerNorm(features)
            elif kind == "global_avg":
                m = None
            else:
                raise ValueError(kind)
            if m is not None:
                setattr(self, name, m)

    def forward(self, x):
        channels_first = False
        for kind, name, _ in self.spec:
            if kind == "conv1d":
                x = getattr(self, name)(x.transpose(1, 2) if not channels_first else x)
                channels_first = True
                continue
            if kind == "batch_norm":
                x = getattr(self, name)(x if channels_first else x.transpose(1, 2))
                channels_first = True
                continue
            if channels_first:
                if kind == "global_avg":
                    x = x.mean(dim=2)
                    channels_first = False
                    continue
                x = x.transpose(1, 2)
                channels_first = False
            if kind in ("lstm", "gru", "simple_rnn"):
                x, _ = getattr(self, name)(x)
                x = x[:, -1]
            elif kind == "global_avg":
                x = x.mean(dim=1)
            else:
                x = getattr(self, name)(x)
        return x


def torch_files(stem, layers):
    m = TorchModel(layers).eval()
    f = input_features(layers)
    example = torch.zeros(1, TIMESTEPS, dtype=torch.long) if f is None else torch.zeros(1, TIMESTEPS, f)
    torch.onnx.export(m, (example,), os.path.join(OUT, stem + ".onnx"), dynamo=False,
                      opset_version=17, input_names=["input"], output_names=["output"])
    sd = {k: v.contiguous() for k, v in m.state_dict().items()}
    safetensors.torch.save_file(sd, os.path.join(OUT, stem + ".safetensors"), metadata={"format": "pt"})


# ------------------------------------------------------------------------------ Keras

def keras_model(layers):
    f = input_features(layers)
    inputs = keras.Input(shape=(TIMESTEPS,) if f is None else (TIMESTEPS, f))
    ls = []
    for kind, name, a in layers:
        if kind == "embedding":
            ls.append(keras.layers.Embedding(a["inputDim"], a["outputDim"], name=name))
        elif kind == "lstm":
            ls.append(keras.layers.LSTM(a["units"], name=name))
        elif kind == "gru":
            ls.append(keras.layers.GRU(a["units"], name=name))
        elif kind == "simple_rnn":
            ls.append(keras.layers.SimpleRNN(a["units"], name=name))
        elif kind == "dense":
            ls.append(keras.layers.Dense(a["units"], use_bias=a["useBias"], name=name))
        elif kind == "conv1d":
            ls.append(keras.layers.Conv1D(a["filters"], a["kernelSize"], use_bias=a["useBias"], name=name))
        elif kind == "batch_norm":
            ls.append(keras.layers.BatchNormalization(name=name))
        elif kind == "layer_norm":
            ls.append(keras.layers.LayerNormalization(name=name))
        elif kind == "global_avg":
            ls.append(keras.layers.GlobalAveragePooling1D(name=name))
    return keras.Sequential([inputs] + ls, name=None)


def keras_files(stem, layers, legacy):
    m = keras_model(layers)
    m.save(os.path.join(OUT, stem + ".keras"))
    if legacy:
        m.save(os.path.join(OUT, stem + ".h5"))
    return m.count_params()


EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "example-app", "src", "main",
                       "resources", "models")


def example_app():
    """The example app's shipped model: dev.paramcheck.example.SeedClassifier, saved by Keras 3."""
    os.makedirs(EXAMPLE, exist_ok=True)
    m = keras.Sequential([keras.Input(shape=(None, 4)),
                          keras.layers.SimpleRNN(5, name="hidden"),
                          keras.layers.Dense(3, name="output")])
    assert m.count_params() == 68, m.count_params()
    m.save(os.path.join(EXAMPLE, "seed-classifier.keras"))


def image_model():
    """A layer whose file layout the verifier does not model (Conv2D): compared by its count."""
    m = keras.Sequential([keras.Input(shape=(12, 12, 1)),
                          keras.layers.Conv2D(4, (3, 3), name="conv"),
                          keras.layers.Flatten(name="flat"),
                          keras.layers.Dense(10, name="out")])
    m.save(os.path.join(OUT, "image.keras"))
    return m.count_params()


class Stacked(torch.nn.Module):
    """nn.LSTM(num_layers=2): one module, two layers (weight_ih_l0, weight_ih_l1, ...)."""

    def __init__(self):
        super().__init__()
        self.encoder = torch.nn.LSTM(8, 16, num_layers=2, batch_first=True)
        self.out = torch.nn.Linear(16, 4)

    def forward(self, x):
        y, _ = self.encoder(x)
        return self.out(y[:, -1])


def stacked():
    m = Stacked().eval()
    torch.onnx.export(m, (torch.zeros(1, TIMESTEPS, 8),), os.path.join(OUT, "stacked.onnx"),
                      dynamo=False, opset_version=17)
    safetensors.torch.save_file({k: v.contiguous() for k, v in m.state_dict().items()},
                                os.path.join(OUT, "stacked.safetensors"), metadata={"format": "pt"})
    return sum(p.numel() for p in m.parameters())


def main():
    os.makedirs(OUT, exist_ok=True)
    example_app()
    manifest = {"comment": "Generated by tools/corpus/artifacts/generate.py - do not edit",
                "versions": {"torch": torch.__version__, "keras": keras.__version__,
                             "safetensors": getattr(safetensors, "__version__", "?")},
                "models": {}, "mutants": {}}
    for stem, layers in MODELS.items():
        torch_files(stem, layers)
        tm = TorchModel(layers)
        n_keras = keras_files(stem, layers, legacy=True)
        manifest["models"][stem] = {
            "layers": [[k, n, a] for k, n, a in layers],
            "kerasParams": n_keras,
            "torchParams": sum(p.numel() for p in tm.parameters()),
        }
    manifest["models"]["image"] = {"kerasParams": image_model()}
    manifest["models"]["stacked"] = {"torchParams": stacked()}
    for stem, (base, layer, attribute, value) in MUTANTS.items():
        layers = mutate(MODELS[base], layer, attribute, value)
        torch_files(stem, layers)
        keras_files(stem, layers, legacy=False)
        manifest["mutants"][stem] = {"base": base, "layer": layer, "attribute": attribute,
                                     "value": value}
    with open(os.path.join(OUT, "models.json"), "w") as fh:
        json.dump(manifest, fh, indent=2, sort_keys=False)
        fh.write("\n")
    print("wrote", len(os.listdir(OUT)), "files to", os.path.normpath(OUT), file=sys.stderr)


if __name__ == "__main__":
    main()
