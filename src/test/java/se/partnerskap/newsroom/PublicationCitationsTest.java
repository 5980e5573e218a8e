package se.partnerskap.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import se.partnerskap.newsroom.internal.NewsItem;
import se.partnerskap.newsroom.internal.PublicationExport;

import static org.assertj.core.api.Assertions.assertThat;

/** Citations that reference managers read back exactly, whatever characters the publication has. */
class PublicationCitationsTest {

    private static NewsItem publication(String title, String abstractText, List<String> authors) {
        return new NewsItem(UUID.randomUUID(), "publication", "sv", UUID.randomUUID(), "rapport", title, "", "",
                "published", Instant.parse("2019-01-01T00:00:00Z"), true, false, null, null, null, null, null, null,
                authors, 2019, "Rapport 3 & 4", abstractText, null, null, "t", Instant.now(), "t", Instant.now(), 0,
                List.of(), List.of(), List.of());
    }

    @Test
    void bibtexEscapesWhatTexReadsAsCommands() {
        String bib = PublicationExport.bibtex(publication("Budget & 50 % {ökning} för #kommun_x ~ ^ \\ $",
                "Rad ett\nrad två", List.of("Åström, Ö", "O'Neil, P")), "https://example.org/nyheter/rapport");
        assertThat(bib).startsWith("@misc{astrom2019budget,\n")
                .contains("  author = {Åström, Ö and O'Neil, P},\n")
                .contains("  title = {{Budget \\& 50 \\% \\{ökning\\} för \\#kommun\\_x \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$}},\n")
                .contains("  year = {2019},\n")
                .contains("  abstract = {Rad ett rad två},\n")
                .contains("  note = {Rapport 3 \\& 4},\n")
                .contains("  url = {https://example.org/nyheter/rapport}\n}\n");
    }

    @Test
    void risHasOneTagPerLineAndNoLineBreaksInsideAValue() {
        String ris = PublicationExport.ris(publication("Titel\r\nmed radbrytning", "Sammanfattning\n\nmed stycken",
                List.of("Koelble, T", "Siddle, A")), "https://example.org/x");
        assertThat(ris).isEqualTo("TY  - GEN\r\nAU  - Koelble, T\r\nAU  - Siddle, A\r\nTI  - Titel med radbrytning\r\n"
                + "PY  - 2019\r\nAB  - Sammanfattning med stycken\r\nN1  - Rapport 3 & 4\r\nLA  - sv\r\n"
                + "UR  - https://example.org/x\r\nER  - \r\n");
    }
}
