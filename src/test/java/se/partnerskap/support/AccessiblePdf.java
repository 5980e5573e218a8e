package se.partnerskap.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every PDF the platform produces must be: tagged PDF/UA-1 with its language and title (and every
 * table header saying whether it heads a row or a column), PDF/A-2a
 * for the archive (both validated with veraPDF, every failed rule printed), and structurally sound by
 * {@code qpdf --check} (no warnings). qpdf is required, as Chromium is for the browser tests; CI
 * installs it.
 */
public final class AccessiblePdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private AccessiblePdf() {
    }

    /** The structure types found in the document's structure tree, in reading order. */
    public static List<String> assertAccessible(byte[] pdf, String lang, String title) throws IOException {
        List<String> types = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertThat(catalog.getLanguage()).as("/Lang of the catalogue").isEqualTo(lang);
            assertThat(catalog.getMarkInfo()).as("MarkInfo").isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).as("MarkInfo /Marked").isTrue();
            assertThat(catalog.getViewerPreferences()).as("viewer preferences").isNotNull();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).as("DisplayDocTitle").isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).as("/Title in the document information").isEqualTo(title);
            PDMetadata metadata = catalog.getMetadata();
            assertThat(metadata).as("XMP metadata").isNotNull();
            String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).as("XMP").contains(xmlEscaped(title)).contains("pdfaid:part").contains("pdfuaid:part");
            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            assertThat(root).as("structure tree").isNotNull();
            collect(root, types, scopes);
        }
        assertThat(types).as("structure types").contains("Document", "H1", "Table", "TH", "TD");
        assertThat(scopes).as("/Scope of every table header").isNotEmpty().allMatch(s -> s.equals("Row") || s.equals("Column"));
        validate(pdf, PDFAFlavour.PDFUA_1);
        validate(pdf, PDFAFlavour.PDFA_2_A);
        qpdfCheck(pdf);
        return types;
    }

    private static void collect(PDStructureNode node, List<String> types, List<String> scopes) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStructureType());
                if ("TH".equals(e.getStructureType())) {
                    scopes.add(scope(e));
                }
                collect(e, types, scopes);
            }
        }
    }

    /** The table header's /Scope (Row, Column, Both) from its Table attributes, "none" without. */
    private static String scope(PDStructureElement th) {
        var attributes = th.getAttributes();
        for (int i = 0; i < attributes.size(); i++) {
            String scope = attributes.getObject(i).getCOSObject().getNameAsString("Scope");
            if (scope != null) {
                return scope;
            }
        }
        return "none";
    }

    /** veraPDF's verdict for one profile; the failed rules are printed when there are any. */
    public static void validate(byte[] pdf, PDFAFlavour flavour) throws IOException {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            String failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " at " + a.getLocation().getContext())
                    .distinct().collect(Collectors.joining("\n"));
            assertThat(result.isCompliant()).as("veraPDF %s, failed rules:\n%s", flavour, failed).isTrue();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate against " + flavour, e);
        }
    }

    /** {@code qpdf --check}: no errors and no warnings (exit 0 and no "WARNING" on its output). */
    public static void qpdfCheck(byte[] pdf) throws IOException {
        Path file = Files.createTempFile("partnerskap-", ".pdf");
        try {
            Files.write(file, pdf);
            Process qpdf;
            try {
                qpdf = new ProcessBuilder("qpdf", "--check", file.toString()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("qpdf is needed for the PDF tests (apt-get install qpdf; .ci/run installs it)", e);
            }
            String out = new String(qpdf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            qpdf.waitFor(60, TimeUnit.SECONDS);
            assertThat(qpdf.exitValue()).as("qpdf --check exit code, output:\n%s", out).isZero();
            assertThat(out).as("qpdf --check").doesNotContainIgnoringCase("warning").contains("No syntax or stream encoding errors");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String xmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
