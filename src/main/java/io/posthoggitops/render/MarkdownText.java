package io.posthoggitops.render;

/** Escaping for text placed into GitHub markdown: table cells, inline code, HTML, code fences. */
final class MarkdownText {

  private MarkdownText() {}

  /** Text safe inside a table cell: no pipes, no line breaks, no HTML. */
  static String cell(String text) {
    return html(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Inline code that survives backticks and pipes in the text. */
  static String code(String text) {
    String safe = text.replace("|", "\\|").replace("\n", " ");
    String ticks = safe.contains("`") ? "``" : "`";
    return ticks + (ticks.length() > 1 ? " " + safe + " " : safe) + ticks;
  }

  /** A code fence longer than any run of backticks inside {@code body}. */
  static String fenceFor(String body) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      run = body.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
