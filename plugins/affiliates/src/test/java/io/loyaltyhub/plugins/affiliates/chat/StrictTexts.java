package io.loyaltyhub.plugins.affiliates.chat;

import io.loyaltyhub.api.chat.Texts;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The real bundle of one language, failing the test on a key that language's file does not have. */
class StrictTexts implements Texts {
    /** Every key the flow asked for in any test, for the bundle checks. */
    static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private final BundleTexts bundle;

    StrictTexts(String language) {
        this.bundle = new BundleTexts(AffiliateChatFlow.BUNDLE, language, StrictTexts.class.getClassLoader());
    }

    @Override
    public String get(String key, Object... args) {
        if (!bundle.keys().contains(key)) {
            throw new AssertionError("chat/affiliate_" + bundle.language() + ".properties has no key " + key);
        }
        USED.add(key);
        return bundle.get(key, args);
    }

    @Override
    public String language() {
        return bundle.language();
    }

    @Override
    public Texts in(String otherLanguage) {
        return new StrictTexts(otherLanguage);
    }
}
