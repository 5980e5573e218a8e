package se.partnerskap.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision form as an officer fills it in: tests that are about something else than the reasons or
 * the decision maker give only the outcome and amount, and get the required rest from here.
 */
public final class DecisionForms {

    public static final String MAKER_NAME = "Maria Beslutsfattare";
    public static final String MAKER_ROLE = "Generalsekreterare";

    private DecisionForms() {
    }

    public static Map<String, String> complete(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if ("granted".equals(fields.get("outcome")) && !fields.containsKey("reasonSv") && !fields.containsKey("reasonEn")) {
            // a test of a rejection's reasons gives them itself, missing ones included
            all.put("reasonSv", "Ansökan uppfyller programmets krav.");
            all.put("reasonEn", "The application meets the programme's requirements.");
        }
        all.put("makerName", MAKER_NAME);
        all.put("makerRole", MAKER_ROLE);
        all.putAll(fields);
        return all;
    }
}
