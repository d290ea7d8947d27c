package io.posthoggitops.impact;

import io.posthoggitops.model.Address;
import java.util.Map;
import java.util.Optional;

/**
 * The impact of a plan's changes, by the address of each flag change; empty when impact is off, or
 * when it could not be worked out (then the views show the plan as without it).
 *
 * @param days the period calls were counted over
 * @param changes the impact of each flag change
 */
public record Impact(int days, Map<Address, ChangeImpact> changes) {

  public static final Impact NONE = new Impact(0, Map.of());

  public Optional<ChangeImpact> of(Address address) {
    return Optional.ofNullable(changes.get(address));
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
