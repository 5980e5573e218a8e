package se.partnerskap.grant.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import se.partnerskap.grant.FundedPartnership;

/**
 * Funded partnerships as IATI 2.03 activities, written with StAX in the order of the schema's sequences
 * ({@code iati-activities-schema.xsd}). The codes chosen are those of docs/open-data.md; each is explained where it is
 * written.
 */
final class IatiXml {

    /** An organisation as IATI names it; {@code ref} and {@code type} may be null (unknown). */
    record Org(String ref, String type, String name) {
    }

    /** A partnership with what IATI wants beside it: its organisations and its money. */
    record Activity(FundedPartnership partnership, Org swedish, List<Org> partners, ProjectFinances.Finance finance) {
    }

    /** Sida, which finances the programme: its IATI identifier and OrganisationType 10 (government). */
    static final Org SIDA = new Org("SE-0", "10", "Sida");
    /** DAC 5-digit sector 15112, decentralisation and support to subnational government. */
    static final String SECTOR = "15112";
    /** OrganisationType 11, local government: a Swedish municipality, region or federation of them, and a partner's. */
    static final String LOCAL_GOVERNMENT = "11";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private IatiXml() {
    }

    /** The activity's identifier: the reporting organisation's, a hyphen and the key, without / & | ? or spaces. */
    static String identifier(String reporting, String key) {
        return reporting + "-" + key.replaceAll("[/&|?\\s]", "-");
    }

