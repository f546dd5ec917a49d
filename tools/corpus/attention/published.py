#!/usr/bin/env python3
"""Published Keras 3 printouts of Transformer models -> corpus/attention-published.json.

The printouts themselves are committed as processor/src/test/resources/keras/transformer-*.txt
(copied from the pages named in SOURCES, HTML tags stripped). This script
  1. rebuilds every model with Keras 3 (JAX) plus the keras_hub transcriptions in
     keras_hub_layers.py, with the layer names, model name and constructor arguments of the
     published code;
  2. prints its summary the way the page's Keras did (positions of that Keras version) and
     compares it with the committed printout line by line;
  3. writes the declaration (corpus format) and Keras's rows for each.
It exits with status 2 and writes nothing if a rebuilt table differs from its printout in
anything but the differences listed in that entry's "notes".

Usage: KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/attention/published.py [--stdout]
"""
import argparse
import contextlib
import io
import json
import os
import sys

os.environ["KERAS_BACKEND"] = "jax"
os.environ.pop("COLUMNS", None)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import keras  # noqa: E402
from keras import layers  # noqa: E402

import keras_attention as ka  # noqa: E402  (zero initializer patch, record(), dumps())
from keras_hub_layers import (TokenAndPositionEmbedding, TransformerDecoder,  # noqa: E402
                              TransformerEncoder)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
RES = os.path.join(ROOT, "processor", "src", "test", "resources")
OUT = os.path.join(RES, "corpus", "attention-published.json")


def F(name, typ, attrs=None, frm=None):
    f = {"name": name, "annotations": [{"type": typ, "attrs": attrs or {}}]}
    if frm:
        f["from"] = frm
    return f


# ---------------------------------------------------------------------------------------------
# 1. keras.io "GPT text generation from scratch with KerasHub"

def gpt():
    inputs = layers.Input(shape=(None,), dtype="int32")
    x = TokenAndPositionEmbedding(vocabulary_size=5000, sequence_length=128, embedding_dim=256,
                                  mask_zero=True)(inputs)
    for _ in range(2):
        x = TransformerDecoder(num_heads=3, intermediate_dim=128)(x)
    outputs = layers.Dense(5000)(x)
    return keras.Model(inputs=inputs, outputs=outputs, name="functional_1")


GPT_FIELDS = [
    F("input_layer", "Input", {"shape": [-1], "dtype": "int32"}),
    F("token_and_position_embedding", "TokenAndPositionEmbedding",
      {"vocabularySize": 5000, "sequenceLength": 128, "embeddingDim": 256}),
    F("transformer_decoder", "TransformerDecoder", {"intermediateDim": 128, "numHeads": 3}),
    F("transformer_decoder_1", "TransformerDecoder", {"intermediateDim": 128, "numHeads": 3}),
    F("dense", "Dense", {"units": 5000}),
]


# ---------------------------------------------------------------------------------------------
# 2. keras.io "English-to-Spanish translation with KerasHub"

def nmt():
    encoder_inputs = keras.Input(shape=(None,), name="encoder_inputs")
    x = TokenAndPositionEmbedding(vocabulary_size=15000, sequence_length=40, embedding_dim=256)(encoder_inputs)
    encoder_outputs = TransformerEncoder(intermediate_dim=2048, num_heads=8)(inputs=x)
    keras.Model(encoder_inputs, encoder_outputs)
    decoder_inputs = keras.Input(shape=(None,), name="decoder_inputs")
    encoded_seq_inputs = keras.Input(shape=(None, 256), name="decoder_state_inputs")
    x = TokenAndPositionEmbedding(vocabulary_size=15000, sequence_length=40, embedding_dim=256)(decoder_inputs)
    x = TransformerDecoder(intermediate_dim=2048, num_heads=8)(decoder_sequence=x, encoder_sequence=encoded_seq_inputs)
    x = layers.Dropout(0.5)(x)
    decoder_outputs = layers.Dense(15000, activation="softmax")(x)
    decoder = keras.Model([decoder_inputs, encoded_seq_inputs], decoder_outputs)
    decoder_outputs = decoder([decoder_inputs, encoder_outputs])
    return keras.Model([encoder_inputs, decoder_inputs], decoder_outputs, name="transformer")


