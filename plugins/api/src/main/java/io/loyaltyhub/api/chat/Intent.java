package io.loyaltyhub.api.chat;

/**
 * A global keyword the engine recognised in any state and language ("menu", "help", "stop",
 * "start", "मेनू", ...). Flows must honour it whatever step they are in.
 */
public enum Intent {
    NONE,
    MENU,
    HELP,
    STOP,
    START,
    /** "STOP OFFERS": marketing messages only; everything else keeps coming. */
    STOP_OFFERS,
    /** "START OFFERS": opt in to marketing messages. */
    START_OFFERS
}
