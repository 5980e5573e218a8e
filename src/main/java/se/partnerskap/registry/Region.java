package se.partnerskap.registry;

/** A Swedish region (län), by its two-digit code. */
public record Region(String code, String name, String county) {
}
