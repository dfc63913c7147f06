package org.pobox.letter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFileNameTest {

    @Test
    void theNamingStylesOfSheetFedScannersArePages() {
        assertThat(PageFileName.parse("Letter_p1.jpg")).contains(new PageFileName("letter", 1));
        assertThat(PageFileName.parse("letter-p12.png")).contains(new PageFileName("letter", 12));
        assertThat(PageFileName.parse("letter_page3.tif")).contains(new PageFileName("letter", 3));
        assertThat(PageFileName.parse("letter-2.JPG")).contains(new PageFileName("letter", 2));
        assertThat(PageFileName.parse("来信_2.jpeg")).contains(new PageFileName("来信", 2));
        assertThat(PageFileName.parse("letter-007_p2.jpg")).contains(new PageFileName("letter-007", 2));
    }

    @Test
    void scannerCountersAndOrdinaryNamesAreNot() {
        assertThat(PageFileName.parse("scan-0004.pdf")).isEmpty();
        assertThat(PageFileName.parse("page-10.png")).isEmpty();
        assertThat(PageFileName.parse("letter-01.png")).isEmpty();
        assertThat(PageFileName.parse("letter-two.jpg")).isEmpty();
        assertThat(PageFileName.parse("信件一.png")).isEmpty();
        assertThat(PageFileName.parse("letter_p0.jpg")).isEmpty();
        assertThat(PageFileName.parse("notes_p1.txt")).isEmpty();
    }
}
