package io.posthoggitops.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One kind's objects owning objects of another kind (an experiment owns its feature flag): the
 * owned object bears the owner's identity, is managed only through the owner, is never counted as
 * unmanaged, pruned or exported on its own, and is deleted with its owner.
 */
public interface Ownership {

  /** The kind of the owned objects. */
  Kind owned();

  /** The live id of the object a live owner owns, when the owner's shape names it. */
  Optional<LiveId> ownedId(ObjectNode ownerRaw);

  /** Whether a live object of the owned kind says itself that it has an owner. */
  boolean marksItselfOwned(ObjectNode ownedRaw);

  /**
   * The validation error for a document of the owned kind that claims an owned object.
   *
   * @param identity the owned object's identity (the owner's)
   * @param ownerFields the owner document's fields
   * @param ownerLocation where the owner document is written
   */
  String claimedInFiles(String identity, JsonNode ownerFields, String ownerLocation);

  /** The plan error for such a document, {@code address} being the owned object's. */
  String claimedLive(String address);
}
