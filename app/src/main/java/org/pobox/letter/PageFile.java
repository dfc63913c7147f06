package org.pobox.letter;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One page file of a letter scanned page by page ({@code x_p2.png}), as archived.
 *
 * @param page           its page number, from its name
 * @param registrationNo the number the register gave this file when it arrived: its letter's,
 *                       the same for every page file of a page group (null for a page of an
 *                       indexed letter, whose number is the letter's)
 */
public record PageFile(int page, Path archived, String name, String sha256, Instant receivedAt,
                       String registrationNo) {
}
