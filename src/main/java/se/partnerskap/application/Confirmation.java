package se.partnerskap.application;

import java.time.Instant;

/**
 * A confirmation asked of a person an application names (the fieldwork grant's supervisor), as the officers see
 * it: whom, until when the link is valid, and the answer once given ({@code supports} null until then).
 */
public record Confirmation(String name, String email, Instant expiresAt, Instant answeredAt, Boolean supports) {
}
