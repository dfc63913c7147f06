package org.pobox.understand;

/** A reported person: name (null when the letter names only the post), post title, unit, cadre level code. */
public record Target(String name, String post, String unit, String level) {}
