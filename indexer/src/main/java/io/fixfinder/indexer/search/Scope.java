package io.fixfinder.indexer.search;

import io.fixfinder.core.model.IssueCluster;
import io.fixfinder.core.model.ProductRef;
import io.fixfinder.core.understand.KeyExtractor;
import io.fixfinder.indexer.schema.DocumentMapper;
import io.fixfinder.indexer.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What part of the index a search may see: everything ({@link #ALL}), or the records of some brands
 * and of some products (a company's API key, issue 16). A record is in a limited scope when its
 * brand is one of {@code brands} or its product is one of {@code products}; a record of no brand is
 * not. The scope is applied beneath every other filter ({@link ScopedReader}): a caller's {@code
 * brand=} can narrow it, never widen it, and totals, facets and neighbours see only what it admits.
 *
 * @param brands brand keys (lower case, as {@link DocumentMapper#brandKey} writes them)
 * @param products products by brand key and squashed model, with their public id
 */
public record Scope(boolean limited, Set<String> brands, List<Product> products) {
  /** Every record: no key, or the operator's own use. */
  public static final Scope ALL = new Scope(false, Set.of(), List.of());

  /**
   * One product of a scope.
   *
   * @param brandKey the brand as {@link DocumentMapper#brandKey} indexes it
   * @param model the model as {@link KeyExtractor#squash} indexes it ("WM8420X")
   * @param id the public product id ({@code aqualine-wm8420x})
   */
  public record Product(String brandKey, String model, String id) {
    public Product {
      Objects.requireNonNull(brandKey, "brandKey");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(id, "id");
    }
  }

  public Scope {
    brands = Set.copyOf(new TreeSet<>(brands));
    products = List.copyOf(products);
    if (!limited && (!brands.isEmpty() || !products.isEmpty())) {
      throw new IllegalArgumentException("an unlimited scope names no brand or product");
    }
  }

  /**
   * A limited scope: these brands (any spelling case) and products. With neither, it admits
   * nothing.
   */
  public static Scope of(Set<String> brands, List<Product> products) {
    Set<String> keys = new TreeSet<>();
    for (String b : brands) keys.add(DocumentMapper.brandKey(b));
    return new Scope(true, keys, products);
  }

  /** Whether a record or query about {@code product} is in scope. */
  public boolean admits(ProductRef product) {
    if (!limited) return true;
    if (!product.brand().isEmpty() && brands.contains(DocumentMapper.brandKey(product.brand()))) {
      return true;
    }
    String id = product.productId();
    if (id.isEmpty()) return false;
    for (Product p : products) if (p.id().equals(id)) return true;
    return false;
  }

  /**
   * Whether an issue cluster may be shown: its product family must be in scope as a whole, so a
   * cluster mixing brands (whose counts hold other brands' records) never is.
   */
  public boolean admits(IssueCluster cluster) {
    return !limited || admits(cluster.scope());
  }

  /** Whether a brand named by a caller ({@code brand=}) is in scope. */
  public boolean admitsBrand(String brand) {
    if (!limited) return true;
    String key = DocumentMapper.brandKey(brand.strip());
    if (brands.contains(key)) return true;
    for (Product p : products) if (p.brandKey().equals(key)) return true;
    return false;
  }

  /**
   * {@code base} seeing only the records in scope ({@code base} itself when unlimited): the view
   * every search, count and suggestion of a scoped request runs on.
   */
  public org.apache.lucene.search.IndexSearcher searcher(
      org.apache.lucene.search.IndexSearcher base) throws java.io.IOException {
    return ScopedReader.searcher(base, this);
  }

  /**
   * The records in scope as a Lucene filter (term queries on the brand key and the squashed model),
   * for another engine to apply to every query; only for a limited scope.
   */
  public Query filter() {
    return query();
  }

  /** The records in scope as a Lucene filter; only for a limited scope. */
  Query query() {
    if (!limited) throw new IllegalStateException("an unlimited scope has no filter");
    List<Query> any = new ArrayList<>();
    for (String b : brands) any.add(new TermQuery(new Term(Fields.BRAND, b)));
    for (Product p : products) {
      any.add(
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.BRAND, p.brandKey())), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(Fields.MODEL, p.model())), BooleanClause.Occur.FILTER)
              .build());
    }
    if (any.isEmpty()) return new MatchNoDocsQuery("empty scope");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    any.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
    return b.build();
  }

  /** Characters of the scope, for the weight of a cached response keyed by it. */
  public int chars() {
    int n = 0;
    for (String b : brands) n += b.length();
    for (Product p : products) n += p.id().length() + p.model().length() + p.brandKey().length();
    return n;
  }
}
