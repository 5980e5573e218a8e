package se.partnerskap.identity.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.identity.InvitationCreated;
import se.partnerskap.identity.PasswordResetRequested;
import se.partnerskap.identity.RegistrationForExistingAccount;
import se.partnerskap.identity.RegistrationRequested;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.shared.Language;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.Links;

/**
 * Sends the invitation, registration and password-reset mail after their transaction commits. Through the event
 * publication registry: if sending fails, the publication stays incomplete and is retried on restart.
 * The link's token is minted here ({@link LinkTokens}, committed before the mail goes out, so that the
 * link works when the mail arrives), and only once the mail is known not to have gone out before
 * ({@link Mail#sendOnce} with {@code invitation:<id>} or {@code password-reset:<id>}): a re-delivered event
 * neither mails again nor replaces the token of the link already sent.
 */
@Component
class IdentityMails {

    private static final Logger log = LoggerFactory.getLogger(IdentityMails.class);

    private final Mail mail;
    private final MessageSource messages;
    private final Links links;
    private final LinkTokens tokens;

    IdentityMails(Mail mail, MessageSource messages, Links links, LinkTokens tokens) {
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.tokens = tokens;
    }

    @ApplicationModuleListener
    void on(InvitationCreated event) {
        mail.sendOnce("invitation:" + event.invitationId(), event.email(), () -> {
            Optional<String> token = tokens.forInvitation(event.invitationId());
            if (token.isEmpty()) {
                log.info("Invitation {} is used or expired: no mail", event.invitationId());
                return Optional.empty();
            }
            Language language = Language.ofCode(event.language());
            String link = links.absolute(language, "/inbjudan/" + token.get(), "/en/invitation/" + token.get());
            String organisations = event.organisations().isEmpty() ? "" : t(language,
                    "identity.mail.invitation.organisations", String.join(", ", event.organisations())) + "\n\n";
            return Optional.of(new OutgoingMail(event.email(), t(language, "identity.mail.invitation.subject"),
                    t(language, "identity.mail.invitation.body", event.name(), event.invitedBy(), organisations, link,
                            StockholmTime.dateTime(event.expiresAt(), language))));
        });
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        mail.sendOnce("password-reset:" + event.resetId(), event.email(), () -> {
            Optional<String> token = tokens.forReset(event.resetId());
            if (token.isEmpty()) {
                log.info("Password reset {} is used, replaced or expired: no mail", event.resetId());
                return Optional.empty();
            }
            Language language = Language.ofCode(event.language());
            String link = links.absolute(language, "/aterstall-losenord/" + token.get(),
                    "/en/reset-password/" + token.get());
            return Optional.of(new OutgoingMail(event.email(), t(language, "identity.mail.reset.subject"),
                    t(language, "identity.mail.reset.body", event.name(), link,
                            StockholmTime.dateTime(event.expiresAt(), language))));
        });
    }

    /** The link that confirms a registered address; minted like an invitation's (the row is one). */
    @ApplicationModuleListener
    void on(RegistrationRequested event) {
        mail.sendOnce("registration:" + event.invitationId(), event.email(), () -> {
            Optional<String> token = tokens.forInvitation(event.invitationId());
            if (token.isEmpty()) {
                log.info("Registration {} is used, replaced or expired: no mail", event.invitationId());
                return Optional.empty();
            }
            Language language = Language.ofCode(event.language());
            String link = links.absolute(language, "/registrera/" + token.get(), "/en/register/" + token.get());
            return Optional.of(new OutgoingMail(event.email(), t(language, "identity.mail.registration.subject"),
                    t(language, "identity.mail.registration.body", event.name(), link,
                            StockholmTime.dateTime(event.expiresAt(), language))));
        });
    }

    /** Someone registered with an active account's address: its owner learns how to log in, nothing else. */
    @ApplicationModuleListener
    void on(RegistrationForExistingAccount event) {
        Language language = Language.ofCode(event.language());
        mail.sendOnce("registration-existing:" + event.noticeId(), new OutgoingMail(event.email(),
                t(language, "identity.mail.registration.existing.subject"),
                t(language, "identity.mail.registration.existing.body", event.name(),
                        links.absolute(language, "/login", "/en/login"),
                        links.absolute(language, "/glomt-losenord", "/en/forgot-password"))));
    }

    private String t(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
