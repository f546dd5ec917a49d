package dev.paramcheck.example;

/**
 * Prints the summary of every example model, read from the classes paramcheck generated while
 * this module compiled. Nothing here computes a count: they are compile-time constants.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    print(SentimentRnnSummary.table(), "SentimentRnnSummary.TOTAL_PARAMS", SentimentRnnSummary.TOTAL_PARAMS);
    print(SeedClassifierSummary.table(), "SeedClassifierSummary.TOTAL_PARAMS", SeedClassifierSummary.TOTAL_PARAMS);
    print(SeedQuizModelSummary.table(), "SeedQuizModelSummary.RNN_PARAMS", SeedQuizModelSummary.RNN_PARAMS);
    print(NoBiasRnnSummary.table(), "NoBiasRnnSummary.SIMPLE_RNN_BIAS_PARAMS", NoBiasRnnSummary.SIMPLE_RNN_BIAS_PARAMS);
    print(GuideLstmSummary.table(), "GuideLstmSummary.LSTM_PARAMS", GuideLstmSummary.LSTM_PARAMS);
    print(GuideGruSummary.table(), "GuideGruSummary.GRU_BIAS_PARAMS", GuideGruSummary.GRU_BIAS_PARAMS);
    print(
        GuideBidirectionalSummary.table(),
        "GuideBidirectionalSummary.BIDIRECTIONAL_FORWARD_KERNEL_PARAMS",
        GuideBidirectionalSummary.BIDIRECTIONAL_FORWARD_KERNEL_PARAMS);
    print(ReviewSentimentSummary.table(), "ReviewSentimentSummary.ENCODER_PARAMS", ReviewSentimentSummary.ENCODER_PARAMS);
    print(ConvHeadlinesSummary.table(), "ConvHeadlinesSummary.TRAINABLE_PARAMS", ConvHeadlinesSummary.TRAINABLE_PARAMS);
    print(PhoneKeyboardSummary.table(), "PhoneKeyboardSummary.TOTAL_BYTES", PhoneKeyboardSummary.TOTAL_BYTES);
    print(TorchTaggerSummary.table(), "TorchTaggerSummary.ENCODER_WEIGHT_IH_L0_REVERSE_PARAMS",
        TorchTaggerSummary.ENCODER_WEIGHT_IH_L0_REVERSE_PARAMS);
    print(TicketClassifierSummary.table(), "TicketClassifierSummary.TITLE_ENCODED_PARAMS",
        TicketClassifierSummary.TITLE_ENCODED_PARAMS);
    print(CharSeq2SeqSummary.table(), "CharSeq2SeqSummary.DECODER_LSTM_PARAMS", CharSeq2SeqSummary.DECODER_LSTM_PARAMS);
    print(TransformerClassifierSummary.table(), "TransformerClassifierSummary.ENCODER_PARAMS",
        TransformerClassifierSummary.ENCODER_PARAMS);
  }

  private static void print(String table, String constant, long value) {
    System.out.print(table);
    System.out.println(constant + " = " + value);
    System.out.println();
  }
}
