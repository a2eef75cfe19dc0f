package io.tzurot.core.usage;

/** Summed usage over a period, for one model or all of them ({@code model} null). */
public record UsageTotals(String model, long requests, long tokensIn, long tokensOut) {
}
