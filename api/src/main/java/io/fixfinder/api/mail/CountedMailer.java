package io.fixfinder.api.mail;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Mailer} whose outcomes are counted: {@code
 * fixfinder_mail_messages_total{outcome="sent"}} and {@code {outcome="failed"}} in {@code
 * /metrics}. A failed delivery is a log line where it happens; the counter is what an operator
 * alerts on, since a dead SMTP server loses no request but leaves people without their links.
 */
public final class CountedMailer implements Mailer {
  private final Mailer inner;
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /** {@code inner}, its outcomes counted in {@code registry}. */
  public static CountedMailer bound(Mailer inner, MeterRegistry registry) {
    CountedMailer counted = new CountedMailer(inner);
    counted.register(registry, "sent", counted.sent);
    counted.register(registry, "failed", counted.failed);
    return counted;
  }

  private CountedMailer(Mailer inner) {
    this.inner = inner;
  }

  private void register(MeterRegistry registry, String outcome, LongAdder count) {
    FunctionCounter.builder("fixfinder.mail.messages", count, LongAdder::doubleValue)
        .description("Mails handed to the SMTP server or the outbox, and those that failed")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public Delivery send(MailMessage message) {
    Delivery d = inner.send(message);
    switch (d) {
      case Delivery.Sent s -> sent.increment();
      case Delivery.Failed f -> failed.increment();
    }
    return d;
  }
}
