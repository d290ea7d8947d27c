package io.posthoggitops.impact;

/**
 * How often one key was called in the period asked for.
 *
 * @param calls {@code $feature_flag_called} events
 * @param persons distinct persons behind them
 */
public record Calls(long calls, long persons) {

  public static final Calls NONE = new Calls(0, 0);
}
