package io.posthoggitops.cli;

import io.posthoggitops.kind.Kind;
import io.posthoggitops.kind.Suggestions;
import io.posthoggitops.kinds.Kinds;
import io.posthoggitops.model.Address;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --target KIND/IDENTITY}; the kind in any case, the identity exactly. */
final class TargetConverter implements ITypeConverter<Address> {

  @Override
  public Address convert(String value) {
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      throw new TypeConversionException(
          "expected KIND/IDENTITY, e.g. FeatureFlag/new-checkout, not '" + value + "'");
    }
    String name = value.substring(0, slash);
    Optional<Kind> kind = Kinds.namedIgnoringCase(name);
    if (kind.isEmpty()) {
      throw new TypeConversionException(
          "'"
              + name
              + "' is not a kind"
              + Suggestions.orPeriod(name, Kinds.all().stream().map(Kind::name).toList())
              + " The kinds are "
              + Kinds.names()
              + ".");
    }
    return new Address(kind.get(), value.substring(slash + 1));
  }
}
