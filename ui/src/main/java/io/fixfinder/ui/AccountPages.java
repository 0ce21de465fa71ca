package io.fixfinder.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the helper-account pages (templates under {@code src/main/jte/account}). */
public final class AccountPages {
  private static final String PACKAGE = "io.fixfinder.ui.jte";

  /** One page per template. */
  public enum Page {
    REGISTER("account/register.jte"),
    CHECK_MAIL("account/checkmail.jte"),
    VERIFY("account/verify.jte"),
    LOGIN("account/login.jte"),
    FORGOT("account/forgot.jte"),
    RESET("account/reset.jte"),
    ACCOUNT("account/account.jte"),
    PROFILE("account/profile.jte"),
    CHANNELS("account/channels.jte"),
    MESSAGE("account/message.jte"),
    // contact requests (issue 15)
    CONTACT_FORM("contact/form.jte"),
    CONTACT_THREAD("contact/thread.jte"),
    CONTACT_INBOX("contact/inbox.jte"),
    CONTACT_MESSAGE("contact/message.jte");

    private final String template;

    Page(String template) {
      this.template = template;
    }
  }

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, AccountPages.class.getClassLoader(), PACKAGE);

  /** A contact page ({@code CONTACT_*}). */
  public String render(Page page, ContactView view) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(page.template, view, out);
    return out.toString();
  }

  public String render(Page page, AccountView view) {
    StringOutput out = new StringOutput(8 * 1024);
    engine.render(page.template, view, out);
    return out.toString();
  }
}
