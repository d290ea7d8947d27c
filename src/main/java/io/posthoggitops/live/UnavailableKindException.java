package io.posthoggitops.live;

import io.posthoggitops.kind.Kind;

/** The list of an optional kind answered 404: this PostHog does not serve the kind. */
public class UnavailableKindException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final transient Kind kind;

  UnavailableKindException(Kind kind, ApiException cause) {
    super(cause.status(), cause.detail(), cause.attr(), cause.getMessage());
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
