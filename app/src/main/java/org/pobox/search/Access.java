package org.pobox.search;

/**
 * What a read may return. Enforced on the server, in the query and the source filter, never left
 * to the page: an investigator's response bytes hold no reporter field and no sealed letter.
 *
 * @param identity reporter fields returned (and not blanked out of the text)
 * @param sealed   sealed letters found and readable
 */
public record Access(boolean identity, boolean sealed) {

    public static final Access INVESTIGATOR = new Access(false, false);
    public static final Access LEAD = new Access(true, true);

    /** Fields never sent without identity access. */
    static final String[] IDENTITY_FIELDS = {"reporter", "reporter.*"};
}
