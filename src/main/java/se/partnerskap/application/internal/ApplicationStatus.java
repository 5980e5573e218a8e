package se.partnerskap.application.internal;

import java.util.Arrays;

/** Where an application is: a draft may be edited; submitted and withdrawn belong to submission. */
public enum ApplicationStatus {
    DRAFT("draft"), SUBMITTED("submitted"), WITHDRAWN("withdrawn");

    private final String key;

    ApplicationStatus(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ApplicationStatus ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key));
    }
}
