package se.partnerskap.web;

/** A logged-in principal that has a name to show in the page header. */
public interface DisplayNamed {
    String displayName();
}
