"""Keras 3's count for the example app's TransformerClassifier: keras.io's "Text classification
with Transformer" (examples/nlp/text_classification_with_transformer.py): vocabulary 20,000,
sequences of 200, embed_dim 32, 2 heads, ff_dim 32, a TransformerBlock of its own, pooling,
Dropout, Dense(20), Dropout, Dense(2). Prints the summary at 108 columns and each layer's count.
Run: KERAS_BACKEND=jax COLUMNS=112 /opt/pcvenv/bin/python tools/corpus/attention/transformer_classifier.py
"""
import keras
from keras import layers


class TransformerBlock(layers.Layer):
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
        ffn_output = self.dropout2(self.ffn(out1))
        return self.layernorm2(out1 + ffn_output)


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        positions = keras.ops.arange(0, keras.ops.shape(x)[-1], 1)
        return self.token_emb(x) + self.pos_emb(positions)


inputs = layers.Input(shape=(200,), name="tokens")
x = TokenAndPositionEmbedding(200, 20000, 32, name="embedding")(inputs)
x = TransformerBlock(32, 2, 32, name="encoder")(x)
x = layers.GlobalAveragePooling1D(name="pool")(x)
x = layers.Dropout(0.1, name="drop")(x)
x = layers.Dense(20, activation="relu", name="hidden")(x)
x = layers.Dropout(0.1, name="drop2")(x)
outputs = layers.Dense(2, activation="softmax", name="out")(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="TransformerClassifier")
model.summary(line_length=108)
for layer in model.layers:
    print(layer.name, layer.count_params())
