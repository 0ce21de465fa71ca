package io.fixfinder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-rendered pages over the real server: content without JavaScript, escaping, errors. */
class PagesTest {
  @TempDir static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = new ApiFixture(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @Test
  void theHomePageIsTheSearchFormAlone() throws Exception {
    HttpResponse<String> r = page("/");
    assertPage(r, 200);
    assertThat(r.body())
        .contains("<form class=\"search\" role=\"search\" action=\"/\" method=\"get\">")
        .contains("Find the fix for what broke")
        .doesNotContain("class=\"hit\"");
  }

  @Test
  void aSearchShowsItsResultsInTheHtmlItself() throws Exception {
    HttpResponse<String> r = page("/?q=aqualine+washing+machine+wont+drain");
    assertPage(r, 200);
    String html = r.body();
    assertThat(html)
        .contains("value=\"aqualine washing machine wont drain\"")
        .contains("1 result")
        .contains("href=\"http://f/1\"")
        .contains("Aqualine WM-8420X won't drain E18")
        .contains("Forum thread")
        .contains("<time datetime=\"2025-01-01\">1 Jan 2025</time>")
        .contains("accepted answer, 9 votes")
        // The understood keys read as words, not our slugs.
        .contains("product <b>Washing machine</b>")
        .contains("fault <b>Won't drain</b>")
        .doesNotContain("wont-drain");
    // Crawled text is escaped: the record's script tag is text, never markup.
    assertThat(html).doesNotContain("<script>alert(1)</script>");
    assertThat(html.split("<script", -1)).hasSize(2); // only the page's own enhancement script
  }

  @Test
  void filtersAndPagesAreLinksThatKeepTheQuery() throws Exception {
    String html = page("/?q=wont+drain&type=washing-machine").body();
    assertThat(html)
        .contains("href=\"/?q=wont+drain&amp;kind=forum&amp;type=washing-machine\"")
        .contains("href=\"/?q=wont+drain\"") // removing the type filter
        .contains("Washing machine <span aria-hidden=\"true\">×</span>");
    HttpResponse<String> filtered = page("/?q=wont+drain&kind=manual");
    assertPage(filtered, 200);
    assertThat(filtered.body()).contains("0 results").contains("Nothing matched");
  }

  @Test
  void gibberishIsAnHonestNoMatchNotAConfidentList() throws Exception {
    HttpResponse<String> r = page("/?q=zzzz+qqq");
    assertPage(r, 200);
    assertThat(r.body())
        .contains("No good match for “zzzz qqq”")
        .contains("None of our manuals, threads, videos or reviews use these words.")
        .doesNotContain("class=\"issue\"")
        .doesNotContain("strong match");
  }

  @Test
  void aMisspellingIsCorrectedOrOffered() throws Exception {
    String html = page("/?q=whasing+machine+wont+drain").body();
    assertThat(html)
        .containsPattern(
            "Did you mean <a href=\"/\\?q=washing\\+machine\\+wont\\+drain\"|Search instead for <a href=\"/\\?q=whasing\\+machine\\+wont\\+drain&amp;exact=1\"");
    String exact = page("/?q=whasing+machine+wont+drain&exact=1").body();
    assertThat(exact)
        .doesNotContain("Search instead for")
        .contains("value=\"whasing machine wont drain\"");
  }

  @Test
  void badQueriesAreTheSamePageSayingWhatWasWrong() throws Exception {
    HttpResponse<String> blank = page("/?q=%E2%80%8B%E2%80%8B");
    assertPage(blank, 400);
    assertThat(blank.body()).contains("no letters or digits");
    HttpResponse<String> page = page("/?q=drain&page=abc");
    assertPage(page, 400);
    assertThat(page.body()).contains("must be an integer").contains("value=\"drain\"");
    HttpResponse<String> tooLong = page("/?q=" + "a".repeat(501));
    assertPage(tooLong, 400);
    assertThat(tooLong.body()).contains("the limit is 500");
  }

  @Test
  void aProductPageNamesTheProductInWords() throws Exception {
    HttpResponse<String> r = page("/product/aqualine-wm8420x");
    assertPage(r, 200);
    assertThat(r.body())
        .contains("<h1>Aqualine WM-8420X washing machine</h1>")
        .contains("Forum thread: 1");
  }

  @Test
  void unknownIssuesAndProductsAreNotFoundPages() throws Exception {
    assertPage(page("/issue/iss-nothing"), 404);
    assertPage(page("/issue/NOT%20AN%20ID"), 404);
    HttpResponse<String> r = page("/product/aqualine-zz9999");
    assertPage(r, 404);
    assertThat(r.body()).contains("We have no product with that address.");
  }

  @Test
  void aPageVoteIsCountedAndSendsTheVisitorBack() throws Exception {
    String item = "doc:" + ApiFixture.DOC_ID;
    HttpResponse<String> r =
        post(
            "/vote",
            "application/x-www-form-urlencoded",
            "item=" + item.replace(":", "%3A") + "&answer=yes&back=%2F",
            null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location"))
        .hasValue("/?voted=doc%3A" + ApiFixture.DOC_ID + "#vote-doc-" + ApiFixture.DOC_ID);
    assertThat(api.feedback.tally(item).yes()).isEqualTo(1);

    // Somewhere else than our pages: the location falls back to the home page.
    HttpResponse<String> elsewhere =
        post(
            "/vote",
            "application/x-www-form-urlencoded",
            "item=" + item + "&answer=no&back=https%3A%2F%2Fevil.example%2F",
            null);
    assertThat(elsewhere.headers().firstValue("location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("/?voted="));
  }

  @Test
  void aVoteFromAnotherSitesFormOrWithoutAnAnswerIsRefusedWithAPage() throws Exception {
    HttpResponse<String> crossSite =
        api.http.send(
            java.net.http.HttpRequest.newBuilder(api.uri("/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .header("Accept", "text/html")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "item=doc%3A" + ApiFixture.DOC_ID + "&answer=yes"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertPage(crossSite, 403);
    HttpResponse<String> noAnswer =
        post("/vote", "application/x-www-form-urlencoded", "item=doc%3A" + ApiFixture.DOC_ID, null);
    assertPage(noAnswer, 400);
    assertThat(noAnswer.body()).contains("Choose yes, partly or no.");
    HttpResponse<String> unknown =
        post("/vote", "application/x-www-form-urlencoded", "item=doc%3Anope&answer=yes", null);
    assertPage(unknown, 422);
  }

  @Test
  void aClientThatDoesNotReadHtmlGetsProblemsFromThePagesToo() throws Exception {
    HttpResponse<String> notFound = api.get("/issue/iss-nothing");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    HttpResponse<String> blank = api.get("/?q=%E2%80%8B");
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("missing-query");
    HttpResponse<String> crossSite =
        api.http.send(
            java.net.http.HttpRequest.newBuilder(api.uri("/vote"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("item=doc%3Ax&answer=yes"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("cross-site-form");
  }

  /** A page as a browser asks for it (Accept: text/html). */
  private static HttpResponse<String> page(String pathAndQuery) throws Exception {
    return api.http.send(
        java.net.http.HttpRequest.newBuilder(api.uri(pathAndQuery))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form post as a browser sends it. */
  private static HttpResponse<String> post(String path, String type, String body, String unused)
      throws Exception {
    return api.http.send(
        java.net.http.HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", type)
            .header("Accept", "text/html,*/*;q=0.8")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every page: the status, HTML with a language, one h1, a title, and the strict CSP. */
  private static void assertPage(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    String html = r.body();
    assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"en\">");
    Matcher h1 = Pattern.compile("<h1[ >]").matcher(html);
    int count = 0;
    while (h1.find()) count++;
    assertThat(count).as("h1 elements").isEqualTo(1);
    assertThat(html).containsPattern("<title>[^<]+</title>");
  }
}
