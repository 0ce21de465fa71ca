package io.fixfinder.indexer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixfinder.core.model.SourceDoc;
import io.fixfinder.indexer.embed.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of one fault written in German, Dutch, French, Spanish, Italian and English land in one
 * fault area, with the real sentence model (an English one, so the facet vocabulary must carry the
 * other languages), and different faults land in different areas. The reports were written for this
 * test.
 */
class MultilingualAreasTest {
  @TempDir Path dir;

  static final Map<String, List<String>> PHONE =
      Map.of(
          "power",
          List.of(
              "Akku hält nicht mehr lange, Handy geht ständig aus",
              "Akku aufgebläht",
              "batterij gaat snel leeg",
              "accu vervangen, telefoon laadt niet meer op",
              "la batterie ne tient plus la charge",
              "batterie gonflée, téléphone ne s'allume plus",
              "la batería se descarga muy rápido",
              "la batteria si scarica subito",
              "battery drains in two hours"),
          "display",
          List.of(
              "Display gesprungen nach Sturz",
              "Bildschirm bleibt schwarz",
              "scherm gebarsten",
              "beeldscherm kapot na val",
              "écran cassé",
              "l'écran tactile ne répond plus",
              "pantalla rota",
              "schermo rotto dopo una caduta",
              "cracked screen"));

  static final Map<String, List<String>> PRINTER =
      Map.of(
          "paper",
          List.of(
              "Papierstau, zieht kein Papier ein",
              "papier loopt steeds vast",
              "neemt geen papier in",
              "bourrage papier à chaque impression",
              "atasco de papel",
              "carta inceppata",
              "paper jam every few pages"),
          "ink",
          List.of(
              "Tintenpatrone wird nicht erkannt",
              "inktcartridge wordt niet herkend",
              "cartouche d'encre non reconnue",
              "el cartucho de tinta no funciona",
              "cartuccia d'inchiostro non riconosciuta",
              "ink cartridge not recognised"));

  @Test
  void oneFaultInSixLanguagesIsOneFaultArea() throws Exception {
    List<SourceDoc> docs = new ArrayList<>();
    Map<String, List<SourceDoc>> byFault = new java.util.LinkedHashMap<>();
    int n = 0;
    for (var type : Map.of("smartphone", PHONE, "printer", PRINTER).entrySet()) {
      for (var fault : type.getValue().entrySet()) {
        for (String text : fault.getValue()) {
          SourceDoc d = Docs.report("m" + n++, type.getKey(), "", text, "Fixed");
          docs.add(d);
          byFault
              .computeIfAbsent(type.getKey() + "/" + fault.getKey(), k -> new ArrayList<>())
              .add(d);
        }
      }
    }
    try (MiniLmEmbedder embedder = new MiniLmEmbedder(2);
        ClusterStore store = ClusterStore.open(dir, embedder)) {
      store.add(docs);
      Set<String> areasSeen = new HashSet<>();
      for (var e : byFault.entrySet()) {
        Set<String> keys = new HashSet<>();
        for (SourceDoc d : e.getValue()) {
          FaultArea area = store.faultAreaOf(store.clusterOf(d.id()).orElseThrow()).orElseThrow();
          keys.add(area.family() + "/" + area.key());
        }
        assertThat(keys).as(e.getKey() + ": the areas of its reports").containsExactly(e.getKey());
        areasSeen.addAll(keys);
      }
      assertThat(areasSeen).hasSize(byFault.size());
    }
  }
}
