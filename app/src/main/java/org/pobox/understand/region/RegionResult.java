package org.pobox.understand.region;

import org.pobox.understand.Evidence;

import java.util.List;

public record RegionResult(String region, double score, List<Evidence> evidence) {}
