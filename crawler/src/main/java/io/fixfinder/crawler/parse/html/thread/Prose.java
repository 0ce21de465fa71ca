package io.fixfinder.crawler.parse.html.thread;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * {@link Cues#prose} of many elements of one page under one skip test, each element read once.
 * Finding posts asks for the prose of every block, then of its children, then of theirs: read from
 * scratch each time that costs the page's depth times its size, which on a deeply nested page is
 * the square of its size. Here an element's prose is the sum of its children's, remembered.
 *
 * <p>Valid while the page is not changed and the skip test gives the same answer for an element
 * each time it is asked (both hold within one reading of a thread). Not thread-safe: one per
 * reading.
 */
final class Prose {
  private final Predicate<Element> skip;
  private final Map<Element, Integer> known = new IdentityHashMap<>();
  private int elementsRead;

  Prose(Predicate<Element> skip) {
    this.skip = skip;
  }

  /** The prose of {@code root}: 0 when it is skipped or not prose, else its nodes' prose. */
  int of(Element root) {
    Integer done = known.get(root);
    if (done != null) return done;
    // Pre-order without recursion (a hostile page may nest thousands deep), stopping at elements
    // already known; read backwards, every element comes after all of its descendants.
    List<Element> order = new ArrayList<>();
    BitSet counted = new BitSet();
    Deque<Element> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Element e = stack.pop();
      if (known.containsKey(e)) continue;
      boolean counts = !skip.test(e) && !Cues.NOT_PROSE.contains(e.normalName());
      if (counts) {
        counted.set(order.size());
        for (Element child : e.children()) stack.push(child);
      }
      order.add(e);
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      Element e = order.get(i);
      int total = 0;
      if (counted.get(i)) {
        for (Node child : e.childNodes()) {
          if (child instanceof TextNode t) total += Cues.prose(t);
          else if (child instanceof Element c) total += known.get(c);
        }
      }
      known.put(e, total);
      elementsRead++;
    }
    return known.get(root);
  }

  /** How many elements were read (for tests: each at most once). */
  int elementsRead() {
    return elementsRead;
  }
}
