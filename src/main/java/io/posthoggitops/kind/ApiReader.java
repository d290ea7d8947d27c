package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads from the project's API, for the kinds' apply-time hooks; paths as in {@link ApiRequest}.
 */
public interface ApiReader {

  /** GET one object, e.g. {@code dashboards/3101/}. */
  ObjectNode get(String path);

  /** Every live object of a kind, as {@link Listing} says to read them. */
  List<ObjectNode> list(Kind kind);
}
