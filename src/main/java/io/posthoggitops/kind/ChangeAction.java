package io.posthoggitops.kind;

/** What a plan does to one resource; each action carries its symbol in the views. */
public enum ChangeAction {
  CREATE('+', "create"),
  UPDATE('~', "update"),
  DELETE('-', "delete"),
  NO_OP(' ', "no-op");

  private final char symbol;
  private final String word;

  ChangeAction(char symbol, String word) {
    this.symbol = symbol;
    this.word = word;
  }

  public char symbol() {
    return symbol;
  }

  public String word() {
    return word;
  }
}
