package org.pobox.understand.region;

/** What a place name in a letter resolves to: a region value and the kind of name that matched. */
public record Place(String region, Kind kind) {
    public enum Kind { TOWN, VILLAGE, DISTRICT_UNIT, OUTSIDE, RESIDENCE_CUE }
}
