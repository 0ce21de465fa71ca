package io.fixfinder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void aSearchLinkCarriesTheQueryFiltersAndPage() {
    SearchPage.Filters f =
        new SearchPage.Filters(
            Optional.of("manual"), Optional.of("washing-machine"), Optional.empty());
    assertThat(Links.search("won't drain & E18", f, 3))
        .isEqualTo("/?q=won%27t+drain+%26+E18&kind=manual&type=washing-machine&page=3");
    assertThat(Links.search("E18", SearchPage.Filters.NONE, 1)).isEqualTo("/?q=E18");
    assertThat(Links.exact("whasing", SearchPage.Filters.NONE)).isEqualTo("/?q=whasing&exact=1");
  }

  @Test
  void idsAreEncodedIntoPaths() {
    assertThat(Links.issue("iss-1a2b")).isEqualTo("/issue/iss-1a2b");
    assertThat(Links.product("aqualine-wm8420x")).isEqualTo("/product/aqualine-wm8420x");
    assertThat(Links.issue("a/b?c")).isEqualTo("/issue/a%2Fb%3Fc");
    // fixes are numbered from 1 on the page, the best first
    assertThat(Links.fix("iss-1a2b", 0)).isEqualTo("/issue/iss-1a2b#fix-1");
    assertThat(Links.fixAnchor(2)).isEqualTo("fix-3");
  }

  @Test
  void helperLinksCarryTheSearchAndIssueOnToTheContactForm() {
    assertThat(Links.helper("h1", "won't drain & E18", "iss-1a2b"))
        .isEqualTo("/helper/h1?q=won%27t+drain+%26+E18&issue=iss-1a2b");
    assertThat(Links.contact("h1", "", "iss-1a2b")).isEqualTo("/helper/h1/contact?issue=iss-1a2b");
    assertThat(Links.contact("h1", " ", "")).isEqualTo("/helper/h1/contact");
    assertThat(Links.helper("a/b", "", "")).isEqualTo("/helper/a%2Fb");
  }
}
