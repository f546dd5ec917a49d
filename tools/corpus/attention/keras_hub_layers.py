"""Plain-Keras-3 transcriptions of four keras_hub layers' weight-creating code.

keras_hub cannot be installed here, so its layers' constructors and build() methods are
transcribed line for line (initializer / regularizer / dtype arguments dropped: they create no
weight) from keras-team/keras-hub, files under keras_hub/src/layers/modeling/:

| class | file @ commit | lines |
| --- | --- | --- |
| PositionEmbedding | position_embedding.py @ 0d213a7 | build() 87-95: add_weight "embeddings", shape [sequence_length, feature_size] |
| TokenAndPositionEmbedding | token_and_position_embedding.py @ 11fe7b6 | __init__ 80-96 (ReversibleEmbedding "token_embedding", PositionEmbedding "position_embedding"), supports_masking 97, build() 99-103, compute_mask() 131-132 (the token embedding's) |
| TransformerEncoder | transformer_encoder.py @ 1f6e92e | build() 117-198 |
| TransformerDecoder | transformer_decoder.py @ 1dfe107 | build() from line 122 (cross-attention only when encoder_sequence_shape, 172-205) |

keras_hub's CachedMultiHeadAttention (cached_multi_head_attention.py @ 0782429) subclasses
keras.layers.MultiHeadAttention and overrides call()/_compute_attention() only, so its weights
are keras.layers.MultiHeadAttention's; it is used here under that name. ReversibleEmbedding is
Keras 3's own keras.layers.ReversibleEmbedding (keras_hub imports it from keras.layers at
11fe7b6); Keras 3.15.1's ReversibleEmbedding sets its mask inside call() and its compute_mask()
returns None (keras/src/layers/core/reversible_embedding.py 122-128 and 146-148 in the wheel; the
same at keras-team/keras @ 01b8036), so TokenAndPositionEmbedding(mask_zero=True), whose
compute_mask() delegates to it and whose call() is not run on symbolic inputs (Layer.compute_output_spec
uses compute_output_shape), puts no mask on its output. The Python class names are kept so that model.summary() prints the same
"(TransformerEncoder)" etc. as keras_hub does.

call() here is only what Keras needs to trace shapes (compute_output_shape); these classes are
for counting, not for running.
"""
import keras
from keras import layers


class PositionEmbedding(layers.Layer):
    def __init__(self, sequence_length, **kwargs):
        super().__init__(**kwargs)
        if sequence_length is None:
            raise ValueError("`sequence_length` must be an Integer, received `None`.")
        self.sequence_length = int(sequence_length)

    def build(self, inputs_shape):
        feature_size = inputs_shape[-1]
        self.position_embeddings = self.add_weight(
            name="embeddings",
            shape=[self.sequence_length, feature_size],
            trainable=True,
        )
        self.built = True

    def call(self, inputs, start_index=0):
        return keras.ops.broadcast_to(self.position_embeddings, keras.ops.shape(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, tie_weights=True,
                 mask_zero=False, **kwargs):
        super().__init__(**kwargs)
        self.vocabulary_size = int(vocabulary_size)
        self.sequence_length = int(sequence_length)
        self.embedding_dim = int(embedding_dim)
        self.token_embedding = layers.ReversibleEmbedding(
            vocabulary_size, embedding_dim, tie_weights=tie_weights, mask_zero=mask_zero,
            name="token_embedding")
        self.position_embedding = PositionEmbedding(
            sequence_length=sequence_length, name="position_embedding")
        self.supports_masking = self.token_embedding.supports_masking

    def build(self, input_shape):
        input_shape = tuple(input_shape)
        self.token_embedding.build(input_shape)
        self.position_embedding.build(input_shape + (self.embedding_dim,))
        self.built = True

    def call(self, inputs):
        return self.token_embedding(inputs)

    def compute_mask(self, inputs, mask=None):
        return self.token_embedding.compute_mask(inputs, mask=mask)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape) + (self.embedding_dim,)


