package se.partnerskap.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDFs that are PDFs by their header but that nobody should be sent: built here with PDFBox and uploaded
 * as an application attachment through HTTP, as a browser does. Each is refused with its own field
 * message and nothing is stored; a plain PDF made the same way is kept.
 */
class HostilePdfTest extends ApplicationFixtures {

    @Test
    void aPlainPdfIsKeptButEncryptedScriptedLaunchingEmbeddingOrBrokenOnesAreRefusedEachWithItsReason() throws IOException {
        HttpClient anna = anna();
        UUID id = startDraft(anna, openRound(List.of("KE"), List.of("project")), "project");
        String path = "/ansokningar/" + id + "/bilagor";
        byte[] plain = pdf(d -> { });

        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("krypterad.pdf", encrypted("user"));
        refused.put("agarlosen.pdf", encrypted(""));
        refused.put("oppna-skript.pdf", pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"))));
        refused.put("namn-skript.pdf", pdf(PdfCheckFiles::javaScriptNameTree));
        refused.put("sida-skript.pdf", pdf(d -> {
            PDPageAdditionalActions actions = new PDPageAdditionalActions();
            actions.setO(new PDActionJavaScript("app.alert(2)"));
            d.getPage(0).setActions(actions);
        }));
        refused.put("falt-skript.pdf", pdf(PdfCheckFiles::fieldWithKeystrokeScript));
        refused.put("starta.pdf", pdf(PdfCheckFiles::launchLink));
        refused.put("inbaddad.pdf", pdf(PdfCheckFiles::embeddedFile));
        refused.put("avklippt.pdf", Arrays.copyOf(plain, plain.length / 2));
        refused.put("skrap.pdf", garbageWithPdfHeader());
        Map<String, String> reasons = Map.of(
                "krypterad.pdf", "krypterad eller skyddad med lösenord",
                "agarlosen.pdf", "krypterad eller skyddad med lösenord",
                "oppna-skript.pdf", "innehåller JavaScript",
                "namn-skript.pdf", "innehåller JavaScript",
                "sida-skript.pdf", "innehåller JavaScript",
                "falt-skript.pdf", "innehåller JavaScript",
                "starta.pdf", "startar ett program eller öppnar en fil",
                "inbaddad.pdf", "innehåller bifogade filer",
                "avklippt.pdf", "skadad eller ofullständig",
                "skrap.pdf", "skadad eller ofullständig");

        for (var file : refused.entrySet()) {
            String page = get(anna, path).body();
            HttpResponse<String> r = upload(anna, path, csrf(page), file.getKey(), file.getValue());
            assertThat(r.statusCode()).as(file.getKey()).isEqualTo(422);
            assertThat(r.body()).as(file.getKey()).contains("error-summary").contains(reasons.get(file.getKey()));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE application_id = ?").param(id).query(Integer.class).single()).isZero();

        // the same in English
        String en = get(anna, "/en/applications/" + id + "/attachments").body();
        HttpResponse<String> english = upload(anna, "/en/applications/" + id + "/attachments", csrf(en), "script.pdf",
                refused.get("oppna-skript.pdf"));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("The PDF contains JavaScript");

        HttpResponse<String> ok = upload(anna, path, csrf(get(anna, path).body()), "avsikt.pdf", plain);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE application_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    /** A one-page PDF with a line of text, changed by {@code change} before it is saved. */
    static byte[] pdf(Consumer<PDDocument> change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 760);
                text.showText("Avsiktsforklaring");
                text.endText();
            }
            change.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted(String userPassword) throws IOException {
        byte[] plain = pdf(d -> { });
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(plain)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] garbageWithPdfHeader() {
        byte[] noise = new byte[4000];
        new java.util.Random(10).nextBytes(noise);
        String head = "%PDF-1.7\n";
        String tail = "\nstartxref\n" + (head.length() + 10) + "\n%%EOF\n";
        byte[] out = new byte[head.length() + noise.length + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, head.length());
        System.arraycopy(noise, 0, out, head.length(), noise.length);
        System.arraycopy(tail.getBytes(StandardCharsets.ISO_8859_1), 0, out, head.length() + noise.length, tail.length());
        return out;
    }

    /** The ways a PDF carries actions and files, built with PDFBox's own model. */
    static final class PdfCheckFiles {

        static void javaScriptNameTree(PDDocument d) {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("start", new PDActionJavaScript("app.alert(3)")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
            names.setJavascript(scripts);
            d.getDocumentCatalog().setNames(names);
        }

        static void fieldWithKeystrokeScript(PDDocument d) {
            try {
                PDAcroForm form = new PDAcroForm(d);
                d.getDocumentCatalog().setAcroForm(form);
                PDTextField field = new PDTextField(form);
                field.setPartialName("namn");
                PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
                actions.setK(new PDActionJavaScript("event.value = 'x'"));
                field.setActions(actions);
                PDAnnotationWidget widget = field.getWidgets().getFirst();
                widget.setRectangle(new PDRectangle(72, 600, 200, 20));
                widget.setPage(d.getPage(0));
                d.getPage(0).getAnnotations().add(widget);
                form.getFields().add(field);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static void launchLink(PDDocument d) {
            try {
                PDActionLaunch launch = new PDActionLaunch();
                launch.setFile(new PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("C:\\Windows\\System32\\calc.exe")));
                PDAnnotationLink link = new PDAnnotationLink();
                link.setRectangle(new PDRectangle(72, 700, 200, 20));
                link.setAction(launch);
                d.getPage(0).getAnnotations().add(link);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static void embeddedFile(PDDocument d) {
            try {
                PDEmbeddedFile file = new PDEmbeddedFile(d, new java.io.ByteArrayInputStream("MZ not a program".getBytes(StandardCharsets.US_ASCII)));
                file.setSubtype("application/octet-stream");
                file.setCreationDate(Calendar.getInstance());
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("program.exe");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
                files.setNames(Map.of("program.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                names.setEmbeddedFiles(files);
                d.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
