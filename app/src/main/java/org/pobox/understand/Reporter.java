package org.pobox.understand;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The writer's identity. Restricted: never logged, never in the searchable text. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Reporter(String name, String phone, String idNumber, String address) {
    public static final Reporter NONE = new Reporter(null, null, null, null);

    public boolean hasContact() {
        return phone != null || idNumber != null || address != null;
    }
}
