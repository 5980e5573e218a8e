package se.partnerskap.publicsite.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.Language;

/**
 * Every data set the platform publishes, with its formats and addresses, its licence and how often it changes: what
 * the open-data page lists and the DCAT-AP catalogue ({@code /api/v1/dcat.jsonld}) describes for a data portal to
 * harvest. One list, so that the page and the catalogue cannot disagree.
 */
@Component
class OpenDataSets {

    /** A format of a data set: its name, media type, EU file type and address (a path on this site). */
    record Distribution(String format, String mediaType, String fileType, String path) {
    }

    /**
     * A data set; {@code frequency} is a DCAT frequency (the EU authority table's code, e.g. DAILY), its grant data
     * as the setting says, the registry's lists yearly.
     */
    record DataSet(String key, String titleSv, String titleEn, String descriptionSv, String descriptionEn,
            String frequency, List<String> keywords, List<Distribution> distributions) {

        String title(Language lang) {
            return lang.pick(titleSv, titleEn);
        }

        String description(Language lang) {
            return lang.pick(descriptionSv, descriptionEn);
        }
    }

    /** The licence: its SPDX identifier, name and address. */
    record Licence(String id, String name, String url) {
    }

    private static final String JSON = "application/json";

    private final PartnerskapProperties.OpenData settings;

    OpenDataSets(PartnerskapProperties properties) {
        this.settings = properties.openData();
    }

    Licence licence() {
        return new Licence(settings.licence(), settings.licenceName(), settings.licenceUrl());
    }

    String publisher() {
        return settings.publisherName();
    }

    List<DataSet> all() {
        String changes = settings.updated();
        return List.of(
                new DataSet("projects", "Projekt som fått stöd", "Funded projects",
                        "Alla partnerskap som fått stöd ur programmen: svensk part, partner och land, kärnområden, tema, "
                                + "beviljat och utbetalt belopp, period och status.",
                        "Every partnership granted by the programmes: Swedish party, partner and country, core areas, "
                                + "theme, amounts granted and paid, period and status.",
                        changes, List.of("bistånd", "kommuner", "lokal demokrati", "partnerskap", "stöd"),
                        List.of(new Distribution("JSON", JSON, "JSON", "/api/v1/projects"),
                                new Distribution("CSV", "text/csv", "CSV", "/api/v1/projects.csv"))),
                new DataSet("iati", "Projekt som IATI-aktiviteter", "Projects as IATI activities",
                        "Projekten enligt IATI-standarden 2.03, med Sida som finansiär, sektor, länder, budget, "
                                + "åtaganden och utbetalningar i kronor.",
                        "The projects in the IATI standard 2.03, with Sida as funder, sector, countries, budget, "
                                + "commitments and disbursements in kronor.",
                        changes, List.of("IATI", "bistånd", "lokal demokrati"),
                        List.of(new Distribution("IATI XML", "application/xml", "XML", "/api/v1/iati/activities.xml"))),
                new DataSet("360giving", "Bidrag enligt 360Giving", "Grants in the 360Giving standard",
                        "Bidragen som ett 360Giving-paket: mottagare, finansiär, belopp, datum och plats. Stipendier till "
                                + "personer bara när stipendiaten samtyckt.",
                        "The grants as a 360Giving package: recipient, funder, amount, dates and location. Grants to "
                                + "persons only where the grantee consented.",
                        changes, List.of("360Giving", "bidrag", "stöd"),
                        List.of(new Distribution("360Giving JSON", JSON, "JSON", "/api/v1/360giving.json"))),
                new DataSet("grants-to-persons", "Stipendier till personer", "Grants to persons",
                        "Resestipendier och andra stipendier till personer som tackat ja och samtyckt till att stå med: "
                                + "namn, lärosäte, land, titel, omgång och belopp.",
                        "Fieldwork and other grants to persons who accepted and consented to be listed: name, "
                                + "university, country, title, round and amount.",
                        changes, List.of("stipendier", "resestipendium", "studenter"),
                        List.of(new Distribution("JSON", JSON, "JSON", "/api/v1/grants-to-persons"))),
                new DataSet("statistics", "Statistik över ansökningar och beviljat stöd",
                        "Statistics of applications and grants",
                        "Inkomna ansökningar, beviljade projekt, sökt, beviljat och utbetalt belopp och andel beviljade "
                                + "per år, program, omgång, land, region och kärnområde.",
                        "Applications received, projects granted, amounts applied for, granted and paid and success "
                                + "rates per year, programme, round, country, region and core area.",
                        changes, List.of("statistik", "bistånd", "stöd"),
                        List.of(new Distribution("CSV", "text/csv", "CSV", "/statistik.csv"),
                                new Distribution("HTML", "text/html", "HTML", "/statistik"))),
                new DataSet("programmes", "Program och öppna omgångar", "Programmes and open rounds",
                        "Programmen, vem som kan söka och de omgångar som tar emot ansökningar nu.",
                        "The programmes, who may apply and the rounds taking applications now.",
                        changes, List.of("program", "ansökan"),
                        List.of(new Distribution("JSON", JSON, "JSON", "/api/v1/programmes"))),
                new DataSet("registry", "Kommuner, regioner och länder", "Municipalities, regions and countries",
                        "Registrets listor: Sveriges kommuner och regioner med SCB-koder och länderna med ISO-koder.",
                        "The registry's lists: Sweden's municipalities and regions with their SCB codes and the "
                                + "countries with their ISO codes.",
                        "ANNUAL", List.of("kommuner", "regioner", "länder"),
                        List.of(new Distribution("JSON", JSON, "JSON", "/api/v1/municipalities"),
                                new Distribution("JSON", JSON, "JSON", "/api/v1/regions"),
                                new Distribution("JSON", JSON, "JSON", "/api/v1/countries"))));
    }
}
