package se.partnerskap.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import se.partnerskap.identity.Role;

/** A user as stored: who, how to log in, roles and organisations. */
public record Account(UUID id, String email, String displayName, String passwordHash, String language,
        boolean enabled, Instant activatedAt, Instant createdAt, Set<Role> roles, Set<UUID> organisations,
        boolean selfRegistered) {

    /** {@code REGISTERED}: created by the person, address not confirmed yet; {@code INVITED}: by an administrator. */
    public enum Status { INVITED, REGISTERED, ACTIVE, DISABLED }

    public Status status() {
        if (!enabled) {
            return Status.DISABLED;
        }
        if (activatedAt == null) {
            return selfRegistered ? Status.REGISTERED : Status.INVITED;
        }
        return Status.ACTIVE;
    }

    public boolean canLogIn() {
        return enabled && activatedAt != null;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
