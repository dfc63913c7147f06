package org.pobox.auth;

import java.util.Set;
import org.pobox.search.Access;

/** The person behind a request, and what the rules let them do. */
public record Viewer(String name, Set<Role> roles) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role r) {
        return roles.contains(r);
    }

    /** Searches and reads letters: investigators and leads (an admin alone does not). */
    public boolean readsLetters() {
        return has(Role.INVESTIGATOR) || has(Role.LEAD);
    }

    public boolean isLead() {
        return has(Role.LEAD);
    }

    /** What the search and letter reads may return to this person. */
    public Access access() {
        return isLead() ? Access.LEAD : Access.INVESTIGATOR;
    }
}
