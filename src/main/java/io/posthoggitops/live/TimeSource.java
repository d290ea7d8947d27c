package io.posthoggitops.live;

/**
 * Time as the client sees it: the rate limiter and the retry backoff read and wait through this, so
 * tests can run a minute of traffic without sleeping.
 */
public interface TimeSource {

  long nowMillis();

  void sleep(long millis) throws InterruptedException;

  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nowMillis() {
          return System.nanoTime() / 1_000_000L;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
          if (millis > 0) {
            Thread.sleep(millis);
          }
        }
      };
}
