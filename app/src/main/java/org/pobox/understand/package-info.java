/**
 * The understand stage: from a letter's OCR text to the fields investigators sort by.
 *
 * <p>Entry point: {@link org.pobox.understand.Understander}, built once from a round's seeds
 * ({@code Understander.fromSeeds(Seeds.defaultDir(), modelFile)}), immutable and thread-safe.
 * <ul>
 *   <li>{@code understand(body, envelope, receivedAt)} → {@link org.pobox.understand.LetterUnderstanding}
 *       (serialise with {@link org.pobox.letter.Json#MAPPER}: snake_case field names).</li>
 *   <li>{@code mask(text, reporter)} → the text for the searchable field, without the writer's
 *       name, phone, ID number or address.</li>
 *   <li>{@code signature(maskedText)} → {@link org.pobox.understand.duplicates.DuplicateSignature}: store
 *       {@code bandKeys()} in a keyword field and {@code toJson()} beside it, query candidates by
 *       their shared keys, confirm with {@code isDuplicateOf} (similar text and agreeing people,
 *       places and numbers); link to the candidate's first letter, explain with {@code shared}.</li>
 *   <li>{@code retrain(labelledLetters)} with {@link org.pobox.understand.subject.CorrectedLabels#apply}
 *       → a new reader whose subject model learnt from investigators' corrections.</li>
 * </ul>
 * Concerns live in sub-packages: {@code round} (seeds), {@code subject}, {@code region},
 * {@code people} (reported persons and levels), {@code identity} (the writer), {@code dates},
 * {@code duplicates}, {@code text} (normalisation, HanLP segmentation, phrase matching).
 */
package org.pobox.understand;
