package se.partnerskap.registry;

import java.math.BigDecimal;

/** A Swedish municipality by its four-digit SCB code, with a point inside it for maps. */
public record Municipality(String code, String name, String regionCode, BigDecimal lat, BigDecimal lon) {
}