NMT_FIELDS = [
    F("encoder_inputs", "Input", {"shape": [-1]}),
    F("token_and_position_embedding", "TokenAndPositionEmbedding",
      {"vocabularySize": 15000, "sequenceLength": 40, "embeddingDim": 256}),
    F("transformer_encoder", "TransformerEncoder", {"intermediateDim": 2048, "numHeads": 8}),
    F("decoder_inputs", "Input", {"shape": [-1]}),
    F("functional_1", "Block", {"value": "functional_1"}, ["decoder_inputs", "transformer_encoder"]),
]
NMT_BLOCKS = {"functional_1": {"class": "Functional", "fields": [
    F("decoder_inputs", "Input", {"shape": [-1]}),
    F("decoder_state_inputs", "Input", {"shape": [-1, 256]}),
    F("token_and_position_embedding_1", "TokenAndPositionEmbedding",
      {"vocabularySize": 15000, "sequenceLength": 40, "embeddingDim": 256}, ["decoder_inputs"]),
    F("transformer_decoder", "TransformerDecoder", {"intermediateDim": 2048, "numHeads": 8},
      ["token_and_position_embedding_1", "decoder_state_inputs"]),
    F("dropout_3", "Dropout", {"rate": 0.5}),
    F("dense", "Dense", {"units": 15000}),
]}}


# ---------------------------------------------------------------------------------------------
# 3. keras.io guide "Pretraining a Transformer from scratch with KerasHub" (encoder_model)

def pretraining():
    inputs = keras.Input(shape=(128,), dtype="int32")
    inputs = keras.Input(shape=(128,), dtype="int32")  # the guide's second Input -> input_layer_1
    outputs = TokenAndPositionEmbedding(vocabulary_size=30522, sequence_length=128, embedding_dim=256)(inputs)
    outputs = layers.LayerNormalization(epsilon=1e-5)(outputs)
    outputs = layers.Dropout(rate=0.1)(outputs)
    for _ in range(3):
        outputs = TransformerEncoder(intermediate_dim=512, num_heads=4, dropout=0.1)(outputs)
    return keras.Model(inputs, outputs, name="functional_3")


PRETRAINING_FIELDS = [
    F("input_layer_1", "Input", {"shape": [128], "dtype": "int32"}),
    F("token_and_position_embedding", "TokenAndPositionEmbedding",
      {"vocabularySize": 30522, "sequenceLength": 128, "embeddingDim": 256}),
    F("layer_normalization", "LayerNormalization"),
    F("dropout", "Dropout", {"rate": 0.1}),
    F("transformer_encoder", "TransformerEncoder", {"intermediateDim": 512, "numHeads": 4}),
    F("transformer_encoder_1", "TransformerEncoder", {"intermediateDim": 512, "numHeads": 4}),
    F("transformer_encoder_2", "TransformerEncoder", {"intermediateDim": 512, "numHeads": 4}),
]


# ---------------------------------------------------------------------------------------------
# 4. A custom TransformerBlock (keras.io "Text classification with Transformer" block) x 4

class TransformerBlock(layers.Layer):
    """keras.io examples/nlp/text_classification_with_transformer.py, verbatim structure."""

    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)
        self.dropout1 = layers.Dropout(rate)
        self.dropout2 = layers.Dropout(rate)

    def call(self, inputs):
        attn_output = self.dropout1(self.att(inputs, inputs))
        out1 = self.layernorm1(inputs + attn_output)
        return self.layernorm2(out1 + self.dropout2(self.ffn(out1)))


class KerasIoTokenAndPositionEmbedding(layers.Layer):
    """keras.io examples/nlp/text_classification_with_transformer.py TokenAndPositionEmbedding."""

    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        positions = keras.ops.arange(start=0, stop=keras.ops.shape(x)[-1], step=1)
        return self.token_emb(x) + self.pos_emb(positions)


KerasIoTokenAndPositionEmbedding.__name__ = "TokenAndPositionEmbedding"


