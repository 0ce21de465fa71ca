package io.fixfinder.api.alerts;

import io.fixfinder.api.mail.Mailer;
import io.fixfinder.core.config.FixFinderConfig;
import io.fixfinder.store.alerts.AlertStore;
import java.time.Clock;

/**
 * What alerts are served from (issue 16): the store, the mail sender, the dashboard settings
 * ({@code alertEveryMinutes}, {@code alertAllowPrivateTargets}) and where links in alerts point.
 *
 * @param linkBase the server's public address, without a trailing slash ({@code mail.linkBase})
 * @param schedule whether the server runs the {@link AlertJob} itself (tests run it by hand)
 */
public record Alerts(
    AlertStore store,
    Mailer mailer,
    FixFinderConfig.Dashboard settings,
    String linkBase,
    Clock clock,
    boolean schedule) {}
