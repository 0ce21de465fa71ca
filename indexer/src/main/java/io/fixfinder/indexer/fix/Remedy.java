package io.fixfinder.indexer.fix;

import io.fixfinder.core.model.Chapter;
import io.fixfinder.core.model.SourceDoc;
import java.util.List;
import java.util.Set;

/**
 * What one record says to do, before grouping.
 *
 * @param form see {@link Fix.Source#form()}
 * @param text the remedy as shown (quoted from the record)
 * @param cause the cause the record gives, empty when it gives none
 * @param terms what the remedy says, normalised, for grouping ({@link RemedyText})
 * @param statement the text the terms are read from and that is embedded, normalised ({@link
 *     RemedyText#statement}): a row's cause and remedy, an answer's first paragraph, a guide's or
 *     video's title
 * @param authority how much one such source counts, before votes and views
 * @param chapters a video's chapters (empty otherwise): the group picks the one that shows its fix
 */
record Remedy(
    SourceDoc doc,
    String form,
    String text,
    String cause,
    String url,
    String where,
    int page,
    int votes,
    List<Fix.Step> steps,
    List<String> tools,
    List<String> parts,
    Set<String> terms,
    String statement,
    double authority,
    List<Chapter> chapters) {}