class TransformerEncoder(layers.Layer):
    def __init__(self, intermediate_dim, num_heads, dropout=0, normalize_first=False, **kwargs):
        super().__init__(**kwargs)
        self.intermediate_dim = intermediate_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.normalize_first = normalize_first
        self.supports_masking = True

    def build(self, inputs_shape):
        hidden_dim = inputs_shape[-1]
        key_dim = int(hidden_dim // self.num_heads)
        if key_dim == 0:
            raise ValueError(
                "Attention `key_dim` computed cannot be zero. "
                f"The `hidden_dim` value of {hidden_dim} has to be equal to "
                f"or greater than `num_heads` value of {self.num_heads}.")
        self._self_attention_layer = layers.MultiHeadAttention(
            num_heads=self.num_heads, key_dim=key_dim, dropout=self.dropout,
            name="self_attention_layer")
        self._self_attention_layer.build(query_shape=inputs_shape, value_shape=inputs_shape)
        self._self_attention_layer_norm = layers.LayerNormalization(name="self_attention_layer_norm")
        self._self_attention_layer_norm.build(inputs_shape)
        self._self_attention_dropout = layers.Dropout(rate=self.dropout, name="self_attention_dropout")
        self._feedforward_layer_norm = layers.LayerNormalization(name="feedforward_layer_norm")
        self._feedforward_layer_norm.build(inputs_shape)
        self._feedforward_intermediate_dense = layers.Dense(
            self.intermediate_dim, activation="relu", name="feedforward_intermediate_dense")
        self._feedforward_intermediate_dense.build(inputs_shape)
        self._feedforward_output_dense = layers.Dense(hidden_dim, name="feedforward_output_dense")
        intermediate_shape = list(inputs_shape)
        intermediate_shape[-1] = self.intermediate_dim
        self._feedforward_output_dense.build(tuple(intermediate_shape))
        self._feedforward_dropout = layers.Dropout(rate=self.dropout, name="feedforward_dropout")
        self.built = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, inputs_shape):
        return inputs_shape


class TransformerDecoder(layers.Layer):
    def __init__(self, intermediate_dim, num_heads, dropout=0, normalize_first=False, **kwargs):
        super().__init__(**kwargs)
        self.intermediate_dim = intermediate_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.normalize_first = normalize_first
        self.supports_masking = True

    def build(self, decoder_sequence_shape, encoder_sequence_shape=None):
        hidden_dim = decoder_sequence_shape[-1]
        head_dim = int(hidden_dim // self.num_heads)
        if head_dim == 0:
            raise ValueError(
                "Attention `head_dim` computed cannot be zero. "
                f"The `hidden_dim` value of {hidden_dim} has to be equal to "
                f"or greater than `num_heads` value of {self.num_heads}.")
        # CachedMultiHeadAttention = keras MultiHeadAttention weights (see module docstring)
        self._self_attention_layer = layers.MultiHeadAttention(
            num_heads=self.num_heads, key_dim=head_dim, dropout=self.dropout, name="self_attention")
        self._self_attention_layer.build(query_shape=decoder_sequence_shape,
                                         value_shape=decoder_sequence_shape)
        self._self_attention_layer_norm = layers.LayerNormalization(name="self_attention_layer_norm")
        self._self_attention_layer_norm.build(decoder_sequence_shape)
        self._self_attention_dropout = layers.Dropout(rate=self.dropout, name="self_attention_dropout")
        self._cross_attention_layer = None
        if encoder_sequence_shape:
            self._cross_attention_layer = layers.MultiHeadAttention(
                num_heads=self.num_heads, key_dim=head_dim, value_dim=head_dim,
                dropout=self.dropout, name="cross_attention")
            self._cross_attention_layer.build(query_shape=decoder_sequence_shape,
                                              value_shape=encoder_sequence_shape)
            self._cross_attention_layer_norm = layers.LayerNormalization(
                name="cross_attention_layer_norm")
            self._cross_attention_layer_norm.build(decoder_sequence_shape)
            self._cross_attention_dropout = layers.Dropout(
                rate=self.dropout, name="cross_attention_dropout")
        self._feedforward_intermediate_dense = layers.Dense(
            self.intermediate_dim, activation="relu", name="feedforward_intermediate_dense")
        self._feedforward_intermediate_dense.build(decoder_sequence_shape)
        self._feedforward_output_dense = layers.Dense(hidden_dim, name="feedforward_output_dense")
        intermediate_shape = list(decoder_sequence_shape)
        intermediate_shape[-1] = self.intermediate_dim
        self._feedforward_output_dense.build(tuple(intermediate_shape))
        self._feedforward_layer_norm = layers.LayerNormalization(name="feedforward_layer_norm")
        self._feedforward_layer_norm.build(decoder_sequence_shape)
        self._feedforward_dropout = layers.Dropout(rate=self.dropout, name="feedforward_dropout")
        self.built = True

    def call(self, decoder_sequence, encoder_sequence=None):
        return decoder_sequence

    def compute_output_shape(self, decoder_sequence_shape, encoder_sequence_shape=None):
        return decoder_sequence_shape
