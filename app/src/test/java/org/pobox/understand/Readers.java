package org.pobox.understand;

import org.pobox.understand.round.Seeds;

/** The reader over the project's own seeds, built once for all tests (HanLP's dictionaries load once). */
final class Readers {
    static final Seeds SEEDS = Seeds.load(Seeds.defaultDir());
    static final Understander RULES_ONLY = new Understander(SEEDS, null);

    private Readers() {}
}
