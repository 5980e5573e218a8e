package se.partnerskap.identity.internal;

import java.util.UUID;

/** A login that knows which {@code app_user.session_version} it was opened with (see {@link SessionEnds}). */
interface VersionedLogin {

    UUID userId();

    long sessionVersion();
}
