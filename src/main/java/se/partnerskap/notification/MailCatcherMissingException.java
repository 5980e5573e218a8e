package se.partnerskap.notification;

/** Demo mode with no mail server in a jar without the demo's mail catcher (the server jar). */
class MailCatcherMissingException extends RuntimeException {

    MailCatcherMissingException() {
        super("Demo mode needs the mail catcher (GreenMail), which this jar does not contain");
    }
}
