package se.partnerskap.grant.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import se.partnerskap.grant.PersonalGrants;
import se.partnerskap.programme.Programmes;
import se.partnerskap.registry.Registry;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** The grantee's and the officers' pages of grants to persons, every date and amount in the page's language. */
@Component
public class PersonalGrantPages {

    private final PersonalGrants grants;
    private final Registry registry;

    PersonalGrantPages(PersonalGrants grants, Registry registry) {
        this.grants = grants;
        this.registry = registry;
    }

    /** A grant as a page shows it; {@code typed} and {@code error} for a field report refused. */
    public record GrantView(PersonalGrants.Grant grant, String id, String amount, String country, String decided,
            String accepted, String paid, String reported, String thesisSent, String typed, String error) {
    }

    public record MyGrants(List<GrantView> grants) {
    }

    MyGrants mine(UUID userId, Ui ui, Map<UUID, String[]> refused) {
        return new MyGrants(grants.of(userId).stream().map(g -> view(g, ui, refused.get(g.applicationId()))).toList());
    }

    public record OfficersView(List<GrantView> grants) {
    }

    OfficersView officers(Ui ui) {
        return new OfficersView(grants.all(Programmes.FIELDWORK_GRANT).stream().map(g -> view(g, ui, null)).toList());
    }

    PersonalGrants.Grant own(UUID applicationId, UUID userId) {
        return grants.own(applicationId, userId).orElseThrow(NotFoundException::new);
    }

    private GrantView view(PersonalGrants.Grant g, Ui ui, String[] refused) {
        return new GrantView(g, g.applicationId().toString(), ui.money(g.amountSek()),
                g.country() == null ? "" : registry.country(g.country()).map(c -> c.name(ui.language())).orElse(g.country()),
                at(g.decidedAt(), ui), at(g.acceptedAt(), ui), at(g.paidAt(), ui), at(g.fieldReportAt(), ui),
                at(g.thesisAt(), ui), refused == null ? "" : refused[0], refused == null ? null : refused[1]);
    }

    private static String at(Instant at, Ui ui) {
        return at == null ? null : StockholmTime.dateTime(at, ui.language());
    }
}
