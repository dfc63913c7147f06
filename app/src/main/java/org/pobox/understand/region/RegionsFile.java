package org.pobox.understand.region;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** regions.yaml: the district's streets, towns and functional areas, district organs, places outside. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegionsFile(String district, List<String> districtAliases, List<Region> regions,
                          Group districtUnits, Group outside, List<String> residenceCues) {

    /** A street, town or functional area; {@code short} is the bare name (灵山) that takes 街道/镇 suffixes. */
    public record Region(String name, @JsonProperty("short") String shortName, List<String> aliases) {
        public List<String> aliasList() {
            return aliases == null ? List.of() : aliases;
        }
    }

    public record Group(String name, List<String> terms) {}
}
