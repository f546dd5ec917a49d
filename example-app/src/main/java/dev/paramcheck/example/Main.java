package dev.paramcheck.example;

/** Prints the summary of every example model, read from the classes paramcheck generated. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.print(SentimentRnnSummary.table());
    System.out.println("SentimentRnnSummary.TOTAL_PARAMS = " + SentimentRnnSummary.TOTAL_PARAMS);
  }
}
