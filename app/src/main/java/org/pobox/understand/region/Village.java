package org.pobox.understand.region;

/** A village-level unit: its short name as letters write it (南阡村, 墨河社区) and its street or town. */
public record Village(String code, String name, String fullName, String town) {}
