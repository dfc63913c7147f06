package org.pobox.understand.subject;

/** A letter's text with its subject label, for training. */
public record LabelledLetter(String id, String text, String subject) {}
