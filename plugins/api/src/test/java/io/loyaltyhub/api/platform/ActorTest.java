package io.loyaltyhub.api.platform;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {
    @Test
    void apiKeysMatchExactAreaWildcardOrEverything() {
        assertThat(Actor.apiKey(1, "pos", Set.of("bills:write")).may("bills:write")).isTrue();
        assertThat(Actor.apiKey(1, "pos", Set.of("bills:write")).may("bills:read")).isFalse();
        assertThat(Actor.apiKey(1, "erp", Set.of("bills:*")).may("bills:read")).isTrue();
        assertThat(Actor.apiKey(1, "erp", Set.of("bills:*")).may("billsx:read")).isFalse();
        assertThat(Actor.apiKey(1, "root", Set.of("*")).may("staff:write")).isTrue();
        assertThat(Actor.apiKey(1, "none", Set.of()).may("stores:read")).isFalse();
    }

    @Test
    void rolesFollowTheSpec() {
        Actor admin = Actor.staff(1, "a", Role.ADMIN);
        Actor manager = Actor.staff(2, "m", Role.MANAGER);
        Actor support = Actor.staff(3, "s", Role.SUPPORT);
        assertThat(admin.may("staff:write")).isTrue();
        assertThat(manager.may("commissions:write")).isTrue();
        assertThat(manager.may("staff:read")).isFalse();
        assertThat(manager.may("plugins:write")).isFalse();
        assertThat(manager.may("plugins:read")).isTrue();
        assertThat(support.may("customers:write")).isTrue();
        assertThat(support.may("points:write")).isTrue();
        assertThat(support.may("commissions:write")).isFalse();
        assertThat(support.may("commissions:read")).isTrue();
        assertThat(support.may("audit:read")).isFalse();
    }

    @Test
    void nobodyGrantsMoreThanTheyHave() {
        Actor keyMaker = Actor.apiKey(1, "ops", Set.of("apikeys:write", "stores:read"));
        assertThat(keyMaker.mayGrant("stores:read")).isTrue();
        assertThat(keyMaker.mayGrant("stores:write")).isFalse();
        assertThat(keyMaker.mayGrant("stores:*")).isFalse();
        assertThat(keyMaker.mayGrant("*")).isFalse();
        assertThat(Actor.staff(1, "m", Role.MANAGER).mayGrant("stores:*")).isTrue();
        assertThat(Actor.staff(1, "m", Role.MANAGER).mayGrant("plugins:*")).isFalse();
        assertThat(Actor.staff(1, "m", Role.MANAGER).mayGrant("*")).isFalse();
        assertThat(Actor.staff(1, "a", Role.ADMIN).mayGrant("*")).isTrue();
        assertThat(Actor.apiKey(1, "root", Set.of("*")).mayGrant("*")).isTrue();
    }

    @Test
    void labelsNameTheKindOfActor() {
        assertThat(Actor.staff(1, "alice", Role.ADMIN).label()).isEqualTo("staff:alice");
        assertThat(Actor.apiKey(9, "erp", Set.of("*")).label()).isEqualTo("apikey:erp");
        assertThat(Actor.SYSTEM.label()).isEqualTo("system");
    }
}
