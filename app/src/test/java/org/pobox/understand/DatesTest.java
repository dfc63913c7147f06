package org.pobox.understand;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {
    private static final Instant RECEIVED = Instant.parse("2020-07-30T02:00:00Z");

    @Test
    void postmarkAfterTheLastDayIsLate() {
        LetterUnderstanding u = Readers.RULES_ONLY.understand("区长王某公车私用。\n此致\n敬礼\n2020年7月24日",
                "山东省青岛市A013号邮政专用信箱 收\n即墨 2020.07.26 16", RECEIVED);
        assertThat(u.letterDate()).isEqualTo(LocalDate.of(2020, 7, 24));
        assertThat(u.postmarkDate()).isEqualTo(LocalDate.of(2020, 7, 26));
        assertThat(u.late()).isTrue();
    }

    @Test
    void postmarkOnTheLastDayIsInTime() {
        LetterUnderstanding u = Readers.RULES_ONLY.understand("区长王某公车私用。\n2020年7月25日",
                "即墨 2020-07-25", RECEIVED);
        assertThat(u.late()).isFalse();
    }

    @Test
    void withoutEnvelopeTheLetterDateDecides() {
        assertThat(Readers.RULES_ONLY.understand("区长王某公车私用。\n二〇二〇年七月二十八日", null, RECEIVED))
                .satisfies(u -> {
                    assertThat(u.letterDate()).isEqualTo(LocalDate.of(2020, 7, 28));
                    assertThat(u.late()).isTrue();
                });
        assertThat(Readers.RULES_ONLY.understand("区长王某公车私用。\n2020.6.3", null, RECEIVED).letterDate())
                .isEqualTo(LocalDate.of(2020, 6, 3));
    }

    @Test
    void aDateInTheStoryIsNotTheLetterDate() {
        String body = "2019年3月，区长王某在酒店公款吃喝，此后多次公车私用，群众反映强烈，至今没有处理，"
                + "希望巡视组认真调查，严肃处理，给群众一个交代。此致敬礼";
        assertThat(Readers.RULES_ONLY.understand(body, null, RECEIVED).letterDate()).isNull();
    }

    @Test
    void ocrMisreadsOfChineseNumeralDates() {
        assertThat(Readers.RULES_ONLY.understand("区长王某公车私用。\n二O=O年七月+一日", null, RECEIVED).letterDate())
                .isEqualTo(LocalDate.of(2020, 7, 11));
        assertThat(Readers.RULES_ONLY.understand("区长王某公车私用。\n二〇二@〇年五月二十二日", null, RECEIVED).letterDate())
                .isEqualTo(LocalDate.of(2020, 5, 22));
    }

    @Test
    void ocrLookalikesInDates() {
        LetterUnderstanding u = Readers.RULES_ONLY.understand("区长王某公车私用。", "即墨 2O2O.O7.2b 1l", RECEIVED);
        assertThat(u.postmarkDate()).isEqualTo(LocalDate.of(2020, 7, 26));
    }
}
