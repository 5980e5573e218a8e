package se.partnerskap.platform;

/** Thrown instead of starting the demo (shared passwords, readable mail) at a public address. */
class DemoExposedException extends RuntimeException {

    private final String baseUrl;

    DemoExposedException(String baseUrl) {
        super("Demo mode with the public base URL " + baseUrl);
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }
}
