package org.pobox.understand.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Postmark dates as the envelope's text has them, read by OCR from a turned round stamp. */
class DateFinderTest {

    private final DateFinder dates = new DateFinder(2020);

    @Test
    void aPostmarkWhoseYearLostADigitInTheRingIsStillItsDate() {
        assertThat(dates.postmark("266164 中国邮政\n020.08.05\n1.20元\n山东省委第十巡视组收").date())
                .isEqualTo(LocalDate.of(2020, 8, 5));
        assertThat(dates.postmark("266922 中国邮政\n2 020.05.30\n1.20元").date()).isEqualTo(LocalDate.of(2020, 5, 30));
        assertThat(dates.postmark("中国邮政\n20.07.27\n即墨").date()).isEqualTo(LocalDate.of(2020, 7, 27));
        // posted in December of the year before the round's
        assertThat(new DateFinder(2021).postmark("20.12.28 山东青岛").date()).isEqualTo(LocalDate.of(2020, 12, 28));
    }

    @Test
    void aShortYearThatIsNotTheRoundsIsNoPostmarkAndAFullDateStillWins() {
        assertThat(dates.postmark("中国邮政\n17.05.29\n1.20元")).isNull();
        assertThat(dates.postmark("1.20元 邮政编码：266200")).isNull();
        assertThat(dates.postmark("2020.06.25\n020.06.20").date()).isEqualTo(LocalDate.of(2020, 6, 25));
    }
}
