package se.partnerskap.grant.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** The projects of the open data as CSV rows (Jackson's CSV format): one per project and partner country. */
final class ProjectsCsv {

    /** A row; the column order of the header. */
    record Row(String id, String programme, String round, String year, String titleSv, String titleEn, String themeSv, String themeEn,
            String swedishOrganisation, String municipalityCode, String regionCode, String organisationNumber,
            String partner, String country, String coreAreas, long amountGrantedSek, long amountPaidSek,
            String startsOn, String endsOn, String status) {
    }

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader().withColumnReordering(false);

    private ProjectsCsv() {
    }

    static byte[] write(List<ProjectsApi.Project> projects) {
        List<Row> rows = new ArrayList<>();
        for (ProjectsApi.Project p : projects) {
            List<String> countries = p.countries().isEmpty() ? java.util.Collections.singletonList(null) : p.countries();
            for (String country : countries) {
                String partner = p.partners().stream().filter(x -> x.country().equals(country)).map(ProjectsApi.Partner::name)
                        .reduce((a, b) -> a + "; " + b).orElse("");
                var o = p.swedishOrganisation();
                rows.add(new Row(p.id(), p.programme(), p.round() == null ? "" : p.round().toString(),
                        p.year() == null ? "" : p.year().toString(),
                        p.title().getOrDefault("sv", ""), p.title().getOrDefault("en", ""),
                        p.theme().getOrDefault("sv", ""), p.theme().getOrDefault("en", ""),
                        o == null ? "" : o.name(), o == null || o.municipalityCode() == null ? "" : o.municipalityCode(),
                        o == null || o.regionCode() == null ? "" : o.regionCode(),
                        o == null || o.organisationNumber() == null ? "" : o.organisationNumber(), partner,
                        country == null ? "" : country, String.join(";", p.coreAreas()), p.amountGrantedSek(),
                        p.amountPaidSek(), p.startsOn() == null ? "" : p.startsOn().toString(),
                        p.endsOn() == null ? "" : p.endsOn().toString(), p.status()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // Excel reads UTF-8 by its byte order mark
        out.writeBytes(CSV.writer(SCHEMA).writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