def blocks4():
    inputs = layers.Input(shape=(128,))
    x = KerasIoTokenAndPositionEmbedding(128, 5000, 64, name="token_and_position_embedding")(inputs)
    for _ in range(4):
        x = TransformerBlock(64, 8, 256)(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(32, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="functional")  # name not in the (partial) printout


BLOCK_INNER = [
    F("inputs", "Input", {"shape": [128, 64]}),
    F("att", "MultiHeadAttention", {"numHeads": 8, "keyDim": 64}, ["inputs", "inputs"]),
    F("dropout1", "Dropout", {"rate": 0.1}),
    F("add1", "Add", {}, ["inputs", "dropout1"]),
    F("layernorm1", "LayerNormalization"),
    F("ffn1", "Dense", {"units": 256}),
    F("ffn2", "Dense", {"units": 64}),
    F("dropout2", "Dropout", {"rate": 0.1}),
    F("add2", "Add", {}, ["layernorm1", "dropout2"]),
    F("layernorm2", "LayerNormalization"),
]
BLOCKS4_FIELDS = [
    F("input_layer", "Input", {"shape": [128]}),
    F("token_and_position_embedding", "TokenAndPositionEmbedding",
      {"vocabularySize": 5000, "sequenceLength": 128, "embeddingDim": 64}),
    F("transformer_block", "Block", {"value": "TransformerBlock"}),
    F("transformer_block_1", "Block", {"value": "TransformerBlock"}),
    F("transformer_block_2", "Block", {"value": "TransformerBlock"}),
    F("transformer_block_3", "Block", {"value": "TransformerBlock"}),
    F("global_average_pooling1d", "GlobalAveragePooling1d"),
    F("dense_8", "Dense", {"units": 32}),
]


# ---------------------------------------------------------------------------------------------
# 5. eventdetector_ts "transformer" model (two self-attention blocks, called with query=value=key)

def eventdetector():
    x = keras.Input(shape=(76, 50), name="input")
    h = x
    for i in range(2):
        sfx = "" if i == 0 else "_1"
        a = layers.MultiHeadAttention(num_heads=8, key_dim=256, name=f"multi_head_attention{sfx}")(
            query=h, value=h, key=h)
        a = layers.Add(name="add" if i == 0 else "add_2")([x, a])
        n = layers.LayerNormalization(name=f"layer_normalization{sfx}")(a)
        d = layers.Dense(50, name=f"dense{sfx}")(n)
        d = layers.Dropout(0.1, name="dropout_1" if i == 0 else "dropout_3")(d)
        h = layers.Add(name="add_1" if i == 0 else "add_3")([n, d])
    p = layers.GlobalAveragePooling1D(name="global_average_pooling1d")(h)
    out = layers.Dense(1, name="dense_2")(p)
    return keras.Model(x, out, name="transformer")


EVENT_FIELDS = [
    F("input", "Input", {"shape": [76, 50]}),
    F("multi_head_attention", "MultiHeadAttention", {"numHeads": 8, "keyDim": 256}, ["input", "input", "input"]),
    F("add", "Add", {}, ["input", "multi_head_attention"]),
    F("layer_normalization", "LayerNormalization"),
    F("dense", "Dense", {"units": 50}),
    F("dropout_1", "Dropout", {"rate": 0.1}),
    F("add_1", "Add", {}, ["layer_normalization", "dropout_1"]),
    F("multi_head_attention_1", "MultiHeadAttention", {"numHeads": 8, "keyDim": 256}, ["add_1", "add_1", "add_1"]),
    F("add_2", "Add", {}, ["input", "multi_head_attention_1"]),
    F("layer_normalization_1", "LayerNormalization"),
    F("dense_1", "Dense", {"units": 50}),
    F("dropout_3", "Dropout", {"rate": 0.1}),
    F("add_3", "Add", {}, ["layer_normalization_1", "dropout_3"]),
    F("global_average_pooling1d", "GlobalAveragePooling1d"),
    F("dense_2", "Dense", {"units": 1}),
]


# ---------------------------------------------------------------------------------------------
# 6. A BiLSTM + MultiHeadAttention sequence model (Masking, Embedding, 2 x Bidirectional LSTM)

def bilstm_mha():
    inp = keras.Input(shape=(512,), name="input_layer")
    x = layers.Masking(name="masking")(inp)
    x = layers.Embedding(2236, 128, name="embedding")(x)
    x = layers.Bidirectional(layers.LSTM(256, return_sequences=True), name="bidirectional")(x)
    x = layers.Bidirectional(layers.LSTM(256, return_sequences=True), name="bidirectional_1")(x)
    x = layers.Dropout(0.2, name="dropout")(x)
    x = layers.MultiHeadAttention(num_heads=8, key_dim=128, name="multi_head_attention")(x, x)
    x = layers.LSTM(256, return_sequences=True, name="lstm_2")(x)
    x = layers.Dense(128, name="dense")(x)
    x = layers.Reshape((128, 512), name="reshape")(x)
    return keras.Model(inp, x, name="functional")


BILSTM_FIELDS = [
    F("input_layer", "Input", {"shape": [512]}),
    F("masking", "Masking"),
    F("embedding", "Embedding", {"inputDim": 2236, "outputDim": 128}),
    {"name": "bidirectional", "annotations": [{"type": "Bidirectional", "attrs": {}},
                                              {"type": "Lstm", "attrs": {"units": 256, "returnSequences": True}}]},
    {"name": "bidirectional_1", "annotations": [{"type": "Bidirectional", "attrs": {}},
                                                {"type": "Lstm", "attrs": {"units": 256, "returnSequences": True}}]},
    F("dropout", "Dropout", {"rate": 0.2}),
    F("multi_head_attention", "MultiHeadAttention", {"numHeads": 8, "keyDim": 128}, ["dropout", "dropout"]),
    F("lstm_2", "Lstm", {"units": 256, "returnSequences": True}),
    F("dense", "Dense", {"units": 128}),
    F("reshape", "Reshape", {"targetShape": [128, 512]}),
]


SOURCES = [
    {"id": "p01", "file": "transformer-gpt-decoder-76.txt", "build": gpt, "fields": GPT_FIELDS,
     "positions": [0.45, 0.84, 1.0],
     "source": {"repo": "keras-team/keras-io", "path": "examples/generative/md/text_generation_gpt.md",
                "commit": "a0c7ee1690d6c68f72cf10fe015d849ad38c71a5",
                "title": "GPT text generation from scratch with KerasHub"},
     "notes": [
         "Printed by Keras 3.0.x: a functional chain keeps the Sequential 3-column layout, and 3.0.x used "
         "positions [0.45, 0.84, 1.0] (cells 33/27/12); Keras >= 3.1 prints [0.45, 0.80, 1.0] (cells 33/24/15) "
         "with the same cell contents. The rebuild is compared using the 3.0 positions.",
         "The model name functional_1 and the layer names are Keras auto-names (session counters), not architecture.",
         "TokenAndPositionEmbedding was built with mask_zero=True (not an annotation element): it adds no weight and "
         "no row, because TransformerDecoder.call has no `mask` argument, so no NotEqual op enters the graph.",
         "num_heads=3 on width 256: head_dim = 256 // 3 = 85, so each attention projects to 255, not 256 "
         "(self-attention 4*256*255 + 3*255 + 256 = 262,141); decoder without cross-attention = 329,085.",
         "Dense(VOCAB_SIZE) has no activation in the source; activations change no count."]},
    {"id": "p02", "file": "transformer-nmt-keras-hub-76.txt", "build": nmt, "fields": NMT_FIELDS,
     "blocks": NMT_BLOCKS, "positions": None,
     "source": {"repo": "keras-team/keras-io", "path": "examples/nlp/md/neural_machine_translation_with_keras_hub.md",
                "commit": "1909c6710cd3f5af6401f1176dcee9e26781b4f3",
                "title": "English-to-Spanish translation with KerasHub"},
     "notes": [
         "Identical byte for byte to Keras 3.15.1's summary of the rebuild (3.1+ positions [0.3, 0.56, 0.74, 1.0] at L=76).",
         "functional_1 is a nested keras.Model (class Functional), declared here as a Block whose fields are in "
         "blocks.functional_1; its row counts TokenAndPositionEmbedding 3,850,240 + TransformerDecoder WITH "
         "cross-attention 1,578,752 (= 8D^2 + 2DI + 15D + I, D=256, I=2048) + Dense 3,855,000.",
         "The encoder model keras.Model(encoder_inputs, encoder_outputs) is built first and takes the auto-name "
         "functional, which is why the decoder is functional_1; its Dropout is dropout_3 because each "
         "MultiHeadAttention built inside the encoder/decoder consumed dropout uids.",
         "The English Input has no dtype (float32) in the source; Keras casts inside the embedding.",
         "Connected to: 'decoder_inputs[0…' is 'decoder_inputs[0][0]', cut with an ellipsis at 17 characters."]},
    {"id": "p03", "file": "transformer-pretraining-encoder-76.txt", "build": pretraining,
     "fields": PRETRAINING_FIELDS, "positions": [0.45, 0.84, 1.0],
     "source": {"repo": "keras-team/keras-io", "path": "guides/md/keras_hub/transformer_pretraining.md",
                "commit": "3fd57d37bc3a0ae4b049912411681c374e569096",
                "title": "Pretraining a Transformer from scratch with KerasHub"},
     "notes": [
         "Keras 3.0.x layout (positions [0.45, 0.84, 1.0]); the rebuild is compared with those positions.",
         "The footer sizes are WRONG in the printout: 9,428,224 float32 params are 35.97 MB, the page says "
         "287.73 MB = 9,428,224 x 32 bytes (bits used as bytes by the Keras version that printed it). The "
         "rebuild's footer (35.97 MB) is therefore not compared; never use these footer sizes as an oracle.",
         "input_layer_1: the guide created another keras.Input before this model (auto-name counter).",
         "TransformerEncoder(dropout=0.1, layer_norm_epsilon=1e-5): neither changes a weight."]},
    {"id": "p04", "file": "transformer-block-classifier-88.txt", "build": blocks4, "fields": BLOCKS4_FIELDS,
     "blocks": {"TransformerBlock": {"class": "TransformerBlock", "fields": BLOCK_INNER}},
     "positions": None, "partial": True,
     "source": {"note": "a public repository's training script that pasted its model.summary() into a comment "
                        "(found with the search tool; not keras.io); the model uses keras.io's "
                        "text_classification_with_transformer TransformerBlock and TokenAndPositionEmbedding"},
     "notes": [
         "Partial printout: the script's comment starts at the header row, so the 'Model: ...' line and the top "
         "border are missing; only the lines present are compared (the file holds exactly those lines).",
         "88 columns: Keras >= 3.1 Sequential-like layout at the non-functional default (a functional chain).",
         "TransformerBlock uses MultiHeadAttention(num_heads=8, key_dim=embed_dim=64): key_dim is PER HEAD, so "
         "the attention has 4*64*512 + 3*512 + 64 = 132,672 weights, not 4*64^2 + 4*64; block = 166,016.",
         "TokenAndPositionEmbedding here is keras.io's custom layer (two Embedding: vocab*D + maxlen*D), whose "
         "weights equal keras_hub's TokenAndPositionEmbedding (ReversibleEmbedding V*D + PositionEmbedding S*D); "
         "it is declared with the keras_hub annotation. Vocabulary 5,000 follows from 328,192 = (V + 128) * 64.",
         "dense_8: the four blocks' feed-forward Sequentials created dense ... dense_7 first (auto-name counter)."]},
]


SOURCES += [
    {"id": "p05", "file": "transformer-eventdetector-108.txt", "build": eventdetector, "fields": EVENT_FIELDS,
     "positions": None,
     "source": {"note": "a public repository's notes pasting the summary of the eventdetector_ts library's "
                        "'transformer' model (search-tool file id 51826475967; not keras.io)"},
     "notes": [
         "108 columns, Keras >= 3.1 functional layout; reproduced byte for byte (printed with COLUMNS=112).",
         "MultiHeadAttention(query=x, value=x, key=x): three Connected-to entries. num_heads x key_dim is fixed "
         "by the count only as a product: 4*50*P + 3*P + 50 = 415,794 gives P = 2,048 (declared 8 x 256; "
         "4 x 512 prints the same table).",
         "add_2 adds the MODEL INPUT to the second attention output (the library's residual), not add_1.",
         "dropout_1 / dropout_3: each MultiHeadAttention consumed one dropout uid when it was built; the "
         "dropout rates are not in the printout (0.1 declared, no weight depends on it).",
         "Dense activations are not in the printout and change no count."]},
    {"id": "p06", "file": "transformer-bilstm-mha-108.txt", "build": bilstm_mha, "fields": BILSTM_FIELDS,
     "positions": None, "partial": True,
     "source": {"note": "a public repository's training log with several Keras 3 summaries "
                        "(search-tool file id 21518100303; not keras.io); this is the BiLSTM + "
                        "MultiHeadAttention one"},
     "notes": [
         "Partial: the log has no 'Model: ...' line before this table; the file starts at the top border.",
         "Reshape is not a paramcheck annotation (yet); its field uses type Reshape{targetShape}. A test "
         "without it can still check every row above it.",
         "Values fixed only by the counts: Embedding input_dim 2,236 (286,208 / 128); MHA P = num_heads x "
         "key_dim = 1,024 (4*512*P + 3*P + 512 = 2,100,736; declared 8 x 128); LSTM units 256 everywhere.",
         "lstm_2: the two Bidirectional wrappers' inner LSTMs took the auto-names lstm and lstm_1.",
         "Masking on the token input passes no mask edge: Embedding.call has no mask argument "
         "and Embedding(mask_zero=False) computes no mask, so no NotEqual row appears.",
         "The dropout rate is not in the printout (0.2 declared)."]},
]


def summary(model, width, positions):
    buf = io.StringIO()
    env = os.environ.get("COLUMNS")
    if width > 76:
        os.environ["COLUMNS"] = str(width + 4)
    try:
        with contextlib.redirect_stdout(buf):
            model.summary(line_length=width, positions=positions)
    finally:
        if env is None:
            os.environ.pop("COLUMNS", None)
    return buf.getvalue()


def compare(src, rebuilt, published):
    """Lines of the published printout that the rebuild does not reproduce."""
    pub = published.split("\n")
    reb = rebuilt.split("\n")
    if src.get("partial"):
        start = reb.index(pub[0])
        reb = reb[start:start + len(pub)]
    diffs = []
    for i, (a, b) in enumerate(zip(pub, reb)):
        if a != b:
            diffs.append({"line": i + 1, "published": a, "keras": b})
    if len(pub) != len(reb):
        diffs.append({"line": None, "published": f"{len(pub)} lines", "keras": f"{len(reb)} lines"})
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args()
    out, bad = [], False
    for src in SOURCES:
        keras.backend.clear_session()
        model = src["build"]()
        published = open(os.path.join(RES, "keras", src["file"]), encoding="utf-8").read()
        width = int(src["file"].rsplit("-", 1)[1].split(".")[0])
        rebuilt = summary(model, width, src["positions"])
        diffs = compare(src, rebuilt, published)
        allowed = [d for d in diffs if d["published"].startswith((" Total params:", " Trainable params:"))
                   and src["id"] == "p03"]
        if len(diffs) != len(allowed):
            bad = True
            print(f"{src['id']}: rebuild differs from {src['file']}:", file=sys.stderr)
            for d in diffs:
                print(f"  line {d['line']}\n  pub: {d['published']}\n  ker: {d['keras']}", file=sys.stderr)
        rec = ka.record(model)
        entry = {"id": src["id"], "className": model.name, "kind": "published", "source": src["source"],
                 "printout": f"keras/{src['file']}", "printoutWidth": width, "fields": src["fields"]}
        if src.get("blocks"):
            entry["blocks"] = src["blocks"]
        entry["expected"] = {"total": rec["total"], "trainable": rec["trainable"],
                             "nonTrainable": rec["nonTrainable"], "rows": rec["rows"],
                             f"summary{width}": published}
        entry["rebuild"] = {"keras": keras.__version__,
                            "positions": src["positions"] or "default",
                            "identicalLines": not diffs,
                            "differences": diffs}
        entry["notes"] = src["notes"]
        out.append(entry)
    if bad:
        sys.exit(2)
    doc = {"generator": "tools/corpus/attention/published.py", "keras": keras.__version__,
           "backend": keras.backend.backend(), "models": out}
    text = ka.dumps(doc)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(OUT, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(f"{len(out)} published models, all rebuilt", file=sys.stderr)


if __name__ == "__main__":
    main()
