/** PluralKit: proxied messages answered as their human author's, and the deleted originals left unanswered. */
package io.tzurot.discord.proxy;
