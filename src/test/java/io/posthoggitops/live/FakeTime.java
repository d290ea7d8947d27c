package io.posthoggitops.live;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when someone sleeps, recording every sleep. */
final class FakeTime implements TimeSource {

  private long now = 1_000_000;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  @Override
  public synchronized void sleep(long millis) {
    if (millis > 0) {
      sleeps.add(millis);
      now += millis;
    }
  }

  synchronized void advance(long millis) {
    now += millis;
  }

  synchronized long totalSlept() {
    return sleeps.stream().mapToLong(Long::longValue).sum();
  }
}
