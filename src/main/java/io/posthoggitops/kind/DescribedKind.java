package io.posthoggitops.kind;

import java.util.List;

/**
 * A kind whose plain parts are data: name, identity, endpoint, reference word, fields, shapes,
 * reference slots, canonical form, listing and ids, given once to the constructor. A concrete kind
 * extends it and overrides only the behaviour particular to it.
 */
public abstract class DescribedKind implements Kind {

  private final String name;
  private final String identityField;
  private final String resource;
  private final String referenceWord;
  private final KindSpec spec;
  private final List<ObjectShape> shapes;
  private final List<ReferenceSlot> referenceSlots;
  private final CanonicalForm form;
  private final Listing listing;
  private final IdFormat idFormat;

  protected DescribedKind(Description description) {
    this.name = description.name;
    this.identityField = description.identityField;
    this.resource = description.resource;
    this.referenceWord = description.referenceWord;
    this.spec = description.spec;
    this.shapes = List.copyOf(description.shapes);
    this.referenceSlots = List.copyOf(description.referenceSlots);
    this.form = description.form;
    this.listing = description.listing;
    this.idFormat = description.idFormat;
  }

  /** A kind at {@code resource} identified by {@code identityField}; the rest as the plain case. */
  protected static Description describe(
      String name, String identityField, String resource, KindSpec spec) {
    return new Description(name, identityField, resource, spec);
  }

  /** What a kind is, as data; only the constructor of a {@link DescribedKind} reads it. */
  protected static final class Description {
    private final String name;
    private final String identityField;
    private final String resource;
    private final KindSpec spec;
    private String referenceWord;
    private List<ObjectShape> shapes = List.of();
    private List<ReferenceSlot> referenceSlots = List.of();
    private CanonicalForm form = CanonicalForm.NONE;
    private Listing listing = Listing.pages();
    private IdFormat idFormat = IdFormat.POSITIVE_INTEGER;

    private Description(String name, String identityField, String resource, KindSpec spec) {
      this.name = name;
      this.identityField = identityField;
      this.resource = resource;
      this.spec = spec;
    }

    /** References to it are written {@code {word: NAME}}. */
    public Description referredToAs(String word) {
      this.referenceWord = word;
      return this;
    }

    public Description shapes(List<ObjectShape> nested) {
      this.shapes = nested;
      return this;
    }

    public Description references(List<ReferenceSlot> slots) {
      this.referenceSlots = slots;
      return this;
    }

    public Description form(CanonicalForm rewrites) {
      this.form = rewrites;
      return this;
    }

    public Description listing(Listing read) {
      this.listing = read;
      return this;
    }

    public Description ids(IdFormat format) {
      this.idFormat = format;
      return this;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String identityField() {
    return identityField;
  }

  @Override
  public String resource() {
    return resource;
  }

  @Override
  public String referenceWord() {
    return referenceWord;
  }

  @Override
  public KindSpec spec() {
    return spec;
  }

  @Override
  public List<ObjectShape> shapes() {
    return shapes;
  }

  @Override
  public List<ReferenceSlot> referenceSlots() {
    return referenceSlots;
  }

  @Override
  public CanonicalForm form() {
    return form;
  }

  @Override
  public Listing listing() {
    return listing;
  }

  @Override
  public IdFormat idFormat() {
    return idFormat;
  }

  @Override
  public String toString() {
    return name;
  }
}
