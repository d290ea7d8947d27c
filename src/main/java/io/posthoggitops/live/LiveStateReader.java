package io.posthoggitops.live;

import io.posthoggitops.model.LiveState;

/** Reads all five kinds (and the organisation's features) into a {@link LiveState}. */
public final class LiveStateReader {

  private LiveStateReader() {}

  public static LiveState read(PostHogApi api, String apiUrl) {
    throw new UnsupportedOperationException("not built yet");
  }
}
