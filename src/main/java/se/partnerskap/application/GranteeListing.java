package se.partnerskap.application;

/**
 * What a public list of grantees may show of a person's application, by its form's rule: whether they consented,
 * and their affiliation (the fieldwork grant's university).
 */
public record GranteeListing(boolean consented, String affiliation) {
}
