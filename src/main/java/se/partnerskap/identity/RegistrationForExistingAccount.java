package se.partnerskap.identity;

import java.util.UUID;

/**
 * Someone registered with the address of an active account: its owner is told so by mail, with the way to log
 * in and to reset the password; the page answers as for a new address, so it tells nobody who has an account.
 */
public record RegistrationForExistingAccount(UUID noticeId, UUID userId, String email, String name, String language) {
}
