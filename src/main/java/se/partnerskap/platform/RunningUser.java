package se.partnerskap.platform;

import com.sun.security.auth.module.UnixSystem;

final class RunningUser {

    private RunningUser() {
    }

    static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (Throwable notUnix) {
            return false;
        }
    }
}
