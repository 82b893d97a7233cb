package dk.firmafon.testsupport;

/**
 * Canary personal data: a test that sends or receives one of these (a number to look up, a contact's name, an SMS
 * text) has the suite's guard search every captured log line (the SDK's and every library's, DEBUG included) and
 * every exception message for it, in each form below, as it does for {@link TestSecrets}. None may appear: the SDK
 * masks personal data in everything it writes on its own.
 */
public final class TestPersonalData {
    /** A Danish number, country code first, as the API writes it. */
    public static final String NUMBER = "4571990042";
    /** {@link #NUMBER} as a person types it. */
    public static final String NUMBER_AS_TYPED = "+45 71 99 00 42";

    public static final String EMAIL = "caroline.canary@example.net";
    public static final String NAME = "Caroline Canary-Holm";
    public static final String SMS_TEXT = "Canary message: meet at 14:30, door code 7731";

    private TestPersonalData() {}

    static void registerAll() {
        Secrets.register(Secrets.Kind.PHONE_NUMBER, NUMBER, "TestPersonalData.NUMBER");
        // the number's national part, which an echo such as "71 99 00 42" or "71990042" would still carry
        Secrets.register(Secrets.Kind.PHONE_NUMBER, NUMBER.substring(2), "TestPersonalData.NUMBER without 45");
        Secrets.register(Secrets.Kind.EMAIL_ADDRESS, EMAIL, "TestPersonalData.EMAIL");
        Secrets.register(Secrets.Kind.PERSON_NAME, NAME, "TestPersonalData.NAME");
        Secrets.register(Secrets.Kind.SMS_TEXT, SMS_TEXT, "TestPersonalData.SMS_TEXT");
    }
}
