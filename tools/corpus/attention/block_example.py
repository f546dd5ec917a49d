"""Keras 3's printout of a model using a block of its own twice (BlockTest's reference).

A custom layer (FeedForward: Dense(16) then Dense(8)) used as two instances, the second frozen,
as a user writes keras.io's TransformerBlock. Prints the summary at 108 columns (COLUMNS=112) and
the counts. Run: KERAS_BACKEND=jax COLUMNS=112 /opt/pcvenv/bin/python tools/corpus/attention/block_example.py
"""
import io
import sys

import keras


class FeedForward(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.up = keras.layers.Dense(16, name="up")
        self.down = keras.layers.Dense(8, name="down")

    def call(self, x):
        return self.down(self.up(x))


inputs = keras.Input(shape=(4, 8), name="x")
ff1 = FeedForward(name="ff1")(inputs)
frozen = FeedForward(name="ff2")
frozen.trainable = False
ff2 = frozen(ff1)
model = keras.Model(inputs, ff2, name="M")
out = io.StringIO()
saved, sys.stdout = sys.stdout, out
model.summary(line_length=108)
sys.stdout = saved
print(out.getvalue(), end="")
print("counts", model.count_params(), [(w.path, tuple(w.shape), w.trainable) for w in model.weights])
