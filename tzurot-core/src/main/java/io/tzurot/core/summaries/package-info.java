/**
 * Long-term-memory summaries (issue 18 item 5): old memories of one conversation and calendar week, summarized in
 * the background by a cheap model into one recallable memory that stands for them.
 */
package io.tzurot.core.summaries;
