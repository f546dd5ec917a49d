package dev.paramcheck.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The example models' generated constants, as a user's code reads them, against published Keras
 * summaries, the seeds and PyTorch.
 */
class ExampleModelsTest {
  @Test
  void seedModels() {
    assertEquals(120, SentimentRnnSummary.TOTAL_PARAMS); // seeds/002, Keras summary
    assertEquals(68, SeedClassifierSummary.TOTAL_PARAMS); // seeds/000
    assertEquals(20, SeedClassifierSummary.HIDDEN_KERNEL_PARAMS); // seeds/000: 4 * 5 input weights
    assertEquals(32, SeedQuizModelSummary.RNN_PARAMS); // seeds/000 quiz: minimum 32
    assertEquals(20, SeedQuizModelSummary.OUTPUT_PARAMS); // seeds/000 quiz: 4 x 4 + 4
    assertEquals(28, NoBiasRnnSummary.TOTAL_PARAMS); // seeds/002: 16 + 12 weights, no biases
  }

  @Test
  void kerasGuideModels() {
    // keras.io "Working with RNNs", published summaries
    assertEquals(164_106, GuideLstmSummary.TOTAL_PARAMS);
    assertEquals(98_816, GuideLstmSummary.LSTM_PARAMS);
    assertEquals(361_866, GuideGruSummary.TOTAL_PARAMS);
    assertEquals(247_296, GuideGruSummary.GRU_PARAMS);
    assertEquals(49_280, GuideGruSummary.SIMPLE_RNN_PARAMS);
    assertEquals(80_266, GuideBidirectionalSummary.TOTAL_PARAMS);
    assertEquals(38_400, GuideBidirectionalSummary.BIDIRECTIONAL_PARAMS);
    assertEquals(41_216, GuideBidirectionalSummary.BIDIRECTIONAL1_PARAMS);
    assertTrue(GuideLstmSummary.table().endsWith(" Total params: 164,106 (641.04 KB)\n"
        + " Trainable params: 164,106 (641.04 KB)\n"
        + " Non-trainable params: 0 (0.00 B)\n"));
  }

  @Test
  void reviewSentimentAgreesWithPyTorch() {
    // PyTorch 1.13 (Debian python3-torch): nn.Embedding(20000, 128) 2,560,000;
    // nn.GRU(128, 64, bidirectional=True) 74,496; nn.GRU(128, 32, bidirectional=True) 31,104;
    // nn.Linear(32, 16) 528; nn.Linear(16, 1) 17. PyTorch's GRU keeps two bias vectors, as Keras
    // does with reset_after=True.
    assertEquals(2_560_000, ReviewSentimentSummary.TOKENS_PARAMS);
    assertEquals(74_496, ReviewSentimentSummary.ENCODER_PARAMS);
    assertEquals(31_104, ReviewSentimentSummary.POOLED_PARAMS);
    assertEquals(528, ReviewSentimentSummary.HIDDEN_PARAMS);
    assertEquals(17, ReviewSentimentSummary.SENTIMENT_PARAMS);
    assertEquals(2_666_145, ReviewSentimentSummary.TOTAL_PARAMS);
  }

  @Test
  void convolutionalFrontEndAgreesWithTensorFlowJs() {
    // TensorFlow.js 4.22, the same layers (tools/corpus): Embedding(20000, 128, inputLength 200,
    // trainable false) 2,560,000; Conv1D(64, 5, same) 41,024 [null,200,64]; BatchNormalization
    // 256 (128 trainable); MaxPooling1D(4) [null,50,64]; LSTM(64) 33,024; Dense(1) 65.
    // Total 2,634,369, trainable 74,241, non-trainable 2,560,128.
    assertEquals(2_560_000, ConvHeadlinesSummary.WORDS_PARAMS);
    assertEquals(41_024, ConvHeadlinesSummary.CONV_PARAMS);
    assertEquals(256, ConvHeadlinesSummary.NORM_PARAMS);
    assertEquals(64, ConvHeadlinesSummary.NORM_MOVING_MEAN_PARAMS);
    assertEquals(0, ConvHeadlinesSummary.POOL_PARAMS);
    assertEquals(33_024, ConvHeadlinesSummary.LSTM_PARAMS);
    assertEquals(65, ConvHeadlinesSummary.HEADLINE_PARAMS);
    assertEquals(2_634_369, ConvHeadlinesSummary.TOTAL_PARAMS);
    assertEquals(74_241, ConvHeadlinesSummary.TRAINABLE_PARAMS);
    assertEquals(2_560_128, ConvHeadlinesSummary.NON_TRAINABLE_PARAMS);
    assertTrue(ConvHeadlinesSummary.table().contains("(None, 50, 64)"));
  }

