"""References for BlockTest's hand-written multi-input blocks (not part of blocks.json).

1. torch.nn: the block Inner (Dense(4) on input a, LSTM(3) on input b, 8 features each) as one
   nn.Module with an nn.Linear(8, 4) and an nn.LSTM(8, 3), used twice in an outer module:
   sum(p.numel() for p in model.parameters()).
2. Keras 3.15.1: a block whose Conv1D(kernel_size=5) sits on an input of unknown length, called on
   a tensor of length 3: Keras refuses the call.

Run: KERAS_BACKEND=jax /opt/pcvenv/bin/python tools/corpus/blocks/block_examples.py
"""
import os

os.environ["KERAS_BACKEND"] = "jax"
import torch  # noqa: E402
import keras  # noqa: E402


class Inner(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.d = torch.nn.Linear(8, 4)
        self.l = torch.nn.LSTM(8, 3, batch_first=True)


class Outer(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.inner2 = Inner()


print("torch Inner", sum(p.numel() for p in Inner().parameters()))
print("torch Outer", sum(p.numel() for p in Outer().parameters()))

x = keras.Input((None, 8), name="x")
conv = keras.Model(x, keras.layers.Conv1D(4, 5, name="conv")(x), name="conv_block")
short = keras.Input((3, 8), name="short")
try:
    conv(short)
    print("keras accepted")
except Exception as e:  # noqa: BLE001
    print("keras refused:", type(e).__name__, str(e).split("\n")[0])
