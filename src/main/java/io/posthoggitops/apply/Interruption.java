package io.posthoggitops.apply;

import java.util.Optional;

/**
 * A request to stop an apply, from SIGINT or SIGTERM (docs/commands/apply.md#interrupting). The
 * write in flight always finishes, so its outcome is known and reported; the apply stops before the
 * next one.
 */
public final class Interruption {
  private volatile String signal;
  private volatile boolean writing;

  /** Records that {@code signal} ({@code SIGINT}, {@code SIGTERM}) asked the apply to stop. */
  public void request(String signal) {
    this.signal = signal;
  }

  /** The signal that asked to stop, if one did. */
  public Optional<String> requested() {
    return Optional.ofNullable(signal);
  }

  /** Whether the apply has begun writing (before that, stopping at once loses nothing). */
  public boolean writing() {
    return writing;
  }

  void startWriting() {
    writing = true;
  }
}
