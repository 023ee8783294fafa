package io.loyaltyhub.bots.whatsapp;

/** The Cloud API's limits on what we send (characters). */
public final class WhatsAppLimits {
    public static final int TEXT_BODY = 4096;
    public static final int BUTTONS_BODY = 1024;
    public static final int LIST_BODY = 4096;
    public static final int BUTTON_TITLE = 20;
    public static final int LIST_BUTTON = 20;
    public static final int ROW_TITLE = 24;
    public static final int ROW_DESCRIPTION = 72;
    public static final int ROW_ID = 200;
    public static final int BUTTON_ID = 256;
    public static final int TEMPLATE_PARAM = 1024;

    private WhatsAppLimits() {
    }
}
