package org.quartermaster.policy.policies.domain;

/** A text in one language, e.g. a question in French: {@code {"languageCode": "fr-FR", "text": "…"}}. */
public record LocalizedText(String languageCode, String text) {
}
