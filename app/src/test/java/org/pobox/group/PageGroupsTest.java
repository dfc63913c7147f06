package org.pobox.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.pobox.intake.Intake;
import org.pobox.letter.Headers;
import org.pobox.letter.PageFile;
import org.pobox.letter.PageGroup;

/** How a letter of page files is described to the ocr route. */
class PageGroupsTest {

    /**
     * A letter of page files that fails is named in failed/ like any failed file, after its first
     * page: the report then finds its day and the registration number its page files share.
     */
    @Test
    void aLetterOfPageFilesIsDescribedInPageOrderAndNamedAfterItsFirstPage() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            Instant received = Instant.parse("2020-05-20T01:30:00Z");
            PageFile p1 = new PageFile(1, Path.of("archive/ab12cd34ef56-x_p1.png"), "x_p1.png",
                    "ab12cd34" + "0".repeat(56), received, "SD10JM-2020-0007");
            PageFile p2 = new PageFile(2, Path.of("archive/9f9f9f9f9f9f-x_p2.png"), "x_p2.png",
                    "9f9f9f9f" + "0".repeat(56), received.plusSeconds(5), "SD10JM-2020-0007");

            PageGroup group = PageGroups.describe(exchange, List.of(p2, p1), "c".repeat(64));

            assertThat(group.pages()).containsExactly(p1, p2);
            assertThat(exchange.getMessage().getHeader(Headers.FAILED_NAME, String.class))
                    .isEqualTo(Intake.failedName(received, p1.sha256(), "group-x_p1.png"))
                    .matches("\\d{8}-\\d{6}-ab12cd34-group-x_p1\\.png");
        }
    }
}
