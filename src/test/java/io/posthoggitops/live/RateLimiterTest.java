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
      limiter.completed();
    }

    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void theRequestOverTheBudgetWaitsUntilTheOldestAnswerLeavesTheWindow()
      throws InterruptedException {
    RateLimiter limiter = new RateLimiter(480, time);
    for (int i = 0; i < 480; i++) {
      limiter.acquire();
      time.advance(50);
      limiter.completed();
    }
    // 480 requests took 24 s, each answered 50 ms after it was sent; the 481st waits until the
    // first answer is more than 60 s old.
    long waited = limiter.acquire();

    assertThat(waited).isEqualTo(50 + 60_001 - 24_000);
  }

  @Test
  void aLongRunStaysUnderTheBudgetInEveryRollingMinuteCountedFromTheAnswers()
      throws InterruptedException {
    RateLimiter limiter = new RateLimiter(10, time);
    long[] sentAt = new long[35];
    long[] answeredAt = new long[35];
    for (int i = 0; i < sentAt.length; i++) {
      limiter.acquire();
      sentAt[i] = time.nowMillis();
      time.advance(200);
      answeredAt[i] = time.nowMillis();
      limiter.completed();
    }

    for (int i = 10; i < sentAt.length; i++) {
      assertThat(sentAt[i] - answeredAt[i - 10]).isGreaterThan(60_000);
    }
  }

  @Test
  void requestsStillWaitingForAnswersHoldTheirPlaces() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(2, time);
    limiter.acquire();
    limiter.acquire();
    Thread answer =
        new Thread(
            () -> {
              while (time.nowMillis() < 1_000_500) {
                Thread.onSpinWait();
              }
              limiter.completed();
            });
    answer.start();

    long waited = limiter.acquire();
    answer.join();

    assertThat(waited).isGreaterThanOrEqualTo(60_000);
  }
}
