/** {@code /deny}: the denylist's Discord face (translation only; the rules are core's {@code ManagingDenials}). */
package io.tzurot.discord.deny;
