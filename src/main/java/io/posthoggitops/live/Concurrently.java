package io.posthoggitops.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Maps inputs on a bounded pool, keeping input order, and rethrows the first failure as is. */
final class Concurrently {

  private Concurrently() {}

  static <T, R> List<R> map(ExecutorService pool, List<T> inputs, Function<T, R> work) {
    List<Future<R>> futures = new ArrayList<>();
    for (T input : inputs) {
      futures.add(pool.submit(() -> work.apply(input)));
    }
    List<R> results = new ArrayList<>();
    try {
      for (Future<R> future : futures) {
        results.add(future.get());
      }
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new ApiException(0, null, null, "interrupted while reading from the API.");
    }
    return results;
  }
}
