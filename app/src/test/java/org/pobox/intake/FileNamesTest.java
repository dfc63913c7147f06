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

    /** Whatever comes in, what comes out is a name pobox may use as it is (and sanitise keeps a plain name). */
    @Test
    void sanitisedNamesAreAlwaysPlain() {
        java.util.Random random = new java.util.Random(12L);
        String alphabet = "ab信件.. -_%2F%5c\\\u202E\u200B\u200D\u0301\u0308\n\t\u0007\u2066\uFEFF()+,~$#'\"";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(i % 50 == 0 ? 300 : 20);
            for (int k = 0; k < length; k++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String safe = FileNames.sanitise(name.toString());
            assertThat(FileNames.isPlain(safe)).as("%s -> %s", FileNames.visible(name.toString()), safe).isTrue();
            assertThat(FileNames.sanitise(safe)).isEqualTo(safe);
        }
        assertThat(FileNames.isPlain("cafe\u0301.jpg")).as("NFD").isFalse();
        assertThat(FileNames.isPlain("caf\u00E9.jpg")).as("NFC").isTrue();
        assertThat(FileNames.isPlain("-rf.jpg")).isFalse();
        assertThat(FileNames.isPlain("..%2Fevil.jpg")).isFalse();
        assertThat(FileNames.visible("a\u202Eb\nc")).isEqualTo("\"a\\u202Eb\\u000Ac\"");
    }
}
