package io.loyaltyhub.host.ui;

import io.loyaltyhub.api.loyalty.LoyaltyService;
import io.loyaltyhub.api.loyalty.Reward;
import io.loyaltyhub.api.loyalty.RewardDraft;
import io.loyaltyhub.api.loyalty.RewardsService;
import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.host.testing.BrowserTestBase;
import io.loyaltyhub.host.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat simulator in a real Chromium: join, ask for points, redeem a reward. */
class SimulatorBrowserIT extends BrowserTestBase {
    private static final String MOBILE = "+919811122233";

    private int turns() {
        return Integer.parseInt(browser.findElement(By.id("sim-messages")).getDomAttribute("data-turns"));
    }

    /** Does something that sends one message and waits for the bot's answer to be drawn. */
    private void turn(Runnable action) {
        int before = turns();
        action.run();
        wait.until(d -> turns() > before);
    }

    private void type(String text) {
        turn(() -> browser.findElement(By.cssSelector("#sim-input input")).sendKeys(text, Keys.ENTER));
    }

    /** Taps a button with that choice id, or opens the last menu and picks the row. */
    private void tap(String choiceId) {
        List<WebElement> buttons = browser.findElements(By.cssSelector("#sim-messages .sim-choice[data-choice-id='"
                + choiceId + "']"));
        if (buttons.isEmpty()) {
            pickFromMenu(choiceId);
            return;
        }
        turn(() -> buttons.getLast().click());
    }

    private void pickFromMenu(String choiceId) {
        List<WebElement> opens = browser.findElements(By.cssSelector("#sim-messages .sim-menu-open"));
        opens.getLast().click();
        WebElement row = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".sim-menu-row[data-choice-id='" + choiceId + "']")));
        turn(row::click);
    }

    private String lastBotText() {
        List<WebElement> bubbles = browser.findElements(By.cssSelector("#sim-messages .sim-bot .sim-body"));
        return String.join("\n", bubbles.subList(Math.max(0, bubbles.size() - 3), bubbles.size()).stream()
                .map(WebElement::getText).toList());
    }

    @Test
    void joinAskForPointsAndRedeemARewardInTheSimulator() {
        Reward tea = server.server().service(RewardsService.class).orElseThrow().saveReward(Actor.SYSTEM,
                new RewardDraft(null, "Masala tea", "A cup", 50L, null, null, null, null, null, 30, true));
        logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.get(server.adminBase() + "/simulator?audience=customer&user=%2B919811122233");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sim-input input")));

        type("hi");
        tap("c:yes");
        type("Priya Shah");
        tap("b:skip");
        LoyaltyService loyalty = server.server().service(LoyaltyService.class).orElseThrow();
        long id = loyalty.findByMobile(MOBILE).orElseThrow().id();
        loyalty.adjust(Actor.SYSTEM, id, 120, "welcome", "sim-welcome");
        long before = loyalty.balance(id).available();

        type("points");
        assertThat(lastBotText()).contains(String.format(java.util.Locale.ENGLISH, "%,d", before));

        type("menu");
        tap("m:rewards");
        tap("r:" + tea.id());
        tap("r:" + tea.id() + ":redeem");
        tap("r:" + tea.id() + ":ok");
        Matcher code = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}").matcher(lastBotText());
        assertThat(code.find()).as("voucher in %s", lastBotText()).isTrue();
        assertThat(server.server().service(RewardsService.class).orElseThrow().validateVoucher(code.group())
                .customerId()).isEqualTo(id);
        assertThat(loyalty.balance(id).available()).isEqualTo(before - 50);
    }
}
