package io.tzurot.discord.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;

/**
 * A PluralKit repost seen as its human author's message: its author is the human (their id, so the denylist, rate
 * limits, persona and memory are theirs) under the member's name (how the channel sees them), it is no webhook
 * message and has no guild member, so every name shown for it is the member's. Everything else is the repost.
 * A view rather than a copy: the trigger, context and delivery code read one message type, whoever wrote it.
 */
public final class ProxiedMessage {

    private ProxiedMessage() {
    }

    /** {@code repost} as written by {@code human} (the Discord user PluralKit named) as {@code author}. */
    public static Message of(Message repost, User human, ProxiedAuthor author) {
        User speaker = view(User.class, human, (method, args) -> switch (method) {
            case "getGlobalName", "getEffectiveName" -> author.shownName();
            case "getName" -> human.getName();
            default -> NOT_OVERRIDDEN;
        });
        return view(Message.class, repost, (method, args) -> switch (method) {
            case "getAuthor" -> speaker;
            case "getMember" -> null;
            case "isWebhookMessage" -> false;
            case "getApplicationIdLong" -> 0L;
            case "getApplicationId" -> null;
            default -> NOT_OVERRIDDEN;
        });
    }

    private static final Object NOT_OVERRIDDEN = new Object();

    /** The answer to a no-argument method, or {@link #NOT_OVERRIDDEN} to ask the original. */
    private interface Override {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T view(Class<T> type, T target, Override override) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getParameterCount() == 0) {
                Object answer = override.answer(method.getName(), args);
                if (answer != NOT_OVERRIDDEN) {
                    return answer;
                }
            }
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0] || target.equals(args[0]);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
