#!/usr/bin/env python3
"""Published Keras 3 printouts of functional models, rebuilt from paramcheck declarations.

Each entry of PUBLISHED is a model whose model.summary() was published (book, notebook export)
in Keras 3's rich layout; its text is committed, unchanged apart from removed HTML colour tags,
as processor/src/test/resources/keras/functional-<name>-<width>.txt. This script builds the
declaration with generate_functional.py's interpreter in Keras 3 (JAX backend), prints the
summary at the published width, compares it byte for byte with the committed text (the whole
text, or only the table when the source published only the table), and writes
processor/src/test/resources/corpus/functional-published.json in the corpus format, with
"expected" measured by Keras here and "reproduces" saying whether the rerun matched.

    KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/functional/published_functional.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_functional as gf  # noqa: E402
from generate_functional import ann, keras  # noqa: E402

KERAS_DIR = os.path.join(gf.ROOT, "processor", "src", "test", "resources", "keras")
OUT = os.path.join(gf.ROOT, "processor", "src", "test", "resources", "corpus", "functional-published.json")


def f(name, anns, frm=None, initial=None):
    d = {"name": name, "annotations": anns}
    if frm is not None:
        d["from"] = frm
    if initial is not None:
        d["initialState"] = initial
    return d


def ocr_branch(inp, conv, pool, flat):
    out = []
    for i, (filters, c, p) in enumerate(zip((64, 128, 256), conv, pool)):
        out.append(f(c, [ann("Conv2d", filters=filters, kernelSize=[3, 3], padding="SAME")], frm=[inp] if i == 0 else None))
        out.append(f(p, [ann("MaxPooling2d")]))
    out.append(f(flat, [ann("Flatten")]))
    return out


PUBLISHED = [
    {
        "id": "p0001", "className": "functional_1", "kind": "encoder-decoder-mask", "name": "dlwp-seq2seq-gru",
        "width": 80, "part": "all",
        "source": "Deep Learning with Python, 3rd edition (F. Chollet, M. Watson), chapter 15, listings 15.11-15.12 "
                  "and the printed seq2seq_rnn.summary(); found with the code search, find_string id 63224138520",
        "note": "Printed at line_length 80 (a terminal 84 columns wide). vocab_size 15000, embed_dim 256, "
                "hidden_dim 1024 as in the listing. The decoder GRU gets no mask (two tensor arguments), so there is "
                "one not_equal row only.",
        "fields": [
            f("english", [ann("Input", shape=[-1], dtype="int32")]),
            f("embedding_1", [ann("Embedding", inputDim=15000, outputDim=256, maskZero=True)]),
            f("bidirectional", [ann("Bidirectional", merge="SUM"), ann("Gru", units=1024)]),
            f("spanish", [ann("Input", shape=[-1], dtype="int32")]),
            f("embedding_2", [ann("Embedding", inputDim=15000, outputDim=256, maskZero=True)]),
            f("gru_2", [ann("Gru", units=1024, returnSequences=True)], frm=["embedding_2"], initial=["bidirectional"]),
            f("dropout_1", [ann("Dropout", rate=0.5)]),
            f("dense_1", [ann("Dense", units=15000)]),
        ],
    },
    {
        "id": "p0002", "className": "functional_1", "kind": "two-inputs-dot", "name": "anime-recommender",
        "width": 76, "part": "all",
        "source": "Jupyter notebook export (Keras 3, Kaggle 'anime recommendation database 2020'), "
                  "RecommenderNet with Dot(normalize=True, axes=2); find_string id 37222935585",
        "note": "Input(shape=[1]) is float32 in the source (Embedding casts); n_users 91641 and n_animes 17560 "
                "follow from the printed counts (11,730,048 / 128 and 2,247,680 / 128).",
        "fields": [
            f("user", [ann("Input", shape=[1])]),
            f("user_embedding", [ann("Embedding", inputDim=91641, outputDim=128)]),
            f("anime", [ann("Input", shape=[1])]),
            f("anime_embedding", [ann("Embedding", inputDim=17560, outputDim=128)]),
            f("dot_product", [ann("Dot", axes=[2], normalize=True)], frm=["user_embedding", "anime_embedding"]),
            f("flatten", [ann("Flatten")]),
            f("dense", [ann("Dense", units=1)]),
            f("batch_normalization", [ann("BatchNormalization")]),
            f("activation", [ann("Activation", value="sigmoid")]),
        ],
    },
    {
        "id": "p0003", "className": "ocr_dnn", "kind": "two-inputs-cnn", "name": "ocr-dnn",
        "width": 76, "part": "table",
        "source": "README of an 'OCR-DNN' GitHub project (dual RGB/binary 28x28 input CNN, 62 classes), "
                  "rich HTML export of model.summary(); find_string id 2446810467",
        "note": "The source published the table only (no title, no footer), so only the table is compared. "
                "Conv2D 3x3 'same' (1,792 = 3*3*3*64 + 64), MaxPooling2D 2x2; the Dropout rates are not "
                "printed and do not change the table (0.5 assumed). The class name is not published.",
        "fields": [f("input_layer_4", [ann("Input", shape=[28, 28, 3])]),
                   f("input_layer_5", [ann("Input", shape=[28, 28, 1])])]
        + ocr_branch("input_layer_4", ("conv2d_12", "conv2d_13", "conv2d_14"),
                     ("max_pooling2d_12", "max_pooling2d_13", "max_pooling2d_14"), "flatten_4")
        + ocr_branch("input_layer_5", ("conv2d_15", "conv2d_16", "conv2d_17"),
                     ("max_pooling2d_15", "max_pooling2d_16", "max_pooling2d_17"), "flatten_5")
        + [f("concatenate_2", [ann("Concatenate")], frm=["flatten_4", "flatten_5"]),
           f("dense_6", [ann("Dense", units=256)]),
           f("dropout_4", [ann("Dropout", rate=0.5)]),
           f("dense_7", [ann("Dense", units=128)]),
           f("dropout_5", [ann("Dropout", rate=0.5)]),
           f("dense_8", [ann("Dense", units=62)])],
    },
    {
        "id": "p0004", "className": "seq2seq", "kind": "encoder-decoder-states", "name": "seq2seq-lstm-states",
        "width": 76, "part": "table",
        "source": "Korean study notes (markdown, code block indented by 4 spaces) with a character-level seq2seq: "
                  "LSTM(256, return_state=True) encoder, LSTM(256, return_sequences=True, return_state=True) "
                  "decoder with initial_state=[state_h, state_c], Dense(50, softmax); find_string id 35030841290",
        "note": "Table only (no title, no footer in the source); the 4-space markdown indentation is removed. "
                "The decoder's return_state makes its row a 3-shape list; its states feed nothing, and its first "
                "tensor feeds the Dense, so the model's only output is dense.",
        "fields": [
            f("input_layer", [ann("Input", features=50)]),
            f("lstm", [ann("Lstm", units=256, returnState=True)]),
            f("input_layer_1", [ann("Input", features=50)]),
            f("lstm_1", [ann("Lstm", units=256, returnSequences=True, returnState=True)], frm=["input_layer_1"],
              initial=["lstm[1]", "lstm[2]"]),
            f("dense", [ann("Dense", units=50)], frm=["lstm_1[0]"]),
        ],
    },
]


def table_part(text):
    lines = text.splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("┏"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("└"))
    return "".join(lines[start:end + 1])


def main():
    entries, ok = [], True
    for p in PUBLISHED:
        keras.backend.clear_session()
        with gf.no_init():
            model = gf.build_model(p["fields"], p["className"])
            expected = gf.measure(model)
            rerun = gf.summary_text(model, p["width"], p["width"] + 4)
        fname = "functional-%s-%d.txt" % (p["name"], p["width"])
        with open(os.path.join(KERAS_DIR, fname), encoding="utf-8") as fh:
            published = fh.read()
        got = table_part(rerun) if p["part"] == "table" else rerun
        same = got == published
        if not same:
            ok = False
            sys.stderr.write("%s differs from Keras %s:\n--- published\n%s--- keras\n%s" % (fname, keras.__version__, published, got))
        entry = {"id": p["id"], "className": p["className"], "kind": p["kind"], "fields": p["fields"],
                 "expected": expected, "published": fname, "publishedWidth": p["width"],
                 "publishedPart": p["part"], "reproduces": same, "source": p["source"], "note": p["note"]}
        entries.append(json.loads(json.dumps(entry)))
        print("%s: %s" % (fname, "reproduced byte for byte" if same else "DIFFERS"), file=sys.stderr)
    corpus = {"generator": "tools/corpus/functional/published_functional.py",
              "keras": keras.__version__, "backend": keras.backend.backend(), "models": entries}
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(corpus, indent=2, ensure_ascii=False) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
