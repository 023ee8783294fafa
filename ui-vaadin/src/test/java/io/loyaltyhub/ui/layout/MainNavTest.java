package io.loyaltyhub.ui.layout;

import io.loyaltyhub.api.platform.Actor;
import io.loyaltyhub.api.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainNavTest {

    @Test
    void adminSeesEverything() {
        assertThat(MainNav.visibleFor(Actor.staff(1, "a", Role.ADMIN))).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Plugins", "Staff users", "Audit log", "Events");
    }

    @Test
    void staffUsersOnlyForActorsWhoMayReadStaff() {
        assertThat(MainNav.visibleFor(Actor.staff(2, "m", Role.MANAGER))).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Plugins", "Audit log", "Events");
    }

    @Test
    void supportSeesOnlyWhatItMayOpen() {
        assertThat(MainNav.visibleFor(Actor.staff(3, "s", Role.SUPPORT))).extracting(MainNav.Entry::label)
                .containsExactly("Dashboard", "Plugins");
    }

    @Test
    void nobodySeesNothing() {
        assertThat(MainNav.visibleFor(null)).isEmpty();
    }
}
