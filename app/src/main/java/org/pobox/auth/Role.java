package org.pobox.auth;

import java.util.Locale;

/** What a person may do (issue 4). A user can hold several roles. */
public enum Role {
    /** uploads scans, sees processing status and failures */
    MAILROOM,
    /** searches and reads letters; never sees reporter fields or sealed letters */
    INVESTIGATOR,
    /** also sees reporter identity, seals and unseals, exports with identity, reads the audit */
    LEAD,
    /** manages users; sees no letter content without also being lead */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
