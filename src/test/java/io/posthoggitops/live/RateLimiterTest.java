package io.posthoggitops.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final FakeTime time = new FakeTime();

  @Test
  void aBurstUnderTheBudgetIsNotSlowedAtAll() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(480, time);

    for (int i = 0; i < 480; i++) {
      limiter.acquire();
    }

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void theRequestOverTheBudgetWaitsUntilTheOldestLeavesTheWindow() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(480, time);
    for (int i = 0; i < 480; i++) {
      limiter.acquire();
      time.advance(50);
    }
    // 480 requests took 24 s; the 481st must wait until the first is 60 s old.
    long waited = limiter.acquire();

    assertThat(waited).isEqualTo(60_000 - 24_000);
  }

  @Test
  void aLongRunStaysUnderTheBudgetInEveryRollingMinute() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(10, time);
    long[] sentAt = new long[35];
    for (int i = 0; i < sentAt.length; i++) {
      limiter.acquire();
      sentAt[i] = time.nowMillis();
    }

    for (int i = 10; i < sentAt.length; i++) {
      assertThat(sentAt[i] - sentAt[i - 10]).isGreaterThanOrEqualTo(60_000);
    }
    assertThat(sentAt[34]).isEqualTo(sentAt[0] + 3 * 60_000);
  }
}
