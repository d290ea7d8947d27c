package io.posthoggitops.live;

/**
 * A POST whose outcome is unknown (502/503/504 or no answer): the object may or may not exist now.
 * It is never replayed blindly; the caller re-lists by identity first.
 */
public class UnclearWriteException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnclearWriteException(int status, String message) {
    super(status, null, null, message);
  }
}
