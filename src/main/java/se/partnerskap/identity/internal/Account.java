package se.partnerskap.identity.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import se.partnerskap.identity.Role;

/** A user as stored: who, how to log in, roles and organisations. */
public record Account(UUID id, String email, String displayName, String passwordHash, String language,
        boolean enabled, Instant activatedAt, Instant createdAt, Set<Role> roles, Set<UUID> organisations) {

    public enum Status { INVITED, ACTIVE, DISABLED }

    public Status status() {
        if (!enabled) {
            return Status.DISABLED;
        }
        return activatedAt == null ? Status.INVITED : Status.ACTIVE;
    }

    public boolean canLogIn() {
        return enabled && activatedAt != null;
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
