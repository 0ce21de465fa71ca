package io.fixfinder.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteNamesTest {
  private static java.util.Optional<String> name(String head) {
    return SiteNames.fromPage(Jsoup.parse("<html><head>" + head + "</head><body></body></html>"));
  }

  @Test
  void readsOpenGraphThenSchemaOrgThenApplicationName() {
    assertThat(name("<meta property=\"og:site_name\" content=\" FixIt\n Forum \">"))
        .contains("FixIt Forum");
    assertThat(
            name(
                "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                    + "\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":\"WebSite\",\"name\":\"ManualVault\"}]}"
                    + "</script>"))
        .contains("ManualVault");
    assertThat(
            name(
                "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"publisher\":"
                    + "{\"@type\":\"Organization\",\"name\":\"RepairTalk\"}}</script>"))
        .contains("RepairTalk");
    assertThat(name("<meta name=\"application-name\" content=\"ShopReviews\">"))
        .contains("ShopReviews");
    assertThat(
            name(
                "<meta name=\"application-name\" content=\"Second\">"
                    + "<meta property=\"og:site_name\" content=\"First\">"))
        .contains("First");
  }

  @Test
  void untrustedNamesThatAreNotNamesAreIgnored() {
    assertThat(name("<meta property=\"og:site_name\" content=\"https://evil.example/\">"))
        .isEmpty();
    assertThat(name("<meta property=\"og:site_name\" content=\"   \">")).isEmpty();
    assertThat(name("<script type=\"application/ld+json\">{\"@type\":\"WebSite\",</script>"))
        .isEmpty();
    assertThat(name("<meta property=\"og:site_name\" content=\"" + "x".repeat(500) + "\">"))
        .hasValueSatisfying(n -> assertThat(n).hasSizeLessThanOrEqualTo(SiteNames.MAX_CHARS + 1));
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:45795/t/1, 127.0.0.1",
    "https://forum.example.co.uk/t/1, example.co.uk",
    "https://www.fixitforum.com:8443/x, fixitforum.com",
    "https://support.hometech.de/, hometech.de",
    "http://localhost:8080/, localhost"
  })
  void fallsBackToTheRegistrableHostWithoutPort(String url, String expected) {
    assertThat(SiteNames.registrableHost(URI.create(url))).isEqualTo(expected);
  }
}