    static byte[] write(Org reporting, List<Activity> activities, Instant generated, LocalDate today) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("iati-activities");
            x.writeAttribute("version", "2.03");
            x.writeAttribute("generated-datetime", generated.truncatedTo(ChronoUnit.SECONDS).toString());
            for (Activity a : activities) {
                x.writeCharacters("\n");
                activity(x, reporting, a, today);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("IATI activities not written", e);
        }
        return out.toByteArray();
    }

    private static void activity(XMLStreamWriter x, Org reporting, Activity a, LocalDate today) throws XMLStreamException {
        FundedPartnership p = a.partnership();
        ProjectFinances.Finance money = a.finance();
        x.writeStartElement("iati-activity");
        x.writeAttribute("last-updated-datetime", money.lastChanged().truncatedTo(ChronoUnit.SECONDS).toString());
        x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "sv");
        x.writeAttribute("default-currency", "SEK");
        x.writeAttribute("hierarchy", "1");
        text(x, "iati-identifier", identifier(reporting.ref(), p.key()));
        x.writeStartElement("reporting-org");
        x.writeAttribute("ref", reporting.ref());
        x.writeAttribute("type", reporting.type());
        narrative(x, null, reporting.name());
        x.writeEndElement();

        String[] title = title(p);
        x.writeStartElement("title");
        narratives(x, title[0], title[1]);
        x.writeEndElement();
        x.writeStartElement("description");
        x.writeAttribute("type", "1"); // general
        boolean theme = present(p.themeSv()) || present(p.themeEn());
        narratives(x, theme ? p.themeSv() : title[0], theme ? p.themeEn() : title[1]);
        x.writeEndElement();

        org(x, "1", SIDA);          // funding
        org(x, "3", reporting);     // extending: the programme's organisation, which grants and pays
        org(x, "4", a.swedish());   // implementing: the Swedish party ...
        for (Org partner : a.partners()) {
            org(x, "4", partner);   // ... and its partner organisations
        }

        empty(x, "activity-status", "code", status(p, money, today));
        date(x, "1", p.startsOn());
        if (!p.startsOn().isAfter(today)) {
            date(x, "2", p.startsOn());
        }
        if (p.endsOn() != null) {
            date(x, "3", p.endsOn());
            if (p.endsOn().isBefore(today)) {
                date(x, "4", p.endsOn());
            }
        }

        List<String> countries = p.partners().stream().map(FundedPartnership.Partner::countryIso2).distinct().toList();
        for (int i = 0; i < countries.size(); i++) {
            // split evenly in whole percent, the first ones taking the remainder so that the sum is exactly 100
            int share = 100 / countries.size() + (i < 100 % countries.size() ? 1 : 0);
            x.writeEmptyElement("recipient-country");
            x.writeAttribute("code", countries.get(i));
            x.writeAttribute("percentage", Integer.toString(share));
        }
        x.writeEmptyElement("sector");
        x.writeAttribute("vocabulary", "1"); // OECD DAC CRS purpose codes, 5 digits
        x.writeAttribute("code", SECTOR);
        x.writeAttribute("percentage", "100");

        empty(x, "collaboration-type", "code", "1");    // bilateral: Sida's funds through a Swedish channel
        empty(x, "default-flow-type", "code", "10");    // ODA
        empty(x, "default-finance-type", "code", "110"); // standard grant
        x.writeEmptyElement("default-aid-type");
        x.writeAttribute("code", "C01");                 // project-type interventions
        x.writeAttribute("vocabulary", "1");

        if (p.endsOn() != null) {
            for (Budget b : budgets(p.startsOn(), p.endsOn(), p.amountSek())) {
                x.writeStartElement("budget");
                x.writeAttribute("type", "1");   // original
                x.writeAttribute("status", "2"); // committed: the grant decided
                empty(x, "period-start", "iso-date", b.from().toString());
                empty(x, "period-end", "iso-date", b.to().toString());
                value(x, b.amountSek(), b.from());
                x.writeEndElement();
            }
        }

        // the commitment on the day the grant was recorded, or its period's start if that came first (the historical
        // partnerships were recorded long after); never after today
        LocalDate committed = min(min(money.recordedOn(), p.startsOn()), today);
        transaction(x, "2", committed, p.amountSek(), reporting, a.swedish());
        for (ProjectFinances.Payment payment : money.released()) {
            if (payment.on().isAfter(today)) {
                continue;
            }
            // a repayment of unspent funds is reported as a negative disbursement, as IATI asks for returned funds
            transaction(x, "3", payment.on(), payment.repayment() ? -payment.amountSek() : payment.amountSek(),
                    reporting, a.swedish());
        }
        x.writeEndElement();
    }

    /**
     * ActivityStatus: 2 implementation while the period runs (a decided grant whose period starts later is already
     * being implemented); 3 finalisation once the period has ended while the final report is not approved or a payment
     * or repayment is still due; 4 closed when the project is completed and nothing is due.
     */
    static String status(FundedPartnership p, ProjectFinances.Finance money, LocalDate today) {
        boolean completed = p.status() == FundedPartnership.Status.COMPLETED;
        if (completed && !money.anyDue()) {
            return "4";
        }
        return completed || (p.endsOn() != null && p.endsOn().isBefore(today)) ? "3" : "2";
    }

    record Budget(LocalDate from, LocalDate to, long amountSek) {
    }

    /**
     * The grant over its period in budgets of at most a year each (the IATI ruleset's limit), the amount shared by the
     * days of each, the last taking what rounding leaves so that the budgets sum to the grant.
     */
    static List<Budget> budgets(LocalDate start, LocalDate end, long amount) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        List<Budget> budgets = new ArrayList<>();
        long given = 0;
        for (LocalDate from = start; !from.isAfter(end); from = from.plusYears(1)) {
            LocalDate to = min(from.plusYears(1).minusDays(1), end);
            long share = to.equals(end) ? amount - given : amount * (ChronoUnit.DAYS.between(from, to) + 1) / days;
            budgets.add(new Budget(from, to, share));
            given += share;
        }
        return budgets;
    }

    private static void transaction(XMLStreamWriter x, String type, LocalDate on, long amount, Org provider, Org receiver)
            throws XMLStreamException {
        x.writeStartElement("transaction");
        empty(x, "transaction-type", "code", type);
        empty(x, "transaction-date", "iso-date", on.toString());
        value(x, amount, on);
        party(x, "provider-org", provider);
        party(x, "receiver-org", receiver);
        x.writeEndElement();
    }

    private static void party(XMLStreamWriter x, String element, Org org) throws XMLStreamException {
        x.writeStartElement(element);
        if (org.ref() != null) {
            x.writeAttribute("ref", org.ref());
        }
        if (org.type() != null) {
            x.writeAttribute("type", org.type());
        }
        narrative(x, null, org.name());
        x.writeEndElement();
    }

    private static void org(XMLStreamWriter x, String role, Org org) throws XMLStreamException {
        x.writeStartElement("participating-org");
        if (org.ref() != null) {
            x.writeAttribute("ref", org.ref());
        }
        if (org.type() != null) {
            x.writeAttribute("type", org.type());
        }
        x.writeAttribute("role", role);
        narrative(x, null, org.name());
        x.writeEndElement();
    }

    private static void value(XMLStreamWriter x, long amount, LocalDate on) throws XMLStreamException {
        x.writeStartElement("value");
        x.writeAttribute("currency", "SEK");
        x.writeAttribute("value-date", on.toString());
        x.writeCharacters(Long.toString(amount));
        x.writeEndElement();
    }

    /** Its title in the languages it has one in; without any, its parties' names in Swedish and English. */
    private static String[] title(FundedPartnership p) {
        if (present(p.titleSv()) || present(p.titleEn())) {
            return new String[] {p.titleSv(), p.titleEn()};
        }
        List<String> sv = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (FundedPartnership.Partner partner : p.partners()) {
            sv.add(partner.named() ? partner.name() + ", " + partner.countryNameSv() : partner.countryNameSv());
            en.add(partner.named() ? partner.name() + ", " + partner.countryNameEn() : partner.countryNameEn());
        }
        return new String[] {"Partnerskap " + p.swedishOrganisationName() + " – " + String.join("; ", sv),
                "Partnership " + p.swedishOrganisationName() + " – " + String.join("; ", en)};
    }

    private static void narratives(XMLStreamWriter x, String sv, String en) throws XMLStreamException {
        if (present(sv)) {
            narrative(x, "sv", sv);
        }
        if (present(en)) {
            narrative(x, "en", en);
        }
    }

    private static void narrative(XMLStreamWriter x, String language, String text) throws XMLStreamException {
        x.writeStartElement("narrative");
        if (language != null) {
            x.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
        }
        x.writeCharacters(text.strip());
        x.writeEndElement();
    }

    private static void date(XMLStreamWriter x, String type, LocalDate on) throws XMLStreamException {
        x.writeEmptyElement("activity-date");
        x.writeAttribute("type", type);
        x.writeAttribute("iso-date", on.toString());
    }

    private static void empty(XMLStreamWriter x, String element, String attribute, String value) throws XMLStreamException {
        x.writeEmptyElement(element);
        x.writeAttribute(attribute, value);
    }

    private static void text(XMLStreamWriter x, String element, String text) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
