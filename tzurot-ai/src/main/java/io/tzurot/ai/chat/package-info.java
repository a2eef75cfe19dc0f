/**
 * The OpenAI-compatible {@link io.tzurot.core.model.ChatModel} on LangChain4j
 * ({@link io.tzurot.ai.chat.OpenAiCompatibleChatModel}).
 *
 * <p>Concurrency: every call is sent with {@code stream:true} through LangChain4j's streaming model over
 * {@code java.net.http.HttpClient#sendAsync} and a push-style SSE line reader, so a call that waits for its
 * model holds a socket and a few objects but no thread. Callbacks run on a fixed pool of
 * {@code 2 x cores} threads that only parse; retries and timeouts are scheduled, not slept. Hence the
 * number of replies in flight is bounded by sockets (one HTTP/1.1 connection per in-flight call to
 * plain-HTTP servers; HTTP/2 multiplexes to https providers) and memory, not threads.
 *
 * <p>Reasoning: LangChain4j only reads {@code reasoning_content}; OpenRouter sends {@code reasoning} and
 * {@code reasoning_details}. All three are read from the raw stream in one place, the per-call
 * {@link io.tzurot.ai.chat.ResponseTap} fed by {@link io.tzurot.ai.chat.TappingHttpClient}.
 */
package io.tzurot.ai.chat;
