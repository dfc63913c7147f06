package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChinesePunctuationTest {

    @Test
    void asciiPunctuationAfterChineseBecomesFullWidth() {
        assertThat(ChinesePunctuation.fullWidth("你们好!还多次公车私用,群众意见很大")).isEqualTo("你们好！还多次公车私用，群众意见很大");
        assertThat(ChinesePunctuation.fullWidth("举报人:王伟")).isEqualTo("举报人：王伟");
    }

    @Test
    void asciiPunctuationElsewhereStays() {
        assertThat(ChinesePunctuation.fullWidth("1,000 OK! 12:30")).isEqualTo("1,000 OK! 12:30");
        assertThat(ChinesePunctuation.fullWidth("")).isEmpty();
    }
}
