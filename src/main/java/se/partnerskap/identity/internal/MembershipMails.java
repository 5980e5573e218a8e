package se.partnerskap.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.partnerskap.identity.MembershipDecided;
import se.partnerskap.identity.MembershipRequested;
import se.partnerskap.identity.OrganisationMembers;
import se.partnerskap.identity.People;
import se.partnerskap.identity.Role;
import se.partnerskap.notification.Mail;
import se.partnerskap.notification.OutgoingMail;
import se.partnerskap.notification.Recipient;
import se.partnerskap.registry.Registry;
import se.partnerskap.registry.SwedishOrganisation;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;

/**
 * Tells the members of an organisation that someone asks to join it (the case officers when it has no member
 * yet), and the person who asked what the answer was. Through the event publication registry, one mail per
 * recipient and request ({@link Mail#sendOnce} keyed by both): a re-delivered event mails only whom it did not
 * reach before. Each mail is in its recipient's language.
 */
@Component
class MembershipMails {

    private final Mail mail;
    private final MessageSource messages;
    private final Links links;
    private final OrganisationMembers members;
    private final People people;
    private final Accounts accounts;
    private final Registry registry;

    MembershipMails(Mail mail, MessageSource messages, Links links, OrganisationMembers members, People people,
            Accounts accounts, Registry registry) {
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.members = members;
        this.people = people;
        this.accounts = accounts;
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(MembershipRequested event) {
        Account asker = accounts.byId(event.userId()).orElse(null);
        String organisation = registry.swedishOrganisation(event.organisationId()).map(SwedishOrganisation::name).orElse("");
        if (asker == null || organisation.isEmpty()) {
            return;
        }
        List<People.Person> recipients = members.of(event.organisationId()).stream()
                .filter(p -> !p.id().equals(event.userId())).toList();
        boolean toOfficers = recipients.isEmpty();
        if (toOfficers) {
            recipients = people.withRole(Role.CASE_OFFICER);
        }
        for (People.Person to : recipients) {
            Recipient r = people.recipient(to.email(), to.name(), Language.SV);
            Language language = r.language();
            String body = t(language, toOfficers ? "identity.mail.membership.request.officer.body"
                    : "identity.mail.membership.request.body", r.name(), asker.displayName(), asker.email(), organisation,
                    links.absolute(language, "/organisationer/forfragningar", "/en/organisations/requests"));
            mail.sendOnce(key("membership-request", event.requestId(), to.id()), new OutgoingMail(to.email(),
                    t(language, "identity.mail.membership.request.subject", organisation), body));
        }
    }

    @ApplicationModuleListener
    void on(MembershipDecided event) {
        Account asker = accounts.byId(event.userId()).filter(Account::enabled).orElse(null);
        String organisation = registry.swedishOrganisation(event.organisationId()).map(SwedishOrganisation::name).orElse("");
        if (asker == null) {
            return;
        }
        Language language = Language.ofCode(asker.language());
        String outcome = event.approved() ? "approved" : "declined";
        mail.sendOnce(key("membership-decision", event.requestId(), asker.id()), new OutgoingMail(asker.email(),
                t(language, "identity.mail.membership." + outcome + ".subject", organisation),
                t(language, "identity.mail.membership." + outcome + ".body", asker.displayName(), organisation,
                        event.approved() ? links.absolute(language, "/ansokningar", "/en/applications")
                                : links.absolute(language, "/konto/organisationer", "/en/account/organisations"))));
    }

    private static String key(String kind, UUID request, UUID recipient) {
        return kind + ":" + request + ":" + recipient;
    }

    private String t(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
