package org.pobox.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.testdata.BadFiles;
import org.pobox.testdata.Cer;
import org.pobox.testdata.GeneratedScan;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

class PageDecoderTest {

    @TempDir
    static Path dir;

    private static final ScanGenerator GENERATOR = new ScanGenerator(7);
    private static final PageStyle STYLE = PageStyle.clean(200);
    private static BufferedImage page;

    private final PageDecoder decoder = new PageDecoder();

    @BeforeAll
    static void renderOnePage() {
        page = GENERATOR.render(GENERATOR.letters().letter(), STYLE);
    }

    private static GeneratedScan scan(Format format, String name, int pages) throws IOException {
        return GENERATOR.write(format, dir.resolve(name), pages, STYLE);
    }

    @Test
    void pngJpegAndTiffDecodeToTheirPages() throws IOException {
        assertThat(decoder.decode(scan(Format.PNG, "a.png", 1).file())).hasSize(1);
        assertThat(decoder.decode(scan(Format.JPEG, "b.jpg", 1).file())).hasSize(1);
        assertThat(decoder.decode(scan(Format.TIFF, "c.tif", 1).file())).hasSize(1);
        List<BufferedImage> tiff = decoder.decode(scan(Format.TIFF, "d.tiff", 3).file());
        assertThat(tiff).hasSize(3);
        assertThat(tiff.get(2).getWidth()).isEqualTo(page.getWidth());
        assertThat(tiff.get(2).getHeight()).isEqualTo(page.getHeight());
    }

    @Test
    void theScanResolutionIsReadWhenTheFileRecordsIt() throws IOException {
        for (Path file : List.of(scan(Format.PNG, "r.png", 1).file(), scan(Format.TIFF, "r.tif", 2).file())) {
            try (ScanPages pages = decoder.open(file)) {
                assertThat(pages.dpi(pages.count() - 1)).as(file.getFileName().toString()).isEqualTo(200);
            }
        }
        try (ScanPages pages = decoder.open(scan(Format.PDF_IMAGE, "r.pdf", 1).file())) {
            assertThat(pages.dpi(0)).as("a PDF page is rendered at the decoder's dpi").isEqualTo(300);
        }
    }

    @Test
    void aScannedPdfRendersEachPageAtTheConfiguredDpiInGray() throws IOException {
        Path pdf = scan(Format.PDF_IMAGE, "e.pdf", 2).file();
        assertThat(decoder.pageCount(pdf)).isEqualTo(2);
        try (ScanPages pages = new PageDecoder(150, PageDecoder.DEFAULT_MAX_PIXELS).open(pdf)) {
            assertThat(pages.format()).isEqualTo(ScanFormat.PDF);
            BufferedImage first = pages.page(0);
            assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(first.getWidth()).isBetween(1238, 1243); // A4 = 8.27 in × 150 dpi
            assertThat(pages.textLayer(0)).as("a scan has no text layer: OCR it").isEmpty();
        }
    }

    @Test
    void aPdfWithATextLayerOffersItsText() throws IOException {
        GeneratedScan scan = scan(Format.PDF_TEXT, "f.pdf", 2);
        try (ScanPages pages = decoder.open(scan.file())) {
            assertThat(pages.count()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                assertThat(Cer.of(scan.pageTexts().get(i), pages.textLayer(i).orElseThrow())).isZero();
            }
            assertThat(pages.page(1).getWidth()).isBetween(2478, 2483);
        }
    }

    @Test
    void theFormatComesFromTheBytesNotTheName() throws IOException {
        Path pngNamedJpg = Files.move(scan(Format.PNG, "g.png", 1).file(), dir.resolve("g.jpg"));
        try (ScanPages pages = decoder.open(pngNamedJpg)) {
            assertThat(pages.format()).isEqualTo(ScanFormat.PNG);
            assertThat(pages.page(0).getWidth()).isEqualTo(page.getWidth());
        }
    }

    @Test
    void anEmptyFile() throws IOException {
        assertReason(BadFiles.empty(dir.resolve("empty.tif")), "empty file (0 bytes)");
    }

    @Test
    void aTruncatedTiff() throws IOException {
        Path file = BadFiles.truncatedTiff(dir.resolve("cut.tif"), List.of(page, page, page), 0.5);
        assertThatThrownBy(() -> decoder.decode(file)).isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("truncated or corrupt TIFF: ")
                .hasMessageContaining("past the end of the file");
    }

    @Test
    void aTruncatedJpeg() throws IOException {
        Path jpeg = scan(Format.JPEG, "cut.jpg", 1).file();
        byte[] bytes = Files.readAllBytes(jpeg);
        Files.write(jpeg, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> decoder.decode(jpeg)).isInstanceOf(BadFileException.class)
                .hasMessageStartingWith("truncated or corrupt JPEG: ");
    }

    @Test
    void textNamedPdf() throws IOException {
        assertReason(BadFiles.textNamedPdf(dir.resolve("letter.pdf")),
                "named .pdf but is not a PDF (looks like plain text)");
    }

    @Test
    void chineseTextSavedByWindowsIsStillText() throws IOException {
        Path gbk = Files.write(dir.resolve("举报信.pdf"), "尊敬的巡视组领导：\r\n我村补偿款至今未发。".getBytes("GB18030"));
        assertReason(gbk, "named .pdf but is not a PDF (looks like plain text)");
    }

    @Test
    void anEncryptedPdf() throws IOException {
        assertReason(BadFiles.encryptedPdf(dir.resolve("locked.pdf"), page, 200),
                "encrypted PDF: cannot be read without its password");
    }

    @Test
    void aPngClaimingToBeHugeIsRefusedFromItsHeader() throws IOException {
        Path bomb = BadFiles.pngClaiming(dir.resolve("bomb.png"), 30000, 30000);
        assertThat(decoder.pageCount(bomb)).isEqualTo(1);
        assertReason(bomb, "image too large: 30000×30000 px (limit 100 megapixels)");
    }

    @Test
    void unsupportedFormatsSayWhatTheyLookLike() throws IOException {
        Path docx = Files.write(dir.resolve("letter.docx"), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertReason(docx, "unsupported format: .docx (looks like a ZIP archive, e.g. a Word or Excel file);"
                + " pobox reads JPEG, PNG, TIFF and PDF");
        Path gif = Files.write(dir.resolve("photo"), "GIF89a....".getBytes());
        assertReason(gif, "unsupported format: no extension (looks like a GIF image); pobox reads JPEG, PNG, TIFF and PDF");
    }

    private void assertReason(Path file, String reason) {
        assertThatThrownBy(() -> decoder.decode(file)).isInstanceOf(BadFileException.class).hasMessage(reason);
    }
}