  @Test
  void phoneKeyboardAtFloat16() {
    // TensorFlow.js 4.22, the same layers: Embedding(5000, 32) 160,000; LSTM(128) 82,432;
    // Dense(5000) 645,000; total 887,432. Keras 3 sizes float16 weights at 16 bits each.
    assertEquals(887_432, PhoneKeyboardSummary.TOTAL_PARAMS);
    assertEquals(1_774_864, PhoneKeyboardSummary.TOTAL_BYTES);
    assertEquals(164_864, PhoneKeyboardSummary.CONTEXT_BYTES);
    // worked by hand: the LSTM's 82,432 parameters at each of 20 steps, the Dense's 645,000 once
    assertEquals(1_648_640, PhoneKeyboardSummary.CONTEXT_MACS);
    assertEquals(2_293_640, PhoneKeyboardSummary.TOTAL_MACS);
    assertTrue(PhoneKeyboardSummary.table().contains(" Total params: 887,432 (1.69 MB)\n"));
  }

  @Test
  void torchTaggerAgreesWithTorchNn() {
    // PyTorch 1.13 (Debian python3-torch): nn.Embedding(20000, 100) 2,000,000;
    // nn.LSTM(100, 64, bidirectional=True) 84,992; nn.Linear(128, 17) 2,193; total 2,087,185
    assertEquals(2_000_000, TorchTaggerSummary.TOKENS_PARAMS);
    assertEquals(84_992, TorchTaggerSummary.ENCODER_PARAMS);
    assertEquals(2_193, TorchTaggerSummary.TAGS_PARAMS);
    assertEquals(2_087_185, TorchTaggerSummary.TOTAL_PARAMS);
    assertEquals(256, TorchTaggerSummary.ENCODER_BIAS_HH_L0_REVERSE_PARAMS);
    assertTrue(TorchTaggerSummary.table().startsWith("====="));
    assertTrue(TorchTaggerSummary.table().contains("├─LSTM: 1-2"));
  }

  @Test
  void functionalModelsCountAsKeras3() {
    // Keras 3.15 (JAX) on the same graphs, summary(line_length=108): TicketClassifier 1,392,097,
    // CharSeq2Seq 718,173 (encoder 335,872, decoder 358,400, dense 23,901)
    assertEquals(1_392_097, TicketClassifierSummary.TOTAL_PARAMS);
    assertEquals(98_816, TicketClassifierSummary.TITLE_ENCODED_PARAMS);
    assertEquals(12_416, TicketClassifierSummary.BODY_ENCODED_PARAMS);
    assertEquals(692, TicketClassifierSummary.DEPARTMENT_PARAMS);
    assertEquals(718_173, CharSeq2SeqSummary.TOTAL_PARAMS);
    assertEquals(335_872, CharSeq2SeqSummary.ENCODER_PARAMS);
    assertEquals(358_400, CharSeq2SeqSummary.DECODER_LSTM_PARAMS);
    String table = CharSeq2SeqSummary.table();
    assertTrue(table.contains("│ decoderLstm (LSTM)            │ [(None, None, 256),       │         358,400 │"
        + " decoderInputs[0][0],       │\n"), table);
    assertTrue(table.contains("│ encoder[0][1],             │\n"), table);
  }

  @Test
  void transformerClassifier() {
    // Keras 3.15.1 running keras.io's classifier (tools/corpus/attention/transformer_classifier.py)
    assertEquals(657_758, TransformerClassifierSummary.TOTAL_PARAMS);
    assertEquals(646_400, TransformerClassifierSummary.EMBEDDING_PARAMS);
    assertEquals(10_656, TransformerClassifierSummary.ENCODER_PARAMS);
    assertEquals(660, TransformerClassifierSummary.HIDDEN_PARAMS);
    assertEquals(10_656, TransformerBlockSummary.TOTAL_PARAMS);
    assertEquals(4 * 657_758, TransformerClassifierSummary.TOTAL_BYTES);
    String table = TransformerClassifierSummary.table();
    assertTrue(table.contains("encoder (TransformerBlock)"), table);
    assertTrue(table.contains(" Total params: 657,758 (2.51 MB)\n"), table);
  }
}
