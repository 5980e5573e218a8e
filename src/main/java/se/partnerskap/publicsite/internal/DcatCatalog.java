package se.partnerskap.publicsite.internal;

import org.springframework.stereotype.Component;
import se.partnerskap.shared.Language;
import se.partnerskap.web.Links;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data sets as a DCAT-AP catalogue in JSON-LD ({@code /api/v1/dcat.jsonld}), for a national data portal to
 * harvest: the catalogue, its publisher, and per data set its titles and descriptions in Swedish and English, keywords,
 * theme, update frequency, licence, landing page and one distribution per format, with the EU authority tables' codes.
 */
@Component
class DcatCatalog {

    private static final String EU = "http://publications.europa.eu/resource/authority/";

    private final OpenDataSets sets;
    private final Links links;
    private final JsonMapper json;

    DcatCatalog(OpenDataSets sets, Links links, JsonMapper json) {
        this.sets = sets;
        this.links = links;
        this.json = json;
    }

    String write() {
        ObjectNode root = json.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        String page = links.absolute("/oppna-data");
        root.put("@id", page + "#catalog");
        root.put("@type", "dcat:Catalog");
        texts(root.putArray("dct:title"), "Öppna data från " + sets.publisher(), "Open data from " + sets.publisher());
        texts(root.putArray("dct:description"),
                "Det som programmen beviljat, till vem och var, och statistik över ansökningarna.",
                "What the programmes granted, to whom and where, and statistics of the applications.");
        root.set("dct:publisher", publisher());
        ArrayNode languages = root.putArray("dct:language");
        languages.addObject().put("@id", EU + "language/SWE");
        languages.addObject().put("@id", EU + "language/ENG");
        root.putObject("foaf:homepage").put("@id", page);
        root.putObject("dct:license").put("@id", sets.licence().url());
        ArrayNode datasets = root.putArray("dcat:dataset");
        for (OpenDataSets.DataSet d : sets.all()) {
            ObjectNode set = datasets.addObject();
            set.put("@id", page + "#" + d.key());
            set.put("@type", "dcat:Dataset");
            set.put("dct:identifier", d.key());
            texts(set.putArray("dct:title"), d.titleSv(), d.titleEn());
            texts(set.putArray("dct:description"), d.descriptionSv(), d.descriptionEn());
            ArrayNode keywords = set.putArray("dcat:keyword");
            d.keywords().forEach(k -> keywords.addObject().put("@language", "sv").put("@value", k));
            set.putObject("dcat:theme").put("@id", EU + "data-theme/GOVE");
            set.putObject("dct:accrualPeriodicity").put("@id", EU + "frequency/" + d.frequency());
            set.set("dct:publisher", publisher());
            ObjectNode contact = set.putObject("dcat:contactPoint");
            contact.put("@type", "vcard:Organization");
            contact.put("vcard:fn", sets.publisher());
            contact.putObject("vcard:hasURL").put("@id", links.absolute("/kommunala-partnerskap") + "#kontakt");
            set.putObject("dcat:landingPage").put("@id", page + "#" + d.key());
            ArrayNode distributions = set.putArray("dcat:distribution");
            int i = 0;
            for (OpenDataSets.Distribution x : d.distributions()) {
                String url = links.absolute(x.path());
                ObjectNode dist = distributions.addObject();
                dist.put("@id", page + "#" + d.key() + "-" + (++i));
                dist.put("@type", "dcat:Distribution");
                dist.put("dct:title", x.format() + " " + x.path());
                dist.putObject("dcat:accessURL").put("@id", url);
                dist.putObject("dcat:downloadURL").put("@id", url);
                dist.putObject("dcat:mediaType").put("@id", "https://www.iana.org/assignments/media-types/" + x.mediaType());
                dist.putObject("dct:format").put("@id", EU + "file-type/" + x.fileType());
                dist.putObject("dct:license").put("@id", sets.licence().url());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private ObjectNode publisher() {
        ObjectNode p = json.createObjectNode();
        p.put("@type", "foaf:Agent");
        p.put("foaf:name", sets.publisher());
        return p;
    }

    private static void texts(ArrayNode array, String sv, String en) {
        array.addObject().put("@language", Language.SV.code()).put("@value", sv);
        array.addObject().put("@language", Language.EN.code()).put("@value", en);
    }
}
