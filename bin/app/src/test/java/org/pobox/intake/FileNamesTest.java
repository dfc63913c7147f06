package org.pobox.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void keepsChineseNames() {
        assertThat(FileNames.sanitise("即墨区来信_第3页.tif")).isEqualTo("即墨区来信_第3页.tif");
    }

    @Test
    void noWayOutOfTheFolder() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("etc_passwd");
        assertThat(FileNames.sanitise("..\\..\\信件..pdf")).isEqualTo("信件.pdf");
        assertThat(FileNames.sanitise("/abs/path/scan.jpg")).isEqualTo("abs_path_scan.jpg");
    }

    @Test
    void dropsControlAndBidiCharacters() {
        // U+202E would make "invoice\u202Egpj.exe" display as "invoiceexe.jpg"
        assertThat(FileNames.sanitise("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(FileNames.sanitise("a\u0000b\nc\u200Ed\u2066e\u2069.png")).isEqualTo("abcde.png");
    }

    @Test
    void neverEmptyAndNeverHidden() {
        assertThat(FileNames.sanitise("")).isEqualTo("unnamed");
        assertThat(FileNames.sanitise(null)).isEqualTo("unnamed");
        assertThat(FileNames.sanitise("../..")).isEqualTo("unnamed");
        assertThat(FileNames.sanitise("\u202E\u200F")).isEqualTo("unnamed");
        assertThat(FileNames.sanitise(".hidden.pdf")).isEqualTo("hidden.pdf");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitise("信".repeat(200) + ".pdf");
        assertThat(name).endsWith("信.pdf");
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
    }
}
