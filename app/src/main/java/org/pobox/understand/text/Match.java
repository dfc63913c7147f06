package org.pobox.understand.text;

/** A phrase found in a text: [start, end) in the normalised text, and what it stands for. */
public record Match<V>(String phrase, int start, int end, V value) {}
