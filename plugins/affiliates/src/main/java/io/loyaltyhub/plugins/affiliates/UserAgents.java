package io.loyaltyhub.plugins.affiliates;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What a user agent string says about the visitor's device, with Yauaa (docs/adr/0009): device type, operating
 * system, browser, and whether it is a robot. The analyzer takes a second or two to build, so it is built in the
 * background when the plugin starts; results are cached (the same few agents make most clicks).
 */
final class UserAgents {
    /** What is stored per click. {@code type}: desktop, phone, tablet, mobile, tv, console, watch, bot, other, unknown. */
    record Device(String type, String os, String browser, boolean bot) {
    }

    static final String DEVICE_CLASS = "DeviceClass";
    static final String OS = "OperatingSystemNameVersionMajor";
    static final String AGENT = "AgentNameVersionMajor";

    private final CompletableFuture<UserAgentAnalyzer> analyzer;

    UserAgents() {
        analyzer = CompletableFuture.supplyAsync(() -> UserAgentAnalyzer.newBuilder()
                .hideMatcherLoadStats()
                .withCache(20_000)
                .withField(DEVICE_CLASS)
                .withField(OS)
                .withField(AGENT)
                .immediateInitialization()
                .build(), r -> Thread.ofPlatform().name("affiliates-useragents").daemon().start(r));
    }

    Device classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device("unknown", null, null, true); // browsers always send one
        }
        UserAgent ua = analyzer.join().parse(userAgent);
        return device(ua.getValue(DEVICE_CLASS), ua.getValue(OS), ua.getValue(AGENT));
    }

    /** Maps Yauaa's fields to what is stored; Yauaa's unknown values ("Unknown", "??") become null. */
    static Device device(String deviceClass, String os, String agent) {
        String c = deviceClass == null ? "" : deviceClass;
        boolean bot = c.startsWith("Robot") || c.equals("Hacker") || c.equals("Spy");
        String type = switch (c) {
            case "Desktop" -> "desktop";
            case "Phone" -> "phone";
            case "Tablet" -> "tablet";
            case "Mobile" -> "mobile";
            case "TV", "Set-top box" -> "tv";
            case "Game Console", "Handheld Game Console" -> "console";
            case "Watch" -> "watch";
            case "Unknown", "" -> "unknown";
            default -> bot ? "bot" : "other";
        };
        return new Device(type, clean(os, 60), clean(agent, 60), bot);
    }

    private static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.replace("??", "").trim();
        if (v.isEmpty() || v.toLowerCase(Locale.ROOT).startsWith("unknown")) {
            return null;
        }
        return v.length() > max ? v.substring(0, max) : v;
    }
}
