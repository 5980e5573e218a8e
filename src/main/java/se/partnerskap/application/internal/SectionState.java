package se.partnerskap.application.internal;

import java.util.Arrays;

/** How far a section is: shown as a tag in the task list. */
public enum SectionState {
    NOT_STARTED("not-started"), IN_PROGRESS("in-progress"), COMPLETED("completed");

    private final String key;

    SectionState(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static SectionState ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key));
    }
}
