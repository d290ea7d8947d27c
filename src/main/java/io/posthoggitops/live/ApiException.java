package io.posthoggitops.live;

/**
 * A failed API call, with a message a person can act on: what failed (method, path, HTTP status),
 * PostHog's {@code detail} and {@code attr}, and what to do next. Never holds the API key.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String detail;
  private final String attr;

  /**
   * @param status the HTTP status, or 0 when no answer came
   * @param detail PostHog's {@code detail}, or null
   * @param attr PostHog's {@code attr}, or null
   * @param message the whole sentence shown to the user
   */
  public ApiException(int status, String detail, String attr, String message) {
    super(message);
    this.status = status;
    this.detail = detail;
    this.attr = attr;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }

  public String attr() {
    return attr;
  }
}
