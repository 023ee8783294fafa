package io.loyaltyhub.plugins.loyalty.chat;

import io.loyaltyhub.api.chat.Audience;
import io.loyaltyhub.api.chat.ChatFlow;
import io.loyaltyhub.api.chat.ChatStep;
import io.loyaltyhub.api.chat.ChatTurn;
import io.loyaltyhub.api.chat.Inbound;
import io.loyaltyhub.api.chat.Intent;
import io.loyaltyhub.api.chat.Reply;
import io.loyaltyhub.api.loyalty.Customer;
import io.loyaltyhub.api.loyalty.CustomerStatus;
import io.loyaltyhub.api.common.Rejected;
import io.loyaltyhub.api.plugin.PluginContext;
import org.pf4j.Extension;

import java.util.Optional;

/**
 * The customers' conversation on WhatsApp (and the simulator). Someone unknown is greeted and asked for
 * consent, then name and birthday ({@link Joining}); a customer gets the menu of points, rewards, vouchers,
 * history, kids, refer a friend, language, help and stop/start ({@link Membership}). Blocked customers get a
 * polite text and nothing else. STOP and START record consent from any step.
 *
 * <p>Steps: {@code ""} (new), {@code consent}, {@code join.name}, {@code join.birthday}; {@code menu},
 * {@code points}, {@code rewards}, {@code reward}, {@code redeem.confirm}, {@code vouchers}, {@code history},
 * {@code kids}, {@code kid.name}, {@code kid.birthday}, {@code kid.remove}, {@code refer}, {@code language},
 * {@code help}, {@code stopped}. Choice ids: see {@link Screens}.
 */
@Extension
public class CustomerChatFlow implements ChatFlow {
    static final String ID = "loyalty.customer";
    static final String BUNDLE = "chat/customer";
    static final String NEW = "";

    private final FlowSupport support;
    private final Joining joining;
    private final Membership membership;

    public CustomerChatFlow(PluginContext context) {
        this.support = new FlowSupport(context, BUNDLE);
        this.joining = new Joining(support);
        this.membership = new Membership(support);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Audience audience() {
        return Audience.CUSTOMER;
    }

    @Override
    public String bundle() {
        return BUNDLE;
    }

    @Override
    public ChatStep handle(ChatTurn turn) {
        try {
            if (turn.user().phone().isEmpty()) {
                return joining.withoutNumber(turn); // known only by a business-scoped id: ask for the number
            }
            Optional<Customer> customer = support.loyalty().findByMobile(turn.user().phone().get())
                    .filter(c -> c.status() != CustomerStatus.ERASED); // erased: a stranger now
            if (turn.input().kind() == Inbound.Kind.PHONE_SHARED) { // just linked: their menu, or the greeting
                turn = new ChatTurn(turn.user(), turn.messageId(), turn.input(), Intent.MENU, turn.step(), turn.data(),
                        turn.texts());
            }
            if (customer.isEmpty()) {
                return joining.handle(turn);
            }
            if (customer.get().status() == CustomerStatus.BLOCKED) {
                return blocked(turn, customer.get());
            }
            return membership.handle(turn, customer.get());
        } catch (Rejected e) {
            return ChatStep.stay(turn, Reply.text(turn.texts().get("error.generic")));
        }
    }

    /** A blocked customer: no menu; STOP is still recorded (nobody may be messaged against their wish). */
    private ChatStep blocked(ChatTurn turn, Customer c) {
        if (turn.intent() == Intent.STOP) {
            support.loyalty().setConsent(FlowSupport.actor(turn), c.id(), false, FlowSupport.CONSENT_SOURCE);
            return ChatStep.to(NEW, Reply.text(turn.texts().get("stop.quiet")));
        }
        return ChatStep.to(NEW, Reply.text(turn.texts().get("account.blocked")));
    }
}
